import { createBrowserRouter, Navigate, useLocation, type RouteObject } from 'react-router'
import { RequireSession } from '@/session/require-session'
import { AppShell } from './app-shell'
import { NotFoundPage, RouteError } from './route-error'

function RedirectToOverview() {
  const { search } = useLocation()
  return <Navigate to={`/overview${search}`} replace />
}

function RedirectToAdminEnvironments() {
  const { search } = useLocation()
  return <Navigate to={`/admin/environments${search}`} replace />
}

/** `/alerts` with its four tabs (a layout with children), and the rule form's two pages. */
const alertsRoutes: RouteObject[] = [
  {
    path: 'alerts',
    lazy: async () => ({
      Component: (await import('@/features/alerts/alerts-layout')).AlertsLayout,
    }),
    children: [
      {
        index: true,
        lazy: async () => ({
          Component: (await import('@/features/alerts/open-alerts-page')).OpenAlertsPage,
        }),
      },
      {
        path: 'history',
        lazy: async () => ({
          Component: (await import('@/features/alerts/alert-history-page')).AlertHistoryPage,
        }),
      },
      {
        path: 'rules',
        lazy: async () => ({
          Component: (await import('@/features/alerts/alert-rules-page')).AlertRulesPage,
        }),
      },
      {
        path: 'silences',
        lazy: async () => ({
          Component: (await import('@/features/alerts/silences-page')).SilencesPage,
        }),
      },
    ],
  },
  {
    path: 'alerts/rules/new',
    lazy: async () => ({
      Component: (await import('@/features/alerts/rule-form-page')).RuleFormPage,
    }),
  },
  {
    path: 'alerts/rules/:ruleId',
    lazy: async () => ({
      Component: (await import('@/features/alerts/rule-form-page')).RuleFormPage,
    }),
  },
]

/**
 * Feature pages load lazily: `/agents` never downloads the executions code or chart library.
 *
 * A function, not a module-level router: a router reads the address when it is created, and
 * it must never see a `#access_token=` hand-off. `main.tsx` takes the hand-off out of the
 * address bar first and creates the router after.
 */
export function createAppRouter() {
  return createBrowserRouter([
    {
      path: '/login',
      lazy: async () => ({ Component: (await import('@/session/login-page')).LoginPage }),
      errorElement: <RouteError />,
    },
    {
      path: '/',
      element: (
        <RequireSession>
          <AppShell />
        </RequireSession>
      ),
      errorElement: <RouteError />,
      children: [
        {
          errorElement: <RouteError />,
          children: [
            { index: true, element: <RedirectToOverview /> },
            {
              path: 'overview',
              lazy: async () => ({
                Component: (await import('@/features/overview/overview-page')).OverviewPage,
              }),
            },
            {
              path: 'overview/:applicationId',
              lazy: async () => ({
                Component: (await import('@/features/overview/application-page')).ApplicationPage,
              }),
            },
            {
              path: 'overview/:applicationId/routes/:routeId',
              lazy: async () => ({
                Component: (await import('@/features/overview/route-page')).RoutePage,
              }),
            },
            {
              path: 'agents',
              lazy: async () => ({
                Component: (await import('@/features/agents/agents-page')).AgentsPage,
              }),
            },
            {
              path: 'agents/:agentId',
              lazy: async () => ({
                Component: (await import('@/features/agents/agent-detail-page')).AgentDetailPage,
              }),
            },
            {
              path: 'executions',
              lazy: async () => ({
                Component: (await import('@/features/executions/search/executions-page'))
                  .ExecutionsPage,
              }),
            },
            {
              path: 'executions/:executionId',
              lazy: async () => ({
                Component: (await import('@/features/executions/detail/execution-detail-page'))
                  .ExecutionDetailPage,
              }),
            },
            {
              path: 'usage',
              lazy: async () => ({
                Component: (await import('@/features/usage/usage-page')).UsagePage,
              }),
            },
            {
              path: 'logs',
              lazy: async () => ({
                Component: (await import('@/features/logs/logs-page')).LogsPage,
              }),
            },
            {
              path: 'metrics',
              lazy: async () => ({
                Component: (await import('@/features/metrics/metrics-page')).MetricsPage,
              }),
            },
            ...alertsRoutes,
            {
              path: 'compare',
              lazy: async () => ({
                Component: (await import('@/features/compare/compare-page')).ComparePage,
              }),
            },
            {
              path: 'admin',
              lazy: async () => ({
                Component: (await import('@/features/admin/admin-layout')).AdminLayout,
              }),
              children: [
                { index: true, element: <RedirectToAdminEnvironments /> },
                {
                  path: 'environments',
                  lazy: async () => ({
                    Component: (await import('@/features/admin/environments-admin-page'))
                      .EnvironmentsAdminPage,
                  }),
                },
                {
                  path: 'people',
                  lazy: async () => ({
                    Component: (await import('@/features/admin/people-page')).PeoplePage,
                  }),
                },
                {
                  path: 'audit',
                  lazy: async () => ({
                    Component: (await import('@/features/admin/audit-log-page')).AuditLogPage,
                  }),
                },
              ],
            },
            { path: '*', element: <NotFoundPage /> },
          ],
        },
      ],
    },
  ])
}
