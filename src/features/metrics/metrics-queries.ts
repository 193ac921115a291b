import { queryOptions } from '@tanstack/react-query'
import { scopedGet } from '@/lib/api/api-client'
import { scopedKey, scopedQuery, type Scope } from '@/lib/query/query-scope'
import { agentResources } from '@/lib/resources/agents'
import type { Resolved } from '@/lib/resources/range'
import { statsResources } from '@/lib/resources/stats'
import type { TimeRange } from '@/lib/time-range/time-range'
import { metricNameListSchema } from '@/lib/api/generated/response-schemas/metric-name-list'

/**
 * The metrics view's queries. Keys hold the range as the URL says it (`now-1h`); each query
 * function resolves it when it runs, so a relative range moves with every refetch. Tenant and
 * environment are read back from the key, so a switch of environment is a new key: the old
 * request is cancelled (its signal is passed on) and none of its data is painted under the new
 * environment (no placeholder crosses a scope).
 */

/** Route charts: about this many buckets (a chart is a few hundred pixels wide). */
const ROUTE_CHART_BUCKETS = 240
/** The contract caps a series at 1,000 points and steps at 10 s or more. */
const MAX_POINTS = 1000
const MIN_STEP_SECONDS = 10

/**
 * The finest step the contract allows over the range: the smallest multiple of 10 s giving
 * at most 1,000 points (90 s over 24 hours). Charts are then reduced to their pixel width.
 */
export function finestMetricStep(resolved: Resolved['resolved']): number {
  const spanSeconds = (Date.parse(resolved.to) - Date.parse(resolved.from)) / 1000
  const step = Math.ceil(spanSeconds / MAX_POINTS / MIN_STEP_SECONDS) * MIN_STEP_SECONDS
  return Math.max(MIN_STEP_SECONDS, step)
}

export const metricsQueries = {
  routeStats: (scope: Scope, range: TimeRange) => statsResources.routes(scope, range),

  routeTimeseries: (
    scope: Scope,
    range: TimeRange,
    route: { applicationId: string; routeId: string },
  ) => statsResources.timeseries(scope, range, route, ROUTE_CHART_BUCKETS),

  names: (scope: Scope) =>
    queryOptions({
      ...scopedQuery(scopedKey(scope, 'metrics', 'names'), (key, signal) =>
        scopedGet('/metrics/names', { scope: key, schema: metricNameListSchema, signal }),
      ),
      // The names an environment reports change with deployments, not by the minute.
      staleTime: 5 * 60_000,
    }),

  /**
   * Every agent's series of these names: one request for the whole chart set, read in a worker
   * into typed arrays (its module is loaded with the first request, not with the page).
   */
  agentMetrics: (scope: Scope, range: TimeRange, names: readonly string[]) =>
    scopedQuery(
      scopedKey(scope, 'metrics', 'agent-metrics', {
        from: range.from,
        to: range.to,
        // Sorted: the same set in another order is the same request.
        names: [...names].sort().join(','),
      }),
      async (key, signal) => {
        const { fetchAgentMetricColumns } =
          await import('@/lib/agent-metrics/fetch-agent-metric-columns')
        return fetchAgentMetricColumns(key, signal, key.names, finestMetricStep)
      },
    ),

  /** The registry, for each agent's application and status (filters, dead agents). */
  agents: (scope: Scope) => queryOptions({ ...agentResources.list(scope), staleTime: 60_000 }),
}
