import { scopedGet } from '@/lib/api/api-client'
import { scopedKey, scopedQuery, type Scope } from '@/lib/query/query-scope'
import { resolveTimeRange, type TimeRange } from '@/lib/time-range/time-range'
import { overviewSchema } from '@/lib/api/generated/response-schemas/overview'
import { rangeParams } from './range'

/**
 * The environment at a glance (`stats/overview`): every application over the range, agents by
 * status, totals, p99, in flight, and at most `buckets` buckets each for sparklines. A file of
 * its own, not in stats.ts: the Overview is the landing page, and its first visit must not
 * carry the schemas of the other statistics.
 */
export const overviewResources = {
  overview: (scope: Scope, range: TimeRange, buckets: number) =>
    scopedQuery(
      scopedKey(scope, 'stats', 'overview', { ...rangeParams(range), buckets }),
      (key, signal) =>
        scopedGet('/stats/overview', {
          scope: key,
          schema: overviewSchema,
          signal,
          query: { ...resolveTimeRange({ from: key.from, to: key.to }), buckets: key.buckets },
        }),
    ),
}
