import { queryOptions } from '@tanstack/react-query'
import type { UsageResponse } from '@/lib/api/types'
import { scopedKey, scopedQuery, type Scope } from '@/lib/query/query-scope'
import { fetchUsage } from '@/lib/resources/usage'
import { forecastRange } from './forecast/month-forecast'
import {
  defaultGranularity,
  periodFromKey,
  previousPeriod,
  resolveUsagePeriod,
  type ResolvedPeriod,
  type UsagePeriodKey,
} from './period/usage-period'
import type { Granularity } from '@/lib/resources/usage'

/** Usage of one environment over one period, with the instants the period meant. */
export interface UsageOverPeriod extends UsageResponse {
  range: ResolvedPeriod
}

/** Metered usage is settled per minute at best; refetching more often is noise. */
const USAGE_STALE_MS = 60_000

/**
 * The usage feature's queries. Every key is built with `scopedKey` from the scope it is
 * given, so a page that shows several environments side by side builds one key per
 * environment from that environment's own scope, and each answer is checked against the
 * scope of its own key (`scopedGet`). Keys hold the period as written (`this-month`,
 * `now-7d`); the instants are resolved when the request is made.
 */
export const usageQueries = {
  /** The buckets and totals of one environment over the period. */
  period: (scope: Scope, period: UsagePeriodKey, granularity: Granularity) =>
    queryOptions({
      ...scopedQuery(
        scopedKey(scope, 'usage', 'period', { ...period, granularity }),
        async (key, signal) => {
          const range = resolveUsagePeriod(periodFromKey(key), new Date())
          return {
            ...(await fetchUsage(key, range, key.granularity, signal)),
            range,
          } satisfies UsageOverPeriod
        },
      ),
      staleTime: USAGE_STALE_MS,
    }),

  /** The totals of the period of the same length just before (for "+12 %"). */
  previousTotals: (scope: Scope, period: UsagePeriodKey) =>
    queryOptions({
      ...scopedQuery(
        scopedKey(scope, 'usage', 'previous-totals', { ...period }),
        async (key, signal) => {
          const range = previousPeriod(resolveUsagePeriod(periodFromKey(key), new Date()))
          // Only the totals are used: the coarsest buckets keep the answer small.
          const body = await fetchUsage(key, range, defaultGranularity(range), signal)
          return { totals: body.totals, range }
        },
      ),
      staleTime: USAGE_STALE_MS,
    }),

  /** Daily buckets of the billing month so far and the week before today (the forecast). */
  monthForecast: (scope: Scope) =>
    queryOptions({
      ...scopedQuery(scopedKey(scope, 'usage', 'month-forecast'), async (key, signal) => {
        const now = new Date()
        const range = forecastRange(now)
        const body = await fetchUsage(key, range, 'day', signal)
        return { points: body.points, now: now.toISOString() }
      }),
      staleTime: USAGE_STALE_MS,
    }),
}
