import type { AgentEventType } from '@/lib/api/types'
import { readTenantRecord, writeTenantRecord } from '../tenant-state/tenant-state'
import type { AgentRecord } from './agent-data'
import type { AgentEventRecord } from './agent-events'

/**
 * What happened to agents because people acted (a configuration pushed and applied), kept per
 * tenant and environment with the tenant's state, beside the generated history. A logged event
 * may lie in the future (an agent acknowledges a push a moment after it): it is listed once its
 * time has come. Logged events are numbered after the generated ones, in the order they were
 * logged, so their ids and the cursors over them stay stable.
 */

export interface LoggedAgentEvent {
  type: AgentEventType
  /** When it happens (ms). */
  at: number
  message: string
}

interface EnvironmentEventLog {
  version: 1
  byAgent: Record<string, LoggedAgentEvent[]>
}

/** Per agent; the oldest go first (a demo needs no more). */
const PER_AGENT_LIMIT = 200

const recordName = (environment: string) => `agent-events:${environment}`

function readLog(tenantId: string, environment: string): EnvironmentEventLog {
  return readTenantRecord<EnvironmentEventLog>(tenantId, recordName(environment), () => ({
    version: 1,
    byAgent: {},
  }))
}

export function logAgentEvents(
  tenantId: string,
  environment: string,
  events: readonly (LoggedAgentEvent & { agentId: string })[],
): void {
  if (events.length === 0) return
  const log = readLog(tenantId, environment)
  for (const { agentId, ...event } of events) {
    const list = (log.byAgent[agentId] ??= [])
    list.push(event)
    if (list.length > PER_AGENT_LIMIT) list.splice(0, list.length - PER_AGENT_LIMIT)
  }
  writeTenantRecord(tenantId, recordName(environment), log)
}

/** The generated history (newest first) with the logged events that have happened on top. */
export function withLoggedEvents(
  tenantId: string,
  environment: string,
  agent: AgentRecord,
  generated: readonly AgentEventRecord[],
  now: number,
): AgentEventRecord[] {
  const logged = readLog(tenantId, environment).byAgent[agent.agentId] ?? []
  const after = generated[0]?.seq ?? 0
  const happened = logged
    .map((event, index) => ({ event, seq: after + index + 1 }))
    .filter(({ event }) => event.at <= now)
    .reverse()
    .map(({ event, seq }) => ({
      seq,
      type: event.type,
      agoMs: now - event.at,
      message: event.message,
    }))
  return happened.length ? [...happened, ...generated] : [...generated]
}
