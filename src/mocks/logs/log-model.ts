import type { LogLevel } from '@/lib/api/types'
import { listAgentRecords, type AgentRecord } from '../agents/agent-data'
import { bucketStart, getBucket } from '../executions/execution-buckets'
import { BUCKET_MS, getEnvironmentModel, trafficFactor } from '../executions/execution-model'
import type { EnvironmentModel } from '../executions/execution-model'
import { getMockSettings } from '../mock-settings'
import { createRandom, hashString, type Random } from '../random'
import { getTopology } from '../topology/topology'
import { BACKGROUND, LEVELS } from './log-kinds'

/**
 * The log model of one (tenant, environment), and its lines per one-minute bucket.
 *
 * A bucket's "skeleton" holds what filtering, counting and statistics need (time offset, level,
 * who logged it, which execution line it is) in typed arrays; the text of a line is rendered on
 * demand from its (bucket, index). Lines come from two sources:
 * - background: each agent logs its own chatter (consumers polling, pools, heartbeats, a
 *   rare error burst, retries while the executions' incident lasts), drawn per agent per bucket;
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

export interface AgentCounts {
  /** Per agent: normal lines, then burst, incident and huge lines, in that order. */
  normal: Int32Array
  burst: Int32Array
  incident: Int32Array
  huge: number
  /** Sum of all of the above. */
  total: number
}

/**
 * How many background lines each agent writes in a bucket, before "now" and agent lifetimes
 * are applied: the first values of the bucket's own stream, so counting never needs the lines.
 */
export function agentCounts(model: LogModel, bucket: number): AgentCounts {
  const random = createRandom(`${model.key}/counts/${bucket}`)
  const factor = trafficFactor(bucket)
  const incident = model.executions.incidentAt(bucket)
  const incidentApp =
    incident !== null ? model.executions.routes[incident.routeIndex]?.applicationId : undefined
  const count = model.agents.length
  const normal = new Int32Array(count)
  const burst = new Int32Array(count)
  const inIncident = new Int32Array(count)
  let total = 0
  for (let a = 0; a < count; a++) {
    normal[a] = poisson(random, (model.agentPeak[a] ?? 0) * factor)
    burst[a] = random.next() < BURST_CHANCE ? random.int(10, 40) : 0
    inIncident[a] = model.agents[a]?.applicationId === incidentApp ? poisson(random, 12) : 0
    total += (normal[a] ?? 0) + (burst[a] ?? 0) + (inIncident[a] ?? 0)
  }
  const huge = bucket % HUGE_PERIOD_BUCKETS === model.hugePhase ? 1 : 0
  return { normal, burst, incident: inIncident, huge, total: total + huge }
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

function generateLogBucket(model: LogModel, bucket: number, rate: number): LogBucket {
  const drafts: Draft[] = []
  const counts = agentCounts(model, bucket)
  const random = createRandom(`${model.key}/lines/${bucket}`)
  const push = (draft: Draft) => drafts.push(draft)
  const pickKind = () => {
    const cumulative = model.backgroundCumulative
    const roll = random.next() * (cumulative[cumulative.length - 1] ?? 1)
    let k = 0
    while (k < cumulative.length - 1 && (cumulative[k] ?? 0) <= roll) k++
    return k
  }
  for (let a = 0; a < model.agents.length; a++) {
    const normal = counts.normal[a] ?? 0
    for (let n = 0; n < normal; n++) {
      const offset = random.int(0, BUCKET_MS - 1)
      if (random.next() < PAYLOAD_SHARE) {
        push({
          offset,
          level: 1,
          source: Source.Payload,
          agent: a,
          kind: 0,
          execDelta: 0,
          execIndex: 0,
        })
        continue
      }
      const kind = pickKind()
      const level = LEVEL_CODE[BACKGROUND[kind]?.level ?? 'INFO']
      push({ offset, level, source: Source.Background, agent: a, kind, execDelta: 0, execIndex: 0 })
    }
    const burst = counts.burst[a] ?? 0
    const burstStart = burst > 0 ? random.int(0, BUCKET_MS - 2_000) : 0
    for (let n = 0; n < burst; n++) {
      const offset = burstStart + random.int(0, 1_999)
      push({
        offset,
        level: 4,
        source: Source.Burst,
        agent: a,
        kind: 0,
        execDelta: 0,
        execIndex: 0,
      })
    }
    const incident = counts.incident[a] ?? 0
    for (let n = 0; n < incident; n++) {
      const offset = random.int(0, BUCKET_MS - 1)
      push({
        offset,
        level: 3,
        source: Source.Incident,
        agent: a,
        kind: 0,
        execDelta: 0,
        execIndex: 0,
      })
    }
  }
  if (counts.huge) {
    push({
      offset: 7_000,
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

const TAG_SPACE = 36 ** 4
const ID_PATTERN = /^([0-9a-z]{6})-([0-9a-z]{4})-([0-9a-z]{4})$/

/**
 * `<bucket>-<index>-<tag>`, base 36, fixed width, so string order is time order. The tag is a
 * hash of tenant, environment, bucket and index: an id from another tenant or environment
 * does not resolve here.
 */
export function logId(model: LogModel, bucket: number, index: number): string {
  return `${bucket.toString(36).padStart(6, '0')}-${index.toString(36).padStart(4, '0')}-${tag(model, bucket, index)}`
}

export function parseLogId(model: LogModel, id: string): { bucket: number; index: number } | null {
  const match = ID_PATTERN.exec(id)
  if (!match) return null
  const bucket = parseInt(match[1] ?? '', 36)
  const index = parseInt(match[2] ?? '', 36)
  if (tag(model, bucket, index) !== match[3]) return null
  return { bucket, index }
}

function tag(model: LogModel, bucket: number, index: number): string {
  return (hashString(`${model.key}/${bucket}/${index}/id`) % TAG_SPACE)
    .toString(36)
    .padStart(4, '0')
}
