import { infiniteQueryOptions, queryOptions, type QueryClient } from '@tanstack/react-query'
import { scopedGet } from '@/lib/api/api-client'
import type { LogEntry, LogPage, LogStats } from '@/lib/api/types'
import { polling } from '@/lib/query/retry-policy'
import { scopedKey, type Scope } from '@/lib/query/query-scope'
import { resolveTimeRange, stepForRange, type TimeRange } from '@/lib/time-range/time-range'
import { toLogApiFilters, type LogFilters } from './search/log-filters'
import { emptyTail, mergeTail, pollWasFull, type TailState } from './tail/tail-merge'
import { logPageSchema } from '@/lib/api/generated/response-schemas/log-page'
import { logStatsSchema } from '@/lib/api/generated/response-schemas/log-stats'

/**
 * Queries of the logs view. Keys hold scope, the time range as the URL says it and the API's
 * filters; each query function reads them back from its key, so a request and its cache entry
 * can never disagree. The live tail is a query too: a change of environment or filter is a new
 * key, which ends the old tail at once (its observer leaves, its request is cancelled).
 */

export const LOG_PAGE_SIZE = 200
/** Lines per tail poll; a full page is followed at once by the next (no gap while catching up). */
export const TAIL_PAGE_SIZE = 500
/** Polls of one tail tick before yielding to the next tick (catching up after a long pause). */
const TAIL_MAX_PAGES_PER_TICK = 20
export const TAIL_INTERVAL_MS = 1_500
export const CONTEXT_LINES = 25

export interface LogPageParam {
  cursor: string
  from: string
  to: string
}

export interface LogSearchPage extends LogPage {
  resolved: { from: string; to: string }
}

