import type { LogLevel } from '@/lib/api/types'
import { listAgentRecords, type AgentRecord } from '../agents/agent-data'
import { bucketStart, getBucket } from '../executions/execution-buckets'
import { BUCKET_MS, getEnvironmentModel, trafficFactor } from '../executions/execution-model'
import type { EnvironmentModel } from '../executions/execution-model'
import { getMockSettings } from '../mock-settings'
import { createRandom, hashString, type Random } from '../random'
import { getTopology } from '../topology/topology'
import { BACKGROUND, LEVELS } from './log-kinds'
import { bucketIdCodec } from '../bucket-ids'

/**
 * The log model of one (tenant, environment), and its lines per one-minute bucket.
 *
 * A bucket's "skeleton" holds what filtering, counting and statistics need (time offset, level,
 * who logged it, which execution line it is) in typed arrays; the text of a line is rendered on
 * demand from its (bucket, index). Lines come from two sources:
 * - background: each agent logs its own chatter (consumers polling, pools, heartbeats, a
 *   rare error burst, retries while the executions' incident lasts), drawn per agent per UTC
 *   hour and split over the hour's minutes (see "background counts");
 * - executions: each execution logs exactly LINES_PER_EXECUTION lines while it runs (received,
 *   processing, the call it makes, completed or failed), at times inside its run. A line lands
 *   in the bucket its time falls in, so a long execution's later lines live in later buckets.
 *
 * Whether a line exists depends on "now" the way it would on a server: nothing after now, and
 * an agent logs nothing before it registered nor (DEAD) after its last heartbeat.
 */

export { BUCKET_MS }
export const LINES_PER_EXECUTION = 4
/** Executions last at most 15 minutes: a line can land up to 15 buckets after its start. */
export const SPILL_BUCKETS = 16
/** Background lines per minute at the daily peak, over all agents of a prod-sized environment. */
const PROD_BACKGROUND_PEAK_PER_MINUTE = 1_900
/** Every agent logs at least this much per minute (heartbeats, pools) whatever its traffic. */
const MIN_AGENT_PER_MINUTE = 3
const BURST_CHANCE = 0.0015
const PAYLOAD_SHARE = 0.004
/** One agent writes a > 1 MB reconciliation report every two hours. */
export const HUGE_PERIOD_BUCKETS = 120

/** Where a line comes from (stored as one byte per line). */
export const Source = {
  Background: 0,
  /** Execution lines 0..3 (LINES_PER_EXECUTION). */
  Execution0: 1,
  Burst: 5,
  Incident: 6,
  Payload: 7,
  Huge: 8,
  Bench: 9,
} as const

export interface LogModel {
  tenantId: string
  environment: string
  key: string
  executions: EnvironmentModel
  agents: readonly AgentRecord[]
  /** Mean background lines per minute at the daily peak, per agent (registry order). */
  agentPeak: Float64Array
  /** Index of the agent writing the huge report, and the bucket phase it writes it at. */
  hugeAgent: number
  hugePhase: number
  backgroundCumulative: Float64Array
}

const models = new Map<string, LogModel | undefined>()

export function getLogModel(tenantId: string, environment: string): LogModel | undefined {
  const key = `${tenantId}/${environment}`
  if (!models.has(key)) models.set(key, buildModel(tenantId, environment))
  return models.get(key)
}

function buildModel(tenantId: string, environment: string): LogModel | undefined {
  const topology = getTopology(tenantId, environment)
  const executions = getEnvironmentModel(tenantId, environment)
  if (!topology || !executions) return undefined
  const agents = listAgentRecords(tenantId, environment)
  const key = `${tenantId}/${environment}/logs`
  const random = createRandom(`${key}/model`)
  const weights = agents.map(() => random.logNormal(1, 0.4))
  const totalWeight = weights.reduce((sum, weight) => sum + weight, 0) || 1
  const peak = PROD_BACKGROUND_PEAK_PER_MINUTE * topology.profile.trafficScale
  const agentPeak = Float64Array.from(weights, (weight) =>
    Math.max(MIN_AGENT_PER_MINUTE, (peak * weight) / totalWeight),
  )
  const live = agents.flatMap((agent, i) => (agent.status === 'LIVE' ? [i] : []))
  const batch = live.find((i) => agents[i]?.applicationId === 'invoice-batch')
  let cumulative = 0
  const backgroundCumulative = Float64Array.from(BACKGROUND, (kind) => (cumulative += kind.weight))
  return {
    tenantId,
    environment,
    key,
    executions,
    agents,
    agentPeak,
    hugeAgent: batch ?? live[0] ?? 0,
    hugePhase: hashString(`${key}/huge`) % HUGE_PERIOD_BUCKETS,
    backgroundCumulative,
  }
}

