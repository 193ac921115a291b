import type { InfiniteData, UseInfiniteQueryResult } from '@tanstack/react-query'
import { lazy, Suspense, useCallback, useEffect, useMemo, useRef, useState } from 'react'
import { RefreshFailedNotice } from '@/components/refresh-failed-notice'
import { searchResultsState } from '@/components/search-results-state'
import type { LogEntry } from '@/lib/api/types'
import { formatCount } from '@/lib/format'
import type { TimeZonePreference } from '@/lib/preferences-store'
import type { Scope } from '@/lib/query/query-scope'
import { shareableUrl } from '@/lib/shareable-url'
import { formatInstant } from '@/lib/time-format'
import type { TimeRange } from '@/lib/time-range/time-range'
import type { LogSearchPage } from '@/lib/resources/logs'
import { logFilters, logsView, type LogFilters } from './search/log-filters'
import { LOG_ROW_HEIGHT, LogList } from './search/log-list'
import { LogListFooter } from './search/log-list-footer'
import { useLinkedLine } from './search/use-linked-line'
import { LiveTailToolbar } from './tail/live-tail-toolbar'
import { useLiveTail } from './tail/use-live-tail'

// Not part of the list's first paint: the detail's code (its formatting, the copy button) is
// fetched once lines are on screen (below), so the first line opened shows at once.
type LineDetailModule = typeof import('./detail/log-line-detail')
/** The module once loaded: a line then opens without suspending (React holds a suspended
 * boundary's reveal back for up to 300 ms, even when the code is already there). */
let lineDetail: LineDetailModule | null = null
const loadLineDetail = () =>
  import('./detail/log-line-detail').then((module) => (lineDetail = module))
const LazyLineDetail = lazy(async () => ({ default: (await loadLineDetail()).LogLineDetail }))

function LogLineDetail(props: Parameters<LineDetailModule['LogLineDetail']>[0]) {
  const Loaded = lineDetail?.LogLineDetail
  if (Loaded) return <Loaded {...props} />
  return (
    <Suspense fallback={null}>
      <LazyLineDetail {...props} />
    </Suspense>
  )
}

/** A shared line's link covers this much around it (the line is near the top of the list). */
const LINK_BEFORE_MS = 10 * 60_000
const LINK_AFTER_MS = 10_000

const WORDING = {
  loading: 'Loading log lines…',
  loadFailed: 'Could not load the logs',
  searchingOlder: 'Searching older log lines…',
  olderFailed: 'Could not search older log lines',
}

export type LogSearchResults = UseInfiniteQueryResult<InfiniteData<LogSearchPage>>

/**
 * One search's lines: the live tail above them, the list, the line opened. Keyed by the
 * search, so a new search (filters, range, environment) starts with nothing open, at the top,
 * with a new tail.
 */
