import { bucketStart, countExecutionsInBuckets, getBucket } from '../executions/execution-buckets'
import { mockNow } from '../clock'
import {
  agentAlive,
  agentLinesInBuckets,
  benchRate,
  BUCKET_MS,
  countAgentLinesIn,
  executionLineTimes,
  getLogBucket,
  getLogModel,
  lineExists,
  LINES_PER_EXECUTION,
  SPILL_BUCKETS,
  type LogModel,
} from './log-model'

/**
 * How many log lines the mock holds in a range, without rendering them (the usage view meters
 * `logLines` with it). Exact: the same lines `/logs` pages through and `/logs/stats` counts.
 *
 * Whole buckets are counted from each agent's drawn counts (whole hours at once, see
 * `hourTotals`) and the executions that started in them (each logs LINES_PER_EXECUTION lines),
 * corrected at both ends for execution lines that spill across the boundary. Only the partial
 * buckets at the ends are generated; in the few buckets where an agent registered or died,
 * that agent's line times are drawn, nothing else.
 */
export function countLogLines(options: {
  tenant: string
  env: string
  from: Date
  to: Date
  /** The mock's "now" the lines exist as of (default: `mockNow()`). */
  now?: number
}): number {
  const model = getLogModel(options.tenant, options.env)
  if (!model) return 0
  const now = options.now ?? mockNow()
  const lo = options.from.getTime()
  // Lines exist up to and including now.
  const hi = Math.min(options.to.getTime(), now + 1)
  if (!(lo < hi)) return 0

  const firstWhole = Math.ceil(lo / BUCKET_MS)
  const endWhole = Math.floor(hi / BUCKET_MS)
  if (firstWhole >= endWhole) return countGenerated(model, lo, hi, now)

  let total = 0
  if (lo < bucketStart(firstWhole)) {
    total += countGenerated(model, lo, bucketStart(firstWhole), now)
  }
  if (bucketStart(endWhole) < hi) {
    total += countGenerated(model, bucketStart(endWhole), hi, now)
  }
  total += countBackground(model, firstWhole, endWhole, now)
  total += countExecutionLines(model, firstWhole, endWhole)
  return total
}

/** Lines in [lo, hi) that exist as of now, by generating their buckets. */
function countGenerated(model: LogModel, lo: number, hi: number, now: number): number {
  let count = 0
  for (let b = Math.floor(lo / BUCKET_MS); b * BUCKET_MS < hi; b++) {
    const bucket = getLogBucket(model, b)
    const start = bucketStart(b)
    for (let j = 0; j < bucket.size; j++) {
      const time = start + (bucket.offset[j] ?? 0)
      if (time < lo || time >= hi) continue
      if (lineExists(model, bucket, j, now)) count++
    }
  }
  return count
}

/** Background (and bench) lines of whole buckets [first, end), all at or before now. */
function countBackground(model: LogModel, first: number, end: number, now: number): number {
  let total = benchRate() * 60 * (end - first)
  model.agents.forEach((agent, a) => {
    // Lines exist while the agent is alive: every line of the buckets wholly inside its
    // lifetime, and those after its registration (before its death) in the one or two
    // buckets where it registered or died.
    const life = agentAlive(agent, now)
    const wholeFrom = Math.max(first, Math.ceil(life.from / BUCKET_MS))
    const wholeEnd = Math.min(end, Math.floor((life.to + 1) / BUCKET_MS))
    if (wholeFrom < wholeEnd) total += agentLinesInBuckets(model, a, wholeFrom, wholeEnd)
    const edges = new Set([Math.floor(life.from / BUCKET_MS), Math.floor(life.to / BUCKET_MS)])
    for (const b of edges) {
      if (b < first || b >= end || (b >= wholeFrom && b < wholeEnd)) continue
      total += countAgentLinesIn(model, b, a, life.from, life.to)
    }
  })
  return total
}

/** Execution lines whose time lies in whole buckets [first, end) (every one is ≤ now). */
function countExecutionLines(model: LogModel, first: number, end: number): number {
  const lo = bucketStart(first)
  const hi = bucketStart(end)
  let total = LINES_PER_EXECUTION * countExecutionsInBuckets(model.executions, first, end)
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
