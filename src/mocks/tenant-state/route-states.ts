import type { Schemas } from '@/lib/api/types'
import { readTenantRecord, writeTenantRecord } from './tenant-state'

type RouteState = Schemas['RouteState']

/**
 * The route states agents report, as changed by route control: every route of every agent is
 * Started until an acknowledged command changes it. A change is stored with the time the agent
 * acknowledged it, so it takes effect when the mock's clock gets there (a command answered in
 * 2 s stops the route 2 s after it was sent, whoever asks), kept with the tenant's other state.
 */

export interface RouteStateChange {
  agentId: string
  routeId: string
  state: RouteState
  /** Epoch ms at which the agent acknowledged (and reports it in its heartbeats from then on). */
  at: number
}

interface RouteStatesRecord {
  version: 1
  changes: RouteStateChange[]
}

const recordName = (environment: string) => `route-states:${environment}`

function read(tenantId: string, environment: string): RouteStatesRecord {
  return readTenantRecord<RouteStatesRecord>(tenantId, recordName(environment), () => ({
    version: 1,
    changes: [],
  }))
}

export function recordRouteStateChange(
  tenantId: string,
  environment: string,
  change: RouteStateChange,
): void {
  const record = read(tenantId, environment)
  record.changes.push(change)
  writeTenantRecord(tenantId, recordName(environment), record)
}

/** agentId → routeId → state, for the routes whose state changed by `now` (the rest: Started). */
export function changedRouteStates(
  tenantId: string,
  environment: string,
  now: number,
): Map<string, Record<string, RouteState>> {
  const byAgent = new Map<string, Record<string, RouteState>>()
  const effective = read(tenantId, environment)
    .changes.filter((change) => change.at <= now)
    .sort((a, b) => a.at - b.at)
  for (const change of effective) {
    const states = byAgent.get(change.agentId) ?? {}
    states[change.routeId] = change.state
    byAgent.set(change.agentId, states)
  }
  return byAgent
}
