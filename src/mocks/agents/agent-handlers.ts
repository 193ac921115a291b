import type { AgentStatus } from '@/lib/api/types'
import { listAgentEventRecords, toAgentEvent } from './agent-events'
import { findAgentRecord, listAgentRecords, toAgentInfo } from './agent-data'
import { withLoggedEvents } from './agent-event-log'
import { apiGet, ok } from '../api-route'
import { mockNow } from '../clock'
import { changedRouteStates } from '../tenant-state/route-states'
import { decodeCursor, encodeCursor } from '../pagination'
import { badRequest, notFound } from '../problem'
import {
  enumParam,
  optionalParam,
  parseLimit,
  requireScope,
  type RequestScope,
} from '../scope-guard'

const STATUSES: readonly AgentStatus[] = ['LIVE', 'STALE', 'DEAD']

export const agentHandlers = [
  apiGet('/agents', async ({ request }) => {
    const scope = await requireScope(request)
    const applicationId = optionalParam(scope.url, 'applicationId')
    const status = enumParam(scope.url, 'status', STATUSES)
    const q = optionalParam(scope.url, 'q')?.toLowerCase()
    const now = mockNow()
    const changed = changedRouteStates(scope.tenant, scope.environment, now)
    const items = listAgentRecords(scope.tenant, scope.environment)
      .filter((agent) => applicationId === undefined || agent.applicationId === applicationId)
      .filter((agent) => status === undefined || agent.status === status)
      .filter(
        (agent) =>
          q === undefined ||
          [agent.agentId, agent.hostname, agent.applicationId].some((field) =>
            field.toLowerCase().includes(q),
          ),
      )
      .map((agent) => toAgentInfo(agent, scope.tenant, scope.environment, now, changed))
    return ok('AgentList', { items })
  }),

  apiGet('/agents/:agentId', async ({ request, params }) => {
    const scope = await requireScope(request)
    const agent = requireAgent(scope, params.agentId)
    return ok('AgentInfo', toAgentInfo(agent, scope.tenant, scope.environment))
  }),

  apiGet('/agents/:agentId/events', async ({ request, params }) => {
    const scope = await requireScope(request)
    const limit = parseLimit(scope.url)
    const agentId = params.agentId ?? ''
    // The cursor is bound to the agent (and scope) it was issued for.
    const filters = `agent-events/${scope.tenant}/${scope.environment}/${agentId}`
    const position = decodeCursor(scope.url.searchParams.get('cursor'), filters)
    const agent = requireAgent(scope, agentId)
    if (position && typeof position.before !== 'number')
      throw badRequest('The cursor is malformed.')
    const before = typeof position?.before === 'number' ? position.before : Infinity
    const now = mockNow()
    const events = withLoggedEvents(
      scope.tenant,
      scope.environment,
      agent,
      listAgentEventRecords(scope.tenant, scope.environment, agent),
      now,
    )
    const start = events.findIndex((event) => event.seq < before)
    const page = start === -1 ? [] : events.slice(start, start + limit)
    const last = page[page.length - 1]
    const hasMore = last !== undefined && last.seq > (events[events.length - 1]?.seq ?? 0)
    return ok('AgentEventPage', {
      items: page.map((event) => toAgentEvent(event, agent, scope.tenant, scope.environment, now)),
      nextCursor: hasMore && last ? encodeCursor(filters, { before: last.seq }) : null,
    })
  }),
]

function requireAgent(scope: RequestScope, agentId: string | undefined) {
  const agent = agentId ? findAgentRecord(scope.tenant, scope.environment, agentId) : undefined
  if (!agent) {
    throw notFound(`Agent ${agentId ?? ''} not found in environment ${scope.environment}.`)
  }
  return agent
}
