import type { TimeRange } from '@/lib/time-range/time-range'

/**
 * Resources over a time range keep the range in their key as the URL says it (`now-1h`): one
 * cache entry per range expression, resolved to instants when the request runs (so a relative
 * range moves with every refetch) and handed back with the answer.
 */
export interface Resolved {
  resolved: { from: string; to: string }
}

/** The range as a key holds it (never `undefined` members). */
export const rangeParams = (range: TimeRange) => ({ from: range.from, to: range.to })
