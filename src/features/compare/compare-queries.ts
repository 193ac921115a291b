import { queryOptions } from '@tanstack/react-query'
import type { Scope } from '@/lib/query/query-scope'
import { agentResources } from '@/lib/resources/agents'
import { statsResources } from '@/lib/resources/stats'
import type { TimeRange } from '@/lib/time-range/time-range'

/**
 * The comparison's queries, one set per side. Each side passes its own scope
 * (`{ tenant, env: side }`), so every key starts with that side's environment and every query
 * function reads the environment back out of its key: a side's requests, cache entries and
 * scope checks (`scopedGet` refuses a row of any other environment) can never be the other
 * side's. There is no "current environment" read in here. Changing one side changes only its
 * keys: the other side's entries stay, and the replaced side's late answers land in cache
 * entries nobody shows.
 *
 * The keys carry no side: prod's agents are the same request whichever side asks for them.
 */

/** Overlay charts: about this many buckets, the same step on both sides. */
const OVERLAY_BUCKETS = 240
/**
 * A comparison is read, not watched: a side whose data is a minute old is not fetched again
 * when the page re-mounts (switching the page's own environment re-mounts it), so changing
 * one side costs that side's requests only. Refresh and auto-refresh refetch both.
 */
export const COMPARE_STALE_MS = 60_000

export type SideScope = Scope

export const compareQueries = {
  agents: (side: SideScope) =>
    queryOptions({ ...agentResources.list(side), staleTime: COMPARE_STALE_MS }),

  routeStats: (side: SideScope, range: TimeRange) =>
    queryOptions({ ...statsResources.routes(side, range), staleTime: COMPARE_STALE_MS }),

  routeTimeseries: (
    side: SideScope,
    range: TimeRange,
    route: { applicationId: string; routeId: string },
  ) =>
    queryOptions({
      ...statsResources.timeseries(side, range, route, OVERLAY_BUCKETS),
      staleTime: COMPARE_STALE_MS,
    }),
}

/**
 * Whether a query key is of one environment (cancelling a side, refreshing both). Keys name
 * resources, not views; on this page every key of a side's environment is the comparison's.
 */
export function isCompareKeyOf(queryKey: readonly unknown[], env: string): boolean {
  const head = queryKey[0] as { env?: unknown } | undefined
  return head?.env === env
}
