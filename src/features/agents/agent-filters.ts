import type { AgentInfo, AgentStatus } from '@/lib/api/types'
import { MAX_ID_LENGTH, MAX_QUERY_LENGTH } from '@/lib/ids'

/**
 * What the agents list shows, as the URL says it (`?status=DEAD&app=order-service&q=ip-10
 * &sort=lastHeartbeatAt&dir=desc`). The URL is typed in, pasted from chat and bookmarked, so
 * anything unexpected in it is dropped here rather than sent on or rendered.
 */
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

export interface AgentSort {
  column: AgentSortColumn
  desc: boolean
}

export interface AgentFilters {
  status: AgentStatus | null
  /** An application id, compared exactly. */
  app: string | null
  /** Free text; matched case-insensitively on agent id, hostname and application. */
  q: string
  sort: AgentSort | null
}

export const emptyAgentFilters: AgentFilters = { status: null, app: null, q: '', sort: null }

const isStatus = (value: string | null): value is AgentStatus =>
  (AGENT_STATUSES as readonly string[]).includes(value ?? '')

const isSortColumn = (value: string | null): value is AgentSortColumn =>
  (AGENT_SORT_COLUMNS as readonly string[]).includes(value ?? '')

export function readAgentFilters(params: URLSearchParams): AgentFilters {
  const status = params.get('status')
  const app = params.get('app')
  const q = params.get('q') ?? ''
  const sort = params.get('sort')
  const dir = params.get('dir')
  return {
    status: isStatus(status) ? status : null,
    app: app && app.length <= MAX_ID_LENGTH ? app : null,
    q: q.length <= MAX_QUERY_LENGTH ? q : '',
    // An unknown direction falls back to ascending rather than dropping a valid column.
    sort: isSortColumn(sort) ? { column: sort, desc: dir === 'desc' } : null,
  }
}

const FILTER_PARAMS = ['status', 'app', 'q', 'sort', 'dir'] as const

/**
 * Writes the filters into a copy of `params`, keeping everything else (`env` above all) and
 * removing what is empty, so the URL only says what differs from the default view.
 */
export function writeAgentFilters(params: URLSearchParams, filters: AgentFilters): URLSearchParams {
  const next = new URLSearchParams(params)
  for (const name of FILTER_PARAMS) next.delete(name)
  if (filters.status) next.set('status', filters.status)
  if (filters.app) next.set('app', filters.app)
  if (filters.q) next.set('q', filters.q)
  if (filters.sort) {
    next.set('sort', filters.sort.column)
    next.set('dir', filters.sort.desc ? 'desc' : 'asc')
  }
  return next
}

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
