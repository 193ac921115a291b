/**
 * The hand-over between the execution search and an execution's page, both ways: the search
 * puts its own URL in the history state of its links to an execution, so "Back to executions"
 * can go back in history (restoring the results and their cache entry), and it remembers how
 * far the results were scrolled per history entry, so that Back lands on the same row. Both
 * sides import this module; neither knows how the other is built.
 */

/**
 * What the search page hands over in the state of its links to an execution, so "Back to
 * search" returns to the same results: `<ScopedLink to=… state={executionSearchState(location)}>`.
 */
export interface ExecutionSearchState {
  executionSearch: string
}

export function executionSearchState(location: {
  pathname: string
  search: string
}): ExecutionSearchState {
  return { executionSearch: `${location.pathname}${location.search}` }
}

const MAX_SEARCH_LENGTH = 4_000

/** The search URL from a location state, if it is one (history state is not to be trusted). */
export function searchFromState(state: unknown): string | null {
  const value =
    state && typeof state === 'object' && 'executionSearch' in state ? state.executionSearch : null
  if (typeof value !== 'string' || value.length > MAX_SEARCH_LENGTH) return null
  return /^\/executions(\?|$)/.test(value) ? value : null
}

/**
 * Where the user was in the results, per history entry (`location.key`), so Back from an
 * execution lands on the same row. History entries, not searches: following the nav link to
 * the same search again starts at the top, as a new visit should.
 */
const STORAGE_KEY = 'cameleer3:executions-scroll'
const MAX_ENTRIES = 50

/** Oldest first, so the oldest entries are the ones dropped. */
type Offsets = Array<[historyKey: string, offset: number]>

function read(): Offsets {
  try {
    const parsed: unknown = JSON.parse(sessionStorage.getItem(STORAGE_KEY) ?? '[]')
    if (!Array.isArray(parsed)) return []
    return parsed.filter(
      (entry): entry is [string, number] =>
        Array.isArray(entry) && typeof entry[0] === 'string' && typeof entry[1] === 'number',
    )
  } catch {
    // Blocked storage or a mangled value: start at the top rather than fail the page.
    return []
  }
}

export function readScrollOffset(historyKey: string): number {
  const value = read().find(([key]) => key === historyKey)?.[1]
  return value !== undefined && Number.isFinite(value) && value > 0 ? value : 0
}

export function saveScrollOffset(historyKey: string, offset: number): void {
  const offsets = read().filter(([key]) => key !== historyKey)
  offsets.push([historyKey, Math.max(0, Math.round(offset))])
  try {
    sessionStorage.setItem(STORAGE_KEY, JSON.stringify(offsets.slice(-MAX_ENTRIES)))
  } catch {
    // Storage full or blocked: the position is simply not restored.
  }
}
