import type { Schemas } from '@/lib/api/types'
import type { SeriesColumns } from '@/lib/time-series'

/**
 * What the overlay charts draw per environment: a route's p50, p99 and error rate per bucket,
 * and one agent metric reduced to one line per environment (mean, maximum or sum over the
 * agents that reported in the bucket; a bucket no agent reported in is a gap, not a zero).
 */

export type Aggregation = 'mean' | 'max' | 'sum'

export const aggregations: ReadonlyArray<{ value: Aggregation; label: string }> = [
  { value: 'mean', label: 'Mean per agent' },
  { value: 'max', label: 'Highest agent' },
  { value: 'sum', label: 'Sum over agents' },
]

export interface RouteLines {
  p50: SeriesColumns
  p99: SeriesColumns
  errorRate: SeriesColumns
}

export function routeLines(points: readonly Schemas['TimeseriesPoint'][]): RouteLines {
  // A bucket without exchanges has no latency and no error rate: a gap.
  const ran = points
    .filter((point) => point.exchanges > 0)
    .map((point) => ({ ...point, time: Date.parse(point.t) }))
    .sort((x, y) => x.time - y.time)
  const times = ran.map((point) => point.time)
  return {
    p50: { times, values: ran.map((point) => point.p50Ms) },
    p99: { times, values: ran.map((point) => point.p99Ms) },
    errorRate: { times, values: ran.map((point) => point.failed / point.exchanges) },
  }
}

/** The agents' series of `name` (columns on the answer's buckets) as one line. */
export function aggregateAgents(
  answer: { times: ArrayLike<number>; series: readonly Schemas['MetricSeries'][] },
  name: string,
  aggregation: Aggregation,
): SeriesColumns {
  const values: (number | null)[] = []
  for (let i = 0; i < answer.times.length; i++) {
    let sum = 0
    let max = Number.NEGATIVE_INFINITY
    let count = 0
    for (const one of answer.series) {
      const value = one.name === name ? one.values[i] : null
      if (value === null || value === undefined) continue
      sum += value
      max = Math.max(max, value)
      count++
    }
    values.push(
      count === 0 ? null : aggregation === 'sum' ? sum : aggregation === 'max' ? max : sum / count,
    )
  }
  return { times: answer.times, values }
}
