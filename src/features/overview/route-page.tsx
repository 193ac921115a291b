import { useQuery } from '@tanstack/react-query'
import { useId, type ReactNode } from 'react'
import { useParams, useSearchParams } from 'react-router'
import { IgnoredLinkValues } from '@/components/ignored-link-values'
import { EmptyState, ErrorState, LoadingState } from '@/components/query-states'
import { LazyRouteDiagram } from '@/components/route-diagram/lazy-route-diagram'
import { ProcessorStatsState } from '@/components/route-diagram/processor-stats-state'
import { TimeRangeControls } from '@/components/time-range-controls'
import { environmentName as nameOfEnvironment } from '@/environment/environment-info'
import { ScopedLink } from '@/environment/scoped-link'
import { useEnvironmentInfo } from '@/environment/use-environment-info'
import { usePageTitle } from '@/environment/use-page-title'
import { useScope } from '@/environment/use-scope'
import { isHttpStatus } from '@/lib/api/errors'
import { polling } from '@/lib/query/retry-policy'
import { useViewRefresh } from '@/lib/query/use-view-refresh'
import { useAutoRefresh, useAutoRefreshPause, useTimeRange } from '@/lib/time-range/use-time-range'
import { applicationQueries } from './application-queries'
import { keptSearch } from './overview-link-search'
import { RouteProcessorsTable } from './route-processors-table'
import './overview.css'

/**
 * `/overview/<application>/routes/<route>`: one route's diagram with the time range's
 * per-processor statistics on it, the same figures as a table (the diagram's text
 * alternative), and links to the route's executions, in the same environment and range.
 */
export function RoutePage() {
  const params = useParams()
  const applicationId = params.applicationId ?? ''
  const routeId = params.routeId ?? ''
  usePageTitle(`Route ${routeId}`)
  const scope = useScope()
  const [searchParams] = useSearchParams()
  const { range, problem: rangeProblem } = useTimeRange()
  const { intervalMs } = useAutoRefresh()
  const pause = useAutoRefreshPause()
  const live = { refetchInterval: polling(pause ? false : intervalMs) }
  const diagram = useQuery(applicationQueries.diagram(scope, applicationId, routeId))
  const stats = useQuery({
    ...applicationQueries.processors(scope, range, applicationId, routeId),
    ...live,
  })
  // Only asked when there is no diagram: did the route run at all (then it merely has none)?
  const missing = isHttpStatus(diagram.error, 404)
  const routes = useQuery({
    ...applicationQueries.routes(scope, range, applicationId),
    enabled: missing,
  })
  const environmentName = nameOfEnvironment(useEnvironmentInfo(scope.env), scope.env)

  const { refresh, refreshing } = useViewRefresh(scope)
  const search = searchParams.toString()
  const link = (path: string, extra: Record<string, string>) =>
    `${path}?${keptSearch(new URLSearchParams(search), extra)}`
  const app = encodeURIComponent(applicationId)

  let body: ReactNode
  if (diagram.isPending || (missing && routes.isPending)) {
    body = <LoadingState label={`Loading route ${routeId}…`} />
  } else if (missing && !routes.data?.items.some((route) => route.routeId === routeId)) {
    body = (
      <EmptyState title={`No route “${routeId}” in ${applicationId} in ${environmentName}`}>
        No agent of {applicationId} has reported this route here and it did not run in the time
        range.{' '}
        <ScopedLink to={link(`/overview/${app}`, {})}>See the routes of {applicationId}</ScopedLink>
        .
      </EmptyState>
    )
  } else if (missing) {
    // The route ran: its executions are still one click away.
    body = (
      <>
        <RouteLinks routeId={routeId} link={link} applicationId={applicationId} />
        <EmptyState title={`No diagram for route ${routeId}`}>
          The route ran in the time range, but no agent of {applicationId} has reported its diagram
          in {environmentName}.
        </EmptyState>
      </>
    )
  } else if (diagram.isError) {
    body = (
      <ErrorState
        title="The route diagram could not be loaded"
        error={diagram.error}
        onRetry={() => void diagram.refetch()}
      />
    )
  } else {
    body = (
      <>
        <RouteLinks routeId={routeId} link={link} applicationId={applicationId} />
        <DiagramSection routeId={routeId}>
          <ProcessorStatsState stats={stats} without="the route only" />
          <LazyRouteDiagram
            diagram={diagram.data}
            processors={null}
            stats={stats.data?.items ?? null}
          />
        </DiagramSection>
        <RouteProcessorsTable
          routeId={routeId}
          nodes={diagram.data.nodes}
          stats={stats.data?.items ?? null}
        />
      </>
    )
  }

  return (
    <div className="overview-page overview-route-page">
      <p className="overview-back">
        <ScopedLink to={link(`/overview/${app}`, {})}>← {applicationId}</ScopedLink>
      </p>
      <header className="page-header">
        <h1>Route {routeId}</h1>
        <TimeRangeControls onRefresh={refresh} refreshing={refreshing} />
      </header>
      <IgnoredLinkValues rangeProblem={rangeProblem} problems={[]} />
      {body}
    </div>
  )
}

function RouteLinks({
  applicationId,
  routeId,
  link,
}: {
  applicationId: string
  routeId: string
  link: (path: string, extra: Record<string, string>) => string
}) {
  const filters = { app: applicationId, route: routeId }
  return (
    <nav className="overview-links" aria-label={`About route ${routeId}`}>
      <ScopedLink className="button" to={link('/executions', filters)}>
        Executions
      </ScopedLink>
      <ScopedLink className="button" to={link('/executions', { ...filters, status: 'FAILED' })}>
        Failed executions
      </ScopedLink>
    </nav>
  )
}

function DiagramSection({ routeId, children }: { routeId: string; children: ReactNode }) {
  const headingId = useId()
  return (
    <section className="overview-section" aria-labelledby={headingId}>
      <h2 id={headingId}>Diagram</h2>
      <p className="muted">
        Route {routeId} as its agents last reported it; the processors’ figures are listed as a
        table below.
      </p>
      {children}
    </section>
  )
}
