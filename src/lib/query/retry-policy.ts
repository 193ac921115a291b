import { isApiFailure, retryAfterOf } from '@/lib/api/errors'

/**
 * How the app retries and polls while the server struggles. Every delay is jittered, so the
 * tabs of a whole team do not hammer a recovering server in lockstep, and a server's
 * `Retry-After` (429, 503) always wins over our own schedule, within a ceiling.
 */
export const MAX_RETRIES = 2
const RETRY_BASE_MS = 500
const RETRY_CAP_MS = 4_000
/** A server asking for longer than this is still retried then; the user sees the error meanwhile. */
const RETRY_AFTER_CAP_MS = 120_000
/** However long polling backs off, it comes back at least this often. */
const POLL_BACKOFF_CAP_MS = 5 * 60_000

type Random = () => number

/** "Equal jitter": half the exponential delay fixed, the other half random. */
function jittered(ms: number, random: Random): number {
  return Math.round(ms / 2 + random() * (ms / 2))
}

/** Retry only what might work the second time: not 4xx, broken payloads or scope mismatches. */
export function shouldRetry(failureCount: number, error: unknown): boolean {
  return failureCount < MAX_RETRIES && (!isApiFailure(error) || error.retryable)
}

export function retryDelay(attempt: number, error: unknown, random: Random = Math.random): number {
  const asked = retryAfterOf(error)
  if (asked !== null) return Math.min(asked, RETRY_AFTER_CAP_MS)
  return jittered(Math.min(RETRY_BASE_MS * 2 ** attempt, RETRY_CAP_MS), random)
}

/**
 * The delay until the next poll of a query that polls every `baseMs`: the base while requests
 * succeed; doubling (jittered, capped) with each failed refetch in a row, or the server's
 * `Retry-After` if longer; back to the base as soon as one succeeds (TanStack Query resets
 * `fetchFailureCount` on success).
 */
export function pollDelay(
  baseMs: number,
  failures: number,
  error: unknown,
  random: Random = Math.random,
): number {
  if (failures === 0) return baseMs
  const backedOff = jittered(Math.min(baseMs * 2 ** failures, POLL_BACKOFF_CAP_MS), random)
  const asked = retryAfterOf(error)
  return Math.max(backedOff, asked !== null ? Math.min(asked, RETRY_AFTER_CAP_MS) : 0)
}

/**
 * A `refetchInterval` that polls every `baseMs` and backs off while requests fail. `false`
 * (polling off) passes through, so callers can write `polling(enabled ? ms : false)`.
 */
export function polling(baseMs: number | false) {
  return (query: { state: { fetchFailureCount: number; error: unknown } }): number | false =>
    baseMs === false ? false : pollDelay(baseMs, query.state.fetchFailureCount, query.state.error)
}
