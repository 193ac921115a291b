import { scopedGet } from '@/lib/api/api-client'
import { assertAnswersFor } from '@/lib/api/response-validation'
import { scopedInfiniteQuery, scopedKey, scopedQuery, type Scope } from '@/lib/query/query-scope'
import { agentEventPageSchema } from '@/lib/api/generated/response-schemas/agent-event-page'
import { agentInfoSchema } from '@/lib/api/generated/response-schemas/agent-info'
import { agentListSchema } from '@/lib/api/generated/response-schemas/agent-list'

export const AGENT_EVENTS_PAGE_SIZE = 50

/**
 * The agent registry. `list` is the whole registry of the environment (the contract caps it
 * at hundreds of agents and does not paginate it): views filter it in memory, so its key holds
 * the scope only and every view that needs the agents (the list, metrics, the comparison, an
 * agent's page) shares one cache entry. The endpoint's `applicationId`/`status`/`q` parameters
 * stay available for a future environment with thousands of agents.
 */
export const agentResources = {
  list: (scope: Scope) =>
    scopedQuery(scopedKey(scope, 'agents', 'list'), (key, signal) =>
      scopedGet('/agents', { scope: key, schema: agentListSchema, signal }),
    ),

  detail: (scope: Scope, agentId: string) =>
    scopedQuery(scopedKey(scope, 'agents', 'detail', { agentId }), async (key, signal) => {
      const agent = await scopedGet('/agents/{agentId}', {
        scope: key,
        schema: agentInfoSchema,
        path: { agentId: key.agentId },
        signal,
      })
      return assertAnswersFor(agent, { agentId: key.agentId }, '/agents/{agentId}')
    }),

  /** Newest first, one page per "Load older events", following the server's opaque cursor. */
  events: (scope: Scope, agentId: string) =>
    scopedInfiniteQuery(scopedKey(scope, 'agents', 'events', { agentId }), {
      fetch: (key, cursor: string | null, signal) =>
        scopedGet('/agents/{agentId}/events', {
          scope: key,
          schema: agentEventPageSchema,
          path: { agentId: key.agentId },
          query: { limit: AGENT_EVENTS_PAGE_SIZE, ...(cursor ? { cursor } : {}) },
          signal,
        }),
      initialPageParam: null,
      getNextPageParam: (lastPage) => lastPage.nextCursor ?? undefined,
    }),
}
