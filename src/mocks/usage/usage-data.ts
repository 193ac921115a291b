import type { UsagePoint, UsageResponse, UsageTotals } from '@/lib/api/types'
import {
  bucketOf,
  bucketStart,
  countExecutionsInBuckets,
  getBucket,
} from '../executions/execution-buckets'
import { traceOf, viewExecution } from '../executions/execution-data'
import {
  BUCKET_MS,
  getEnvironmentModel,
  type EnvironmentModel,
  type RouteModel,
} from '../executions/execution-model'
import { traceExecution } from '../executions/execution-trace'
import { createRandom, hashString } from '../random'
import { countLogLines } from '../logs/log-volume'
import { countMetricPoints } from '../metrics/metric-volume'

/**
 * Metered usage, derived from what the other domains of the mock produce, so the usage page
 * and the views it meters agree:
 * - executions: exactly the executions `/executions` lists in the window (by start time, none
 *   after now);
 * - processor records: the records those executions' traces hold (what `/stats/processors`
 *   counts), from each route's mean trace length (sampled once per environment) times its
 *   executions;
 * - log lines and metric points: the logs and metrics domains' own counts for the window;
 * - bytes ingested: each kind of row at a realistic wire size, bodies included. One week in
 *   every five (per environment) a partner integration attaches full message bodies: bytes
 *   spike, counts do not.
 *
 * Buckets are UTC hours or days. What executions meter in a past hour is computed once and
 * cached; the current hour and partial buckets are computed for their exact window. Log lines
 * and metric points are asked of their domains per bucket, every time (see `usageIn`); their
 * own caches make that cheap (a cold month of acme/prod is about 0.1 s in all, a month of
 * hours several times that, mostly the executions whose log lines cross an hour's edge).
 */

export type Granularity = 'hour' | 'day'

const HOUR_MS = 3_600_000
const DAY_MS = 86_400_000

/** Wire sizes, in bytes: a summary row with headers, and the bodies on top. */
const EXECUTION_ROW_BYTES = 1_650
const BODY_BYTES = 3_400
const PROCESSOR_RECORD_BYTES = 190
const LOG_LINE_BYTES = 260
const METRIC_POINT_BYTES = 38
/** Bodies in the week of full-body capture, relative to a normal week. */
const FULL_BODY_FACTOR = 4.5
const SPIKE_CYCLE_WEEKS = 5
const WEEK_MS = 7 * DAY_MS

export function bucketSizeMs(granularity: Granularity): number {
  return granularity === 'day' ? DAY_MS : HOUR_MS
}

/** The usage of every bucket of the range, as of `now`. */
export function usageResponse(
  tenantId: string,
  environment: string,
  range: { from: number; to: number },
  granularity: Granularity,
  now: number,
): UsageResponse {
  const size = bucketSizeMs(granularity)
  const points: UsagePoint[] = []
  const totals = zero()
  for (let t = Math.floor(range.from / size) * size; t < range.to; t += size) {
    const cell = usageIn(
      tenantId,
      environment,
      Math.max(t, range.from),
      Math.min(t + size, range.to),
      now,
    )
    points.push({ t: new Date(t).toISOString(), ...cell })
    add(totals, cell)
  }
  return { tenantId, environment, granularity, totals, points }
}

/** Usage in [from, to), nothing after `now`; zero for an environment without data. */
export function usageIn(
  tenantId: string,
  environment: string,
  from: number,
  to: number,
  now: number,
): UsageTotals {
  const end = Math.min(to, now + 1)
  const total = zero()
  if (end <= from) return total
  const model = getEnvironmentModel(tenantId, environment)
  if (!model) return total
  // Executions, their records and bodies: whole past hours from the cache (they never
  // change once the hour is over), the ragged edges computed as they are.
  let cursor = from
  while (cursor < end) {
    const hourStart = Math.floor(cursor / HOUR_MS) * HOUR_MS
    const hourEnd = hourStart + HOUR_MS
    const windowEnd = Math.min(hourEnd, end)
    const whole = cursor === hourStart && windowEnd === hourEnd
    add(total, whole ? cachedHour(model, hourStart) : executionUsage(model, cursor, windowEnd))
    cursor = windowEnd
  }
  // Log lines and metric points come from their domains for the whole window, every time:
  // which agents logged and reported depends on the mock's clock (agents come and go
  // relative to now), so these are not cached here.
  const window = {
    tenant: tenantId,
    env: environment,
    from: new Date(from),
    to: new Date(end),
    // The instant of the whole response: agents come and go relative to it.
    now,
  }
  total.logLines = countLogLines(window)
  total.metricPoints = countMetricPoints(window)
  total.bytesIngested += total.logLines * LOG_LINE_BYTES + total.metricPoints * METRIC_POINT_BYTES
  return total
}

