/**
 * What a link that was just opened says about where it leads, computed once per link by the
 * environment gate (before it makes the link's environment the "last chosen" one):
 * - it opened another environment than the one the user last worked in;
 * - its time range is absolute, so it will not move with time.
 */
export interface LinkArrival {
  /** The environment the link opened, and the one the user was in before it. */
  environment: { opened: string; previous: string } | null
  /**
   * The link's range when it may be a fixed one (neither end is `now…`). Only a cheap check
   * here: the time-range parser stays out of the first paint, and `FixedRangeNotice` (loaded
   * when there is a candidate) shows nothing unless the range is a valid absolute one.
   */
  fixedRange: { from: string; to: string } | null
}

export function readLinkArrival(input: {
  fromUrl: string | null
  resolved: string
  rejected: boolean
  lastChosen: string | null
  available: readonly string[]
  search: URLSearchParams
}): LinkArrival | null {
  const { fromUrl, resolved, rejected, lastChosen, available, search } = input
  const environment =
    !rejected &&
    fromUrl === resolved &&
    lastChosen &&
    lastChosen !== resolved &&
    available.includes(lastChosen)
      ? { opened: resolved, previous: lastChosen }
      : null
  const from = search.get('from')
  const to = search.get('to')
  // A missing or empty `to` means `now`: relative, like every `now…` expression.
  const fixedRange =
    from && to && !from.startsWith('now') && !to.startsWith('now') ? { from, to } : null
  return environment || fixedRange ? { environment, fixedRange } : null
}
