import type { Schemas } from '@/lib/api/types'
import type { AgentRecord } from '../agents/agent-data'
import { BUCKET_MS, getEnvironmentModel, trafficFactor } from '../executions/execution-model'
import { createRandom, hashString } from '../random'
import { metricAgents, reportingWindows, SAMPLE_MS, type Window } from './metric-agents'
import { findMetric, type MetricName } from './metric-catalog'

/**
 * Agent metric series, generated per (tenant, environment, agent, sample instant): a sample's
 * value is a pure function of the agent's seeded profile and its time, so any range at any
 * step reads the same underlying samples and nothing is stored.
 *
 * Consistent with the other domains: the exchange rate and CPU follow the executions mock's
 * traffic curve (`trafficFactor`), its incidents raise failed per second and in-flight
 * exchanges on the agents of the affected application, heap is a sawtooth that drops at each
 * GC (when `jvm.gc.pause` spikes), and agents report only inside their `reportingWindows`.
 */

const MIB = 1024 * 1024
/** Mean of `trafficFactor` over a weekday: an agent's rate is scaled around it. */
const MEAN_TRAFFIC = 0.73
/** A point averages at most this many samples; beyond, it averages an even spread of them. */
const MAX_SAMPLES_PER_POINT = 12

interface AgentProfile {
  agent: AgentRecord
  seed: number
  heapMax: number
  /** Live set right after a GC, and the fill level just before one, as shares of heapMax. */
  heapFloor: number
  heapCeiling: number
  gcPeriodMs: number
  gcPhaseMs: number
  gcPauseMs: number
  /** Exchanges per second at mean traffic. */
  meanRate: number
  errorRate: number
  cores: number
  baseThreads: number
  nonheap: number
  latencySeconds: number
  /** Share of the application's flow starts the incident route carries (null: no incident). */
  incidentShare: (minuteBucket: number) => number
  windows: Window[]
}

/** 32-bit integer mix (a splitmix-style finaliser): per-sample noise without allocating. */
function noise(seed: number, index: number, salt: number): number {
  let x = (seed ^ Math.imul(index, 0x9e3779b1) ^ Math.imul(salt, 0x85ebca77)) >>> 0
  x = Math.imul(x ^ (x >>> 16), 0x7feb352d)
  x = Math.imul(x ^ (x >>> 15), 0x846ca68b)
  x ^= x >>> 16
  return (x >>> 0) / 4294967296
}

const profiles = new Map<string, AgentProfile[]>()
let profilesNow = Number.NaN

function agentProfiles(tenant: string, env: string, now: number): AgentProfile[] {
  // Windows depend on "now"; the rest is fixed by the seed. One request, one "now".
  if (profilesNow !== now) {
    profiles.clear()
    profilesNow = now
  }
  const key = `${tenant}/${env}`
  const cached = profiles.get(key)
  if (cached) return cached
  const agents = metricAgents(tenant, env)
  const model = getEnvironmentModel(tenant, env)
  const list = agents.map((agent): AgentProfile => {
    const random = createRandom(`${tenant}/${env}/metrics/${agent.agentId}`)
    const heapMax = random.pick([512, 1024, 1024, 2048, 4096]) * MIB
    const peers = agents.filter(
      (other) => other.applicationId === agent.applicationId && other.exchangesPerSecond > 0,
    )
    // A dead agent's own rate reads 0 now; while it ran it carried its share like its peers.
    const rate =
      agent.exchangesPerSecond > 0
        ? agent.exchangesPerSecond
        : peers.length > 0
          ? peers.reduce((sum, peer) => sum + peer.exchangesPerSecond, 0) / peers.length
          : 1
    const appRoutes = model?.routes.filter((route) => route.applicationId === agent.applicationId)
    const appWeight = appRoutes?.reduce((sum, route) => sum + route.weight, 0) ?? 0
    return {
      agent,
      seed: hashString(`${tenant}/${env}/${agent.agentId}`),
      heapMax,
      heapFloor: random.float(0.12, 0.3),
      heapCeiling: random.float(0.55, 0.85),
      gcPeriodMs: random.int(70, 420) * 1000,
      gcPhaseMs: random.int(0, 420_000),
      gcPauseMs: random.logNormal(heapMax >= 2048 * MIB ? 45 : 22, 0.3),
      meanRate: rate,
      errorRate: agent.errorRate,
      cores: random.pick([2, 2, 4, 4, 8]),
      baseThreads: random.int(38, 120),
      nonheap: random.int(90, 190) * MIB,
      latencySeconds: random.float(0.05, 0.4),
      incidentShare: (minuteBucket) => {
        const incident = model?.incidentAt(minuteBucket)
        const route = incident ? model?.routes[incident.routeIndex] : undefined
        if (!route || route.applicationId !== agent.applicationId) return 0
        return appWeight > 0 ? Math.max(0.3, route.weight / appWeight) : 1
      },
      windows: reportingWindows(agent, now),
    }
  })
  profiles.set(key, list)
  return list
}

// Samples are read in time order, six to a minute: remembering the last minute's traffic
// saves most of the calls (each builds a Date).
let lastMinute = Number.NaN
let lastTraffic = 0
function trafficAt(minute: number): number {
  if (minute !== lastMinute) {
    lastMinute = minute
    lastTraffic = trafficFactor(minute)
  }
  return lastTraffic
}

