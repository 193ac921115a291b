import {
  lazy,
  Suspense,
  useCallback,
  useEffect,
  useMemo,
  useRef,
  useState,
  type MouseEvent,
  type ReactNode,
  type RefObject,
} from 'react'
import { Link, useNavigate } from 'react-router'
import { ErrorState, LoadingState } from '@/components/query-states'
import { StatusBadge } from '@/components/status-badge'
import type { VirtualColumn, VirtualTableProps } from '@/components/virtual-table'
import type { ExecutionSummary } from '@/lib/api/types'
import { useTimeZonePreference, type TimeZonePreference } from '@/lib/preferences-store'
import { formatCount, formatDuration } from '@/lib/format'
import type { PagingStop } from '@/lib/query/paging-guard'
import { formatInstant } from '@/lib/time-format'
import {
  readScrollOffset,
  saveScrollOffset,
  type ExecutionSearchState,
} from '@/features/executions/execution-search-state'

// The virtualizer (@tanstack/react-virtual, ~10 kB gzipped) is not on the page's first paint:
// the page starts fetching it as it mounts (preloadResultsTable), beside its first search, as
// charts do with their drawing code.
const loadVirtualTable = () => import('@/components/virtual-table')
/** Starts fetching the results table's code; a failure is left to the table, which retries. */
export function preloadResultsTable(): void {
  loadVirtualTable().catch(() => undefined)
}
const VirtualTable = lazy(async () => ({
  default: (await loadVirtualTable()).VirtualTable,
})) as unknown as <T>(props: VirtualTableProps<T>) => ReactNode

export const RESULT_ROW_HEIGHT = 36
/** Scrolled further than this, the user is reading: auto-refresh must not move rows. */
const READING_OFFSET = RESULT_ROW_HEIGHT * 2

export interface ExecutionSearchResultsProps {
  rows: readonly ExecutionSummary[]
  hasNextPage: boolean
  isFetchingNextPage: boolean
  /** Any fetch of this search in flight (a refresh included): no automatic "load more" then. */
  isFetching: boolean
  nextPageError: unknown
  fetchNextPage: () => void
  /** Why automatic paging stopped although the server names a next page (paging-guard). */
  pagingStopped: PagingStop | null
  /** `?env=…&from=…&to=…`: what a row's link keeps. */
  detailSearch: string
  /** History state for links to an execution, so its "Back to executions" can go back. */
  linkState: ExecutionSearchState
  /** The history entry (`location.key`) whose scroll position this is. */
  historyKey: string
  onReadingChange: (reading: boolean) => void
  scrollRef: RefObject<HTMLDivElement | null>
  busy: boolean
}

export function executionHref(executionId: string, detailSearch: string): string {
  return `/executions/${encodeURIComponent(executionId)}${detailSearch}`
}

function buildColumns(
  timeZone: TimeZonePreference,
  detailSearch: string,
  linkState: ExecutionSearchState,
): VirtualColumn<ExecutionSummary>[] {
  return [
    {
      id: 'startTime',
      header: 'Start time',
      width: 'minmax(13.5rem, auto)',
      cell: (row) => (
        <Link
          to={executionHref(row.executionId, detailSearch)}
          state={linkState}
          title={row.startTime}
        >
          <time dateTime={row.startTime}>
            {formatInstant(row.startTime, timeZone, { withMillis: true })}
          </time>
        </Link>
      ),
    },
    {
      id: 'status',
      header: 'Status',
      width: '12rem',
      cell: (row) => (
        <>
          <StatusBadge status={row.status} />
          {row.replayOf ? (
            // Named in full ("Replay of <id>"); the id is long, so the cell shows the start.
            <Link
              className="exec-replay-of"
              to={executionHref(row.replayOf, detailSearch)}
              state={linkState}
              title={`Replay of ${row.replayOf}`}
            >
              Replay of <span className="mono">{row.replayOf}</span>
            </Link>
          ) : null}
        </>
      ),
    },
    {
      id: 'applicationId',
      header: 'Application',
      width: 'minmax(9rem, 1fr)',
      cell: (row) => <span title={row.applicationId}>{row.applicationId}</span>,
    },
    {
      id: 'routeId',
      header: 'Route',
      width: 'minmax(9rem, 1fr)',
      cell: (row) => <span title={row.routeId}>{row.routeId}</span>,
    },
    {
      id: 'durationMs',
      header: 'Duration',
      width: '6.5rem',
      align: 'end',
      cell: (row) =>
        row.durationMs === null ? (
          <span title="Still running: no duration yet">—</span>
        ) : (
          formatDuration(row.durationMs)
        ),
    },
    {
      id: 'exchangeId',
      header: 'Exchange id',
      width: 'minmax(10rem, 1fr)',
      cell: (row) => (
        <span className="mono" title={row.exchangeId}>
          {row.exchangeId}
        </span>
      ),
    },
    {
      id: 'correlationId',
      header: 'Correlation id',
      width: 'minmax(8rem, 1fr)',
      cell: (row) =>
        row.correlationId === null ? (
          <span className="exec-muted">—</span>
        ) : (
          <span className="mono" title={row.correlationId}>
            {row.correlationId}
          </span>
        ),
    },
    {
      id: 'errorMessage',
      header: 'Error',
      width: 'minmax(12rem, 2fr)',
      cell: (row) =>
        row.errorMessage === null ? null : <span title={row.errorMessage}>{row.errorMessage}</span>,
    },
  ]
}