/** Extra synthetic lines per second (the bench's load), from the mock settings. */
export function benchRate(): number {
  const rate = getMockSettings().logLinesPerSecond
  return Number.isFinite(rate) && rate > 0 ? Math.min(1_000, Math.floor(rate)) : 0
}

// ---------------------------------------------------------------------------- background counts

/**
 * Background counts are drawn per agent per UTC hour, then split over the hour's minutes by
 * their traffic: metering a month (the usage view, `countLogLines`) reads one draw per agent
 * and hour instead of one per agent and minute, and a minute's lines look as if drawn on
 * their own (a Poisson total split in proportion to the minutes' means is the same as
 * independent Poisson minutes). Each agent's split, and its lines within a minute, come from
 * streams of their own, so one agent's lines can be counted without drawing the others'.
 */
export const BUCKETS_PER_HOUR = 3_600_000 / BUCKET_MS
const INCIDENT_LINES_PER_MINUTE = 12

/** About 10,000 hours (over a year of one environment, four months of three): ~3 MB at most. */
const HOUR_TOTALS_LIMIT = 10_000
const hourTotalsCache = new Map<string, Int32Array>()
/** Two days of hours (30 kB each for acme/prod): what the logs view pages through. */
const SPLIT_LIMIT = 48
const splitCache = new Map<string, HourSplit>()

/** Forget drawn hours and splits (tests: prove a cached answer equals a fresh one). */
export function clearLogCountCaches(): void {
  hourTotalsCache.clear()
  splitCache.clear()
}

/** How full the count caches are, and their bounds (tests). */
export function logCountCacheSizes() {
  return {
    hours: hourTotalsCache.size,
    hoursLimit: HOUR_TOTALS_LIMIT,
    splits: splitCache.size,
    splitsLimit: SPLIT_LIMIT,
  }
}

export interface AgentCounts {
  /** Per agent: normal lines, then burst, incident and huge lines, in that order. */
  normal: Int32Array
  burst: Int32Array
  incident: Int32Array
  huge: number
  /** Sum of all of the above. */
  total: number
}

/** What is drawn once per (environment, hour): each agent's lines of the hour. */
interface HourDraws {
  hour: number
  /** Per agent: normal lines, and retries while the executions' incident hits its application. */
  normal: Int32Array
  incident: Int32Array
  /** Error bursts of the hour, in draw order. */
  bursts: readonly { agent: number; minute: number; lines: number }[]
  /** Per minute: its traffic (how normal lines are split), 1 in the incident (how retries are). */
  traffic: Float64Array
  inIncident: Float64Array
}

