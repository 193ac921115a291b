import { queryOptions } from '@tanstack/react-query'
import type { Scope } from '@/lib/query/query-scope'
import { agentResources } from '@/lib/resources/agents'
import { statsResources } from '@/lib/resources/stats'
import type { TimeRange } from '@/lib/time-range/time-range'

/** About one point per 5 px of the application page's chart. */
const CHART_BUCKETS = 120

/**
 * The application page's other reads, from the resource layer: it shares the environment's
 * route statistics and agent list with the other views and keeps its application's rows.
 */
export const applicationQueries = {
  routes: (scope: Scope, range: TimeRange, applicationId: string) =>
    queryOptions({
      ...statsResources.routes(scope, range),
      select: (list) => ({
        ...list,
        items: list.items.filter((route) => route.applicationId === applicationId),
      }),
    }),

  timeseries: (scope: Scope, range: TimeRange, applicationId: string) =>
    statsResources.timeseries(scope, range, { applicationId }, CHART_BUCKETS),

  agents: (scope: Scope, applicationId: string) =>
    queryOptions({
      ...agentResources.list(scope),
      select: (list) => list.items.filter((agent) => agent.applicationId === applicationId),
    }),
}
