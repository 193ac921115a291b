import { useQueries } from '@tanstack/react-query'
import { useEffect, useId, useMemo } from 'react'
import { useChartView } from '@/components/charts/time-series-figure'
import type { Resolved } from '@/lib/resources/range'
import type { Scope } from '@/lib/query/query-scope'
import { polling } from '@/lib/query/retry-policy'
import { metricsResources } from '@/lib/resources/metrics'
import type { TimeRange } from '@/lib/time-range/time-range'
import { COMPARE_STALE_MS, compareQueries } from './compare-queries'
import type { CompareViewState } from './compare-url-state'
import { OverlayChart, type OverlaySide } from './overlay-chart'
import { aggregateAgents, aggregations, routeLines, type Aggregation } from './overlay-series'
import { compareRoutes, sortRoutes, type RouteComparison } from './route-comparison'
import type { SideView } from './side-view'

interface Props {
  a: SideView
  b: SideView
  range: TimeRange
  state: CompareViewState
  refetchInterval: number | false
  onChange: (patch: Partial<CompareViewState>, options?: { replace?: boolean }) => void
}

const DEFAULT_METRIC = 'jvm.memory.heap.used'
type Route = { applicationId: string; routeId: string }
type Query<T> = { isError: boolean; data?: T }

/**
 * A chosen route's p50, p99 and error rate, and a chosen agent metric aggregated per
 * environment: both environments on each chart (solid and dashed, named in the legend). Each
 * request is written once and made per side.
 */
