import type { LogEntry } from '@/lib/api/types'

/**
 * The live tail's lines, kept newest first in a bounded window. Pure, so order, duplicates,
 * gaps and the bound are unit-tested without a browser.
 */

/** At most this many tailed lines are kept; older ones are dropped from the view. */
export const TAIL_WINDOW = 10_000

export interface TailState {
  /** Newest first, at most `TAIL_WINDOW`. */
  lines: readonly LogEntry[]
  /** The id to poll `after` next: the newest line received (kept even if filtered out). */
  newestId: string | null
  /** Every line ever received by this tail (keeps counting while the view is paused). */
  received: number
  /** Lines that fell out of the window (oldest first to go). */
  dropped: number
}

export const emptyTail = (newestId: string | null): TailState => ({
  lines: [],
  newestId,
  received: 0,
  dropped: 0,
})

/**
 * Adds lines of one or more `after` polls, each oldest first, as the API returns them. Lines
 * already held (a retried poll) are skipped; the newest end of the window is the last line.
 */
export function mergeTail(
  state: TailState,
  pollsOldestFirst: ReadonlyArray<readonly LogEntry[]>,
  window = TAIL_WINDOW,
): TailState {
  const seen = new Set<string>()
  // Only the newest lines can be repeated by a retried poll; checking them is enough and cheap.
  for (let i = 0; i < Math.min(state.lines.length, 2_000); i++) {
    const line = state.lines[i]
    if (line) seen.add(line.id)
  }
  const fresh: LogEntry[] = []
  let newestId = state.newestId
  for (const poll of pollsOldestFirst) {
    for (const line of poll) {
      if (seen.has(line.id)) continue
      seen.add(line.id)
      fresh.push(line)
      newestId = line.id
    }
  }
  if (fresh.length === 0) return state
  fresh.reverse()
  const all =
    fresh.length >= window
      ? fresh.slice(0, window)
      : fresh.concat(state.lines.slice(0, window - fresh.length))
  const kept = state.lines.length + fresh.length - all.length
  return {
    lines: all,
    newestId,
    received: state.received + fresh.length,
    dropped: state.dropped + kept,
  }
}

/** Whether a poll filled its page: more lines are waiting, poll again at once. */
export const pollWasFull = (page: readonly LogEntry[], limit: number) => page.length >= limit
