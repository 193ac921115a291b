import { useQuery } from '@tanstack/react-query'
import { useId, useMemo } from 'react'
import { ErrorState, LoadingState } from '@/components/query-states'
import { ScopedLink } from '@/environment/scoped-link'
import { polling } from '@/lib/query/retry-policy'
import { keepPreviousInScope, type Scope } from '@/lib/query/query-scope'
import type { TimeRange } from '@/lib/time-range/time-range'
import { summarizeValues } from '@/lib/series-summary'
import type { ChartSeries } from '@/components/charts/chart-series'
import { TimeSeriesFigure, useChartView } from '@/components/charts/time-series-figure'
import { metricsQueries } from '@/features/metrics/metrics-queries'

interface Props {
  scope: Scope
  range: TimeRange
  route: { applicationId: string; routeId: string }
  refetchInterval: number | false
  onClose: () => void
}

const SERIES_KEYS = ['Exchanges per second', 'Failed per second', 'p50', 'p99']

/** `/executions` for this route over the same range (and environment, via ScopedLink). */
function executionsLink(
  range: TimeRange,
  route: { applicationId: string; routeId: string },
  failed: boolean,
): string {
  const params = new URLSearchParams({
    app: route.applicationId,
    route: route.routeId,
    from: range.from,
    to: range.to,
  })
  if (failed) params.set('status', 'FAILED')
  return `/executions?${params.toString()}`
}

/** A route's throughput and failures, and its p50/p99 latency, over the range. */
export function RouteCharts({ scope, range, route, refetchInterval, onClose }: Props) {
  const headingId = useId()
  const throughputView = useChartView()
  const latencyView = useChartView()
  const timeseries = useQuery({
    ...metricsQueries.routeTimeseries(scope, range, route),
    refetchInterval: polling(refetchInterval),
    placeholderData: (previous, previousQuery) =>
      keepPreviousInScope(previous, previousQuery, scope),
  })
  const data = timeseries.data
  const charts = useMemo(() => {
    if (!data) return null
    const stepSeconds = data.step
    const points = data.points.map((point) => ({ ...point, time: Date.parse(point.t) }))
    const series = (
      key: string,
      chosen: readonly { t: number; v: number }[] | ((p: (typeof points)[number]) => number),
    ): ChartSeries =>
      chartSeriesOf(
        { id: key, key, label: key, primary: true },
        typeof chosen === 'function'
          ? points.map((point) => ({ t: point.time, v: chosen(point) }))
          : chosen,
      )
    return {
      domain: { from: Date.parse(data.resolved.from), to: Date.parse(data.resolved.to) },
      stepMs: stepSeconds * 1000,
      throughput: [
        series('Exchanges per second', (p) => p.exchanges / stepSeconds),
        series('Failed per second', (p) => p.failed / stepSeconds),
      ],
      // A bucket without executions has no latency: a gap, not a zero.
      latency: [
        series(
          'p50',
          latencyPoints(points, (p) => p.p50Ms),
        ),
        series(
          'p99',
          latencyPoints(points, (p) => p.p99Ms),
        ),
      ],
    }
  }, [data])

  return (
    <section className="metrics-route-charts" aria-labelledby={headingId}>
      <div className="metrics-route-header">
        <h3 id={headingId}>
          Route <code>{route.routeId}</code> of <code>{route.applicationId}</code>
        </h3>
        <ScopedLink className="button" to={executionsLink(range, route, false)}>
          Executions of this route
        </ScopedLink>
        <ScopedLink className="button" to={executionsLink(range, route, true)}>
          Failed executions
        </ScopedLink>
        <button type="button" className="button button-quiet" onClick={onClose}>
          Close route charts
        </button>
      </div>
      {timeseries.isPending ? (
        <LoadingState label="Loading the route’s charts…" />
      ) : timeseries.isError && !data ? (
        <ErrorState
          error={timeseries.error}
          title="Could not load the route’s charts"
          onRetry={() => void timeseries.refetch()}
        />
      ) : charts ? (
        <div className="metrics-charts">
          <TimeSeriesFigure
            view={throughputView}
            title="Throughput and failures"
            subtitle="exchanges and failed exchanges per second"
            unit="1/s"
            series={charts.throughput}
            domain={charts.domain}
            stepMs={charts.stepMs}
            colourKeys={SERIES_KEYS}
            noun="series"
            emptyText="The route did not run in this time range."
          />
          <TimeSeriesFigure
            view={latencyView}
            title="Latency p50 and p99"
            subtitle="of finished executions"
            unit="ms"
            series={charts.latency}
            domain={charts.domain}
            stepMs={charts.stepMs}
            colourKeys={SERIES_KEYS}
            noun="series"
            emptyText="No execution of the route finished in this time range."
          />
        </div>
      ) : null}
    </section>
  )
}

/** A chart series from points (a route's few hundred buckets, built here). */
function chartSeriesOf(
  base: Omit<ChartSeries, 'times' | 'values' | 'summary'>,
  points: readonly { t: number; v: number }[],
): ChartSeries {
  const values = points.map((point) => point.v)
  return {
    ...base,
    times: points.map((point) => point.t),
    values,
    summary: summarizeValues(values),
  }
}

function latencyPoints<P extends { time: number; exchanges: number }>(
  points: readonly P[],
  value: (point: P) => number,
) {
  return points
    .filter((point) => point.exchanges > 0)
    .map((point) => ({ t: point.time, v: value(point) }))
}
