import { queryOptions } from '@tanstack/react-query'
import type { Scope } from '@/lib/query/query-scope'
import { agentResources } from '@/lib/resources/agents'
import { diagramResources } from '@/lib/resources/diagrams'
import { statsResources } from '@/lib/resources/stats'
import type { TimeRange } from '@/lib/time-range/time-range'

/**
 * The application and route pages' other reads, from the resource layer: it shares the environment's
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

  /** A route's shape changes only on redeploy: good for the page's lifetime. */
  diagram: (scope: Scope, applicationId: string, routeId: string) =>
    queryOptions({
      ...diagramResources.route(scope, applicationId, routeId),
      staleTime: 5 * 60_000,
    }),

  processors: (scope: Scope, range: TimeRange, applicationId: string, routeId: string) =>
    statsResources.processors(scope, applicationId, routeId, range),
}