export const logQueries = {
  searchKey: (scope: Scope, range: TimeRange, filters: LogFilters) =>
    scopedKey(scope, 'logs', 'search', {
      from: range.from,
      to: range.to,
      ...toLogApiFilters(filters),
    }),

  /** Newest first, through the whole result by cursor. */
  search: (scope: Scope, range: TimeRange, filters: LogFilters) =>
    infiniteQueryOptions({
      queryKey: logQueries.searchKey(scope, range, filters),
      queryFn: async ({ queryKey: [key], pageParam, signal }): Promise<LogSearchPage> => {
        const { from, to, level, q, applicationId, agentId, executionId } = key
        const resolved = pageParam
          ? { from: pageParam.from, to: pageParam.to }
          : resolveTimeRange({ from, to })
        const page = await scopedGet('/logs', {
          scope: key,
          schema: logPageSchema,
          signal,
          query: {
            ...resolved,
            level,
            q,
            applicationId,
            agentId,
            executionId,
            limit: LOG_PAGE_SIZE,
            cursor: pageParam?.cursor,
          },
        })
        return { ...page, resolved }
      },
      initialPageParam: null as LogPageParam | null,
      getNextPageParam: (last): LogPageParam | undefined =>
        last.nextCursor ? { cursor: last.nextCursor, ...last.resolved } : undefined,
    }),

  /** Volume by level over the range, for the histogram and the totals. */
  stats: (scope: Scope, range: TimeRange, filters: LogFilters) =>
    queryOptions({
      queryKey: scopedKey(scope, 'logs', 'stats', {
        from: range.from,
        to: range.to,
        ...toLogApiFilters(filters),
      }),
      queryFn: async ({
        queryKey: [key],
        signal,
      }): Promise<LogStats & { resolved: { from: string; to: string } }> => {
        const { from, to, level, q, applicationId, agentId, executionId } = key
        const resolved = resolveTimeRange({ from, to })
        const stats = await scopedGet('/logs/stats', {
          scope: key,
          schema: logStatsSchema,
          signal,
          query: {
            ...resolved,
            step: stepForRange(resolved, 90),
            level,
            q,
            applicationId,
            agentId,
            executionId,
          },
        })
        return { ...stats, resolved }
      },
    }),

  tailKey: (scope: Scope, range: TimeRange, filters: LogFilters, startAfter: string | null) =>
    scopedKey(scope, 'logs', 'tail', { from: range.from, ...toLogApiFilters(filters), startAfter }),

  /**
   * Live tail: every tick polls `after` the newest id it holds, again at once while pages come
   * back full, and merges into the bounded window. `startAfter` is the newest line the search
   * showed when the tail started (null: the range was empty, start from the newest lines).
   */
  tail: (
    queryClient: QueryClient,
    scope: Scope,
    range: TimeRange,
    filters: LogFilters,
    startAfter: string | null,
    enabled: boolean,
  ) =>
    queryOptions({
      queryKey: logQueries.tailKey(scope, range, filters, startAfter),
      queryFn: async ({ queryKey, signal }): Promise<TailState> => {
        const [key] = queryKey
        const { from, level, q, applicationId, agentId, executionId } = key
        const resolvedFrom = resolveTimeRange({ from, to: 'now' }).from
        let state = queryClient.getQueryData<TailState>(queryKey) ?? emptyTail(key.startAfter)
        const polls: LogEntry[][] = []
        let after = state.newestId
        for (let page = 0; page < TAIL_MAX_PAGES_PER_TICK; page++) {
          const result = await scopedGet('/logs', {
            scope: key,
            schema: logPageSchema,
            signal,
            query: after
              ? {
                  from: resolvedFrom,
                  level,
                  q,
                  applicationId,
                  agentId,
                  executionId,
                  after,
                  limit: TAIL_PAGE_SIZE,
                }
              : {
                  from: resolvedFrom,
                  level,
                  q,
                  applicationId,
                  agentId,
                  executionId,
                  limit: LOG_PAGE_SIZE,
                },
          })
          // Without `after` the page is newest first: the tail wants oldest first.
          const items = after ? result.items : [...result.items].reverse()
          polls.push(items)
          if (!after || !pollWasFull(items, TAIL_PAGE_SIZE)) break
          after = items.at(-1)?.id ?? after
        }
        state = mergeTail(state, polls)
        return state
      },
      enabled,
      refetchInterval: polling(enabled ? TAIL_INTERVAL_MS : false),
      // A hidden tab pauses the tail (TanStack Query's default, stated here because it matters).
      refetchIntervalInBackground: false,
      staleTime: 0,
      gcTime: 0,
      // The window is merged by hand and is up to 10,000 lines: comparing it deeply with the
      // previous one on every poll (TanStack's structural sharing) would cost a long task.
      structuralSharing: false,
    }),

  /** The lines just before a line from its agent (newest first, excluding ties above it). */
  before: (scope: Scope, line: LogEntry) =>
    infiniteQueryOptions({
      queryKey: scopedKey(scope, 'logs', 'context-before', {
        id: line.id,
        agentId: line.agentId,
        at: line.timestamp,
      }),
      queryFn: async ({ queryKey: [key], pageParam, signal }) => {
        const at = Date.parse(key.at)
        const page = await scopedGet('/logs', {
          scope: key,
          schema: logPageSchema,
          signal,
          query: {
            from: new Date(at - 24 * 3_600_000).toISOString(),
            to: new Date(at + 1).toISOString(),
            agentId: key.agentId,
            limit: CONTEXT_LINES + 1,
            cursor: pageParam ?? undefined,
          },
        })
        return page
      },
      initialPageParam: null as string | null,
      getNextPageParam: (last) => last.nextCursor ?? undefined,
      staleTime: 60_000,
    }),

  /** The lines just after a line from its agent (oldest first), by `after`. */
  afterLine: (scope: Scope, line: LogEntry) =>
    infiniteQueryOptions({
      queryKey: scopedKey(scope, 'logs', 'context-after', {
        id: line.id,
        agentId: line.agentId,
        at: line.timestamp,
      }),
      queryFn: async ({ queryKey: [key], pageParam, signal }) =>
        scopedGet('/logs', {
          scope: key,
          schema: logPageSchema,
          signal,
          query: {
            from: new Date(Date.parse(key.at)).toISOString(),
            agentId: key.agentId,
            after: pageParam,
            limit: CONTEXT_LINES,
          },
        }),
      initialPageParam: line.id,
      getNextPageParam: (last) => (last.items.length > 0 ? last.items.at(-1)?.id : undefined),
      staleTime: 60_000,
    }),
}