/** The value one agent reported for one metric at one sample instant. */
function sampleValue(profile: AgentProfile, name: MetricName, time: number): number {
  const k = Math.floor(time / SAMPLE_MS)
  const minute = Math.floor(time / BUCKET_MS)
  const traffic = trafficAt(minute) / MEAN_TRAFFIC
  const jitter = (salt: number) => noise(profile.seed, k, salt) - 0.5
  const rate = () => Math.max(0, profile.meanRate * traffic * (1 + 0.16 * jitter(1)))
  const incident = () => profile.incidentShare(minute)
  const gcPhase = (time + profile.gcPhaseMs) % profile.gcPeriodMs
  // A GC ran in the 10 s this sample covers.
  const gcInSample = gcPhase < SAMPLE_MS
  switch (name) {
    case 'jvm.memory.heap.used': {
      const fill = gcPhase / profile.gcPeriodMs
      const share = profile.heapFloor + (profile.heapCeiling - profile.heapFloor) * fill
      return Math.round(profile.heapMax * Math.min(0.98, share + 0.02 * jitter(2)))
    }
    case 'jvm.memory.heap.max':
      return profile.heapMax
    case 'jvm.memory.nonheap.used':
      return Math.round(profile.nonheap * (1 + 0.01 * jitter(3)))
    case 'jvm.gc.pause':
      return gcInSample
        ? Math.round(profile.gcPauseMs * (0.7 + 0.6 * noise(profile.seed, k, 4)) * 10) / 10
        : Math.round(noise(profile.seed, k, 5) * 30) / 10
    case 'jvm.threads.live':
      return Math.round(profile.baseThreads + 6 * traffic + 4 * jitter(6) + 20 * incident())
    case 'process.cpu.usage': {
      const busy = 0.04 + 0.32 * traffic + (gcInSample ? 0.12 : 0) + 0.06 * jitter(7)
      return Math.round(Math.min(1, Math.max(0.005, busy)) * 10_000) / 10_000
    }
    case 'system.load.average.1m': {
      const load = profile.cores * (0.1 + 0.35 * traffic) + 0.3 * jitter(8)
      return Math.round(Math.max(0, load) * 100) / 100
    }
    case 'camel.exchanges.rate':
      return Math.round(rate() * 100) / 100
    case 'camel.exchanges.failed.rate': {
      const failing = profile.errorRate + 0.45 * incident()
      return Math.round(rate() * failing * (1 + 0.3 * jitter(9)) * 1000) / 1000
    }
    case 'camel.exchanges.inflight': {
      const slow = 1 + 5 * incident()
      return Math.max(0, Math.round(rate() * profile.latencySeconds * slow + 2 * jitter(10)))
    }
    case 'camel.routes.running':
      return profile.agent.routeIds.length
    case 'kafka.consumer.records.lag': {
      // Lag builds up while a dependency is down and drains after.
      const behind = 40 * traffic + 4_000 * incident() + 60 * noise(profile.seed, k, 11)
      return Math.round(behind)
    }
  }
}

export interface MetricsQuery {
  names: readonly string[]
  agentId?: string
  applicationId?: string
  from: number
  to: number
  stepSeconds: number
}

/** Where the first bucket starts: `from` rounded down to a multiple of the step since the epoch. */
export function bucketStart(from: number, stepSeconds: number): number {
  const stepMs = stepSeconds * 1000
  return Math.floor(from / stepMs) * stepMs
}

/**
 * One series per (agent, known name), columnar: one value per bucket from `bucketStart` up to
 * `to`, the mean of the bucket's samples or null where the agent reported none. An agent with
 * no sample in the range is still listed (all null), as the contract has it.
 */
export function metricSeries(
  tenant: string,
  env: string,
  query: MetricsQuery,
  now: number,
): Schemas['MetricSeries'][] {
  const stepMs = query.stepSeconds * 1000
  const start = bucketStart(query.from, query.stepSeconds)
  const buckets = Math.max(0, Math.ceil((query.to - start) / stepMs))
  const to = Math.min(query.to, now)
  const out: Schemas['MetricSeries'][] = []
  for (const profile of agentProfiles(tenant, env, now)) {
    if (query.agentId !== undefined && profile.agent.agentId !== query.agentId) continue
    if (query.applicationId !== undefined && profile.agent.applicationId !== query.applicationId) {
      continue
    }
    for (const name of query.names) {
      const metric = findMetric(name)
      if (!metric) continue
      const values: (number | null)[] = new Array<number | null>(buckets)
      for (let i = 0; i < buckets; i++) {
        const bucketFrom = Math.max(start + i * stepMs, query.from)
        const bucketTo = Math.min(start + (i + 1) * stepMs, to)
        values[i] =
          bucketTo > bucketFrom
            ? bucketMean(profile, metric.name as MetricName, bucketFrom, bucketTo)
            : null
      }
      out.push({
        agentId: profile.agent.agentId,
        applicationId: profile.agent.applicationId,
        name: metric.name,
        unit: metric.unit,
        values,
      })
    }
  }
  return out
}

/** Mean of the samples in [start, end) that the agent reported; null when there are none. */
function bucketMean(
  profile: AgentProfile,
  name: MetricName,
  start: number,
  end: number,
): number | null {
  let sum = 0
  let count = 0
  for (const [from, until] of profile.windows) {
    const first = Math.ceil(Math.max(start, from) / SAMPLE_MS)
    const last = Math.ceil(Math.min(end, until) / SAMPLE_MS) - 1
    if (last < first) continue
    const stride = Math.max(1, Math.ceil((last - first + 1) / MAX_SAMPLES_PER_POINT))
    for (let k = first; k <= last; k += stride) {
      sum += sampleValue(profile, name, k * SAMPLE_MS)
      count++
    }
  }
  if (count === 0) return null
  const mean = sum / count
  return Math.abs(mean) >= 100 ? Math.round(mean) : Math.round(mean * 10_000) / 10_000
}

/** Names with data in the environment (every agent reports every name). */
export function metricNamesWithData(tenant: string, env: string): boolean {
  return metricAgents(tenant, env).length > 0
}
