import type { Scope } from '@/lib/query/query-scope'
import { overviewResources } from '@/lib/resources/overview'
import type { TimeRange } from '@/lib/time-range/time-range'

/**
 * Sparkline buckets per application, the contract's default: a shape at a glance, and an answer
 * light enough to read and draw for 60 applications without a long task.
 */
export const OVERVIEW_BUCKETS = 12

/**
 * Every application of the environment (pages add `refetchInterval` for auto-refresh); the
 * application page reads its row from the same entry.
 */
export const overviewQuery = (scope: Scope, range: TimeRange) =>
  overviewResources.overview(scope, range, OVERVIEW_BUCKETS)
