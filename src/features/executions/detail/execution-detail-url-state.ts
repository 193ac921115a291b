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

/**
 * The iteration shown (1-based) for a processor that ran `iterations` times, else `null`.
 * Unless the link names one, the first; for a failed processor the last, where it failed.
 */
export function shownIteration(
  requested: number | null,
  processor: { iterations: number | null; status: string } | null,
): number | null {
  const iterations = processor?.iterations ?? null
  if (iterations === null) return null
  const fallback = processor?.status === 'FAILED' ? iterations : 1
  return Math.min(Math.max(requested ?? fallback, 1), iterations)
}
