import { bucketSize, bucketStart, getBucket } from '../executions/execution-buckets'
import { mockNow } from '../clock'
import {
  agentAlive,
  agentCounts,
  benchRate,
  BUCKET_MS,
  executionLineTimes,
  getLogBucket,
  getLogModel,
  isExecutionSource,
  lineExists,
  LINES_PER_EXECUTION,
  SPILL_BUCKETS,
  type LogModel,
} from './log-model'

/**
 * How many log lines the mock holds in a range, without rendering them (the usage view meters
 * `logLines` with it). Exact: the same lines `/logs` pages through and `/logs/stats` counts.
 *
 * Whole buckets are counted from the per-agent counts (the first values of each bucket's
 * stream) and the executions' bucket sizes (each execution logs LINES_PER_EXECUTION lines),
 * corrected at both ends for execution lines that spill across the boundary. Only the partial
 * buckets at the ends, and the few buckets in which an agent registered or died, are generated.
 */
export function countLogLines(options: {
  tenant: string
  env: string
  from: Date
  to: Date
}): number {
  const model = getLogModel(options.tenant, options.env)
  if (!model) return 0
  const now = mockNow()
  const lo = options.from.getTime()
  // Lines exist up to and including now.
  const hi = Math.min(options.to.getTime(), now + 1)
  if (!(lo < hi)) return 0

  const firstWhole = Math.ceil(lo / BUCKET_MS)
  const endWhole = Math.floor(hi / BUCKET_MS)
  if (firstWhole >= endWhole) return countGenerated(model, lo, hi, now, () => true)

  let total = 0
  if (lo < bucketStart(firstWhole)) {
    total += countGenerated(model, lo, bucketStart(firstWhole), now, () => true)
  }
  if (bucketStart(endWhole) < hi) {
    total += countGenerated(model, bucketStart(endWhole), hi, now, () => true)
  }
  total += countBackground(model, firstWhole, endWhole, now)
  total += countExecutionLines(model, firstWhole, endWhole)
  return total
}

/** Lines in [lo, hi) that exist as of now and pass `keep`, by generating their buckets. */
function countGenerated(
  model: LogModel,
  lo: number,
  hi: number,
  now: number,
  keep: (source: number) => boolean,
): number {
  let count = 0
  for (let b = Math.floor(lo / BUCKET_MS); b * BUCKET_MS < hi; b++) {
    const bucket = getLogBucket(model, b)
    const start = bucketStart(b)
    for (let j = 0; j < bucket.size; j++) {
      const time = start + (bucket.offset[j] ?? 0)
      if (time < lo || time >= hi) continue
      if (keep(bucket.source[j] ?? 0) && lineExists(model, bucket, j, now)) count++
    }
  }
  return count
}

/** Background (and bench) lines of whole buckets [first, end), all at or before now. */
function countBackground(model: LogModel, first: number, end: number, now: number): number {
  const alive = model.agents.map((agent) => agentAlive(agent, now))
  // Buckets where an agent's lifetime starts or ends: counted line by line.
  const partial = new Set<number>()
  alive.forEach(({ from, to }, a) => {
    partial.add(Math.floor(from / BUCKET_MS))
    if (model.agents[a]?.status === 'DEAD') partial.add(Math.floor(to / BUCKET_MS))
  })
  const bench = benchRate() * 60
  let total = 0
  for (let b = first; b < end; b++) {
    if (partial.has(b)) {
      total += countGenerated(
        model,
        bucketStart(b),
        bucketStart(b + 1),
        now,
        (source) => !isExecutionSource(source),
      )
      continue
    }
    const start = bucketStart(b)
    const counts = agentCounts(model, b)
    for (let a = 0; a < model.agents.length; a++) {
      const life = alive[a]
      if (!life || life.from > start || life.to < start + BUCKET_MS - 1) continue
      total += (counts.normal[a] ?? 0) + (counts.burst[a] ?? 0) + (counts.incident[a] ?? 0)
      if (a === model.hugeAgent) total += counts.huge
    }
    total += bench
  }
  return total
}

/** Execution lines whose time lies in whole buckets [first, end) (every one is ≤ now). */
function countExecutionLines(model: LogModel, first: number, end: number): number {
  const lo = bucketStart(first)
  const hi = bucketStart(end)
  let total = 0
  for (let b = first; b < end; b++) total += LINES_PER_EXECUTION * bucketSize(model.executions, b)
  const linesIn = (executionBucket: number, from: number, to: number) => {
    const executions = getBucket(model.executions, executionBucket)
    const base = bucketStart(executionBucket)
    let count = 0
    for (let i = 0; i < executions.size; i++) {
      const start = base + (executions.offset[i] ?? 0)
      const duration = executions.duration[i] ?? 0
      if (start + duration < from) continue
      for (const time of executionLineTimes(model, executionBucket, i, start, duration)) {
        if (time >= from && time < to) count++
      }
    }
    return count
  }
  // Lines of earlier executions that land inside, and of inside executions that land after.
  for (let b = first - SPILL_BUCKETS; b < first; b++) total += linesIn(b, lo, hi)
  for (let b = Math.max(first, end - SPILL_BUCKETS); b < end; b++) {
    total -= linesIn(b, hi, Number.POSITIVE_INFINITY)
  }
  return total
}