const HOUR_CACHE_LIMIT = 50_000
const hourCache = new Map<string, UsageTotals>()

function cachedHour(model: EnvironmentModel, hourStart: number): UsageTotals {
  const key = `${model.key}/${hourStart}`
  let cell = hourCache.get(key)
  if (!cell) {
    cell = executionUsage(model, hourStart, hourStart + HOUR_MS)
    if (hourCache.size >= HOUR_CACHE_LIMIT) {
      hourCache.delete(hourCache.keys().next().value as string)
    }
    hourCache.set(key, cell)
  }
  return cell
}

/** What the executions of [from, to) meter: themselves, their records and their bytes. */
function executionUsage(model: EnvironmentModel, from: number, to: number): UsageTotals {
  const executions = countExecutions(model, from, to)
  const processorRecords = countProcessorRecords(model, from, to, executions)
  const hour = Math.floor(from / HOUR_MS)
  // Payload sizes wander a little from hour to hour (±8 %), the same on every run.
  const jitter = 0.92 + ((hashString(`${model.key}/usage/bytes/${hour}`) % 1000) / 1000) * 0.16
  const bodies =
    executions * BODY_BYTES * jitter * (inFullBodyWeek(model, from) ? FULL_BODY_FACTOR : 1)
  const bytesIngested = Math.round(
    executions * EXECUTION_ROW_BYTES + bodies + processorRecords * PROCESSOR_RECORD_BYTES,
  )
  return { executions, processorRecords, logLines: 0, metricPoints: 0, bytesIngested }
}

/** The week (of every five, per environment) in which full message bodies were shipped. */
export function inFullBodyWeek(model: EnvironmentModel, time: number): boolean {
  // Weeks counted from a Monday (1970-01-05) so the spike starts at a week's start.
  const week = Math.floor((time - 4 * DAY_MS) / WEEK_MS)
  return (week + hashString(`${model.key}/usage/spike`)) % SPIKE_CYCLE_WEEKS === 0
}

/** Exactly what `/executions` lists for [from, to): executions by start time. */
export function countExecutions(model: EnvironmentModel, from: number, to: number): number {
  const firstWhole = Math.ceil(from / BUCKET_MS)
  const endWhole = Math.floor(to / BUCKET_MS)
  if (firstWhole >= endWhole) return countStarts(model, from, to)
  return (
    countStarts(model, from, bucketStart(firstWhole)) +
    countExecutionsInBuckets(model, firstWhole, endWhole) +
    countStarts(model, bucketStart(endWhole), to)
  )
}

/** Executions starting in [from, to), from the generated buckets (for minutes cut by a window). */
function countStarts(model: EnvironmentModel, from: number, to: number): number {
  if (from >= to) return 0
  let count = 0
  for (let b = bucketOf(from); bucketStart(b) < to; b++) {
    const bucket = getBucket(model, b)
    const start = bucketStart(b)
    for (let i = 0; i < bucket.size; i++) {
      const time = start + (bucket.offset[i] ?? 0)
      if (time >= from && time < to) count++
    }
  }
  return count
}

// ---------------------------------------------------------------------------- processor records

interface RecordsModel {
  /** Mean trace length of an execution of an unscheduled route (flows included). */
  perUnscheduled: number
  /** Per scheduled route: its mean trace length. */
  perScheduled: Map<RouteModel, number>
}

