import { listAgentRecords, type AgentRecord } from '../agents/agent-data'
import { hashString } from '../random'

/**
 * When each agent of an environment reported metrics: from its registration until now (LIVE),
 * until its last heartbeat (DEAD: no points after it died), and for STALE agents until their
 * last heartbeat with a recent gap a few minutes before it (a network partition that healed,
 * then the heartbeats stopped again). Both the series and `countMetricPoints` read these
 * windows, so the usage figures and the charts always agree.
 */

/** Agents sample every metric every 10 s (Micrometer's default step). */
export const SAMPLE_MS = 10_000

const MINUTE = 60_000

/** Half-open [from, to) in epoch ms. */
export type Window = readonly [from: number, to: number]

export function reportingWindows(agent: AgentRecord, now: number): Window[] {
  const start = now - agent.registeredAgoMs
  if (agent.status === 'LIVE') return [[start, now]]
  const end = now - agent.lastHeartbeatAgoMs
  if (agent.status === 'DEAD') return [[start, end]]
  const hash = hashString(`${agent.agentId}/metrics-gap`)
  const gapLength = (6 + (hash % 7)) * MINUTE
  const gapEnd = end - (8 + ((hash >>> 8) % 10)) * MINUTE
  const gapStart = gapEnd - gapLength
  return [
    [start, Math.max(start, gapStart)],
    [Math.max(start, gapEnd), end],
  ]
}

/** The sample instants (multiples of SAMPLE_MS) in [from, to): how many. */
export function samplesIn(from: number, to: number): number {
  if (to <= from) return 0
  return Math.max(0, Math.ceil(to / SAMPLE_MS) - Math.ceil(from / SAMPLE_MS))
}

export function metricAgents(tenant: string, env: string): AgentRecord[] {
  return listAgentRecords(tenant, env)
}
