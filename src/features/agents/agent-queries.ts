import { polling } from '@/lib/query/retry-policy'
import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query'
import { scopedGet } from '@/lib/api/api-client'
import { assertAnswersFor } from '@/lib/api/response-validation'
import { scopedKey, scopedQuery, type Scope } from '@/lib/query/query-scope'
import { agentEventPageSchema } from '@/lib/api/generated/response-schemas/agent-event-page'
import { agentInfoSchema } from '@/lib/api/generated/response-schemas/agent-info'
import { agentListSchema } from '@/lib/api/generated/response-schemas/agent-list'

/** Heartbeats arrive every few seconds; 15 s keeps LIVE/STALE/DEAD honest without hammering. */
export const AGENT_REFRESH_MS = 15_000
export const AGENT_EVENTS_PAGE_SIZE = 50

/**
 * The agents feature's queries. Every key starts with the scope (`scopedKey`) and every
 * function reads tenant and environment back out of its key.
 *
 * Filtering is client-side on purpose: `list` fetches the whole registry of the environment
 * (the contract caps it at hundreds of agents and does not paginate it) and the page filters
 * it in memory. That keeps the fleet summary complete whatever is filtered, makes typing in
 * the search box instant, and costs one request per refresh instead of one per keystroke and
 * one cache entry per filter combination. So the key carries the scope only: filters never
 * touch the network. (The endpoint's `applicationId`/`status`/`q` parameters stay available
 * for a future environment with thousands of agents.)
 */
export const agentQueries = {
  list: (scope: Scope) =>
    queryOptions({
      ...scopedQuery(scopedKey(scope, 'agents', 'list'), (key, signal) =>
        scopedGet('/agents', { scope: key, schema: agentListSchema, signal }),
      ),
      refetchInterval: polling(AGENT_REFRESH_MS),
    }),

  detail: (scope: Scope, agentId: string) =>
    queryOptions({
      ...scopedQuery(scopedKey(scope, 'agents', 'detail', { agentId }), async (key, signal) => {
        const agent = await scopedGet('/agents/{agentId}', {
          scope: key,
          schema: agentInfoSchema,
          path: { agentId: key.agentId },
          signal,
        })
        return assertAnswersFor(agent, { agentId: key.agentId }, '/agents/{agentId}')
      }),
      refetchInterval: polling(AGENT_REFRESH_MS),
    }),

  /** Newest first, one page per "Load older events", following the server's opaque cursor. */
  events: (scope: Scope, agentId: string) =>
    infiniteQueryOptions({
      queryKey: scopedKey(scope, 'agents', 'events', { agentId }),
      queryFn: ({ queryKey: [key], pageParam, signal }) =>
        scopedGet('/agents/{agentId}/events', {
          scope: key,
          schema: agentEventPageSchema,
          path: { agentId: key.agentId },
          query: { limit: AGENT_EVENTS_PAGE_SIZE, ...(pageParam ? { cursor: pageParam } : {}) },
          signal,
        }),
      initialPageParam: null as string | null,
      getNextPageParam: (lastPage) => lastPage.nextCursor ?? undefined,
    }),
}