/**
 * The hours of the sample day whose minute :17 is sampled, coarse to fine (every 12 h, 6 h,
 * 3 h, then the rest), so a busy environment's sample, cut short at SAMPLE_EXECUTIONS, still
 * spreads over the day.
 */
const SAMPLE_HOURS = [
  0, 12, 6, 18, 3, 9, 15, 21, 1, 13, 7, 19, 4, 10, 16, 22, 2, 14, 8, 20, 5, 11, 17, 23,
]
/** Enough executions for the mean (acme/prod has ~75 a minute; tracing 1,800 took 60 ms). */
const SAMPLE_EXECUTIONS = 500
const SCHEDULED_SAMPLES = 16
/** A fixed reference day, so the sample never moves with the clock. */
const SAMPLE_DAY = Date.parse('2026-01-05T00:00:00Z')
const recordsModels = new Map<string, RecordsModel>()

function recordsModel(model: EnvironmentModel): RecordsModel {
  let cached = recordsModels.get(model.key)
  if (cached) return cached
  // The unscheduled mix as it runs: every execution of one minute in hours of a weekday.
  let executions = 0
  let records = 0
  for (const hour of SAMPLE_HOURS) {
    if (executions >= SAMPLE_EXECUTIONS) break
    const bucket = getBucket(model, bucketOf(SAMPLE_DAY + hour * HOUR_MS + 17 * 60_000))
    for (let i = 0; i < bucket.size; i++) {
      const route = model.routes[bucket.route[i] ?? -1]
      if (!route || route.schedule) continue
      const view = viewExecution(model, bucket, i, Number.POSITIVE_INFINITY)
      if (!view) continue
      executions++
      records += traceOf(view).records.length
    }
  }
  const perScheduled = new Map<RouteModel, number>()
  for (const route of model.scheduled) {
    const random = createRandom(`${model.key}/usage/records/${route.routeId}`)
    let sum = 0
    for (let s = 0; s < SCHEDULED_SAMPLES; s++) {
      const split = route.split
      const items = split
        ? Math.min(split.max, Math.max(1, Math.round(random.logNormal(split.median, split.sigma))))
        : 0
      sum += traceExecution({
        model,
        route,
        bucket: bucketOf(SAMPLE_DAY) + s,
        index: s,
        failed: false,
        durationMs: 1_000,
        items,
      }).records.length
    }
    perScheduled.set(route, sum / SCHEDULED_SAMPLES)
  }
  cached = { perUnscheduled: executions > 0 ? records / executions : 0, perScheduled }
  recordsModels.set(model.key, cached)
  return cached
}

function countProcessorRecords(
  model: EnvironmentModel,
  from: number,
  to: number,
  executions: number,
): number {
  const rates = recordsModel(model)
  let scheduledExecutions = 0
  let records = 0
  for (const route of model.scheduled) {
    const fires = firesIn(route, from, to)
    scheduledExecutions += fires
    records += fires * (rates.perScheduled.get(route) ?? 0)
  }
  records += Math.max(0, executions - scheduledExecutions) * rates.perUnscheduled
  return Math.round(records)
}

/** How often a scheduled route fires in [from, to), by its schedule alone. */
function firesIn(route: RouteModel, from: number, to: number): number {
  const schedule = route.schedule
  if (!schedule || schedule.periodMs <= 0) return 0
  const first = Math.ceil((from - schedule.phaseMs) / schedule.periodMs)
  const end = Math.ceil((to - schedule.phaseMs) / schedule.periodMs)
  return Math.max(0, end - first)
}

// ---------------------------------------------------------------------------- helpers

function zero(): UsageTotals {
  return { executions: 0, processorRecords: 0, logLines: 0, metricPoints: 0, bytesIngested: 0 }
}

function add(into: UsageTotals, cell: UsageTotals): void {
  into.executions += cell.executions
  into.processorRecords += cell.processorRecords
  into.logLines += cell.logLines
  into.metricPoints += cell.metricPoints
  into.bytesIngested += cell.bytesIngested
}