const rowKey = (row: ExecutionSummary) => row.executionId

export function ExecutionSearchResults({
  rows,
  hasNextPage,
  isFetchingNextPage,
  isFetching,
  nextPageError,
  fetchNextPage,
  pagingStopped,
  detailSearch,
  linkState,
  historyKey,
  onReadingChange,
  scrollRef,
  busy,
}: ExecutionSearchResultsProps) {
  const timeZone = useTimeZonePreference()
  const navigate = useNavigate()
  const columns = useMemo(
    () => buildColumns(timeZone, detailSearch, linkState),
    [timeZone, detailSearch, linkState],
  )
  // Read once: the parent remounts this component for each new search.
  const [initialOffset] = useState(() => readScrollOffset(historyKey))

  const onRowClick = useCallback(
    (row: ExecutionSummary, event: MouseEvent<HTMLDivElement>) => {
      // Links and buttons in the row do their own thing; selecting text is not a click.
      if ((event.target as Element).closest('a, button, input, select')) return
      if (window.getSelection()?.toString()) return
      void navigate(executionHref(row.executionId, detailSearch), { state: linkState })
    },
    [navigate, detailSearch, linkState],
  )

  // Scrolling fires every frame: remember the offset in a ref, write it down now and then
  // and when the page goes away (on the way to an execution).
  const offsetRef = useRef(initialOffset)
  const readingRef = useRef(initialOffset > READING_OFFSET)
  const saveTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined)
  useEffect(() => {
    onReadingChange(readingRef.current)
    return () => {
      clearTimeout(saveTimer.current)
      saveScrollOffset(historyKey, offsetRef.current)
      onReadingChange(false)
    }
  }, [historyKey, onReadingChange])

  const onScrollOffsetChange = useCallback(
    (offset: number) => {
      offsetRef.current = offset
      const reading = offset > READING_OFFSET
      if (reading !== readingRef.current) {
        readingRef.current = reading
        onReadingChange(reading)
      }
      clearTimeout(saveTimer.current)
      saveTimer.current = setTimeout(() => saveScrollOffset(historyKey, offsetRef.current), 250)
    },
    [historyKey, onReadingChange],
  )

  // Never while a refresh runs: starting the next page would cancel it.
  const canAutoLoad = hasNextPage && !isFetching && !nextPageError && !pagingStopped
  const onNearEnd = useMemo(
    () => (canAutoLoad ? fetchNextPage : undefined),
    [canAutoLoad, fetchNextPage],
  )

  let footer
  if (isFetchingNextPage) footer = <LoadingState label="Loading more executions…" />
  else if (nextPageError) {
    footer = (
      <ErrorState
        error={nextPageError}
        title="Could not load more executions"
        onRetry={fetchNextPage}
      />
    )
  } else if (hasNextPage && pagingStopped) {
    footer = (
      <PagingStoppedNote stop={pagingStopped} rows={rows.length} onContinue={fetchNextPage} />
    )
  } else if (hasNextPage) {
    footer = (
      <div className="exec-results-end">
        <button type="button" className="button" onClick={fetchNextPage}>
          Load more
        </button>
      </div>
    )
  } else {
    footer = <p className="exec-results-end">End of results: every matching execution is listed.</p>
  }

  return (
    <div
      aria-busy={busy || undefined}
      className={busy ? 'exec-results exec-results-busy' : 'exec-results'}
    >
      <Suspense fallback={<LoadingState label="Loading executions…" />}>
        <VirtualTable
          label="Executions"
          rows={rows}
          columns={columns}
          getRowKey={rowKey}
          rowHeight={RESULT_ROW_HEIGHT}
          onRowClick={onRowClick}
          onNearEnd={onNearEnd}
          initialScrollOffset={initialOffset}
          onScrollOffsetChange={onScrollOffsetChange}
          footer={footer}
          className="exec-results-scroll"
          scrollRef={scrollRef}
        />
      </Suspense>
    </div>
  )
}

function PagingStoppedNote({
  stop,
  rows,
  onContinue,
}: {
  stop: PagingStop
  rows: number
  onContinue: () => void
}) {
  if (stop.kind === 'limit') {
    return (
      <p className="exec-results-end" role="status">
        Showing the newest {formatCount(rows)} executions, as many as this view keeps. Narrow the
        time range or the filters to reach older ones.
      </p>
    )
  }
  if (stop.kind === 'repeated-cursor') {
    return (
      <p className="exec-results-end" role="status">
        Stopped loading: the server sent a page cursor it had already sent, so following it would
        load the same executions again.
      </p>
    )
  }
  return (
    <div className="exec-results-end" role="status">
      <p>
        Stopped loading automatically: the server answered {stop.count} empty pages in a row while
        saying there is more.
      </p>
      <button type="button" className="button" onClick={onContinue}>
        Continue loading
      </button>
    </div>
  )
}
