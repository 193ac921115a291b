import { Fragment, useId, useMemo, type ReactNode } from 'react'
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
  type RouteComparison,
  type RouteSort,
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
          <RoutePerformanceHead
            envA={envA}
            envB={envB}
            sort={state.sort}
            onSort={(sort) => onChange({ sort })}
          />
          <tbody>
            {rows.map((row) => (
              <RoutePerformanceRow
                key={row.key}
                row={row}
                statusA={statusA}
                statusB={statusB}
                links={
                  <>
                    <RouteLinks env={a.env} ran={row.a !== null} range={range} route={row} />
                    <RouteLinks env={b.env} ran={row.b !== null} range={range} route={row} />
                  </>
                }
              />
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

/**
 * The metric columns, in order: each side's value, and for two of them the difference, by
 * which the table can be sorted.
 */
const METRICS: ReadonlyArray<{
  label: string
  show: (side: SideRoute) => string
  delta?: { key: RouteSortKey; label: string; show: (row: RouteComparison) => string }
}> = [
  { label: 'Exchanges', show: (side) => formatCount(side.exchanges) },
  {
    label: 'Error rate',
    show: (side) => formatPercent(side.errorRate),
    delta: {
      key: 'errorRate',
      label: 'Δ error rate',
      show: (row) => describePointsDelta(row.errorRateDelta),
    },
  },
  { label: 'p50', show: (side) => formatDuration(side.p50Ms) },
  { label: 'p95', show: (side) => formatDuration(side.p95Ms) },
  {
    label: 'p99',
    show: (side) => formatDuration(side.p99Ms),
    delta: { key: 'p99', label: 'Δ p99', show: (row) => describeRatio(row.p99Ratio) },
  },
]

/** Two header rows: the metrics over both sides' columns, then each side and the sortable Δ. */
function RoutePerformanceHead({
  envA,
  envB,
  sort,
  onSort,
}: {
  envA: string
  envB: string
  sort: RouteSort
  onSort: (sort: RouteSort) => void
}) {
  const ariaSort = (key: RouteSortKey) =>
    sort.key === key ? (sort.desc ? 'descending' : 'ascending') : undefined
  const sortButton = (key: RouteSortKey, label: string) => {
    const active = sort.key === key
    return (
      <button
        type="button"
        className="compare-sort"
        onClick={() => onSort({ key, desc: active ? !sort.desc : key !== 'route' })}
      >
        {label}
        <span aria-hidden="true">{active ? (sort.desc ? ' ▼' : ' ▲') : ''}</span>
      </button>
    )
  }
  const sides = (
    <>
      <th scope="col" className="compare-env-a">
        {envA}
      </th>
      <th scope="col" className="compare-env-b">
        {envB}
      </th>
    </>
  )
  return (
    <thead>
      <tr>
        <th scope="col" rowSpan={2} aria-sort={ariaSort('route')}>
          {sortButton('route', 'Route')}
        </th>
        {METRICS.map((metric) => (
          <th key={metric.label} scope="colgroup" colSpan={metric.delta ? 3 : 2}>
            {metric.label}
          </th>
        ))}
        <th scope="col" rowSpan={2}>
          Flags
        </th>
        <th scope="colgroup" colSpan={2}>
          Open
        </th>
      </tr>
      <tr>
        {METRICS.map(({ label, delta }) => (
          <Fragment key={label}>
            {sides}
            {delta ? (
              <th scope="col" aria-sort={ariaSort(delta.key)}>
                {sortButton(delta.key, delta.label)}
              </th>
            ) : null}
          </Fragment>
        ))}
        {sides}
      </tr>
    </thead>
  )
}

/** One route: each metric on both sides ('…' while a side loads), its flags, and links out. */
function RoutePerformanceRow({
  row,
  statusA,
  statusB,
  links,
}: {
  row: RouteComparison
  statusA: string | null
  statusB: string | null
  links: ReactNode
}) {
  const cell = (side: SideRoute | null, status: string | null, show: (s: SideRoute) => string) =>
    status ? '…' : side ? show(side) : '—'
  return (
    <tr className={row.flags.length ? 'is-drifting' : ''}>
      <th scope="row">
        <code>{row.routeId}</code>
        <span className="compare-app"> {row.applicationId}</span>
      </th>
      {METRICS.map(({ label, show, delta }) => (
        <Fragment key={label}>
          <td className="num">{cell(row.a, statusA, show)}</td>
          <td className="num">{cell(row.b, statusB, show)}</td>
          {delta ? <td className="num">{delta.show(row)}</td> : null}
        </Fragment>
      ))}
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
      {links}
    </tr>
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
