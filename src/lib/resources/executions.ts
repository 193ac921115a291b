import type { InfiniteData } from '@tanstack/react-query'
import { scopedGet } from '@/lib/api/api-client'
import type { ExecutionPage, ExecutionStatus } from '@/lib/api/types'
import { scopedInfiniteQuery, scopedKey, type Scope } from '@/lib/query/query-scope'
import { resolveTimeRange, type TimeRange } from '@/lib/time-range/time-range'
import { executionPageSchema } from '@/lib/api/generated/response-schemas/execution-page'
import { rangeParams, type Resolved } from './range'

/** Rows per request: big enough to scroll a while, small enough to arrive fast. */
export const EXECUTION_PAGE_SIZE = 200

/** The API's filter names, only those that are set (a key never holds `undefined`). */
export interface ExecutionApiFilters {
  status?: ExecutionStatus
  applicationId?: string
  routeId?: string
  agentId?: string
  q?: string
  minDurationMs?: number
}

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
export type ExecutionSearchPage = ExecutionPage & Resolved

export type ExecutionSearchData = InfiniteData<ExecutionSearchPage, ExecutionPageParam | null>

/**
 * The search (this module: what /executions loads); one execution, a processor's message and
 * the id lookup are in execution-detail.ts, which only the pages that show them load.
 */
export const executionResources = {
  /** Newest first, page by page through the whole result (never capped). */
  search: (scope: Scope, range: TimeRange, filters: ExecutionApiFilters) =>
    scopedInfiniteQuery(
      scopedKey(scope, 'executions', 'search', { ...rangeParams(range), ...filters }),
      {
        fetch: async (
          key,
          pageParam: ExecutionPageParam | null,
          signal,
        ): Promise<ExecutionSearchPage> => {
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
        initialPageParam: null,
        getNextPageParam: (last) =>
          last.nextCursor ? { cursor: last.nextCursor, ...last.resolved } : undefined,
      },
    ),
}
