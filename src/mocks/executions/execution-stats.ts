import type { ProcessorStats, RouteStats, TimeseriesPoint } from '@/lib/api/types'
import { mockNow, toIso } from '../clock'
import { bucketOf, bucketSize, bucketStart, getBucket, type Bucket } from './execution-buckets'
import { traceOf, viewExecution } from './execution-data'
import { BUCKET_MS, getEnvironmentModel, type EnvironmentModel } from './execution-model'

/**
 * Aggregates computed from the very executions `/executions` returns, so a chart and the
 * list under it agree. Conventions (shared with the tests):
 * - an execution belongs to the range (and to a time-series bucket) by its `startTime`;
 * - `exchanges` counts every execution, running ones included; `failed` counts FAILED;
 * - latencies cover finished executions only; percentiles are nearest-rank
 *   (the smallest value with at least p % of the values at or below it); means are rounded
 *   to 0.1 ms; everything is 0 when there is nothing to measure.
 *
 * Ranges beyond two days are sampled (see `sampling`), as a real server would answer
 * from pre-aggregated or sampled tables rather than scan a month of raw rows per request.
 */

export interface StatsRange {
  /** Epoch ms, inclusive. */
  from: number
  /** Epoch ms, exclusive. */
  to: number
}

/** Up to this many buckets, every bucket counts; beyond, every k-th bucket stands for k. */
export const EXACT_STATS_BUCKETS = 2 * 24 * 60
/** Processor statistics walk whole traces: sample earlier, by executions walked. */
const MAX_TRACED_EXECUTIONS = 6_000

export function percentile(sorted: ArrayLike<number>, p: number): number {
  if (sorted.length === 0) return 0
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length))
  return sorted[Math.min(sorted.length, rank) - 1] ?? 0
}

export const roundMean = (sum: number, count: number) =>
  count > 0 ? Math.round((sum / count) * 10) / 10 : 0

export interface Sampling {
  first: number
  last: number
  stride: number
  /** Executions in the range / executions in the sampled buckets, for scaling counts. */
  scale: number
}

export function sampling(
  model: EnvironmentModel,
  range: StatsRange,
  now: number,
  maxBuckets: number,
  maxStride = Number.POSITIVE_INFINITY,
): Sampling | null {
  const lastTime = Math.min(range.to - 1, now)
  if (lastTime < range.from) return null
  const first = bucketOf(range.from)
  const last = bucketOf(lastTime)
  const span = last - first + 1
  const stride = span <= maxBuckets ? 1 : Math.min(maxStride, Math.ceil(span / maxBuckets))
  if (stride === 1) return { first, last, stride, scale: 1 }
  let total = 0
  let sampled = 0
  for (let b = first; b <= last; b++) {
    const size = bucketSize(model, b)
    total += size
    if ((b - first) % stride === 0) sampled += size
  }
  return { first, last, stride, scale: sampled > 0 ? total / sampled : 1 }
}

/**
 * Every started execution in the range (of the sampled buckets), oldest bucket first, read
 * straight from the bucket columns: no object per execution on this path.
 */
export function forEachExecution(
  model: EnvironmentModel,
  range: StatsRange,
  now: number,
  plan: Sampling,
  accept: (routeIndex: number) => boolean,
  visit: (bucket: Bucket, index: number, time: number, running: boolean) => void,
): void {
  const lastTime = Math.min(range.to - 1, now)
  for (let b = plan.first; b <= plan.last; b += plan.stride) {
    const bucket = getBucket(model, b)
    const base = bucketStart(b)
    for (let i = 0; i < bucket.size; i++) {
      const time = base + (bucket.offset[i] ?? 0)
      if (time < range.from || time > lastTime) continue
      if (!accept(bucket.route[i] ?? 0)) continue
      visit(bucket, i, time, time + (bucket.duration[i] ?? 0) > now)
    }
  }
}