export function OverlaySection({ a, b, range, state, refetchInterval, onChange }: Props) {
  const headingId = useId()
  const metricView = useChartView()
  const sides = [a, b] as const

  const { routes, route } = useOverlayRoute(a, b, state.route, onChange)

  const nameQueries = useQueries({
    queries: sides.map((side) => ({
      ...metricsResources.names(keyScope(side.scope)),
      enabled: side.scope !== null,
    })),
  })
  const namesA = dataOf(a.scope, nameQueries[0])
  const namesB = dataOf(b.scope, nameQueries[1])
  const names = useMemo(() => {
    const out = new Map<string, { name: string; unit: string; description: string }>()
    for (const item of [...(namesA?.items ?? []), ...(namesB?.items ?? [])]) {
      if (!out.has(item.name)) out.set(item.name, item)
    }
    return [...out.values()].sort((x, y) => x.name.localeCompare(y.name))
  }, [namesA, namesB])
  const metric =
    state.metric ??
    (names.some((one) => one.name === DEFAULT_METRIC) ? DEFAULT_METRIC : null) ??
    names[0]?.name ??
    null
  const unit = names.find((one) => one.name === metric)?.unit ?? ''

  const poll = polling(refetchInterval)
  const routeKey = route ?? { applicationId: '', routeId: '' }
  const seriesQueries = useQueries({
    queries: sides.map((side) => ({
      ...compareQueries.routeTimeseries(keyScope(side.scope), range, routeKey),
      enabled: side.scope !== null && route !== null,
      refetchInterval: poll,
    })),
  })
  // The metric at the overlay chart's resolution, asked for once the chart is in view.
  const metricQueries = useQueries({
    queries: sides.map((side) => ({
      ...metricsResources.series(keyScope(side.scope), range, {
        names: [metric ?? ''],
        plotWidth: metricView.plotWidth,
      }),
      enabled:
        side.scope !== null && metric !== null && metricView.inView && metricView.plotWidth > 0,
      staleTime: COMPARE_STALE_MS,
      refetchInterval: poll,
    })),
  })
  const seriesA = dataOf(a.scope, seriesQueries[0])
  const seriesB = dataOf(b.scope, seriesQueries[1])
  const metricA = dataOf(a.scope, metricQueries[0])
  const metricB = dataOf(b.scope, metricQueries[1])
  const lines = useMemo(
    () => [seriesA, seriesB].map((data) => (data ? routeLines(data.points) : null)),
    [seriesA, seriesB],
  )
  const aggregation: Aggregation = state.aggregation
  const agentLines = useMemo(
    () =>
      [metricA, metricB].map((data) =>
        data && metric ? aggregateAgents(data, metric, aggregation) : null,
      ),
    [metricA, metricB, metric, aggregation],
  )
  const seriesData = [seriesA, seriesB]
  const metricData = [metricA, metricB]

  const routeDomain = domainOf(seriesData)
  const metricDomain = domainOf(metricData)
  const routeStep = (seriesData[0]?.step ?? seriesData[1]?.step ?? 60) * 1000
  const metricStep = (metricData[0]?.step ?? metricData[1]?.step ?? 60) * 1000

  /** Both sides of one chart: each side's line, or why it has none. */
  const pair = (
    queries: readonly Query<unknown>[],
    line: (index: number) => OverlaySide['columns'],
  ) =>
    sides.map((side, index): OverlaySide => {
      const enabled = side.scope !== null
      const columns = enabled ? line(index) : null
      return {
        env: side.env ?? '',
        columns,
        status: !side.env
          ? 'no environment chosen'
          : !enabled || columns
            ? null
            : queries[index]?.isError
              ? 'could not be loaded'
              : 'loading…',
      }
    }) as unknown as readonly [OverlaySide, OverlaySide]
  const routeLabel = route ? `${route.routeId} (${route.applicationId})` : ''
  const aggregationLabel = aggregations.find((one) => one.value === aggregation)?.label ?? ''

  return (
    <section className="compare-section" aria-labelledby={headingId}>
      <div className="compare-section-header">
        <h2 id={headingId}>Overlay</h2>
      </div>
      <OverlayControls
        routes={routes}
        route={route}
        names={names}
        metric={metric}
        aggregation={aggregation}
        onChange={onChange}
      />
      <div className="compare-charts">
        {route ? (
          <>
            <OverlayChart
              title={`p50 latency of ${routeLabel}`}
              unit="ms"
              sides={pair(seriesQueries, (index) => lines[index]?.p50 ?? null)}
              domain={routeDomain}
              stepMs={routeStep}
              emptyText="No execution of the route finished in this time range."
            />
            <OverlayChart
              title={`p99 latency of ${routeLabel}`}
              unit="ms"
              sides={pair(seriesQueries, (index) => lines[index]?.p99 ?? null)}
              domain={routeDomain}
              stepMs={routeStep}
              emptyText="No execution of the route finished in this time range."
            />
            <OverlayChart
              title={`Error rate of ${routeLabel}`}
              unit="ratio"
              sides={pair(seriesQueries, (index) => lines[index]?.errorRate ?? null)}
              domain={routeDomain}
              stepMs={routeStep}
              emptyText="The route did not run in this time range."
            />
          </>
        ) : null}
        {metric ? (
          <OverlayChart
            view={metricView}
            title={`${metric}, ${aggregationLabel.toLowerCase()}`}
            subtitle={unit ? `unit ${unit}` : undefined}
            unit={unit}
            sides={pair(metricQueries, (index) => agentLines[index] ?? null)}
            domain={metricDomain}
            stepMs={metricStep}
            emptyText="No agent reported this metric in this time range."
          />
        ) : null}
      </div>
    </section>
  )
}

function domainOf(data: ReadonlyArray<Resolved | undefined>): { from: number; to: number } {
  const resolved = data
    .filter((one): one is Resolved => one !== undefined)
    .map((one) => one.resolved)
  if (resolved.length === 0) {
    const now = Date.now()
    return { from: now - 3_600_000, to: now }
  }
  return {
    from: Math.min(...resolved.map((one) => Date.parse(one.from))),
    to: Math.max(...resolved.map((one) => Date.parse(one.to))),
  }
}

/** The key scope of a side's queries; a side without environment gets one never enabled. */
function keyScope(scope: Scope | null): Scope {
  return scope ?? { tenant: '', env: '' }
}