function drawHour(model: LogModel, hour: number): HourDraws {
  const random = createRandom(`${model.key}/hour/${hour}`)
  const first = hour * BUCKETS_PER_HOUR
  const traffic = new Float64Array(BUCKETS_PER_HOUR)
  const inIncident = new Float64Array(BUCKETS_PER_HOUR)
  let trafficSum = 0
  let incidentMinutes = 0
  let incidentApp: string | undefined
  for (let m = 0; m < BUCKETS_PER_HOUR; m++) {
    const factor = trafficFactor(first + m)
    traffic[m] = factor
    trafficSum += factor
    const incident = model.executions.incidentAt(first + m)
    if (incident) {
      inIncident[m] = 1
      incidentMinutes++
      // An hour lies in one incident period (18 h), so it has at most one incident.
      incidentApp = model.executions.routes[incident.routeIndex]?.applicationId
    }
  }
  const count = model.agents.length
  const normal = new Int32Array(count)
  const incident = new Int32Array(count)
  const bursts: { agent: number; minute: number; lines: number }[] = []
  for (let a = 0; a < count; a++) {
    normal[a] = poisson(random, (model.agentPeak[a] ?? 0) * trafficSum)
    const burstCount = binomial(random, BUCKETS_PER_HOUR, BURST_CHANCE)
    for (let n = 0; n < burstCount; n++) {
      bursts.push({
        agent: a,
        minute: random.int(0, BUCKETS_PER_HOUR - 1),
        lines: random.int(10, 40),
      })
    }
    incident[a] =
      incidentMinutes > 0 && model.agents[a]?.applicationId === incidentApp
        ? poisson(random, INCIDENT_LINES_PER_MINUTE * incidentMinutes)
        : 0
  }
  return { hour, normal, incident, bursts, traffic, inIncident }
}

/** 1 when the bucket holds the huge report (written by `model.hugeAgent`), else 0. */
const hugeIn = (model: LogModel, bucket: number) =>
  bucket % HUGE_PERIOD_BUCKETS === model.hugePhase ? 1 : 0

/** One agent's lines per minute of the hour (from its own stream), by kind. */
function splitAgent(
  model: LogModel,
  draws: HourDraws,
  agent: number,
): { normal: Int32Array; burst: Int32Array; incident: Int32Array } {
  const random = createRandom(`${model.key}/split/${draws.hour}/${agent}`)
  const normal = new Int32Array(BUCKETS_PER_HOUR)
  const burst = new Int32Array(BUCKETS_PER_HOUR)
  const incident = new Int32Array(BUCKETS_PER_HOUR)
  multinomial(random, draws.normal[agent] ?? 0, draws.traffic, normal)
  multinomial(random, draws.incident[agent] ?? 0, draws.inIncident, incident)
  for (const { agent: owner, minute, lines } of draws.bursts) {
    if (owner === agent) burst[minute] = (burst[minute] ?? 0) + lines
  }
  return { normal, burst, incident }
}

/**
 * How many lines one agent writes in each minute of the hour (all kinds, the huge report
 * included), before "now" and its lifetime are applied.
 */
function agentMinutes(model: LogModel, hour: number, agent: number): Int32Array {
  const minutes = new Int32Array(BUCKETS_PER_HOUR)
  const split = splitAgent(model, drawHour(model, hour), agent)
  const first = hour * BUCKETS_PER_HOUR
  for (let m = 0; m < BUCKETS_PER_HOUR; m++) {
    minutes[m] =
      (split.normal[m] ?? 0) +
      (split.burst[m] ?? 0) +
      (split.incident[m] ?? 0) +
      (agent === model.hugeAgent ? hugeIn(model, first + m) : 0)
  }
  return minutes
}

/**
 * Per agent, the lines of a whole hour (all kinds, the huge report included), before "now"
 * and lifetimes are applied. Cached per (environment, hour): drawn from the model alone, they
 * never change (about 0.3 kB an hour for acme/prod's 42 agents).
 */
export function hourTotals(model: LogModel, hour: number): Int32Array {
  const key = `${model.key}/${hour}`
  const cached = hourTotalsCache.get(key)
  if (cached) {
    hourTotalsCache.delete(key)
    hourTotalsCache.set(key, cached)
    return cached
  }
  const draws = drawHour(model, hour)
  const totals = new Int32Array(model.agents.length)
  for (let a = 0; a < totals.length; a++) {
    totals[a] = (draws.normal[a] ?? 0) + (draws.incident[a] ?? 0)
  }
  for (const { agent, lines } of draws.bursts) totals[agent] = (totals[agent] ?? 0) + lines
  const first = hour * BUCKETS_PER_HOUR
  for (let b = first; b < first + BUCKETS_PER_HOUR; b++) {
    totals[model.hugeAgent] = (totals[model.hugeAgent] ?? 0) + hugeIn(model, b)
  }
  if (hourTotalsCache.size >= HOUR_TOTALS_LIMIT) {
    hourTotalsCache.delete(hourTotalsCache.keys().next().value as string)
  }
  hourTotalsCache.set(key, totals)
  return totals
}

