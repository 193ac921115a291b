import { resolveTimeRange, stepForRange } from '@/lib/time-range/time-range'
import type { Scope } from '@/lib/query/query-scope'
import { scopedGet } from './api-client'
import type { Schemas } from './types'
import { routeStatsListSchema } from './generated/response-schemas/route-stats-list'
import { timeseriesSchema } from './generated/response-schemas/timeseries'

/**
 * Requests over a time range that several views make (route statistics, a route's time
 * series). Each takes the query key, so tenant and environment come from it as
 * everywhere; the key holds the range as the URL says it (`now-1h`) and it is resolved to
 * instants here, when the request runs, and handed back with the answer.
 */
export interface Resolved {
  resolved: { from: string; to: string }
}

type RangeKey = Scope & { from: string; to: string }

export async function fetchRouteStats(
  key: RangeKey,
  signal: AbortSignal,
): Promise<Schemas['RouteStatsList'] & Resolved> {
  const resolved = resolveTimeRange({ from: key.from, to: key.to })
  const list = await scopedGet('/stats/routes', {
    scope: key,
    schema: routeStatsListSchema,
    signal,
    query: resolved,
  })
  return { ...list, resolved }
}

/** A route's time series in about `buckets` buckets. */
export async function fetchRouteTimeseries(
  key: RangeKey & { applicationId: string; routeId: string },
  signal: AbortSignal,
  buckets: number,
): Promise<Schemas['Timeseries'] & Resolved> {
  const resolved = resolveTimeRange({ from: key.from, to: key.to })
  const series = await scopedGet('/stats/timeseries', {
    scope: key,
    schema: timeseriesSchema,
    signal,
    query: {
      ...resolved,
      step: stepForRange(resolved, buckets),
      applicationId: key.applicationId,
      routeId: key.routeId,
    },
  })
  return { ...series, resolved }
}
