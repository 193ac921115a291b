import { infiniteQueryOptions, type InfiniteData } from '@tanstack/react-query'
import { scopedGet } from '@/lib/api/api-client'
import type { ExecutionPage, Schemas, Timeseries } from '@/lib/api/types'
import { scopedKey, scopedQuery, type Scope } from '@/lib/query/query-scope'
import { resolveTimeRange, stepForRange, type TimeRange } from '@/lib/time-range/time-range'
import { toExecutionApiFilters, type ExecutionFilters } from './execution-filters'
import { executionPageSchema } from '@/lib/api/generated/response-schemas/execution-page'
import { routeStatsListSchema } from '@/lib/api/generated/response-schemas/route-stats-list'
import { timeseriesSchema } from '@/lib/api/generated/response-schemas/timeseries'

/**
 * Queries of the execution search. Keys hold the time range as the URL says it (`now-1h`), and
 * every query function resolves it to instants when it runs: one cache entry per search that
 * moves with time on each refetch. Tenant and environment are read back from the key.
 */

/** Rows per request: big enough to scroll a while, small enough to arrive fast. */
export const EXECUTION_PAGE_SIZE = 200

/**
 * The page after the first: its cursor plus the instants the first page was fetched for, so
 * following pages never shift under the user while "now" moves on.
 */
export interface ExecutionPageParam {
  cursor: string
  from: string
  to: string
}

/** A page as the API returned it, plus the instants it was fetched for. */
export interface ExecutionSearchPage extends ExecutionPage {
  resolved: { from: string; to: string }
}

export type ExecutionSearchData = InfiniteData<ExecutionSearchPage, ExecutionPageParam | null>

export interface ExecutionTimeseries extends Timeseries {
  resolved: { from: string; to: string }
}

export const executionSearchQueries = {
  searchKey: (scope: Scope, range: TimeRange, filters: ExecutionFilters) =>
    scopedKey(scope, 'executions', 'search', {
      from: range.from,
      to: range.to,
      ...toExecutionApiFilters(filters),
    }),

  /** Newest first, page by page through the whole result (never capped). */
  search: (scope: Scope, range: TimeRange, filters: ExecutionFilters) =>
    infiniteQueryOptions({
      queryKey: executionSearchQueries.searchKey(scope, range, filters),
      queryFn: async ({ queryKey: [key], pageParam, signal }): Promise<ExecutionSearchPage> => {
        const { from, to, status, applicationId, routeId, agentId, q, minDurationMs } = key
        // The first page resolves the range now (also on every refetch); later pages reuse it.
        const resolved = pageParam
          ? { from: pageParam.from, to: pageParam.to }
          : resolveTimeRange({ from, to })
        const page = await scopedGet('/executions', {
          scope: key,
          schema: executionPageSchema,
          signal,
          query: {
            ...resolved,
            status,
            applicationId,
            routeId,
            agentId,
            q,
            minDurationMs,
            limit: EXECUTION_PAGE_SIZE,
            cursor: pageParam?.cursor,
          },
        })
        return { ...page, resolved }
      },
      initialPageParam: null as ExecutionPageParam | null,
      getNextPageParam: (last): ExecutionPageParam | undefined =>
        last.nextCursor ? { cursor: last.nextCursor, ...last.resolved } : undefined,
    }),

  /**
   * Executions over the range in ~60–120 buckets (completed and failed). The endpoint only
   * filters by application and route, so the histogram follows those two filters.
   */
  histogram: (scope: Scope, range: TimeRange, filters: Pick<ExecutionFilters, 'app' | 'route'>) => {
    const params: { from: string; to: string; applicationId?: string; routeId?: string } = {
      from: range.from,
      to: range.to,
    }
    if (filters.app) params.applicationId = filters.app
    if (filters.route) params.routeId = filters.route
    return scopedQuery(
      scopedKey(scope, 'executions', 'histogram', params),
      async (key, signal): Promise<ExecutionTimeseries> => {
        const { from, to, applicationId, routeId } = key
        const resolved = resolveTimeRange({ from, to })
        const series = await scopedGet('/stats/timeseries', {
          scope: key,
          schema: timeseriesSchema,
          signal,
          query: { ...resolved, step: stepForRange(resolved), applicationId, routeId },
        })
        return { ...series, resolved }
      },
    )
  },

  /** The routes (with their application) that ran in the range: the filter options. */
  routeOptions: (scope: Scope, range: TimeRange) => ({
    ...scopedQuery(
      scopedKey(scope, 'executions', 'route-options', { from: range.from, to: range.to }),
      (key, signal): Promise<Schemas['RouteStatsList']> =>
        scopedGet('/stats/routes', {
          scope: key,
          schema: routeStatsListSchema,
          signal,
          query: resolveTimeRange({ from: key.from, to: key.to }),
        }),
    ),
    // Routes come and go slowly; the options need not follow every refresh.
    staleTime: 60_000,
  }),
}
