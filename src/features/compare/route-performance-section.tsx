import { useId, useMemo } from 'react'
import { Link } from 'react-router'
import { ErrorState } from '@/components/query-states'
import { withEnvironment } from '@/environment/scoped-link'
import { formatCount, formatDuration, formatPercent } from '@/lib/format'
import type { TimeRange } from '@/lib/time-range/time-range'
import type { CompareViewState } from './compare-url-state'
import {
  compareRoutes,
  describePointsDelta,
  describeRatio,
  ERROR_RATE_POINTS_FLAG,
  MIN_EXCHANGES_TO_FLAG,
  P99_RATIO_FLAG,
  sortRoutes,
  type RouteSortKey,
  type SideRoute,
} from './route-comparison'
import { sideStatus, type SideView } from './side-view'

interface Props {
  a: SideView
  b: SideView
  range: TimeRange
  state: CompareViewState
  onChange: (patch: Partial<CompareViewState>) => void
}

type Route = { applicationId: string; routeId: string }

/** Links out open in the environment of the side they belong to, never the page's. */
export function executionsHref(env: string, range: TimeRange, route: Route): string {
  const params = new URLSearchParams({
    app: route.applicationId,
    route: route.routeId,
    from: range.from,
    to: range.to,
  })
  return withEnvironment(`/executions?${params.toString()}`, env)
}

export function metricsHref(env: string, range: TimeRange, route: Route): string {
  const params = new URLSearchParams({
    routeApp: route.applicationId,
    route: route.routeId,
    from: range.from,
    to: range.to,
  })
  return withEnvironment(`/metrics?${params.toString()}`, env)
}

