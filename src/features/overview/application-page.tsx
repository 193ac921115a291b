import { environmentName as nameOfEnvironment } from '@/environment/environment-info'
import { useQuery } from '@tanstack/react-query'
import { useMemo } from 'react'
import { useParams, useSearchParams } from 'react-router'
import { IgnoredLinkValues } from '@/components/ignored-link-values'
import { ErrorState, LoadingState } from '@/components/query-states'
import { RefreshFailedNotice } from '@/components/refresh-failed-notice'
import { StatusBadge } from '@/components/status-badge'
import { TimeRangeControls } from '@/components/time-range-controls'
import { RouteActivity } from '@/environment/commands/route-activity'
import { ApplicationRouteState } from '@/environment/commands/route-state-cell'
import { CompareLink } from '@/environment/compare-link'
import { ScopedLink } from '@/environment/scoped-link'
import { useEnvironmentInfo } from '@/environment/use-environment-info'
import { usePageTitle } from '@/environment/use-page-title'
import { useScope } from '@/environment/use-scope'
import type { Schemas } from '@/lib/api/types'
import { formatCount, formatDuration, formatPercent, formatRate } from '@/lib/format'
import { useViewRefresh } from '@/lib/query/use-view-refresh'
import { polling } from '@/lib/query/retry-policy'
import { useAutoRefresh, useAutoRefreshPause, useTimeRange } from '@/lib/time-range/use-time-range'
import { ConfigSection } from './app-config/config-section'
import { ApplicationCharts } from './application-chart'
import { errorRate } from './health'
import { HealthBadge } from './health-badge'
import { keptSearch } from './overview-link-search'
import { applicationQueries } from './application-queries'
import { overviewQuery } from './overview-queries'
import { RouteDiagramLink, routeDiagramLink } from './route-diagram-link'
import { toRows, type OverviewRow } from './overview-rows'
import { AgentCounts } from './overview-table'
import './overview.css'

/**
 * `/overview/<application>`: one application's health and figures, its throughput and
 * latency, its routes and agents, and links to the executions, logs and metrics that explain
 * them, all in the same environment and range.
 */
export function ApplicationPage() {
  const applicationId = useParams().applicationId ?? ''
  usePageTitle(applicationId)
  const scope = useScope()
  const [searchParams] = useSearchParams()
  const { range, problem: rangeProblem } = useTimeRange()
  const { intervalMs } = useAutoRefresh()
  const pause = useAutoRefreshPause()
  const live = { refetchInterval: polling(pause ? false : intervalMs) }
  // The Overview's own query: coming from the list, the row is already in the cache.
  const overview = useQuery({ ...overviewQuery(scope, range), ...live })
  const row = useMemo(
    () =>
      overview.data
        ? toRows(overview.data).find((candidate) => candidate.applicationId === applicationId)
        : undefined,
    [overview.data, applicationId],
  )
  const environmentName = nameOfEnvironment(useEnvironmentInfo(scope.env), scope.env)

  // Every active query of this scope is this page's: what Refresh refetches and its spinner follows.
  const { refresh, refreshing } = useViewRefresh(scope)
  const search = searchParams.toString()
  const link = (path: string, extra: Record<string, string>) =>
    `${path}?${keptSearch(new URLSearchParams(search), extra)}`

  return (
    <div className="overview-page overview-application-page">
      <p className="overview-back">
        <ScopedLink to={link('/overview', {})}>← Overview</ScopedLink>
      </p>
      <header className="page-header">
        <div className="overview-app-heading">
          <h1>{applicationId}</h1>
          {row ? <HealthBadge health={row.health} /> : null}
        </div>
        <CompareLink />
        <TimeRangeControls onRefresh={refresh} refreshing={refreshing} />
      </header>
      <IgnoredLinkValues rangeProblem={rangeProblem} problems={[]} />
      {overview.isPending ? (
        <LoadingState label={`Loading ${applicationId} in ${scope.env}…`} />
      ) : overview.isError && !overview.data ? (
        <ErrorState error={overview.error} onRetry={() => void overview.refetch()} />
      ) : !row ? (
        <div className="state state-empty" role="status">
          <strong>
            No application “{applicationId}” in {environmentName}
          </strong>
          <p>
            No agent of it is registered here and nothing of it ran in the time range.{' '}
            <ScopedLink to={link('/overview', {})}>See every application</ScopedLink>.
          </p>
        </div>
      ) : (
        <>
          <RefreshFailedNotice what="the application’s figures" query={overview} />
          <Figures row={row} />
          <nav className="overview-links" aria-label={`About ${applicationId}`}>
            <ScopedLink className="button" to={link('/executions', { app: applicationId })}>
              Executions
            </ScopedLink>
            <ScopedLink
              className="button"
              to={link('/executions', { app: applicationId, status: 'FAILED' })}
            >
              Failed executions
            </ScopedLink>
            <ScopedLink className="button" to={link('/logs', { app: applicationId })}>
              Logs
            </ScopedLink>
            <ScopedLink
              className="button"
              to={link('/logs', { app: applicationId, level: 'ERROR' })}
            >
              Errors in logs
            </ScopedLink>
            <ScopedLink
              className="button"
              to={link('/metrics', { routesApp: applicationId, agentApp: applicationId })}
            >
              Metrics
            </ScopedLink>
          </nav>
          <section className="overview-section" aria-labelledby="overview-chart-heading">
            <h2 id="overview-chart-heading">Throughput and latency</h2>
            <ApplicationCharts
              scope={scope}
              range={range}
              applicationId={applicationId}
              refetchInterval={pause ? false : intervalMs}
            />
          </section>
          <RoutesSection applicationId={applicationId} live={live} link={link} />
          <RouteActivity applicationId={applicationId} />
          <AgentsSection applicationId={applicationId} live={live} />
          <ConfigSection
            key={`${scope.tenant}/${scope.env}/${applicationId}`}
            scope={scope}
            applicationId={applicationId}
          />
        </>
      )}
    </div>
  )
}