/** Every agent's lines per minute of one hour by kind, minute-major: what generation reads. */
interface HourSplit {
  normal: Int32Array
  burst: Int32Array
  incident: Int32Array
}

function hourSplit(model: LogModel, hour: number): HourSplit {
  const key = `${model.key}/${hour}`
  const cached = splitCache.get(key)
  if (cached) {
    splitCache.delete(key)
    splitCache.set(key, cached)
    return cached
  }
  const draws = drawHour(model, hour)
  const count = model.agents.length
  const size = BUCKETS_PER_HOUR * count
  const normal = new Int32Array(size)
  const burst = new Int32Array(size)
  const incident = new Int32Array(size)
  for (let a = 0; a < count; a++) {
    const split = splitAgent(model, draws, a)
    for (let m = 0; m < BUCKETS_PER_HOUR; m++) {
      normal[m * count + a] = split.normal[m] ?? 0
      burst[m * count + a] = split.burst[m] ?? 0
      incident[m * count + a] = split.incident[m] ?? 0
    }
  }
  const split: HourSplit = { normal, burst, incident }
  if (splitCache.size >= SPLIT_LIMIT) splitCache.delete(splitCache.keys().next().value as string)
  splitCache.set(key, split)
  return split
}

/** How many background lines each agent writes in a bucket, before "now" and agent lifetimes. */
export function agentCounts(model: LogModel, bucket: number): AgentCounts {
  const hour = Math.floor(bucket / BUCKETS_PER_HOUR)
  const split = hourSplit(model, hour)
  const count = model.agents.length
  const from = (bucket - hour * BUCKETS_PER_HOUR) * count
  const normal = split.normal.subarray(from, from + count)
  const burst = split.burst.subarray(from, from + count)
  const incident = split.incident.subarray(from, from + count)
  const huge = hugeIn(model, bucket)
  let total = huge
  for (let a = 0; a < count; a++) total += (normal[a] ?? 0) + (burst[a] ?? 0) + (incident[a] ?? 0)
  return { normal, burst, incident, huge, total }
}

/** One agent's background lines in a bucket by kind (the huge report aside). */
interface LinesOfAgent {
  normal: number
  burst: number
  incident: number
}

/** `agentCounts(model, bucket)` of one agent, without splitting the other agents' hour. */
function linesOfAgent(model: LogModel, bucket: number, agent: number): LinesOfAgent {
  const hour = Math.floor(bucket / BUCKETS_PER_HOUR)
  const minute = bucket - hour * BUCKETS_PER_HOUR
  const split = splitAgent(model, drawHour(model, hour), agent)
  return {
    normal: split.normal[minute] ?? 0,
    burst: split.burst[minute] ?? 0,
    incident: split.incident[minute] ?? 0,
  }
}

/**
 * Lines of one agent in whole buckets [first, end), all kinds: whole hours from
 * `hourTotals`, the ragged ends from the agent's minutes.
 */
export function agentLinesInBuckets(
  model: LogModel,
  agent: number,
  first: number,
  end: number,
): number {
  let total = 0
  for (let hour = Math.floor(first / BUCKETS_PER_HOUR); hour * BUCKETS_PER_HOUR < end; hour++) {
    const hourFirst = hour * BUCKETS_PER_HOUR
    const from = Math.max(first, hourFirst)
    const to = Math.min(end, hourFirst + BUCKETS_PER_HOUR)
    if (from === hourFirst && to === hourFirst + BUCKETS_PER_HOUR) {
      total += hourTotals(model, hour)[agent] ?? 0
      continue
    }
    const minutes = agentMinutes(model, hour, agent)
    for (let b = from; b < to; b++) total += minutes[b - hourFirst] ?? 0
  }
  return total
}

