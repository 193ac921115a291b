import { queryOptions } from '@tanstack/react-query'
import { scopedGet } from '@/lib/api/api-client'
import { fetchRouteStats, fetchRouteTimeseries } from '@/lib/api/range-requests'
import { scopedKey, scopedQuery, type Scope } from '@/lib/query/query-scope'
import type { TimeRange } from '@/lib/time-range/time-range'
import { agentListSchema } from '@/lib/api/generated/response-schemas/agent-list'

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
    queryOptions({
      ...scopedQuery(scopedKey(side, 'compare', 'agents'), (key, signal) =>
        scopedGet('/agents', { scope: key, schema: agentListSchema, signal }),
      ),
      staleTime: COMPARE_STALE_MS,
    }),

  routeStats: (side: SideScope, range: TimeRange) =>
    queryOptions({
      ...scopedQuery(
        scopedKey(side, 'compare', 'route-stats', { from: range.from, to: range.to }),
        fetchRouteStats,
      ),
      staleTime: COMPARE_STALE_MS,
    }),

  routeTimeseries: (
    side: SideScope,
    range: TimeRange,
    route: { applicationId: string; routeId: string },
  ) =>
    queryOptions({
      ...scopedQuery(
        scopedKey(side, 'compare', 'route-timeseries', {
          from: range.from,
          to: range.to,
          applicationId: route.applicationId,
          routeId: route.routeId,
        }),
        (key, signal) => fetchRouteTimeseries(key, signal, OVERLAY_BUCKETS),
      ),
      staleTime: COMPARE_STALE_MS,
    }),
}

/** The key families this page reads: its own, and the metric resources (lib/resources). */
const COMPARE_KEY_FEATURES = new Set<unknown>(['compare', 'metrics'])

/** Whether a query key is one this page reads, for one environment (cancelling a side). */
export function isCompareKeyOf(queryKey: readonly unknown[], env: string): boolean {
  const head = queryKey[0] as { feature?: unknown; env?: unknown } | undefined
  return COMPARE_KEY_FEATURES.has(head?.feature) && head?.env === env
}
