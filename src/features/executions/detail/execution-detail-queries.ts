import { queryOptions } from '@tanstack/react-query'
import { polling } from '@/lib/query/retry-policy'
import type { Scope } from '@/lib/query/query-scope'
import { diagramResources } from '@/lib/resources/diagrams'
import { executionDetailResources } from '@/lib/resources/execution-detail'

/** A running execution grows processor by processor; finished ones never change. */
export const RUNNING_EXECUTION_REFRESH_MS = 5_000

/** The execution detail page's policies over the `executions` and `diagrams` resources. */
export const executionDetailQueries = {
  detail: (scope: Scope, executionId: string) =>
    queryOptions({
      ...executionDetailResources.detail(scope, executionId),
      // A running execution polls until it ends, backing off while the server fails.
      refetchInterval: (query) =>
        query.state.data?.status === 'RUNNING'
          ? polling(RUNNING_EXECUTION_REFRESH_MS)(query)
          : false,
    }),

  diagram: (scope: Scope, applicationId: string, routeId: string) =>
    queryOptions({
      ...diagramResources.route(scope, applicationId, routeId),
      // A route's shape changes only on redeploy; a diagram is good for the page's lifetime.
      staleTime: 5 * 60_000,
    }),
}
