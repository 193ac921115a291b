import type { TimePoint } from '@/lib/downsample'
import type { Schemas } from '@/lib/api/types'

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
  p50: TimePoint[]
  p99: TimePoint[]
  errorRate: TimePoint[]
}

export function routeLines(points: readonly Schemas['TimeseriesPoint'][]): RouteLines {
  // A bucket without exchanges has no latency and no error rate: a gap.
  const ran = points
    .filter((point) => point.exchanges > 0)
    .map((point) => ({ ...point, time: Date.parse(point.t) }))
    .sort((x, y) => x.time - y.time)
  return {
    p50: ran.map((point) => ({ t: point.time, v: point.p50Ms })),
    p99: ran.map((point) => ({ t: point.time, v: point.p99Ms })),
    errorRate: ran.map((point) => ({ t: point.time, v: point.failed / point.exchanges })),
  }
}

export function aggregateAgents(
  series: readonly Schemas['MetricSeries'][],
  name: string,
  aggregation: Aggregation,
): TimePoint[] {
  const buckets = new Map<number, { sum: number; max: number; count: number }>()
  for (const one of series) {
    if (one.name !== name) continue
    for (const point of one.points) {
      const t = Date.parse(point.t)
      if (!Number.isFinite(t) || !Number.isFinite(point.v)) continue
      const bucket = buckets.get(t) ?? { sum: 0, max: Number.NEGATIVE_INFINITY, count: 0 }
      bucket.sum += point.v
      bucket.max = Math.max(bucket.max, point.v)
      bucket.count += 1
      buckets.set(t, bucket)
    }
  }
  return [...buckets.entries()]
    .sort((x, y) => x[0] - y[0])
    .map(([t, bucket]) => ({
      t,
      v:
        aggregation === 'sum'
          ? bucket.sum
          : aggregation === 'max'
            ? bucket.max
            : bucket.sum / bucket.count,
    }))
}
