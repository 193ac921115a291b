import type { Environment } from '@/lib/api/types'
import { listAgentRecords } from '../agents/agent-data'
import { apiGet, ok } from '../api-route'
import { authenticate } from '../auth/auth-tokens'
import { mockNow, toIso } from '../clock'
import { getMockSettings } from '../mock-settings'
import { tenantEnvironmentIds } from '../topology/tenants'

export const environmentHandlers = [
  apiGet('/environments', async ({ request }) => {
    const principal = await authenticate(request)
    const now = mockNow()
    const { revokedEnvironments } = getMockSettings()
    const items = tenantEnvironmentIds(principal.tenant)
      .filter((id) => principal.envs === null || principal.envs.includes(id))
      .filter((id) => !revokedEnvironments.includes(id))
      .sort()
      .map((id): Environment => {
        const agents = listAgentRecords(principal.tenant, id)
        const freshest = Math.min(...agents.map((agent) => agent.lastHeartbeatAgoMs))
        return {
          id,
          agentCount: agents.length,
          liveAgentCount: agents.filter((agent) => agent.status === 'LIVE').length,
          lastSeenAt: agents.length ? toIso(now - freshest) : null,
        }
      })
    return ok('EnvironmentList', { items })
  }),
]