export function routeStats(
  tenantId: string,
  environment: string,
  range: StatsRange,
  applicationId?: string,
  now: number = mockNow(),
): RouteStats[] {
  const model = getEnvironmentModel(tenantId, environment)
  const plan = model ? sampling(model, range, now, EXACT_STATS_BUCKETS) : null
  if (!model || !plan) return []
  const routes = model.routes.map(() => ({
    exchanges: 0,
    failed: 0,
    sum: 0,
    durations: [] as number[],
  }))
  forEachExecution(
    model,
    range,
    now,
    plan,
    (routeIndex) =>
      applicationId === undefined || model.routes[routeIndex]?.applicationId === applicationId,
    (bucket, i, _time, running) => {
      const stats = routes[bucket.route[i] ?? 0]
      if (!stats) return
      stats.exchanges++
      if (running) return
      const duration = bucket.duration[i] ?? 0
      stats.failed += bucket.failed[i] ?? 0
      stats.sum += duration
      stats.durations.push(duration)
    },
  )
  return model.routes
    .flatMap((route) => {
      const stats = routes[route.index]
      if (!stats || stats.exchanges === 0) return []
      const sorted = Float64Array.from(stats.durations).sort()
      const row: RouteStats = {
        tenantId,
        environment,
        applicationId: route.applicationId,
        routeId: route.routeId,
        exchanges: Math.round(stats.exchanges * plan.scale),
        failed: Math.round(stats.failed * plan.scale),
        meanMs: roundMean(stats.sum, sorted.length),
        p50Ms: percentile(sorted, 50),
        p95Ms: percentile(sorted, 95),
        p99Ms: percentile(sorted, 99),
      }
      return [row]
    })
    .sort(
      (a, b) =>
        a.applicationId.localeCompare(b.applicationId) || a.routeId.localeCompare(b.routeId),
    )
}

/**
 * Per processor id of one route, over the records of its finished executions (a split's
 * body counts once per item), rows in diagram order. Beyond ~6,000 executions or two days in
 * the range, evenly spaced buckets are walked and counts scaled up (means and p99 come from
 * the sample), so a month-long overlay still answers quickly; a route that runs a few times
 * a day is then only approximated.
 */
export function processorStats(
  tenantId: string,
  environment: string,
  range: StatsRange,
  applicationId: string,
  routeId: string,
  now: number = mockNow(),
): ProcessorStats[] {
  const model = getEnvironmentModel(tenantId, environment)
  const route = model?.routes.find(
    (candidate) => candidate.applicationId === applicationId && candidate.routeId === routeId,
  )
  if (!model || !route) return []
  const lastTime = Math.min(range.to - 1, now)
  if (lastTime < range.from) return []
  // Size the sample by the route's traffic, probed in up to 8 buckets across the range.
  const first = bucketOf(range.from)
  const last = bucketOf(lastTime)
  const span = last - first + 1
  const probes = Math.min(8, span)
  let probed = 0
  for (let k = 0; k < probes; k++) {
    const probe = getBucket(model, first + Math.floor((k * span) / probes))
    for (let i = 0; i < probe.size; i++) if (probe.route[i] === route.index) probed++
  }
  const perBucket = Math.max(0.05, probed / probes)
  const maxBuckets = Math.max(
    1,
    Math.min(EXACT_STATS_BUCKETS, Math.floor(MAX_TRACED_EXECUTIONS / perBucket)),
  )
  const plan = sampling(model, range, now, Math.min(span, maxBuckets))
  if (!plan) return []

  const byProcessor = new Map<
    string,
    { count: number; failed: number; sum: number; durations: number[] }
  >()
  forEachExecution(
    model,
    range,
    now,
    plan,
    (routeIndex) => routeIndex === route.index,
    (bucket, i, _time, running) => {
      const view = running ? undefined : viewExecution(model, bucket, i, now)
      if (!view) return
      const trace = traceOf(view)
      const failedChain = new Set<number>()
      if (view.status === 'FAILED') {
        for (let i = trace.failIndex; i >= 0; i = trace.records[i]?.parent ?? -1) failedChain.add(i)
      }
      trace.records.forEach((record, i) => {
        let stats = byProcessor.get(record.node.id)
        if (!stats) {
          stats = { count: 0, failed: 0, sum: 0, durations: [] }
          byProcessor.set(record.node.id, stats)
        }
        const duration = record.end - record.start
        stats.count++
        if (failedChain.has(i)) stats.failed++
        stats.sum += duration
        stats.durations.push(duration)
      })
    },
  )
  // Diagram order, so the overlay and the list read the same way.
  return route.definition.nodes.flatMap((node) => {
    const stats = byProcessor.get(node.id)
    if (!stats) return []
    const sorted = Float64Array.from(stats.durations).sort()
    return [
      {
        tenantId,
        environment,
        processorId: node.id,
        count: Math.round(stats.count * plan.scale),
        failed: Math.round(stats.failed * plan.scale),
        meanMs: roundMean(stats.sum, stats.count),
        p99Ms: percentile(sorted, 99),
      },
    ]
  })
}

/** Steps the server rounds up to when it must raise the requested one. */
const NICE_STEPS = [
  10, 15, 20, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 10_800, 21_600, 43_200, 86_400, 172_800,
  604_800,
]
const DEFAULT_STEPS = [10, 60, 300, 900, 3600, 86_400]
export const MAX_POINTS = 1000
const DEFAULT_POINTS = 120