/** A side's data, and nothing when the side has no environment (its query is disabled). */
function dataOf<T>(scope: Scope | null, query: { data?: T } | undefined): T | undefined {
  return scope ? query?.data : undefined
}

/**
 * The routes of either side, worst p99 difference first, and the route shown. Without one in
 * the URL, the first comparable route is chosen once both sides' statistics are in (the other
 * side's answer would change it otherwise) and written to the URL, so changing one side later
 * never changes the route, nor refetches the other side's charts.
 */
function useOverlayRoute(
  a: SideView,
  b: SideView,
  route: Route | null,
  onChange: Props['onChange'],
) {
  const envA = a.env ?? ''
  const envB = b.env ?? ''
  const routes = useMemo(
    () =>
      sortRoutes(
        compareRoutes(
          { env: envA, rows: a.stats?.data?.items ?? null },
          { env: envB, rows: b.stats?.data?.items ?? null },
        ),
        { key: 'p99', desc: true },
      ),
    [envA, envB, a.stats?.data, b.stats?.data],
  )
  const statsReady =
    a.stats?.data !== undefined && (b.scope === null || b.stats?.data !== undefined)
  const firstComparable = statsReady
    ? (routes.find((row) => row.a && row.b && !row.tooFew) ?? routes[0])
    : undefined
  useEffect(() => {
    if (route || !firstComparable) return
    onChange(
      {
        route: { applicationId: firstComparable.applicationId, routeId: firstComparable.routeId },
      },
      { replace: true },
    )
  }, [route, firstComparable, onChange])
  return { routes, route }
}

/** The overlay's route, agent metric and aggregation; a value from the URL stays selectable. */
function OverlayControls({
  routes,
  route,
  names,
  metric,
  aggregation,
  onChange,
}: {
  routes: readonly RouteComparison[]
  route: Route | null
  names: readonly { name: string }[]
  metric: string | null
  aggregation: Aggregation
  onChange: Props['onChange']
}) {
  const routeId = useId()
  const metricId = useId()
  const aggregationId = useId()
  const routeLabel = route ? `${route.routeId} (${route.applicationId})` : ''
  return (
    <div className="compare-overlay-controls">
      <label htmlFor={routeId}>Route</label>
      <select
        id={routeId}
        value={route ? `${route.applicationId}/${route.routeId}` : ''}
        onChange={(event) => {
          const chosen = routes.find((row) => row.key === event.target.value)
          if (chosen)
            onChange({ route: { applicationId: chosen.applicationId, routeId: chosen.routeId } })
        }}
      >
        {route &&
        !routes.some(
          (row) => row.applicationId === route.applicationId && row.routeId === route.routeId,
        ) ? (
          <option value={`${route.applicationId}/${route.routeId}`}>{routeLabel}</option>
        ) : null}
        {routes.length === 0 && !route ? <option value="">No route ran</option> : null}
        {routes.map((row) => (
          <option key={row.key} value={row.key}>
            {row.routeId} ({row.applicationId})
          </option>
        ))}
      </select>
      <label htmlFor={metricId}>Agent metric</label>
      <select
        id={metricId}
        value={metric ?? ''}
        onChange={(event) => onChange({ metric: event.target.value })}
      >
        {metric && !names.some((one) => one.name === metric) ? (
          <option value={metric}>{metric}</option>
        ) : null}
        {names.length === 0 && !metric ? <option value="">No metric reported</option> : null}
        {names.map((one) => (
          <option key={one.name} value={one.name}>
            {one.name}
          </option>
        ))}
      </select>
      <label htmlFor={aggregationId}>Aggregate</label>
      <select
        id={aggregationId}
        value={aggregation}
        onChange={(event) => onChange({ aggregation: event.target.value as Aggregation })}
      >
        {aggregations.map((one) => (
          <option key={one.value} value={one.value}>
            {one.label}
          </option>
        ))}
      </select>
    </div>
  )
}