function poisson(random: Random, mean: number): number {
  if (mean <= 0) return 0
  // Knuth's exact method below 10; above, the normal approximation (one draw, not `mean`).
  if (mean < 10) {
    const limit = Math.exp(-mean)
    let k = 0
    let product = random.next()
    while (product > limit) {
      k++
      product *= random.next()
    }
    return k
  }
  return Math.max(0, Math.round(mean + Math.sqrt(mean) * random.gaussian()))
}

/** Successes of `n` trials of chance `p`: by inversion while small, else the normal approximation. */
function binomial(random: Random, n: number, p: number): number {
  if (n <= 0 || p <= 0) return 0
  if (p >= 1) return n
  if (p > 0.5) return n - binomial(random, n, 1 - p)
  const mean = n * p
  const variance = mean * (1 - p)
  if (variance >= 30) {
    return Math.min(n, Math.max(0, Math.round(mean + Math.sqrt(variance) * random.gaussian())))
  }
  // Walk the distribution from 0: about `mean` steps; (1 - p)^n cannot underflow here.
  const ratio = p / (1 - p)
  let probability = Math.pow(1 - p, n)
  let cumulative = probability
  const roll = random.next()
  let k = 0
  while (roll >= cumulative && k < n) {
    probability *= ((n - k) / (k + 1)) * ratio
    k++
    cumulative += probability
  }
  return k
}

/**
 * `total` split over the slots in proportion to `weights` (conditional binomials, slot by
 * slot), into `into` (zeroed): the parts always add up to `total` exactly.
 */
function multinomial(random: Random, total: number, weights: Float64Array, into: Int32Array): void {
  if (total <= 0) return
  let last = weights.length - 1
  while (last > 0 && !((weights[last] ?? 0) > 0)) last--
  let weightLeft = 0
  for (let m = 0; m <= last; m++) weightLeft += weights[m] ?? 0
  let remaining = total
  for (let m = 0; m < last && remaining > 0; m++) {
    const weight = weights[m] ?? 0
    if (weight > 0) {
      const drawn = binomial(random, remaining, weight / weightLeft)
      into[m] = drawn
      remaining -= drawn
    }
    weightLeft -= weight
  }
  into[last] = remaining
}

// ---------------------------------------------------------------------------- execution lines

/** Where in its run (0–1) each of an execution's lines is written; the first at the start. */
export function executionLineFractions(
  model: LogModel,
  executionBucket: number,
  index: number,
): [number, number, number, number] {
  const hash = hashString(`${model.key}/exec/${executionBucket}/${index}`)
  return [0, ((hash & 0xff) / 256) * 0.5, 0.5 + ((hash >>> 8) & 0xff) / 512, 1]
}

/** Whether the execution's third line is a sampled JSON payload (one execution in fifty). */
export function executionLogsPayload(model: LogModel, executionBucket: number, index: number) {
  return hashString(`${model.key}/exec/${executionBucket}/${index}`) >>> 16 < 65_536 / 50
}

/** The times (epoch ms) of an execution's lines, from its start and eventual duration. */
export function executionLineTimes(
  model: LogModel,
  executionBucket: number,
  index: number,
  start: number,
  durationMs: number,
): number[] {
  return executionLineFractions(model, executionBucket, index).map(
    (fraction) => start + Math.floor(durationMs * fraction),
  )
}

// ---------------------------------------------------------------------------- skeleton

export interface LogBucket {
  bucket: number
  size: number
  /** ms after the bucket start, ascending. */
  offset: Uint16Array
  level: Uint8Array
  source: Uint8Array
  /** Background lines: index into `model.agents`. */
  agent: Uint16Array
  /** Background lines: index into BACKGROUND. */
  kind: Uint8Array
  /** Execution lines: the execution's bucket is `bucket - execDelta`, its index `execIndex`. */
  execDelta: Uint8Array
  execIndex: Uint16Array
}

const LEVEL_CODE: Record<LogLevel, number> = { TRACE: 0, DEBUG: 1, INFO: 2, WARN: 3, ERROR: 4 }
export const levelOfCode = (code: number): LogLevel => LEVELS[code] ?? 'INFO'

const CACHE_LIMIT = 400
const cache = new Map<string, LogBucket>()

