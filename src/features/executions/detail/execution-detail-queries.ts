import { queryOptions } from '@tanstack/react-query'
import { scopedGet } from '@/lib/api/api-client'
import { ContractError } from '@/lib/api/errors'
import { scopedKey, scopedQuery, type Scope } from '@/lib/query/query-scope'
import { resolveTimeRange, type TimeRange } from '@/lib/time-range/time-range'

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
            scope: { tenant: key.tenant, env: key.env },
            schema: 'ExecutionDetail',
            path: { executionId: key.executionId },
            signal,
          })
          // The client checks the scope; the id is ours to check: never show another execution
          // under the id that was asked for.
          if (execution.executionId !== key.executionId) {
            throw new ContractError('/executions/{executionId}', [
              'executionId: the server answered for another execution',
            ])
          }
          return execution
        },
      ),
      refetchInterval: (query) =>
        query.state.data?.status === 'RUNNING' ? RUNNING_EXECUTION_REFRESH_MS : false,
    }),

  diagram: (scope: Scope, applicationId: string, routeId: string) =>
    queryOptions({
      ...scopedQuery(
        scopedKey(scope, 'executions', 'diagram', { applicationId, routeId }),
        async (key, signal) => {
          const diagram = await scopedGet('/diagrams/{applicationId}/{routeId}', {
            scope: { tenant: key.tenant, env: key.env },
            schema: 'RouteDiagram',
            path: { applicationId: key.applicationId, routeId: key.routeId },
            signal,
          })
          if (diagram.applicationId !== key.applicationId || diagram.routeId !== key.routeId) {
            throw new ContractError('/diagrams/{applicationId}/{routeId}', [
              'routeId: the server answered with the diagram of another route',
            ])
          }
          return diagram
        },
      ),
      // A route's shape changes only on redeploy; a diagram is good for the page's lifetime.
      staleTime: 5 * 60_000,
    }),

  processorStats: (scope: Scope, applicationId: string, routeId: string, range: TimeRange) =>
    scopedQuery(
      scopedKey(scope, 'executions', 'processorStats', {
        applicationId,
        routeId,
        from: range.from,
        to: range.to,
      }),
      (key, signal) =>
        scopedGet('/stats/processors', {
          scope: { tenant: key.tenant, env: key.env },
          schema: 'ProcessorStatsList',
          query: {
            applicationId: key.applicationId,
            routeId: key.routeId,
            ...resolveTimeRange({ from: key.from, to: key.to }),
          },
          signal,
        }),
    ),
}
