import { queryOptions } from '@tanstack/react-query'
import { polling } from '@/lib/query/retry-policy'
import type { Scope } from '@/lib/query/query-scope'
import { agentResources } from '@/lib/resources/agents'

/** Heartbeats arrive every few seconds; 15 s keeps LIVE/STALE/DEAD honest without hammering. */
export const AGENT_REFRESH_MS = 15_000

/**
 * The agents view watches the registry: the list and an agent's page poll it. Filtering is
 * client-side on purpose (see `agentResources.list`): the fleet summary stays complete whatever
 * is filtered, typing in the search box is instant, and filters never touch the network.
 */
export const agentQueries = {
  list: (scope: Scope) =>
    queryOptions({ ...agentResources.list(scope), refetchInterval: polling(AGENT_REFRESH_MS) }),

  detail: (scope: Scope, agentId: string) =>
    queryOptions({
      ...agentResources.detail(scope, agentId),
      refetchInterval: polling(AGENT_REFRESH_MS),
    }),
}