/** Per route of either environment: volume, error rate and latency on both sides, and flags. */
export function RoutePerformanceSection({ a, b, range, state, onChange }: Props) {
  const headingId = useId()
  const rowsA = a.stats?.data?.items ?? null
  const rowsB = b.stats?.data?.items ?? null
  const envA = a.env ?? 'A'
  const envB = b.env ?? 'B'
  const rows = useMemo(
    () =>
      sortRoutes(compareRoutes({ env: envA, rows: rowsA }, { env: envB, rows: rowsB }), state.sort),
    [envA, envB, rowsA, rowsB, state.sort],
  )
  const flagged = rows.filter((row) => row.flags.length > 0).length
  const statusA = sideStatus(a.env, a.stats)
  const statusB = sideStatus(b.env, b.stats)

  const sortButton = (key: RouteSortKey, label: string) => {
    const active = state.sort.key === key
    return (
      <button
        type="button"
        className="compare-sort"
        onClick={() =>
          onChange({ sort: { key, desc: active ? !state.sort.desc : key !== 'route' } })
        }
      >
        {label}
        <span aria-hidden="true">{active ? (state.sort.desc ? ' ▼' : ' ▲') : ''}</span>
      </button>
    )
  }
  const ariaSort = (key: RouteSortKey) =>
    state.sort.key === key ? (state.sort.desc ? 'descending' : 'ascending') : undefined

  const cell = (side: SideRoute | null, status: string | null, show: (s: SideRoute) => string) =>
    status ? '…' : side ? show(side) : '—'

  return (
    <section className="compare-section" aria-labelledby={headingId}>
      <div className="compare-section-header">
        <h2 id={headingId}>Route performance</h2>
        <p className="compare-summary" role="status">
          {statusA || statusB
            ? [statusA, statusB].filter(Boolean).join('; ')
            : `${rows.length} routes; ${flagged} flagged (p99 at least ${P99_RATIO_FLAG}× the other side's, an error rate ${ERROR_RATE_POINTS_FLAG * 100} point or more higher, or a route on one side only; at least ${MIN_EXCHANGES_TO_FLAG} exchanges on each side).`}
        </p>
      </div>
      {[a, b].map((side) =>
        side.env && side.stats?.isError && side.stats.data === undefined ? (
          <ErrorState
            key={side.env}
            error={side.stats.error}
            title={`Could not load the route statistics of ${side.env}`}
            onRetry={() => void side.stats?.refetch()}
          />
        ) : null,
      )}
      <div
        className="table-wrap compare-routes-wrap"
        tabIndex={0}
        role="region"
        aria-label="Route performance table"
      >
        <table className="data-table compare-table">
          <caption className="visually-hidden">
            Route performance in {envA} and {envB} over the time range; Δ is {envB} against {envA}
          </caption>
          <thead>
            <tr>
              <th scope="col" rowSpan={2} aria-sort={ariaSort('route')}>
                {sortButton('route', 'Route')}
              </th>
              <th scope="colgroup" colSpan={2}>
                Exchanges
              </th>
              <th scope="colgroup" colSpan={3}>
                Error rate
              </th>
              <th scope="colgroup" colSpan={2}>
                p50
              </th>
              <th scope="colgroup" colSpan={2}>
                p95
              </th>
              <th scope="colgroup" colSpan={3}>
                p99
              </th>
              <th scope="col" rowSpan={2}>
                Flags
              </th>
              <th scope="colgroup" colSpan={2}>
                Open
              </th>
            </tr>
            <tr>
              <th scope="col" className="compare-env-a">
                {envA}
              </th>
              <th scope="col" className="compare-env-b">
                {envB}
              </th>
              <th scope="col" className="compare-env-a">
                {envA}
              </th>
              <th scope="col" className="compare-env-b">
                {envB}
              </th>
              <th scope="col" aria-sort={ariaSort('errorRate')}>
                {sortButton('errorRate', 'Δ error rate')}
              </th>
              <th scope="col" className="compare-env-a">
                {envA}
              </th>
              <th scope="col" className="compare-env-b">
                {envB}
              </th>
              <th scope="col" className="compare-env-a">
                {envA}
              </th>
              <th scope="col" className="compare-env-b">
                {envB}
              </th>
              <th scope="col" className="compare-env-a">
                {envA}
              </th>
              <th scope="col" className="compare-env-b">
                {envB}
              </th>
              <th scope="col" aria-sort={ariaSort('p99')}>
                {sortButton('p99', 'Δ p99')}
              </th>
              <th scope="col" className="compare-env-a">
                {envA}
              </th>
              <th scope="col" className="compare-env-b">
                {envB}
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.key} className={row.flags.length ? 'is-drifting' : ''}>
                <th scope="row">
                  <code>{row.routeId}</code>
                  <span className="compare-app"> {row.applicationId}</span>
                </th>
                <td className="num">{cell(row.a, statusA, (s) => formatCount(s.exchanges))}</td>
                <td className="num">{cell(row.b, statusB, (s) => formatCount(s.exchanges))}</td>
                <td className="num">{cell(row.a, statusA, (s) => formatPercent(s.errorRate))}</td>
                <td className="num">{cell(row.b, statusB, (s) => formatPercent(s.errorRate))}</td>
                <td className="num">{describePointsDelta(row.errorRateDelta)}</td>
                <td className="num">{cell(row.a, statusA, (s) => formatDuration(s.p50Ms))}</td>
                <td className="num">{cell(row.b, statusB, (s) => formatDuration(s.p50Ms))}</td>
                <td className="num">{cell(row.a, statusA, (s) => formatDuration(s.p95Ms))}</td>
                <td className="num">{cell(row.b, statusB, (s) => formatDuration(s.p95Ms))}</td>
                <td className="num">{cell(row.a, statusA, (s) => formatDuration(s.p99Ms))}</td>
                <td className="num">{cell(row.b, statusB, (s) => formatDuration(s.p99Ms))}</td>
                <td className="num">{describeRatio(row.p99Ratio)}</td>
                <td>
                  {row.flags.length > 0 ? (
                    <ul className="compare-differences">
                      {row.flags.map((flag) => (
                        <li key={flag}>{flag}</li>
                      ))}
                    </ul>
                  ) : row.tooFew ? (
                    <span className="compare-same">too few exchanges to compare</span>
                  ) : null}
                </td>
                <RouteLinks env={a.env} ran={row.a !== null} range={range} route={row} />
                <RouteLinks env={b.env} ran={row.b !== null} range={range} route={row} />
              </tr>
            ))}
            {rows.length === 0 ? (
              <tr>
                <td colSpan={16}>
                  {statusA || statusB
                    ? 'Loading…'
                    : 'No route ran in either environment in this time range.'}
                </td>
              </tr>
            ) : null}
          </tbody>
        </table>
      </div>
    </section>
  )
}

function RouteLinks({
  env,
  ran,
  range,
  route,
}: {
  env: string | null
  ran: boolean
  range: TimeRange
  route: Route
}) {
  if (!env || !ran) return <td />
  return (
    <td className="compare-links">
      <Link to={executionsHref(env, range, route)}>
        Executions
        <span className="visually-hidden">
          {' '}
          of {route.routeId} in {env}
        </span>
      </Link>{' '}
      <Link to={metricsHref(env, range, route)}>
        Metrics
        <span className="visually-hidden">
          {' '}
          of {route.routeId} in {env}
        </span>
      </Link>
    </td>
  )
}
