import type { ReactNode } from 'react'
import { EmptyState, ErrorState, LoadingState } from './query-states'

/** The part of an infinite query a paged search's states depend on. */
export interface PagedSearch {
  isPending: boolean
  isError: boolean
  error: unknown
  data: unknown
  hasNextPage: boolean
  isFetchNextPageError: boolean
  refetch: () => unknown
}

/** What the user reads in each state, in the view's own words. */
export interface SearchStateWording {
  /** "Loading executions…" */
  loading: string
  /** "Could not load executions" */
  loadFailed: string
  /** "Searching older executions…": empty pages so far, and the server has more to scan. */
  searchingOlder: string
  /** "Could not search older executions" */
  olderFailed: string
  /** "No executions in prod for this range and filters" */
  nothingFound: string
}

/**
 * What a paged search shows instead of its rows, or `null` when it has rows to show:
 * loading, a failure with nothing to show, still searching (a server scans a window at a time
 * and may answer an empty page with a cursor; the view keeps asking), or nothing found, with
 * the advice to widen the range and, when filters are set, a button clearing them. The
 * executions and logs searches share it, so both read alike.
 */
export function searchResultsState(options: {
  results: PagedSearch
  rowCount: number
  wording: SearchStateWording
  fetchNextPage: () => unknown
  /** Given when filters are set: the "Clear filters" button. */
  clearFilters?: () => void
}): ReactNode | null {
  const { results, rowCount, wording, fetchNextPage, clearFilters } = options
  if (results.isPending) return <LoadingState label={wording.loading} />
  if (results.isError && !results.data) {
    return (
      <ErrorState
        error={results.error}
        title={wording.loadFailed}
        onRetry={() => void results.refetch()}
      />
    )
  }
  if (rowCount === 0 && results.hasNextPage) {
    return results.isFetchNextPageError ? (
      <ErrorState
        error={results.error}
        title={wording.olderFailed}
        onRetry={() => void fetchNextPage()}
      />
    ) : (
      <LoadingState label={wording.searchingOlder} />
    )
  }
  if (rowCount === 0) {
    return (
      <EmptyState title={wording.nothingFound}>
        <p>
          Try a longer time range{clearFilters ? ' or fewer filters' : ''}.{' '}
          {clearFilters ? (
            <button type="button" className="button" onClick={clearFilters}>
              Clear filters
            </button>
          ) : null}
        </p>
      </EmptyState>
    )
  }
  return null
}
