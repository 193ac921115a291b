import type { AgentInfo, AgentStatus } from '@/lib/api/types'
import { MAX_QUERY_LENGTH } from '@/lib/ids'
import { choice, defineUrlState, id, sort, text } from '@/lib/url-state/url-state'

export const AGENT_STATUSES = ['LIVE', 'STALE', 'DEAD'] as const satisfies readonly AgentStatus[]

export const AGENT_SORT_COLUMNS = [
  'agentId',
  'applicationId',
  'hostname',
  'status',
  'lastHeartbeatAt',
  'agentVersion',
  'camelVersion',
  'exchangesPerSecond',
  'errorRate',
] as const

export type AgentSortColumn = (typeof AGENT_SORT_COLUMNS)[number]

/**
 * What the agents list shows, as the URL says it (`?status=DEAD&app=order-service&q=ip-10
 * &sort=lastHeartbeatAt&dir=desc`): `app` is an application id, compared exactly; `q` is free
 * text, matched case-insensitively on agent id, hostname and application (kept as typed: the
 * search box writes it on every keystroke).
 */
export const agentFilters = defineUrlState({
  status: choice('status', AGENT_STATUSES, { label: 'status' }),
  app: id('app', 'application filter'),
  q: text('q', { label: 'search text', max: MAX_QUERY_LENGTH, whenLonger: 'drop', trim: false }),
  sort: sort({ column: 'sort', dir: 'dir' }, AGENT_SORT_COLUMNS, {
    label: 'sort column',
    fallback: null,
    defaultDesc: false,
  }),
})

export type AgentFilters = typeof agentFilters.defaults

export function hasActiveFilters(filters: AgentFilters): boolean {
  return filters.status !== null || filters.app !== null || filters.q.trim() !== ''
}

export function filterAgents(agents: readonly AgentInfo[], filters: AgentFilters): AgentInfo[] {
  const needle = filters.q.trim().toLowerCase()
  return agents.filter(
    (agent) =>
      (!filters.status || agent.status === filters.status) &&
      (!filters.app || agent.applicationId === filters.app) &&
      (!needle ||
        agent.agentId.toLowerCase().includes(needle) ||
        agent.hostname.toLowerCase().includes(needle) ||
        agent.applicationId.toLowerCase().includes(needle)),
  )
}

export interface FleetSummary {
  total: number
  byStatus: Record<AgentStatus, number>
  byApplication: { applicationId: string; total: number; byStatus: Record<AgentStatus, number> }[]
}

export function summarizeFleet(agents: readonly AgentInfo[]): FleetSummary {
  const zero = (): Record<AgentStatus, number> => ({ LIVE: 0, STALE: 0, DEAD: 0 })
  const byStatus = zero()
  const apps = new Map<
    string,
    { applicationId: string; total: number; byStatus: Record<AgentStatus, number> }
  >()
  for (const agent of agents) {
    byStatus[agent.status] += 1
    let app = apps.get(agent.applicationId)
    if (!app) {
      app = { applicationId: agent.applicationId, total: 0, byStatus: zero() }
      apps.set(agent.applicationId, app)
    }
    app.total += 1
    app.byStatus[agent.status] += 1
  }
  return {
    total: agents.length,
    byStatus,
    byApplication: [...apps.values()].sort((a, b) =>
      a.applicationId.localeCompare(b.applicationId),
    ),
  }
}
