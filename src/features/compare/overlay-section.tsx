import { useQuery } from '@tanstack/react-query'
import { useEffect, useId, useMemo } from 'react'
import type { Scope } from '@/lib/query/query-scope'
import { polling } from '@/lib/query/retry-policy'
import type { TimeRange } from '@/lib/time-range/time-range'
import type { Resolved } from '@/lib/api/range-requests'
import { compareQueries } from './compare-queries'
import type { CompareViewState } from './compare-url-state'
import { OverlayChart, type OverlaySide } from './overlay-chart'
import { aggregateAgents, aggregations, routeLines, type Aggregation } from './overlay-series'
import { compareRoutes, sortRoutes } from './route-comparison'
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

/**
 * A chosen route's p50, p99 and error rate, and a chosen agent metric aggregated per
 * environment: both environments on each chart (solid and dashed, named in the legend).
 */
export function OverlaySection({ a, b, range, state, refetchInterval, onChange }: Props) {
  const headingId = useId()
  const routeId = useId()
  const metricId = useId()
  const aggregationId = useId()
  const envA = a.env ?? ''
  const envB = b.env ?? ''

  // Routes of either side; by default the one whose p99 differs most (what to look at first).
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
  const route: Route | null = state.route
  // The default route is chosen once both sides' statistics are in (the other side's answer
  // would change it otherwise) and written to the URL, so changing one side later never
  // changes the route, nor refetches the other side's charts.
  const statsReady =
    a.stats?.data !== undefined && (b.scope === null || b.stats?.data !== undefined)
  const firstComparable = statsReady
    ? (routes.find((row) => row.a && row.b && !row.tooFew) ?? routes[0])
    : undefined
  useEffect(() => {
    if (state.route || !firstComparable) return
    onChange(
      {
        route: { applicationId: firstComparable.applicationId, routeId: firstComparable.routeId },
      },
      { replace: true },
    )
  }, [state.route, firstComparable, onChange])

  const namesA = useQuery({
    ...compareQueries.metricNames(keyScope(a.scope)),
    enabled: a.scope !== null,
  })
  const namesB = useQuery({
    ...compareQueries.metricNames(keyScope(b.scope)),
    enabled: b.scope !== null,
  })
  const names = useMemo(() => {
    const out = new Map<string, { name: string; unit: string; description: string }>()
    for (const item of [
      ...(dataOf(a.scope, namesA)?.items ?? []),
      ...(dataOf(b.scope, namesB)?.items ?? []),
    ]) {
      if (!out.has(item.name)) out.set(item.name, item)
    }
    return [...out.values()].sort((x, y) => x.name.localeCompare(y.name))
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the data is what changes
  }, [a.scope, b.scope, namesA.data, namesB.data])
  const metric =
    state.metric ??
    (names.some((one) => one.name === DEFAULT_METRIC) ? DEFAULT_METRIC : null) ??
    names[0]?.name ??
    null
  const unit = names.find((one) => one.name === metric)?.unit ?? ''

  const poll = polling(refetchInterval)
  const routeKey = route ?? { applicationId: '', routeId: '' }
  const seriesQueryA = useQuery({
    ...compareQueries.routeTimeseries(keyScope(a.scope), range, routeKey),
    enabled: a.scope !== null && route !== null,
    refetchInterval: poll,
  })
  const seriesQueryB = useQuery({
    ...compareQueries.routeTimeseries(keyScope(b.scope), range, routeKey),
    enabled: b.scope !== null && route !== null,
    refetchInterval: poll,
  })
  const metricQueryA = useQuery({
    ...compareQueries.agentMetric(keyScope(a.scope), range, metric ?? ''),
    enabled: a.scope !== null && metric !== null,
    refetchInterval: poll,
  })
  const metricQueryB = useQuery({
    ...compareQueries.agentMetric(keyScope(b.scope), range, metric ?? ''),
    enabled: b.scope !== null && metric !== null,
    refetchInterval: poll,
  })
  const seriesA = { isError: seriesQueryA.isError, data: dataOf(a.scope, seriesQueryA) }
  const seriesB = { isError: seriesQueryB.isError, data: dataOf(b.scope, seriesQueryB) }
  const metricA = { isError: metricQueryA.isError, data: dataOf(a.scope, metricQueryA) }
  const metricB = { isError: metricQueryB.isError, data: dataOf(b.scope, metricQueryB) }

  const linesA = useMemo(
    () => (seriesA.data ? routeLines(seriesA.data.points) : null),
    [seriesA.data],
  )
  const linesB = useMemo(
    () => (seriesB.data ? routeLines(seriesB.data.points) : null),
    [seriesB.data],
  )
  const aggregation: Aggregation = state.aggregation
  const agentA = useMemo(
    () =>
      metricA.data && metric ? aggregateAgents(metricA.data.series, metric, aggregation) : null,
    [metricA.data, metric, aggregation],
  )
  const agentB = useMemo(
    () =>
      metricB.data && metric ? aggregateAgents(metricB.data.series, metric, aggregation) : null,
    [metricB.data, metric, aggregation],
  )

  const routeDomain = domainOf([seriesA.data, seriesB.data])
  const metricDomain = domainOf([metricA.data, metricB.data])
  const routeStep = (seriesA.data?.step ?? seriesB.data?.step ?? 60) * 1000
  const metricStep = (metricA.data?.step ?? metricB.data?.step ?? 60) * 1000

  const side = (
    env: string,
    points: OverlaySide['points'],
    query: { isError: boolean; data?: unknown } | null,
    enabled: boolean,
  ): OverlaySide => ({
    env,
    points: enabled ? points : [],
    status: !env
      ? 'no environment chosen'
      : !enabled
        ? null
        : points
          ? null
          : query?.isError
            ? 'could not be loaded'
            : 'loading…',
  })
  const pair = (
    pointsA: OverlaySide['points'],
    pointsB: OverlaySide['points'],
    queryA: { isError: boolean },
    queryB: { isError: boolean },
  ): [OverlaySide, OverlaySide] => [
    side(envA, pointsA, queryA, a.scope !== null),
    side(envB, pointsB, queryB, b.scope !== null),
  ]
  const routeLabel = route ? `${route.routeId} (${route.applicationId})` : ''
  const aggregationLabel = aggregations.find((one) => one.value === aggregation)?.label ?? ''

  return (
    <section className="compare-section" aria-labelledby={headingId}>
      <div className="compare-section-header">
        <h2 id={headingId}>Overlay</h2>
      </div>
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
      <div className="compare-charts">
        {route ? (
          <>
            <OverlayChart
              title={`p50 latency of ${routeLabel}`}
              unit="ms"
              sides={pair(linesA?.p50 ?? null, linesB?.p50 ?? null, seriesA, seriesB)}
              domain={routeDomain}
              stepMs={routeStep}
              emptyText="No execution of the route finished in this time range."
            />
            <OverlayChart
              title={`p99 latency of ${routeLabel}`}
              unit="ms"
              sides={pair(linesA?.p99 ?? null, linesB?.p99 ?? null, seriesA, seriesB)}
              domain={routeDomain}
              stepMs={routeStep}
              emptyText="No execution of the route finished in this time range."
            />
            <OverlayChart
              title={`Error rate of ${routeLabel}`}
              unit="ratio"
              sides={pair(linesA?.errorRate ?? null, linesB?.errorRate ?? null, seriesA, seriesB)}
              domain={routeDomain}
              stepMs={routeStep}
              emptyText="The route did not run in this time range."
            />
          </>
        ) : null}
        {metric ? (
          <OverlayChart
            title={`${metric}, ${aggregationLabel.toLowerCase()}`}
            subtitle={unit ? `unit ${unit}` : undefined}
            unit={unit}
            sides={pair(agentA, agentB, metricA, metricB)}
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
function dataOf<T>(scope: Scope | null, query: { data?: T }): T | undefined {
  return scope ? query.data : undefined
}