/** Buckets of `stepSeconds` aligned to the epoch that cover [from, to). */
export function pointCount(range: StatsRange, stepSeconds: number): number {
  const step = stepSeconds * 1000
  return Math.floor((range.to - 1) / step) - Math.floor(range.from / step) + 1
}

/**
 * The step actually used: the requested one (or, absent, the smallest of 10 s, 1 min, 5 min,
 * 15 min, 1 h, 1 day giving at most 120 points), raised to the next "nice" step when it
 * would give more than 1,000 points.
 */
export function resolveStep(range: StatsRange, requested: number | undefined): number {
  if (requested === undefined) {
    return DEFAULT_STEPS.find((step) => pointCount(range, step) <= DEFAULT_POINTS) ?? 86_400
  }
  if (pointCount(range, requested) <= MAX_POINTS) return requested
  const nice = NICE_STEPS.find((step) => step > requested && pointCount(range, step) <= MAX_POINTS)
  if (nice !== undefined) return nice
  let step = requested
  while (pointCount(range, step) > MAX_POINTS) step *= 2
  return step
}

/**
 * Per point of `stepMs` (the first at `firstPoint`), what its sampled executions stand for:
 * its executions / its sampled executions (bucket sizes are known without generating them).
 */
export function pointScales(
  model: EnvironmentModel,
  plan: Sampling,
  stepMs: number,
  firstPoint: number,
  count: number,
): Float64Array {
  const scale = new Float64Array(count).fill(1)
  if (plan.stride === 1) return scale
  const all = new Float64Array(count)
  const sampled = new Float64Array(count)
  for (let b = plan.first; b <= plan.last; b++) {
    const point = Math.max(0, Math.floor(bucketStart(b) / stepMs) - firstPoint)
    const size = bucketSize(model, b)
    all[point] = (all[point] ?? 0) + size
    if ((b - plan.first) % plan.stride === 0) sampled[point] = (sampled[point] ?? 0) + size
  }
  all.forEach((size, point) => {
    const part = sampled[point] ?? 0
    scale[point] = part > 0 ? size / part : 0
  })
  return scale
}

export function timeseries(
  tenantId: string,
  environment: string,
  range: StatsRange,
  stepSeconds: number,
  filters: { applicationId?: string; routeId?: string },
  now: number = mockNow(),
): TimeseriesPoint[] {
  const stepMs = stepSeconds * 1000
  const firstPoint = Math.floor(range.from / stepMs)
  const count = pointCount(range, stepSeconds)
  const exchanges = new Float64Array(count)
  const failed = new Float64Array(count)
  const durations: number[][] = Array.from({ length: count }, () => [])
  const scale = new Float64Array(count).fill(1)
  const model = getEnvironmentModel(tenantId, environment)
  // Beyond two days, every k-th bucket is generated, with k at most the buckets per point,
  // and each point's counts are scaled by its executions / its sampled executions (bucket
  // sizes are known without generating them). Up to two days, every count is exact.
  const plan = model
    ? sampling(model, range, now, EXACT_STATS_BUCKETS, Math.max(1, Math.floor(stepMs / BUCKET_MS)))
    : null
  if (model && plan) {
    scale.set(pointScales(model, plan, stepMs, firstPoint, count))
    forEachExecution(
      model,
      range,
      now,
      plan,
      (routeIndex) => {
        const route = model.routes[routeIndex]
        return (
          (filters.applicationId === undefined || route?.applicationId === filters.applicationId) &&
          (filters.routeId === undefined || route?.routeId === filters.routeId)
        )
      },
      (bucket, i, time, running) => {
        const point = Math.floor(time / stepMs) - firstPoint
        exchanges[point] = (exchanges[point] ?? 0) + 1
        if (running) return
        failed[point] = (failed[point] ?? 0) + (bucket.failed[i] ?? 0)
        durations[point]?.push(bucket.duration[i] ?? 0)
      },
    )
  }
  return Array.from({ length: count }, (_, i) => {
    const sorted = Float64Array.from(durations[i] ?? []).sort()
    return {
      t: toIso((firstPoint + i) * stepMs),
      exchanges: Math.round((exchanges[i] ?? 0) * (scale[i] ?? 1)),
      failed: Math.round((failed[i] ?? 0) * (scale[i] ?? 1)),
      p50Ms: percentile(sorted, 50),
      p99Ms: percentile(sorted, 99),
    }
  })
}
