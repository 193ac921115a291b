import { queryOptions } from '@tanstack/react-query'
import type { Scope } from '@/lib/query/query-scope'
import { agentResources } from '@/lib/resources/agents'
import { statsResources } from '@/lib/resources/stats'
import type { TimeRange } from '@/lib/time-range/time-range'

/**
 * The metrics view's route and agent queries (the agent metrics themselves are
 * in lib/resources/metrics.ts). Keys hold the range as the URL says it (`now-1h`); each query
 * function resolves it when it runs, so a relative range moves with every refetch. Tenant and
 * environment are read back from the key, so a switch of environment is a new key: the old
 * request is cancelled (its signal is passed on) and none of its data is painted under the new
 * environment (no placeholder crosses a scope).
 */

/** Route charts: about this many buckets (a chart is a few hundred pixels wide). */
const ROUTE_CHART_BUCKETS = 240

export const metricsQueries = {
  routeStats: (scope: Scope, range: TimeRange) => statsResources.routes(scope, range),

  routeTimeseries: (
    scope: Scope,
    range: TimeRange,
    route: { applicationId: string; routeId: string },
  ) => statsResources.timeseries(scope, range, route, ROUTE_CHART_BUCKETS),

  /** The registry, for each agent's application and status (filters, dead agents). */
  agents: (scope: Scope) => queryOptions({ ...agentResources.list(scope), staleTime: 60_000 }),
}
