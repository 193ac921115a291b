import { useInfiniteQuery, useQuery, useQueryClient } from '@tanstack/react-query'
import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import { useLocation, useSearchParams } from 'react-router'
import { IgnoredLinkValues } from '@/components/ignored-link-values'
import { searchResultsState } from '@/components/search-results-state'
import { RefreshFailedNotice } from '@/components/refresh-failed-notice'
import { TimeRangeControls } from '@/components/time-range-controls'
import { usePageTitle } from '@/environment/use-page-title'
import { useScope } from '@/environment/use-scope'
import type { LogEntry } from '@/lib/api/types'
import { formatCount, pluralize } from '@/lib/format'
import { useTimeZonePreference } from '@/lib/preferences-store'
import { shareableUrl } from '@/lib/shareable-url'
import { formatInstant } from '@/lib/time-format'
import { resolveTimeRange } from '@/lib/time-range/time-range'
import { usePageVisible, useTimeRange } from '@/lib/time-range/use-time-range'
import { LogLineDetail } from './detail/log-line-detail'
import { LogHistogram } from './histogram/log-histogram'
import { logQueries } from './log-queries'
import { LogFilterBar } from './search/log-filter-bar'
import {
  emptyLogFilters,
  hasActiveLogFilters,
  readLogFilters,
  writeLogFilters,
  type LogFilters,
} from './search/log-filters'
import { LOG_ROW_HEIGHT, LogList } from './search/log-list'
import type { TailState } from './tail/tail-merge'
import './logs.css'

/** Pages fetched looking for the line a shared link points at before giving up. */
const MAX_PAGES_TO_FIND_LINE = 25
/** A shared line's link covers this much around it (the line is near the top of the list). */
const LINK_BEFORE_MS = 10 * 60_000
const LINK_AFTER_MS = 10_000