export function LogSearchView({
  scope,
  range,
  filters,
  results,
  linkedLine,
  tailOn,
  setTailOn,
  visible,
  timeZone,
  onFiltersChange,
}: {
  scope: Scope
  range: TimeRange
  filters: LogFilters
  results: LogSearchResults
  linkedLine: string | null
  tailOn: boolean
  setTailOn: (on: boolean) => void
  visible: boolean
  timeZone: TimeZonePreference
  onFiltersChange: (filters: LogFilters) => void
}) {
  const scrollRef = useRef<HTMLDivElement>(null)
  const { fetchNextPage } = results
  const loaded = results.data !== undefined && !results.isPlaceholderData
  const rows = useMemo(() => results.data?.pages.flatMap((page) => page.items), [results.data])
  const rowCount = rows?.length ?? 0
  const hasLines = rowCount > 0
  useEffect(() => {
    if (!hasLines) return
    // After the frame that shows the lines. (Errors are left to the lazy component, which
    // loads again when a line is opened.)
    let timer = 0
    const frame = requestAnimationFrame(() => {
      timer = window.setTimeout(() => void loadLineDetail().catch(() => undefined), 0)
    })
    return () => {
      cancelAnimationFrame(frame)
      clearTimeout(timer)
    }
  }, [hasLines])

  // What the user opened (`null`: closed); until then, the line a shared link points at.
  const [opened, setOpened] = useState<LogEntry | null | undefined>(undefined)
  const [scrolledAway, setScrolledAway] = useState(false)
  // The linked line counts as open from the start: it is looked for in the search's rows
  // (the tail pauses while a line is open, so it cannot hold the line before it is open).
  const linkedRow = linkedLine ? (rows?.find((line) => line.id === linkedLine) ?? null) : null
  const tail = useLiveTail({
    scope,
    range,
    filters,
    on: tailOn,
    rows: loaded ? rows : undefined,
    visible,
    reading: scrolledAway || (opened === undefined ? linkedRow : opened) !== null,
  })
  const { lines } = tail
  const linked = useLinkedLine(linkedLine, lines, rowCount, results)
  const selected = opened === undefined ? linked : opened

  const open = (line: LogEntry | null) => {
    setOpened(line)
    tail.reading(scrolledAway || line !== null)
  }
  const onScroll = (offset: number) => {
    const away = offset > LOG_ROW_HEIGHT * 2
    setScrolledAway(away)
    tail.reading(away || selected !== null)
  }
  const jumpToNewest = () => {
    setOpened(null)
    setScrolledAway(false)
    tail.reading(false)
    if (scrollRef.current) scrollRef.current.scrollTop = 0
  }
  const toggleTail = () => {
    if (!tailOn) jumpToNewest()
    setTailOn(!tailOn)
  }
  const shareUrl = useMemo(
    () => (selected ? lineLink(selected, scope.env, filters) : ''),
    [selected, scope.env, filters],
  )

  const loadMore = useCallback(() => {
    if (!tail.dropped && results.hasNextPage && !results.isFetchingNextPage) void fetchNextPage()
  }, [tail.dropped, results.hasNextPage, results.isFetchingNextPage, fetchNextPage])

  const body = searchResultsState({
    results,
    rowCount: lines.length,
    fetchNextPage,
    clearFilters: logFilters.isChanged(filters)
      ? () => onFiltersChange(logFilters.defaults)
      : undefined,
    wording: {
      ...WORDING,
      nothingFound: `No log lines in ${scope.env} for this range and filters`,
    },
  }) ?? (
    <LogList
      lines={lines}
      timeZone={timeZone}
      selectedId={selected?.id ?? null}
      highlightedId={linkedLine}
      onOpen={open}
      onNearEnd={loadMore}
      scrollRef={scrollRef}
      onScroll={onScroll}
      scrollToId={linked ? linked.id : null}
      footer={tail.dropped ? null : <LogListFooter results={results} />}
    />
  )

  const firstPage = results.data?.pages[0]
  return (
    <>
      <LiveTailToolbar
        on={tailOn}
        visible={visible}
        paused={tail.paused}
        newWhilePaused={tail.newWhilePaused}
        failing={tail.failing}
        searchSummary={
          firstPage
            ? `${formatCount(rowCount)} lines loaded, newest first, ${formatInstant(firstPage.resolved.from, timeZone)} – ${formatInstant(firstPage.resolved.to, timeZone)}`
            : null
        }
        dropped={tail.dropped}
        kept={tail.kept}
        onToggle={toggleTail}
        onJumpToNewest={jumpToNewest}
        onShowDropped={tail.showDroppedLines}
      />
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
            onClose={() => open(null)}
            onShowExecutionLines={(executionId) =>
              onFiltersChange({ ...logFilters.defaults, executionId })
            }
          />
        ) : null}
      </div>
    </>
  )
}

/** The link to one line: its filters, and the time around it (the line near the top). */
function lineLink(line: LogEntry, env: string, filters: LogFilters): string {
  const at = Date.parse(line.timestamp)
  const params = logsView.write(new URLSearchParams({ env }), {
    filters,
    line: line.id,
    live: false,
  })
  params.set('from', new Date(at - LINK_BEFORE_MS).toISOString())
  params.set('to', new Date(at + LINK_AFTER_MS).toISOString())
  return shareableUrl(`/logs?${params.toString()}`)
}
