import { useInfiniteQuery, useQuery } from '@tanstack/react-query'
import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import { useLocation } from 'react-router'
import { IgnoredLinkValues } from '@/components/ignored-link-values'
import { searchResultsState } from '@/components/search-results-state'
import { RefreshFailedNotice } from '@/components/refresh-failed-notice'
import { TimeRangeControls } from '@/components/time-range-controls'
import { usePageTitle } from '@/environment/use-page-title'
import { useScope } from '@/environment/use-scope'
import { useTimeZonePreference } from '@/lib/preferences-store'
import { keepPreviousInScope } from '@/lib/query/query-scope'
import { formatInstant } from '@/lib/time-format'
import { useAutoRefresh, useAutoRefreshPause, useTimeRange } from '@/lib/time-range/use-time-range'
import { executionSearchState } from '@/features/executions/execution-search-state'
import { LazyHistogram } from '@/features/executions/histogram/lazy-execution-histogram'
import { formatCount } from '@/lib/format'
import { executionSearchQueries } from './execution-search-queries'
import { ExecutionSearchFilterBar } from './execution-search-filter-bar'
import { useUrlState } from '@/lib/url-state/use-url-state'
import { executionFilters, type ExecutionFilters } from './execution-filters'
import { pagingStop } from '@/lib/query/paging-guard'
import { ExecutionSearchResults, preloadResultsTable } from './execution-search-results'
import { useSearchRefresh } from './use-search-refresh'
import './executions-search.css'

/**
 * However far the user scrolls, the view keeps at most this many pages (× 200 rows) in memory;
 * past it, the footer says to narrow the search.
 */
const MAX_LOADED_SEARCH_PAGES = 250

