import { polling } from '@/lib/query/retry-policy'
import { queryOptions } from '@tanstack/react-query'
import { scopedGet } from '@/lib/api/api-client'
import { assertAnswersFor } from '@/lib/api/response-validation'
import { scopedKey, scopedQuery, type Scope } from '@/lib/query/query-scope'
import { resolveTimeRange, type TimeRange } from '@/lib/time-range/time-range'
import { executionDetailSchema } from '@/lib/api/generated/response-schemas/execution-detail'
import { processorStatsListSchema } from '@/lib/api/generated/response-schemas/processor-stats-list'
import { routeDiagramSchema } from '@/lib/api/generated/response-schemas/route-diagram'

/** A running execution grows processor by processor; finished ones never change. */
export const RUNNING_EXECUTION_REFRESH_MS = 5_000

/**
 * The execution detail page's queries. Every key starts with the scope and every function reads
 * tenant and environment back out of its key. The time range stays as the URL's expressions
 * (`now-1h`) in the key and is resolved to instants only when the request is made, so a relative
 * range keeps one cache entry and still moves with time on every refetch.
 */
export const executionDetailQueries = {
  detail: (scope: Scope, executionId: string) =>
    queryOptions({
      ...scopedQuery(
        scopedKey(scope, 'executions', 'detail', { executionId }),
        async (key, signal) => {
          const execution = await scopedGet('/executions/{executionId}', {
            scope: key,
            schema: executionDetailSchema,
            path: { executionId: key.executionId },
            signal,
          })
          return assertAnswersFor(
            execution,
            { executionId: key.executionId },
            '/executions/{executionId}',
          )
        },
      ),
      // A running execution polls until it ends, backing off while the server fails.
      refetchInterval: (query) =>
        query.state.data?.status === 'RUNNING'
          ? polling(RUNNING_EXECUTION_REFRESH_MS)(query)
          : false,
    }),

  diagram: (scope: Scope, applicationId: string, routeId: string) =>
    queryOptions({
      ...scopedQuery(
        scopedKey(scope, 'executions', 'diagram', { applicationId, routeId }),
        async (key, signal) => {
          const diagram = await scopedGet('/diagrams/{applicationId}/{routeId}', {
            scope: key,
            schema: routeDiagramSchema,
            path: { applicationId: key.applicationId, routeId: key.routeId },
            signal,
          })
          return assertAnswersFor(
            diagram,
            { applicationId: key.applicationId, routeId: key.routeId },
            '/diagrams/{applicationId}/{routeId}',
          )
        },
      ),
      // A route's shape changes only on redeploy; a diagram is good for the page's lifetime.
      staleTime: 5 * 60_000,
    }),

  processorStats: (scope: Scope, applicationId: string, routeId: string, range: TimeRange) =>
    scopedQuery(
      scopedKey(scope, 'executions', 'processor-stats', {
        applicationId,
        routeId,
        from: range.from,
        to: range.to,
      }),
      (key, signal) =>
        scopedGet('/stats/processors', {
          scope: key,
          schema: processorStatsListSchema,
          query: {
            applicationId: key.applicationId,
            routeId: key.routeId,
            ...resolveTimeRange({ from: key.from, to: key.to }),
          },
          signal,
        }),
    ),
}