export function clearLogBucketCache(): void {
  cache.clear()
}

export function getLogBucket(model: LogModel, bucket: number): LogBucket {
  const rate = benchRate()
  const key = `${model.key}/${bucket}/${rate}`
  const cached = cache.get(key)
  if (cached) {
    cache.delete(key)
    cache.set(key, cached)
    return cached
  }
  const generated = generateLogBucket(model, bucket, rate)
  if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value as string)
  cache.set(key, generated)
  return generated
}

interface Draft {
  offset: number
  level: number
  source: number
  agent: number
  kind: number
  execDelta: number
  execIndex: number
}

/**
 * One agent's background lines in a bucket, as drawn from the agent's own stream of the
 * bucket (time offset, source, background kind): `generateLogBucket` stores them, and
 * `countAgentLinesIn` counts them without drawing the other agents' lines. The huge report
 * is not drawn (see `hugeIn`).
 */
function drawAgentLines(
  model: LogModel,
  bucket: number,
  agent: number,
  { normal, burst, incident }: LinesOfAgent,
  visit: (offset: number, source: number, kind: number) => void,
): void {
  const random = createRandom(`${model.key}/lines/${bucket}/${agent}`)
  const cumulative = model.backgroundCumulative
  const weightSum = cumulative[cumulative.length - 1] ?? 1
  for (let n = 0; n < normal; n++) {
    const offset = random.int(0, BUCKET_MS - 1)
    if (random.next() < PAYLOAD_SHARE) {
      visit(offset, Source.Payload, 0)
      continue
    }
    const roll = random.next() * weightSum
    let kind = 0
    while (kind < cumulative.length - 1 && (cumulative[kind] ?? 0) <= roll) kind++
    visit(offset, Source.Background, kind)
  }
  const burstStart = burst > 0 ? random.int(0, BUCKET_MS - 2_000) : 0
  for (let n = 0; n < burst; n++) visit(burstStart + random.int(0, 1_999), Source.Burst, 0)
  for (let n = 0; n < incident; n++) visit(random.int(0, BUCKET_MS - 1), Source.Incident, 0)
}

/** Where the huge report lands in its bucket. */
const HUGE_OFFSET_MS = 7_000

/**
 * Lines agent `agent` wrote in the bucket at times in [from, to] (its lifetime): exactly the
 * lines of that agent `generateLogBucket` gives the bucket in that window.
 */
export function countAgentLinesIn(
  model: LogModel,
  bucket: number,
  agent: number,
  from: number,
  to: number,
): number {
  const start = bucketStart(bucket)
  let count = 0
  drawAgentLines(model, bucket, agent, linesOfAgent(model, bucket, agent), (offset) => {
    if (start + offset >= from && start + offset <= to) count++
  })
  if (hugeIn(model, bucket) && agent === model.hugeAgent) {
    const time = start + HUGE_OFFSET_MS
    if (time >= from && time <= to) count++
  }
  return count
}

