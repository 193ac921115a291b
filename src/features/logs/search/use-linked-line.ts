import { useEffect } from 'react'
import type { LogEntry } from '@/lib/api/types'

/** Pages fetched looking for the line a shared link points at before giving up. */
const MAX_PAGES_TO_FIND_LINE = 25

/** The part of the search this hook reads and drives. */
interface PagedLines {
  data?: { pages: readonly unknown[] }
  hasNextPage: boolean
  isFetching: boolean
  isFetchNextPageError: boolean
  fetchNextPage: () => unknown
}

/**
 * The line a shared link points at (`?line=`): found among the lines shown, else looked for
 * page by page (at most 25). Also keeps paging while the search has only empty pages with a
 * cursor (the server scans a window at a time).
 */
export function useLinkedLine(
  linkedLine: string | null,
  lines: readonly LogEntry[],
  rowCount: number,
  results: PagedLines,
): LogEntry | null {
  const linked = linkedLine ? (lines.find((line) => line.id === linkedLine) ?? null) : null
  const searchingForLink =
    linkedLine !== null &&
    linked === null &&
    results.hasNextPage &&
    (results.data?.pages.length ?? 0) < MAX_PAGES_TO_FIND_LINE
  const keepSearching = rowCount === 0 && results.hasNextPage
  const { isFetching, isFetchNextPageError, fetchNextPage } = results
  useEffect(() => {
    if ((searchingForLink || keepSearching) && !isFetching && !isFetchNextPageError) {
      void fetchNextPage()
    }
  }, [searchingForLink, keepSearching, isFetching, isFetchNextPageError, fetchNextPage])
  return linked
}
