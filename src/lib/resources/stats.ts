import { scopedGet } from '@/lib/api/api-client'
import type { Schemas } from '@/lib/api/types'
import { scopedKey, scopedQuery, type Scope } from '@/lib/query/query-scope'
import { resolveTimeRange, stepForRange, type TimeRange } from '@/lib/time-range/time-range'
import { processorStatsListSchema } from '@/lib/api/generated/response-schemas/processor-stats-list'
import { routeStatsListSchema } from '@/lib/api/generated/response-schemas/route-stats-list'
import { timeseriesSchema } from '@/lib/api/generated/response-schemas/timeseries'
import { rangeParams, type Resolved } from './range'

/** Which executions a time series counts: all, one application's, or one route's. */
export interface TimeseriesFilter {
  applicationId?: string
  routeId?: string
}

/**
 * Execution statistics over a time range (route statistics, time series, processor statistics):
 * the metrics view, the comparison and the execution views read the same entries.
 */
export const statsResources = {
  /** Every route that ran in the range, with its application and figures. */
  routes: (scope: Scope, range: TimeRange) =>
    scopedQuery(
      scopedKey(scope, 'stats', 'routes', rangeParams(range)),
      async (key, signal): Promise<Schemas['RouteStatsList'] & Resolved> => {
        const resolved = resolveTimeRange({ from: key.from, to: key.to })
        const list = await scopedGet('/stats/routes', {
          scope: key,
          schema: routeStatsListSchema,
          signal,
          query: resolved,
        })
        return { ...list, resolved }
      },
    ),

  /** Executions over the range in about `buckets` buckets (at most), optionally filtered. */
  timeseries: (scope: Scope, range: TimeRange, filter: TimeseriesFilter, buckets: number) => {
    // Only the filters that are set: a key never holds `undefined`.
    const params: TimeseriesFilter & { from: string; to: string; buckets: number } = {
      ...rangeParams(range),
      buckets,
    }
    if (filter.applicationId) params.applicationId = filter.applicationId
    if (filter.routeId) params.routeId = filter.routeId
    return scopedQuery(
      scopedKey(scope, 'stats', 'timeseries', params),
      async (key, signal): Promise<Schemas['Timeseries'] & Resolved> => {
        const resolved = resolveTimeRange({ from: key.from, to: key.to })
        const series = await scopedGet('/stats/timeseries', {
          scope: key,
          schema: timeseriesSchema,
          signal,
          query: {
            ...resolved,
            step: stepForRange(resolved, key.buckets),
            applicationId: key.applicationId,
            routeId: key.routeId,
          },
        })
        return { ...series, resolved }
      },
    )
  },

  /** Each processor's figures of one route over the range. */
  processors: (scope: Scope, applicationId: string, routeId: string, range: TimeRange) =>
    scopedQuery(
      scopedKey(scope, 'stats', 'processors', { applicationId, routeId, ...rangeParams(range) }),
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
