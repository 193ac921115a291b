import type { Scope } from '@/lib/query/query-scope'
import { overviewResources } from '@/lib/resources/overview'
import type { TimeRange } from '@/lib/time-range/time-range'

/** Sparkline buckets per application: a shape at a glance, and light enough for 60 rows. */
export const OVERVIEW_BUCKETS = 20

/**
 * Every application of the environment (pages add `refetchInterval` for auto-refresh); the
 * application page reads its row from the same entry.
 */
export const overviewQuery = (scope: Scope, range: TimeRange) =>
  overviewResources.overview(scope, range, OVERVIEW_BUCKETS)
