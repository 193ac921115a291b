import { queryOptions } from '@tanstack/react-query'
import type { Scope } from '@/lib/query/query-scope'
import { agentResources } from '@/lib/resources/agents'
import { statsResources } from '@/lib/resources/stats'
import type { TimeRange } from '@/lib/time-range/time-range'

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

  /** About one bucket per pixel of the chart's plot. */
  timeseries: (scope: Scope, range: TimeRange, applicationId: string, plotWidth: number) =>
    statsResources.timeseries(scope, range, { applicationId }, Math.max(1, plotWidth)),

  agents: (scope: Scope, applicationId: string) =>
    queryOptions({
      ...agentResources.list(scope),
      select: (list) => list.items.filter((agent) => agent.applicationId === applicationId),
    }),
}