function generateLogBucket(model: LogModel, bucket: number, rate: number): LogBucket {
  const drafts: Draft[] = []
  const counts = agentCounts(model, bucket)
  const push = (draft: Draft) => drafts.push(draft)
  for (let a = 0; a < model.agents.length; a++) {
    const lines = {
      normal: counts.normal[a] ?? 0,
      burst: counts.burst[a] ?? 0,
      incident: counts.incident[a] ?? 0,
    }
    drawAgentLines(model, bucket, a, lines, (offset, source, kind) => {
      const level =
        source === Source.Payload
          ? 1
          : source === Source.Burst
            ? 4
            : source === Source.Incident
              ? 3
              : LEVEL_CODE[BACKGROUND[kind]?.level ?? 'INFO']
      push({ offset, level, source, agent: a, kind, execDelta: 0, execIndex: 0 })
    })
  }
  if (counts.huge) {
    push({
      offset: HUGE_OFFSET_MS,
      level: 2,
      source: Source.Huge,
      agent: model.hugeAgent,
      kind: 0,
      execDelta: 0,
      execIndex: 0,
    })
  }

  // Execution lines whose time falls in this bucket, from executions that started up to
  // SPILL_BUCKETS - 1 buckets earlier.
  const start = bucketStart(bucket)
  const end = start + BUCKET_MS
  for (let delta = 0; delta < SPILL_BUCKETS; delta++) {
    const executionBucket = bucket - delta
    const executions = getBucket(model.executions, executionBucket)
    const base = bucketStart(executionBucket)
    for (let i = 0; i < executions.size; i++) {
      const executionStart = base + (executions.offset[i] ?? 0)
      const duration = executions.duration[i] ?? 0
      if (executionStart + duration < start) continue
      const times = executionLineTimes(model, executionBucket, i, executionStart, duration)
      for (let k = 0; k < times.length; k++) {
        const time = times[k] ?? 0
        if (time < start || time >= end) continue
        const failed = executions.failed[i] === 1
        const level =
          k === 0
            ? 1
            : k === 2 && executionLogsPayload(model, executionBucket, i)
              ? 1
              : k === 3 && failed
                ? 4
                : 2
        push({
          offset: time - start,
          level,
          source: Source.Execution0 + k,
          agent: 0,
          kind: 0,
          execDelta: delta,
          execIndex: i,
        })
      }
    }
  }

  if (rate > 0) {
    const lines = rate * 60
    const live = model.agents.flatMap((agent, i) => (agent.status === 'LIVE' ? [i] : []))
    for (let n = 0; n < lines; n++) {
      push({
        offset: Math.floor((n * BUCKET_MS) / lines),
        level: 2,
        source: Source.Bench,
        agent: live[n % Math.max(1, live.length)] ?? 0,
        kind: 0,
        execDelta: 0,
        execIndex: 0,
      })
    }
  }

  // Time order; ties keep generation order (a stable sort).
  drafts.sort((a, b) => a.offset - b.offset)
  const size = drafts.length
  const result: LogBucket = {
    bucket,
    size,
    offset: new Uint16Array(size),
    level: new Uint8Array(size),
    source: new Uint8Array(size),
    agent: new Uint16Array(size),
    kind: new Uint8Array(size),
    execDelta: new Uint8Array(size),
    execIndex: new Uint16Array(size),
  }
  drafts.forEach((draft, j) => {
    result.offset[j] = draft.offset
    result.level[j] = draft.level
    result.source[j] = draft.source
    result.agent[j] = draft.agent
    result.kind[j] = draft.kind
    result.execDelta[j] = draft.execDelta
    result.execIndex[j] = draft.execIndex
  })
  return result
}

export const isExecutionSource = (source: number) =>
  source >= Source.Execution0 && source < Source.Execution0 + LINES_PER_EXECUTION

/** When an agent can have logged: from its registration to now, or (DEAD) its last heartbeat. */
export function agentAlive(agent: AgentRecord, now: number): { from: number; to: number } {
  return {
    from: now - agent.registeredAgoMs,
    to: agent.status === 'DEAD' ? now - agent.lastHeartbeatAgoMs : now,
  }
}

/** Whether line `j` of the bucket exists as of `now` (see the model's rules above). */
export function lineExists(model: LogModel, bucket: LogBucket, j: number, now: number): boolean {
  const time = bucketStart(bucket.bucket) + (bucket.offset[j] ?? 0)
  if (time > now) return false
  const source = bucket.source[j] ?? 0
  if (isExecutionSource(source) || source === Source.Bench) return true
  const agent = model.agents[bucket.agent[j] ?? 0]
  if (!agent) return false
  const alive = agentAlive(agent, now)
  return time >= alive.from && time <= alive.to
}

// ---------------------------------------------------------------------------- ids

/** `<bucket>-<index>-<tag>` ids (see bucket-ids.ts), 4 base-36 digits of index. */
const ids = bucketIdCodec(4)

export function logId(model: LogModel, bucket: number, index: number): string {
  return ids.format(model.key, bucket, index)
}

export function parseLogId(model: LogModel, id: string): { bucket: number; index: number } | null {
  return ids.parse(model.key, id)
}
