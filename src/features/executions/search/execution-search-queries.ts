import { queryOptions } from '@tanstack/react-query'
import type { Scope } from '@/lib/query/query-scope'
import { executionResources } from '@/lib/resources/executions'
import { statsResources } from '@/lib/resources/stats'
import type { TimeRange } from '@/lib/time-range/time-range'
import { toExecutionApiFilters, type ExecutionFilters } from './execution-filters'

/** Histogram buckets over the range (60–120 of them, by the steps `stepForRange` knows). */
const HISTOGRAM_BUCKETS = 120

/** The execution search's requests: the `executions` and `stats` resources for its filters. */
export const executionSearchQueries = {
  /** Newest first, page by page through the whole result (never capped). */
  search: (scope: Scope, range: TimeRange, filters: ExecutionFilters) =>
    executionResources.search(scope, range, toExecutionApiFilters(filters)),

  /**
   * Executions over the range (completed and failed). The endpoint only filters by application
   * and route, so the histogram follows those two filters.
   */
  histogram: (scope: Scope, range: TimeRange, filters: Pick<ExecutionFilters, 'app' | 'route'>) =>
    statsResources.timeseries(
      scope,
      range,
      { applicationId: filters.app ?? undefined, routeId: filters.route ?? undefined },
      HISTOGRAM_BUCKETS,
    ),

  /** The routes (with their application) that ran in the range: the filter options. */
  routeOptions: (scope: Scope, range: TimeRange) =>
    queryOptions({
      ...statsResources.routes(scope, range),
      // Routes come and go slowly; the options need not follow every refresh.
      staleTime: 60_000,
    }),
}