/** `/executions`: search route executions by time range and filters, newest first. */
export function ExecutionsPage() {
  usePageTitle('Executions')
  const { tenant, env } = useScope()
  const scope = useMemo(() => ({ tenant, env }), [tenant, env])
  const location = useLocation()
  const timeZone = useTimeZonePreference()
  const { range, problem: rangeProblem, setRange } = useTimeRange()
  const { intervalMs } = useAutoRefresh()
  const { values: filters, ignored, set } = useUrlState(executionFilters)
  const [reading, setReading] = useState(false)
  const pause = useAutoRefreshPause(reading ? 'you are scrolled into the results' : null)
  const scrollRef = useRef<HTMLDivElement>(null)
  // The results table's code comes while the first search is on its way.
  useEffect(preloadResultsTable, [])

  const searchOptions = useMemo(
    () => executionSearchQueries.search(scope, range, filters),
    [scope, range, filters],
  )
  const searchKey = searchOptions.queryKey
  const results = useInfiniteQuery({
    ...searchOptions,
    placeholderData: (previous, previousQuery) =>
      keepPreviousInScope(previous, previousQuery, scope),
    // Coming back (Back button) must show the very rows the user left, at the same place;
    // arriving by a link refreshes below. Auto-refresh and "Refresh" keep it current.
    refetchOnMount: false,
  })
  const { fetchNextPage } = results
  const histogramKey = useMemo(
    () => executionSearchQueries.histogram(scope, range, filters).queryKey,
    [scope, range, filters],
  )
  const routeOptions = useQuery(executionSearchQueries.routeOptions(scope, range))

  const { refreshNow } = useSearchRefresh({
    searchKey,
    histogramKey,
    intervalMs,
    paused: pause !== null,
    scrollRef,
  })

  const scrollToNewest = () => {
    if (scrollRef.current) scrollRef.current.scrollTop = 0
  }

  const setFilters = useCallback((next: ExecutionFilters) => set(next), [set])

  const loadMore = useCallback(() => void fetchNextPage(), [fetchNextPage])
  const rows = useMemo(
    () => results.data?.pages.flatMap((page) => page.items) ?? [],
    [results.data],
  )
  const pagingStopped = useMemo(
    () =>
      results.data ? pagingStop(results.data.pages, { maxPages: MAX_LOADED_SEARCH_PAGES }) : null,
    [results.data],
  )
  const firstPage = results.data?.pages[0]
  const detailSearch = useMemo(() => {
    const params = new URLSearchParams({ env: scope.env, from: range.from, to: range.to })
    return `?${params.toString()}`
  }, [scope.env, range.from, range.to])
  const linkState = useMemo(
    () => executionSearchState({ pathname: location.pathname, search: location.search }),
    [location.pathname, location.search],
  )
  // A new search gets a fresh results view (scrolled to the top); the same search keeps it.
  const searchIdentity = JSON.stringify(searchKey)

  // A search may answer with an empty page that still has a cursor (the server scans a
  // window at a time); keep going until a row or the end turns up.
  const keepSearching =
    rows.length === 0 && results.hasNextPage && !results.isFetching && !results.isFetchNextPageError
  useEffect(() => {
    if (keepSearching) void fetchNextPage()
  }, [keepSearching, fetchNextPage])

  const body = searchResultsState({
    results,
    rowCount: rows.length,
    fetchNextPage,
    clearFilters: executionFilters.isChanged(filters)
      ? () => setFilters(executionFilters.defaults)
      : undefined,
    wording: {
      loading: 'Loading executions…',
      loadFailed: 'Could not load executions',
      searchingOlder: 'Searching older executions…',
      olderFailed: 'Could not search older executions',
      nothingFound: `No executions in ${scope.env} for this range and filters`,
    },
  }) ?? (
    <ExecutionSearchResults
      key={searchIdentity}
      rows={rows}
      hasNextPage={results.hasNextPage}
      isFetchingNextPage={results.isFetchingNextPage}
      isFetching={results.isFetching}
      nextPageError={results.isFetchNextPageError ? results.error : null}
      fetchNextPage={loadMore}
      pagingStopped={pagingStopped}
      detailSearch={detailSearch}
      linkState={linkState}
      historyKey={location.key}
      onReadingChange={setReading}
      scrollRef={scrollRef}
      busy={results.isPlaceholderData}
    />
  )

  return (
    <div className="executions-page">
      <header className="page-header">
        <h1>Executions</h1>
        <TimeRangeControls
          pausedReason={reading ? 'you are scrolled into the results' : null}
          onRefresh={refreshNow}
          refreshing={results.isRefetching && !results.isFetchingNextPage}
        />
      </header>

      <IgnoredLinkValues rangeProblem={rangeProblem} problems={ignored} />

      <ExecutionSearchFilterBar
        key={JSON.stringify(filters)}
        filters={filters}
        onChange={setFilters}
        routeOptions={{
          routes: routeOptions.data?.items,
          isPending: routeOptions.isPending,
          error: routeOptions.isError ? routeOptions.error : null,
          retry: () => void routeOptions.refetch(),
        }}
      />

      <LazyHistogram scope={scope} range={range} filters={filters} onSelectRange={setRange} />

      <section className="exec-results-section" aria-label="Results">
        {firstPage && rows.length > 0 ? (
          <div className="exec-results-meta">
            <p aria-live="polite">
              <strong>~{formatCount(firstPage.totalEstimate)} executions</strong> · showing{' '}
              {formatCount(rows.length)}
              {results.isPlaceholderData ? ' · updating…' : ''}
            </p>
            <p className="exec-muted">
              {formatInstant(firstPage.resolved.from, timeZone)} –{' '}
              {formatInstant(firstPage.resolved.to, timeZone)}, newest first
            </p>
            {reading ? (
              <button type="button" className="button button-quiet" onClick={scrollToNewest}>
                Back to newest
              </button>
            ) : null}
          </div>
        ) : null}
        {!results.isFetchNextPageError ? (
          <RefreshFailedNotice what="the executions" query={results} />
        ) : null}
        {body}
      </section>
    </div>
  )
}