type Live = { refetchInterval: ReturnType<typeof polling> }

function Figures({ row }: { row: OverviewRow }) {
  return (
    <dl className="overview-figures">
      <div>
        <dt>Exchanges/min</dt>
        <dd>{formatRate(row.exchangesPerMinute)}</dd>
      </div>
      <div>
        <dt>Error rate</dt>
        <dd>{row.exchanges > 0 ? formatPercent(row.errorRate) : '—'}</dd>
      </div>
      <div>
        <dt>p99</dt>
        <dd>{formatDuration(row.app.p99Ms)}</dd>
      </div>
      <div>
        <dt>In flight</dt>
        <dd>{formatCount(row.app.inflight)}</dd>
      </div>
      <div>
        <dt>Agents (live / stale / dead)</dt>
        <dd>
          <AgentCounts agents={row.agents} />
        </dd>
      </div>
      <div>
        <dt>Exchanges</dt>
        <dd>
          {formatCount(row.exchanges)} ({formatCount(row.failed)} failed)
        </dd>
      </div>
    </dl>
  )
}

function RoutesSection({
  applicationId,
  live,
  link,
}: {
  applicationId: string
  live: Live
  link: (path: string, extra: Record<string, string>) => string
}) {
  const scope = useScope()
  const { range } = useTimeRange()
  const routes = useQuery({ ...applicationQueries.routes(scope, range, applicationId), ...live })
  const minutes = useMemo(() => {
    const from = Date.parse(routes.data?.resolved.from ?? '')
    const to = Date.parse(routes.data?.resolved.to ?? '')
    return Math.max(1 / 60, (to - from) / 60_000)
  }, [routes.data])
  return (
    <section className="overview-section" aria-labelledby="overview-routes-heading">
      <h2 id="overview-routes-heading">Routes</h2>
      {routes.isPending ? (
        <LoadingState label="Loading the routes…" />
      ) : routes.isError && !routes.data ? (
        <ErrorState error={routes.error} onRetry={() => void routes.refetch()} />
      ) : routes.data.items.length === 0 ? (
        <p className="muted">No route of {applicationId} ran in the time range.</p>
      ) : (
        <div className="table-wrap">
          <table className="data-table overview-routes" aria-label="Routes">
            <thead>
              <tr>
                <th scope="col">Route</th>
                <th scope="col">State</th>
                <th scope="col" className="num">
                  Exchanges/min
                </th>
                <th scope="col" className="num">
                  Error rate
                </th>
                <th scope="col" className="num">
                  p50
                </th>
                <th scope="col" className="num">
                  p95
                </th>
                <th scope="col" className="num">
                  p99
                </th>
                <th scope="col">Links</th>
              </tr>
            </thead>
            <tbody>
              {routes.data.items.map((route) => (
                <RouteRow
                  key={route.routeId}
                  route={route}
                  minutes={minutes}
                  executionsTo={link('/executions', {
                    app: applicationId,
                    route: route.routeId,
                  })}
                  metricsTo={link('/metrics', {
                    routesApp: applicationId,
                    routeApp: applicationId,
                    route: route.routeId,
                  })}
                  diagramTo={routeDiagramLink(link, applicationId, route.routeId)}
                />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  )
}

function RouteRow({
  route,
  minutes,
  executionsTo,
  metricsTo,
  diagramTo,
}: {
  route: Schemas['RouteStats']
  minutes: number
  executionsTo: string
  metricsTo: string
  diagramTo: string
}) {
  return (
    <tr>
      <th scope="row" className="mono">
        {route.routeId}
      </th>
      <td>
        <ApplicationRouteState applicationId={route.applicationId} routeId={route.routeId} />
      </td>
      <td className="num">{formatRate(route.exchanges / minutes)}</td>
      <td className="num">{formatPercent(errorRate(route))}</td>
      <td className="num">{formatDuration(route.p50Ms)}</td>
      <td className="num">{formatDuration(route.p95Ms)}</td>
      <td className="num">{formatDuration(route.p99Ms)}</td>
      <td>
        <ScopedLink to={executionsTo} aria-label={`Executions of ${route.routeId}`}>
          Executions
        </ScopedLink>{' '}
        ·{' '}
        <ScopedLink to={metricsTo} aria-label={`Charts of ${route.routeId}`}>
          Charts
        </ScopedLink>{' '}
        · <RouteDiagramLink to={diagramTo} routeId={route.routeId} />
      </td>
    </tr>
  )
}

function AgentsSection({ applicationId, live }: { applicationId: string; live: Live }) {
  const scope = useScope()
  const agents = useQuery({ ...applicationQueries.agents(scope, applicationId), ...live })
  return (
    <section className="overview-section" aria-labelledby="overview-agents-heading">
      <h2 id="overview-agents-heading">Agents</h2>
      {agents.isPending ? (
        <LoadingState label="Loading the agents…" />
      ) : agents.isError && !agents.data ? (
        <ErrorState error={agents.error} onRetry={() => void agents.refetch()} />
      ) : agents.data.length === 0 ? (
        <p className="muted">
          No agent of {applicationId} is registered in {scope.env}.
        </p>
      ) : (
        <ul className="overview-agent-list">
          {agents.data.map((agent) => (
            <li key={agent.agentId}>
              <ScopedLink to={`/agents/${encodeURIComponent(agent.agentId)}`} className="mono">
                {agent.agentId}
              </ScopedLink>{' '}
              <StatusBadge status={agent.status} />
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