/** `/logs`: the agents' logs, newest first, searchable, with live tail and line detail. */
export function LogsPage() {
  usePageTitle('Logs')
  const { tenant, env } = useScope()
  const scope = useMemo(() => ({ tenant, env }), [tenant, env])
  const location = useLocation()
  const [searchParams, setSearchParams] = useSearchParams()
  const queryClient = useQueryClient()
  const timeZone = useTimeZonePreference()
  const visible = usePageVisible()
  const { range, problem: rangeProblem, setRange } = useTimeRange()
  const {
    filters,
    line: linkedLine,
    problems,
  } = useMemo(() => readLogFilters(new URLSearchParams(location.search)), [location.search])
  const scrollRef = useRef<HTMLDivElement>(null)
  const [scrolledAway, setScrolledAway] = useState(false)
  const [selected, setSelected] = useState<LogEntry | null>(null)
  // In the URL, so it survives the environment switch (which remounts the view) and Reload.
  const tailOn = searchParams.get('live') === '1'
  const setTailOn = useCallback(
    (on: boolean) =>
      setSearchParams(
        (params) => {
          if (on) params.set('live', '1')
          else params.delete('live')
          return params
        },
        { replace: true },
      ),
    [setSearchParams],
  )

  // Lines of other filters or another environment are never shown under these: no
  // placeholder data, a new search starts empty.
  const searchOptions = useMemo(
    () => logQueries.search(scope, range, filters),
    [scope, range, filters],
  )
  const searchIdentity = JSON.stringify(searchOptions.queryKey)
  const results = useInfiniteQuery({ ...searchOptions, refetchOnWindowFocus: false })
  const { fetchNextPage } = results
  const rows = useMemo(
    () => results.data?.pages.flatMap((page) => page.items) ?? [],
    [results.data],
  )

  // A selected line belongs to one search: a new one closes it.
  const [selectionIdentity, setSelectionIdentity] = useState(searchIdentity)
  if (selectionIdentity !== searchIdentity) {
    setSelectionIdentity(searchIdentity)
    setSelected(null)
    setScrolledAway(false)
  }

  // ---------------------------------------------------------------- live tail
  // The tail starts after the newest line this search showed; a new search (filter or
  // environment) gives it a new seed, hence a new key: the old tail ends at once.
  // The store and the URL change environment one after the other: while they disagree the
  // view is between two environments and must not poll either.
  const urlEnv = searchParams.get('env')
  const settled = urlEnv === null || urlEnv === env
  const [seed, setSeed] = useState<{ identity: string; id: string | null } | null>(null)
  const firstPageLoaded = results.data !== undefined && !results.isPlaceholderData
  // Once the first lines (or their failure) have painted and the browser has a moment, the
  // histogram may draw its chart: its code (recharts) comes after what the engineer came for.
  const [linesShown, setLinesShown] = useState(false)
  const linesArrived = results.data !== undefined || results.isError
  useEffect(() => {
    if (linesShown || !linesArrived) return
    return whenIdle(() => setLinesShown(true))
  }, [linesShown, linesArrived])
  if (tailOn && settled && firstPageLoaded && seed?.identity !== searchIdentity) {
    setSeed({ identity: searchIdentity, id: rows[0]?.id ?? null })
  }
  const seeded = tailOn && settled && seed?.identity === searchIdentity
  const tailOptions = logQueries.tail(
    queryClient,
    scope,
    range,
    filters,
    seed?.id ?? null,
    seeded && visible,
  )
  const tail = useQuery(tailOptions)
  const tailData = seeded ? tail.data : undefined

  const paused = tailOn && (scrolledAway || selected !== null)
  const [frozen, setFrozen] = useState<TailState | null>(null)
  if (paused && frozen === null && tailData) setFrozen(tailData)
  if (!paused && frozen !== null) setFrozen(null)
  const shownTail = paused ? (frozen ?? tailData) : tailData
  const newWhilePaused = paused && frozen && tailData ? tailData.received - frozen.received : 0

  const lines = useMemo(() => {
    if (!shownTail || shownTail.lines.length === 0) return rows
    // Once lines fell out of the window the search rows below would leave a gap: show the
    // window alone (and say so).
    if (shownTail.dropped > 0) return shownTail.lines
    return shownTail.lines.concat(rows)
  }, [shownTail, rows])

  const jumpToNewest = useCallback(() => {
    setSelected(null)
    setScrolledAway(false)
    if (scrollRef.current) scrollRef.current.scrollTop = 0
  }, [])

  const toggleTail = () => {
    if (tailOn) {
      setTailOn(false)
      setSeed(null)
      return
    }
    jumpToNewest()
    setTailOn(true)
  }

  // ---------------------------------------------------------------- shared line links
  const linkedIndex = linkedLine ? lines.findIndex((line) => line.id === linkedLine) : -1
  const [linkHandled, setLinkHandled] = useState<string | null>(null)
  if (linkedLine && linkedIndex >= 0 && linkHandled !== linkedLine) {
    setLinkHandled(linkedLine)
    setSelected(lines[linkedIndex] ?? null)
  }
  const searchingForLink =
    linkedLine !== null &&
    linkedIndex < 0 &&
    results.hasNextPage &&
    (results.data?.pages.length ?? 0) < MAX_PAGES_TO_FIND_LINE
  // A page may come back empty with a cursor (the server scans a window at a time): go on.
  const keepSearching = rows.length === 0 && results.hasNextPage
  useEffect(() => {
    if (
      (searchingForLink || keepSearching) &&
      !results.isFetching &&
      !results.isFetchNextPageError
    ) {
      void fetchNextPage()
    }
  }, [
    searchingForLink,
    keepSearching,
    results.isFetching,
    results.isFetchNextPageError,
    fetchNextPage,
  ])

  const shareUrl = useMemo(() => {
    if (!selected) return ''
    const at = Date.parse(selected.timestamp)
    const params = writeLogFilters(new URLSearchParams({ env }), filters, selected.id)
    params.set('from', new Date(at - LINK_BEFORE_MS).toISOString())
    params.set('to', new Date(at + LINK_AFTER_MS).toISOString())
    return shareableUrl(`/logs?${params.toString()}`)
  }, [selected, env, filters])

  const setFilters = useCallback(
    (next: LogFilters) => setSearchParams((params) => writeLogFilters(params, next)),
    [setSearchParams],
  )
  const showExecutionLines = useCallback(
    (executionId: string) => setFilters({ ...emptyLogFilters, executionId }),
    [setFilters],
  )

  const loadMore = useCallback(() => {
    if (!shownTail?.dropped && results.hasNextPage && !results.isFetchingNextPage)
      void fetchNextPage()
  }, [shownTail?.dropped, results.hasNextPage, results.isFetchingNextPage, fetchNextPage])

  const onScroll = useCallback((offset: number) => setScrolledAway(offset > LOG_ROW_HEIGHT * 2), [])

  const showOlderDropped = () => {
    const oldest = shownTail?.lines.at(-1)
    if (!oldest) return
    setTailOn(false)
    setSeed(null)
    const resolved = resolveTimeRange(range)
    setSearchParams((params) => {
      params.delete('live')
      params.set('from', resolved.from)
      params.set('to', new Date(Date.parse(oldest.timestamp) + 1).toISOString())
      return params
    })
  }

  const body = searchResultsState({
    results,
    rowCount: lines.length,
    fetchNextPage,
    clearFilters: hasActiveLogFilters(filters) ? () => setFilters(emptyLogFilters) : undefined,
    wording: {
      loading: 'Loading log lines…',
      loadFailed: 'Could not load the logs',
      searchingOlder: 'Searching older log lines…',
      olderFailed: 'Could not search older log lines',
      nothingFound: `No log lines in ${env} for this range and filters`,
    },
  }) ?? (
    <LogList
      key={searchIdentity}
      lines={lines}
      timeZone={timeZone}
      selectedId={selected?.id ?? null}
      highlightedId={linkedLine}
      onOpen={setSelected}
      onNearEnd={loadMore}
      scrollRef={scrollRef}
      onScroll={onScroll}
      scrollToId={linkHandled === linkedLine ? linkedLine : null}
      footer={
        shownTail?.dropped ? null : results.isFetchingNextPage ? (
          <p className="logs-footer">Loading older lines…</p>
        ) : results.isFetchNextPageError ? (
          <p className="logs-footer" role="alert">
            Could not load older lines.{' '}
            <button type="button" className="button" onClick={() => void fetchNextPage()}>
              Try again
            </button>
          </p>
        ) : results.hasNextPage ? (
          <p className="logs-footer">
            <button type="button" className="button" onClick={() => void fetchNextPage()}>
              Load older lines
            </button>
          </p>
        ) : (
          <p className="logs-footer logs-muted">The start of the range: no older lines.</p>
        )
      }
    />
  )

  const firstPage = results.data?.pages[0]
  return (
    <div className="logs-page">
      <header className="page-header">
        <h1>Logs</h1>
        <TimeRangeControls
          pausedReason={tailOn ? 'live tail is on' : null}
          onRefresh={() => void results.refetch()}
          refreshing={results.isRefetching && !results.isFetchingNextPage}
        />
      </header>

      <IgnoredLinkValues rangeProblem={rangeProblem} problems={problems} />

      <LogFilterBar key={JSON.stringify(filters)} filters={filters} onChange={setFilters} />

      <LogHistogram
        scope={scope}
        range={range}
        filters={filters}
        onSelectRange={setRange}
        drawChart={linesShown}
      />

      <div className="logs-toolbar">
        <button type="button" className="button" aria-pressed={tailOn} onClick={toggleTail}>
          Live tail
        </button>
        <p className="logs-tail-status" aria-live="polite">
          {tailOn
            ? !visible
              ? 'Live tail waits while the tab is hidden.'
              : paused
                ? `Paused — ${pluralize(newWhilePaused, 'new line')}`
                : tail.isError
                  ? 'Live tail: the last poll failed, retrying…'
                  : 'Following new lines'
            : firstPage
              ? `${formatCount(rows.length)} lines loaded, newest first, ${formatInstant(firstPage.resolved.from, timeZone)} – ${formatInstant(firstPage.resolved.to, timeZone)}`
              : null}
        </p>
        {paused ? (
          <button type="button" className="button" onClick={jumpToNewest}>
            Jump to newest
          </button>
        ) : null}
      </div>
      {shownTail?.dropped ? (
        <p className="notice" role="status">
          {formatCount(shownTail.dropped)} older lines were dropped from the view (it keeps the{' '}
          {formatCount(shownTail.lines.length)} newest).{' '}
          <button type="button" className="button" onClick={showOlderDropped}>
            Page through the older lines
          </button>
        </p>
      ) : null}

      <div className={`logs-main${selected ? ' logs-main-split' : ''}`}>
        <section className="logs-results" aria-label="Results">
          {results.isFetchNextPageError ? null : (
            <RefreshFailedNotice what="the log lines" query={results} />
          )}
          {body}
        </section>
        {selected ? (
          <LogLineDetail
            key={selected.id}
            scope={scope}
            line={selected}
            timeZone={timeZone}
            shareUrl={shareUrl}
            onClose={() => setSelected(null)}
            onShowExecutionLines={showExecutionLines}
          />
        ) : null}
      </div>
    </div>
  )
}

/** Runs `callback` when the browser is idle (within a second), or soon where it cannot say. */
function whenIdle(callback: () => void): () => void {
  if (typeof globalThis.requestIdleCallback === 'function') {
    const handle = globalThis.requestIdleCallback(callback, { timeout: 1_000 })
    return () => globalThis.cancelIdleCallback(handle)
  }
  const handle = setTimeout(callback, 200)
  return () => clearTimeout(handle)
}
