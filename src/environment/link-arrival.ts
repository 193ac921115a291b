import { isRelativeRange, readTimeRange } from '@/lib/time-range/time-range'

/**
 * What a link that was just opened says about where it leads, computed once per link by the
 * environment gate (before it makes the link's environment the "last chosen" one):
 * - it opened another environment than the one the user last worked in;
 * - its time range is absolute, so it will not move with time.
 */
export interface LinkArrival {
  /** The environment the link opened, and the one the user was in before it. */
  environment: { opened: string; previous: string } | null
  /** The link's fixed range (ISO instants), when it has one. */
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
  const hasRange = search.get('from') !== null || search.get('to') !== null
  const { range, problem } = readTimeRange(search)
  const fixedRange = hasRange && !problem && !isRelativeRange(range) ? range : null
  return environment || fixedRange ? { environment, fixedRange } : null
}
