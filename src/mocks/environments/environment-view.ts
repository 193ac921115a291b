import type { Environment } from '@/lib/api/types'
import { listAgentRecords } from '../agents/agent-data'
import { mockNow, toIso } from '../clock'
import type { EnvironmentRecord } from '../tenant-state/tenant-state'

/** An environment as admins described it, with its agents counted as they are now. */
export function toEnvironment(tenant: string, record: EnvironmentRecord): Environment {
  const agents = listAgentRecords(tenant, record.id)
  const freshest = Math.min(...agents.map((agent) => agent.lastHeartbeatAgoMs))
  return {
    id: record.id,
    displayName: record.displayName,
    production: record.production,
    description: record.description,
    retentionDays: record.retentionDays,
    createdAt: record.createdAt,
    agentCount: agents.length,
    liveAgentCount: agents.filter((agent) => agent.status === 'LIVE').length,
    lastSeenAt: agents.length ? toIso(mockNow() - freshest) : null,
  }
}
