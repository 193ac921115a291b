import { defineUrlState, integer } from '@/lib/url-state/url-state'

/** Far beyond any trace or batch; a larger value is a typo. */
const MAX_INDEX = 9_999_999

/**
 * What a link to an execution reproduces besides env and time range:
 * `?processor=<record index>&iteration=<1-based>`, the selected step and, for a processor in a
 * split or loop, which of its runs (as "Iteration 7 of 12" says it).
 */
export const executionDetailView = defineUrlState({
  processor: integer('processor', { label: 'processor', min: 0, max: MAX_INDEX }),
  iteration: integer('iteration', { label: 'iteration', min: 1, max: MAX_INDEX }),
})

/** The iteration shown (1-based) for a processor that ran `iterations` times, else `null`. */
export function shownIteration(requested: number | null, iterations: number | null): number | null {
  if (iterations === null) return null
  return Math.min(Math.max(requested ?? 1, 1), iterations)
}
