import { scopedGet } from '@/lib/api/api-client'
import type { LogEntry, LogLevel, LogPage, LogStats } from '@/lib/api/types'
import { scopedInfiniteQuery, scopedKey, scopedQuery, type Scope } from '@/lib/query/query-scope'
import { resolveTimeRange, stepForRange, type TimeRange } from '@/lib/time-range/time-range'
import { logPageSchema } from '@/lib/api/generated/response-schemas/log-page'
import { logStatsSchema } from '@/lib/api/generated/response-schemas/log-stats'
import { rangeParams, type Resolved } from './range'

export const LOG_PAGE_SIZE = 200
export const CONTEXT_LINES = 25
/** Buckets of the volume by level over the range (the histogram). */
const STATS_BUCKETS = 90

/** The API's filter names, only those set (a query key never holds `undefined`). */
export interface LogApiFilters {
  level?: LogLevel
  q?: string
  applicationId?: string
  agentId?: string
  executionId?: string
}

export interface LogPageParam {
  cursor: string
  from: string
  to: string
}

export type LogSearchPage = LogPage & Resolved

export const logResources = {
  /** Newest first, through the whole result by cursor. */
  search: (scope: Scope, range: TimeRange, filters: LogApiFilters) =>
    scopedInfiniteQuery(scopedKey(scope, 'logs', 'search', { ...rangeParams(range), ...filters }), {
      fetch: async (key, pageParam: LogPageParam | null, signal): Promise<LogSearchPage> => {
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
      initialPageParam: null,
      getNextPageParam: (last) =>
        last.nextCursor ? { cursor: last.nextCursor, ...last.resolved } : undefined,
    }),

  /** Volume by level over the range, for the histogram and the totals. */
  stats: (scope: Scope, range: TimeRange, filters: LogApiFilters) =>
    scopedQuery(
      scopedKey(scope, 'logs', 'stats', { ...rangeParams(range), ...filters }),
      async (key, signal): Promise<LogStats & Resolved> => {
        const { from, to, level, q, applicationId, agentId, executionId } = key
        const resolved = resolveTimeRange({ from, to })
        const stats = await scopedGet('/logs/stats', {
          scope: key,
          schema: logStatsSchema,
          signal,
          query: {
            ...resolved,
            step: stepForRange(resolved, STATS_BUCKETS),
            level,
            q,
            applicationId,
            agentId,
            executionId,
          },
        })
        return { ...stats, resolved }
      },
    ),

  /** The lines just before a line from its agent (newest first, excluding ties above it). */
  before: (scope: Scope, line: LogEntry) =>
    scopedInfiniteQuery(
      scopedKey(scope, 'logs', 'context-before', {
        id: line.id,
        agentId: line.agentId,
        at: line.timestamp,
      }),
      {
        fetch: (key, cursor: string | null, signal) => {
          const at = Date.parse(key.at)
          return scopedGet('/logs', {
            scope: key,
            schema: logPageSchema,
            signal,
            query: {
              from: new Date(at - 24 * 3_600_000).toISOString(),
              to: new Date(at + 1).toISOString(),
              agentId: key.agentId,
              limit: CONTEXT_LINES + 1,
              cursor: cursor ?? undefined,
            },
          })
        },
        initialPageParam: null,
        getNextPageParam: (last) => last.nextCursor ?? undefined,
      },
    ),

  /** The lines just after a line from its agent (oldest first), by `after`. */
  after: (scope: Scope, line: LogEntry) =>
    scopedInfiniteQuery(
      scopedKey(scope, 'logs', 'context-after', {
        id: line.id,
        agentId: line.agentId,
        at: line.timestamp,
      }),
      {
        fetch: (key, after: string, signal) =>
          scopedGet('/logs', {
            scope: key,
            schema: logPageSchema,
            signal,
            query: {
              from: new Date(Date.parse(key.at)).toISOString(),
              agentId: key.agentId,
              after,
              limit: CONTEXT_LINES,
            },
          }),
        initialPageParam: line.id,
        getNextPageParam: (last) => (last.items.length > 0 ? last.items.at(-1)?.id : undefined),
      },
    ),
}
