import { queryOptions } from '@tanstack/react-query'
import { scopedGet } from '@/lib/api/api-client'
import { agentListSchema } from '@/lib/api/generated/response-schemas/agent-list'
import { overviewSchema } from '@/lib/api/generated/response-schemas/overview'
import { routeStatsListSchema } from '@/lib/api/generated/response-schemas/route-stats-list'
import { timeseriesSchema } from '@/lib/api/generated/response-schemas/timeseries'
import { scopedKey, scopedQuery, type Scope } from '@/lib/query/query-scope'
import { resolveTimeRange, stepForRange, type TimeRange } from '@/lib/time-range/time-range'

/** Sparkline buckets per application: enough for a shape, few enough for 60 rows at once. */
export const OVERVIEW_BUCKETS = 30
/** About one point per 6 px of the application page's chart. */
const CHART_POINTS = 120

/**
 * The Overview's queries (pages add `refetchInterval` for auto-refresh). Keys hold the range as the URL says it (`now-1h`); it is resolved
 * to instants when the request runs, so a refresh moves a relative range with the clock.
 */
export const overviewQueries = {
  /** Every application of the environment; the application page reads its row from here too. */
  overview: (scope: Scope, range: TimeRange) =>
    queryOptions({
      ...scopedQuery(
        scopedKey(scope, 'overview', 'overview', { ...range, buckets: OVERVIEW_BUCKETS }),
        (key, signal) =>
          scopedGet('/stats/overview', {
            scope: key,
            schema: overviewSchema,
            signal,
            query: { ...resolveTimeRange(key), buckets: key.buckets },
          }),
      ),
    }),

  routes: (scope: Scope, range: TimeRange, applicationId: string) =>
    queryOptions({
      ...scopedQuery(
        scopedKey(scope, 'overview', 'routes', { ...range, applicationId }),
        async (key, signal) => {
          const resolved = resolveTimeRange(key)
          const list = await scopedGet('/stats/routes', {
            scope: key,
            schema: routeStatsListSchema,
            signal,
            query: { ...resolved, applicationId: key.applicationId },
          })
          return { ...list, resolved }
        },
      ),
    }),

  timeseries: (scope: Scope, range: TimeRange, applicationId: string) =>
    queryOptions({
      ...scopedQuery(
        scopedKey(scope, 'overview', 'timeseries', { ...range, applicationId }),
        (key, signal) => {
          const resolved = resolveTimeRange(key)
          return scopedGet('/stats/timeseries', {
            scope: key,
            schema: timeseriesSchema,
            signal,
            query: {
              ...resolved,
              step: stepForRange(resolved, CHART_POINTS),
              applicationId: key.applicationId,
            },
          })
        },
      ),
    }),

  agents: (scope: Scope, applicationId: string) =>
    queryOptions({
      ...scopedQuery(scopedKey(scope, 'overview', 'agents', { applicationId }), (key, signal) =>
        scopedGet('/agents', {
          scope: key,
          schema: agentListSchema,
          signal,
          query: { applicationId: key.applicationId },
        }),
      ),
    }),
}
