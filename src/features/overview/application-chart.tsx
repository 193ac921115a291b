import { useQuery } from '@tanstack/react-query'
import { useMemo } from 'react'
import { describeError } from '@/components/query-states'
import type { ChartSeries } from '@/components/charts/chart-series'
import { TimeSeriesFigure, useChartView } from '@/components/charts/time-series-figure'
import { keepPreviousInScope, type Scope } from '@/lib/query/query-scope'
import { polling } from '@/lib/query/retry-policy'
import { summarizeValues } from '@/lib/series-summary'
import type { TimeRange } from '@/lib/time-range/time-range'
import { applicationQueries } from './application-queries'
import { ratesPerMinute } from './overview-rows'

/** Each chart's series: its name, and the member of a point it draws. */
const THROUGHPUT = [
  ['Exchanges per second', 'exchanges'],
  ['Failed per second', 'failed'],
] as const
const LATENCY = [
  ['p50', 'p50Ms'],
  ['p99', 'p99Ms'],
] as const
const SERIES_KEYS = [...THROUGHPUT, ...LATENCY].map(([key]) => key)

/**
 * The application's throughput and latency over the range, in the chart family: asked for
 * once the chart is in view, at about one bucket per pixel of its plot.
 */
export function ApplicationCharts({
  scope,
  range,
  applicationId,
  refetchInterval,
}: {
  scope: Scope
  range: TimeRange
  applicationId: string
  refetchInterval: number | false
}) {
  const throughputView = useChartView()
  const latencyView = useChartView()
  const series = useQuery({
    ...applicationQueries.timeseries(scope, range, applicationId, throughputView.plotWidth),
    enabled: throughputView.inView && throughputView.plotWidth > 0,
    refetchInterval: polling(refetchInterval),
    placeholderData: (previous, previousQuery) =>
      keepPreviousInScope(previous, previousQuery, scope),
  })
  const data = series.data
  const charts = useMemo(() => {
    if (!data) return null
    const times = data.points.map((point) => Date.parse(point.t))
    // Per second of each bucket inside the range: the first and last buckets are partial.
    const perSecond = (value: (i: number) => number) =>
      ratesPerMinute(data.points, data.step, data.resolved, value).map((rate) => rate / 60)
    const line = (key: string, values: (number | null)[]): ChartSeries => ({
      id: key,
      key,
      label: key,
      primary: true,
      times,
      values,
      summary: summarizeValues(values),
    })
    // A bucket without executions has no latency: a gap, not a zero.
    const latency = (pick: (i: number) => number) =>
      data.points.map((point, i) => (point.exchanges > 0 ? pick(i) : null))
    return {
      domain: { from: Date.parse(data.resolved.from), to: Date.parse(data.resolved.to) },
      stepMs: data.step * 1000,
      throughput: THROUGHPUT.map(([key, member]) =>
        line(
          key,
          perSecond((i) => data.points[i]?.[member] ?? 0),
        ),
      ),
      latency: LATENCY.map(([key, member]) =>
        line(
          key,
          latency((i) => data.points[i]?.[member] ?? 0),
        ),
      ),
    }
  }, [data])
  const problem =
    series.isError && !data
      ? `The chart could not be loaded: ${describeError(series.error).title}`
      : null
  // What the two figures share: the range, the bucket, the colours and the state of the answer.
  const shared = {
    domain: charts?.domain ?? { from: 0, to: 1 },
    stepMs: charts?.stepMs ?? 60_000,
    colourKeys: SERIES_KEYS,
    noun: 'series',
    pending: !charts && !problem,
    problem,
  }

  return (
    <div className="overview-charts">
      <TimeSeriesFigure
        view={throughputView}
        title="Throughput and failures"
        subtitle="exchanges and failed exchanges per second"
        unit="1/s"
        series={charts?.throughput ?? []}
        emptyText={`${applicationId} did not run in this time range.`}
        {...shared}
      />
      <TimeSeriesFigure
        view={latencyView}
        title="Latency p50 and p99"
        subtitle="of finished executions"
        unit="ms"
        series={charts?.latency ?? []}
        emptyText={`No execution of ${applicationId} finished in this time range.`}
        {...shared}
      />
    </div>
  )
}
