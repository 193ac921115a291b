import { infiniteQueryOptions, queryOptions, type QueryClient } from '@tanstack/react-query'
import { scopedGet } from '@/lib/api/api-client'
import type { LogEntry } from '@/lib/api/types'
import { polling } from '@/lib/query/retry-policy'
import { scopedKey, type Scope } from '@/lib/query/query-scope'
import { LOG_PAGE_SIZE, logResources } from '@/lib/resources/logs'
import { resolveTimeRange, type TimeRange } from '@/lib/time-range/time-range'
import { toLogApiFilters, type LogFilters } from './search/log-filters'
import { emptyTail, mergeTail, pollWasFull, type TailState } from './tail/tail-merge'
import { logPageSchema } from '@/lib/api/generated/response-schemas/log-page'

/**
 * The logs view's queries: the search, the histogram's volume and a line's context are the
 * `logs` resources (`lib/resources/logs.ts`) for the view's filters. The live tail is a query
 * of this view only: a change of environment or filter is a new key, which ends the old tail
 * at once (its observer leaves, its request is cancelled).
 */

/** Lines per tail poll; a full page is followed at once by the next (no gap while catching up). */
export const TAIL_PAGE_SIZE = 500
/** Polls of one tail tick before yielding to the next tick (catching up after a long pause). */
const TAIL_MAX_PAGES_PER_TICK = 20
export const TAIL_INTERVAL_MS = 1_500

export const logQueries = {
  /** Newest first, through the whole result by cursor. */
  search: (scope: Scope, range: TimeRange, filters: LogFilters) =>
    logResources.search(scope, range, toLogApiFilters(filters)),

  /** Volume by level over the range, for the histogram and the totals. */
  stats: (scope: Scope, range: TimeRange, filters: LogFilters) =>
    logResources.stats(scope, range, toLogApiFilters(filters)),

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

  /** The lines around a line from its agent; context does not change once written. */
  before: (scope: Scope, line: LogEntry) =>
    infiniteQueryOptions({ ...logResources.before(scope, line), staleTime: 60_000 }),

  afterLine: (scope: Scope, line: LogEntry) =>
    infiniteQueryOptions({ ...logResources.after(scope, line), staleTime: 60_000 }),
}
