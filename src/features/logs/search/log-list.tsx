import { useVirtualizer } from '@tanstack/react-virtual'
import { memo, useEffect, useLayoutEffect, type RefObject } from 'react'
import type { LogEntry } from '@/lib/api/types'
import type { TimeZonePreference } from '@/lib/preferences-store'
import { formatInstant } from '@/lib/time-format'
import { rowPreview } from './row-preview'

/**
 * The lines, newest first, virtualized: only the rows in view (plus a small margin) are in the
 * DOM, whatever is loaded. Rows have one fixed height and a bounded one-line preview of the
 * message, so a 1 MB line costs what a short one does. The message is a button: it opens the
 * line's detail (by keyboard too).
 */
export const LOG_ROW_HEIGHT = 28
const OVERSCAN = 8

export interface LogListProps {
  lines: readonly LogEntry[]
  timeZone: TimeZonePreference
  selectedId: string | null
  /** The line a shared link pointed at (highlighted). */
  highlightedId: string | null
  onOpen: (line: LogEntry) => void
  onNearEnd?: () => void
  scrollRef: RefObject<HTMLDivElement | null>
  onScroll?: (offset: number) => void
  /** Scroll this line into view once (shared links). */
  scrollToId?: string | null
  footer?: React.ReactNode
}

export function LogList({
  lines,
  timeZone,
  selectedId,
  highlightedId,
  onOpen,
  onNearEnd,
  scrollRef,
  onScroll,
  scrollToId,
  footer,
}: LogListProps) {
  // eslint-disable-next-line react-hooks/incompatible-library -- no React Compiler in this app; rows are memoized by hand
  const virtualizer = useVirtualizer({
    count: lines.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => LOG_ROW_HEIGHT,
    overscan: OVERSCAN,
    getItemKey: (index) => lines[index]?.id ?? index,
    useFlushSync: false,
  })
  const items = virtualizer.getVirtualItems()
  const lastIndex = items.at(-1)?.index ?? -1

  useEffect(() => {
    if (onNearEnd && lines.length > 0 && lastIndex >= lines.length - 40) onNearEnd()
  }, [lastIndex, lines.length, onNearEnd])

  const targetIndex = scrollToId ? lines.findIndex((line) => line.id === scrollToId) : -1
  useLayoutEffect(() => {
    if (targetIndex >= 0) virtualizer.scrollToIndex(targetIndex, { align: 'center' })
  }, [targetIndex, virtualizer])

  return (
    <div
      ref={scrollRef}
      className="logs-scroll"
      onScroll={onScroll ? (event) => onScroll(event.currentTarget.scrollTop) : undefined}
    >
      <div
        role="table"
        aria-label="Log lines"
        aria-rowcount={lines.length + 1}
        className="logs-table"
      >
        <div role="rowgroup" className="logs-head">
          <div role="row" aria-rowindex={1} className="logs-row">
            <div role="columnheader">Time</div>
            <div role="columnheader">Level</div>
            <div role="columnheader">Application</div>
            <div role="columnheader">Agent</div>
            <div role="columnheader">Logger</div>
            <div role="columnheader">Message</div>
          </div>
        </div>
        <div role="rowgroup" className="logs-body" style={{ height: virtualizer.getTotalSize() }}>
          {items.map((item) => {
            const line = lines[item.index]
            if (!line) return null
            return (
              <LogRow
                key={line.id}
                line={line}
                index={item.index}
                start={item.start}
                timeZone={timeZone}
                selected={line.id === selectedId}
                highlighted={line.id === highlightedId}
                onOpen={onOpen}
              />
            )
          })}
        </div>
      </div>
      {footer}
    </div>
  )
}

interface LogRowProps {
  line: LogEntry
  index: number
  start: number
  timeZone: TimeZonePreference
  selected: boolean
  highlighted: boolean
  onOpen: (line: LogEntry) => void
}

const LogRow = memo(function LogRow({
  line,
  index,
  start,
  timeZone,
  selected,
  highlighted,
  onOpen,
}: LogRowProps) {
  return (
    <div
      role="row"
      aria-rowindex={index + 2}
      aria-selected={selected}
      aria-current={highlighted ? 'true' : undefined}
      className={`logs-row logs-level-${line.level.toLowerCase()}${selected ? ' logs-selected' : ''}${highlighted ? ' logs-highlighted' : ''}`}
      style={{ transform: `translateY(${start}px)`, height: LOG_ROW_HEIGHT }}
    >
      <div role="cell" className="logs-time">
        <time
          dateTime={line.timestamp}
          title={formatInstant(line.timestamp, timeZone, { withMillis: true })}
        >
          {formatInstant(line.timestamp, timeZone, { withDate: false, withMillis: true })}
        </time>
      </div>
      <div role="cell">
        <span className={`logs-level logs-level-badge-${line.level.toLowerCase()}`}>
          {line.level}
        </span>
      </div>
      <div role="cell" className="logs-ellipsis" title={line.applicationId}>
        {line.applicationId}
      </div>
      <div role="cell" className="logs-ellipsis" title={line.agentId}>
        {line.agentId}
      </div>
      <div role="cell" className="logs-ellipsis" title={line.logger}>
        {shortLogger(line.logger)}
      </div>
      <div role="cell" className="logs-message-cell">
        <button type="button" className="logs-message" onClick={() => onOpen(line)}>
          {rowPreview(line.message)}
        </button>
      </div>
    </div>
  )
})

/** `org.apache.camel.processor.SendProcessor` → `o.a.c.p.SendProcessor`, as log layouts do. */
function shortLogger(logger: string): string {
  const parts = logger.slice(0, 200).split('.')
  if (parts.length <= 2) return logger.slice(0, 200)
  return parts.map((part, i) => (i < parts.length - 1 ? part.slice(0, 1) : part)).join('.')
}
