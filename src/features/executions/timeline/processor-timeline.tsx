import { defaultRangeExtractor, useVirtualizer, type Range } from '@tanstack/react-virtual'
import { ChevronDown, ChevronRight } from 'lucide-react'
import {
  memo,
  useCallback,
  useEffect,
  useEffectEvent,
  useId,
  useMemo,
  useRef,
  useState,
  type KeyboardEvent,
} from 'react'
import { formatDuration, pluralize } from '@/lib/format'
import {
  axisTicks,
  itemAt,
  visibleRows,
  type TimelineLayout,
  type TimelineRow,
} from './processor-timeline-layout'
import './processor-timeline.css'

/**
 * The processor waterfall: one row per processor record (and per split iteration), nested and
 * collapsible, each with its start offset, a bar placed on the execution's time axis, and its
 * duration. A WAI-ARIA treegrid: one tab stop, arrow keys move between rows (selection follows),
 * Right/Left expand/collapse, and the active row is announced through `aria-activedescendant`
 * so focus never sits on a row the virtualizer may unmount. Rows are virtualized: a 5,000
 * processor trace renders the same ~40 rows as a 40 processor one.
 */

export const ROW_HEIGHT = 30
/** A failing processor's row also shows its error message. */
export const FAILURE_ROW_HEIGHT = 50
const HEADER_HEIGHT = 34
const PAGE_ROWS = 10

export interface ProcessorTimelineProps {
  layout: TimelineLayout
  collapsed: ReadonlySet<string>
  onCollapsedChange: (next: ReadonlySet<string>) => void
  /** Record index of the selected processor. */
  selectedRecord: number | null
  onSelectRecord: (recordIndex: number) => void
  /** Largest height of the scrolling area, in pixels. */
  maxHeight?: number
}

export function rowHeight(row: TimelineRow): number {
  return row.isFailureCause && row.errorMessage ? FAILURE_ROW_HEIGHT : ROW_HEIGHT
}

/** `to kafka:orders` when the label does not already start with its type. */
export function rowTitle(row: TimelineRow): string {
  const processor = row.processor
  if (!processor) return row.label
  return processor.label.startsWith(processor.processorType)
    ? processor.label
    : `${processor.processorType} ${processor.label}`
}

/**
 * The endpoint, when the label does not already name it (labels carry the URI without its
 * options; the full URI is in the row's tooltip and the selected processor's details).
 */
export function rowEndpoint(row: TimelineRow): string | null {
  const uri = row.processor?.endpointUri
  if (!uri) return null
  const withoutOptions = uri.split('?')[0] ?? uri
  return row.label.includes(withoutOptions.slice(0, 40)) ? null : uri
}

/** Accessible name of a row, e.g. "to http://payments/authorize, FAILED: Connection refused, at 12 ms, took 340 ms". */
export function rowAccessibleName(row: TimelineRow): string {
  const endpoint = rowEndpoint(row)
  const status =
    row.status === 'COMPLETED'
      ? ''
      : `, ${row.status}${row.isFailureCause && row.errorMessage ? `: ${row.errorMessage}` : ''}`
  return `${rowTitle(row)}${endpoint ? ` (${endpoint})` : ''}${status}, at ${formatOffset(row.startMs)}, took ${formatOffset(row.durationMs)}`
}

/** `formatDuration`, but a plain "0 ms" for zero (instead of "0.00 ms"). */
export function formatOffset(ms: number): string {
  return ms === 0 ? '0 ms' : formatDuration(ms)
}

export function ProcessorTimeline({
  layout,
  collapsed,
  onCollapsedChange,
  selectedRecord,
  onSelectRecord,
  maxHeight = 520,
}: ProcessorTimelineProps) {
  const idPrefix = useId()
  const rowId = useCallback((key: string) => `${idPrefix}-row-${key}`, [idPrefix])
  const scrollRef = useRef<HTMLDivElement>(null)
  const { rows } = layout

  const visible = useMemo(() => visibleRows(layout, collapsed), [layout, collapsed])
  const positionOfRow = useMemo(() => {
    const positions = new Map<number, number>()
    visible.forEach((rowIndex, position) => positions.set(rowIndex, position))
    return positions
  }, [visible])

  const selectedRow = selectedRecord === null ? null : (layout.rowOfRecord[selectedRecord] ?? null)
  const selectedKey = selectedRow === null ? null : (rows[selectedRow]?.key ?? null)

  // The row keyboard focus is on. It follows the selection when the selection changes from
  // elsewhere (the diagram, the URL), and may rest on an iteration row, which selects nothing.
  const [active, setActive] = useState({ key: selectedKey, forSelection: selectedKey })
  if (active.forSelection !== selectedKey) {
    setActive({ key: selectedKey ?? active.key, forSelection: selectedKey })
  }
  const rowIndexByKey = useMemo(() => new Map(rows.map((row, index) => [row.key, index])), [rows])
  const activePosition = useMemo(() => {
    if (visible.length === 0) return null
    const index = active.key === null ? -1 : (rowIndexByKey.get(active.key) ?? -1)
    // A collapsed ancestor hides the active row: its nearest visible ancestor stands in.
    for (
      let row: number | null = index === -1 ? null : index;
      row !== null;
      row = itemAt(rows, row).parentRow
    ) {
      const position = positionOfRow.get(row)
      if (position !== undefined) return position
    }
    return 0
  }, [active.key, rows, rowIndexByKey, positionOfRow, visible.length])
  const activeRowIndex = activePosition === null ? null : itemAt(visible, activePosition)
  const activeKey = activeRowIndex === null ? null : itemAt(rows, activeRowIndex).key

  const rowAt = useCallback(
    (position: number) => itemAt(rows, itemAt(visible, position)),
    [rows, visible],
  )
  const estimateSize = useCallback((position: number) => rowHeight(rowAt(position)), [rowAt])
  const getItemKey = useCallback((position: number) => rowAt(position).key, [rowAt])
  // The active row is always rendered, so `aria-activedescendant` never points at nothing.
  const rangeExtractor = useCallback(
    (range: Range) => {
      const indexes = defaultRangeExtractor(range)
      if (activePosition !== null && !indexes.includes(activePosition)) {
        indexes.push(activePosition)
        indexes.sort((a, b) => a - b)
      }
      return indexes
    },
    [activePosition],
  )
  // TanStack Virtual keeps its own mutable state; the React Compiler must leave it alone.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: visible.length,
    getScrollElement: () => scrollRef.current,
    estimateSize,
    getItemKey,
    rangeExtractor,
    overscan: 12,
    scrollMargin: HEADER_HEIGHT,
    scrollPaddingStart: HEADER_HEIGHT,
  })

  const scrollToActive = useEffectEvent(() => {
    if (activePosition !== null) virtualizer.scrollToIndex(activePosition, { align: 'auto' })
  })
  useEffect(() => {
    scrollToActive()
  }, [activeKey])

  const toggle = useCallback(
    (key: string) => {
      const next = new Set(collapsed)
      if (next.has(key)) next.delete(key)
      else next.add(key)
      onCollapsedChange(next)
    },
    [collapsed, onCollapsedChange],
  )

  const activate = useCallback(
    (rowIndex: number) => {
      const row = itemAt(rows, rowIndex)
      setActive((current) => ({ ...current, key: row.key }))
      if (row.kind === 'processor') onSelectRecord(row.recordIndex)
    },
    [rows, onSelectRecord],
  )

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (activePosition === null || activeRowIndex === null) return
    const row = itemAt(rows, activeRowIndex)
    const last = visible.length - 1
    const moveTo = (position: number) =>
      activate(itemAt(visible, Math.max(0, Math.min(last, position))))
    const expanded = row.childCount > 0 && !collapsed.has(row.key)
    switch (event.key) {
      case 'ArrowDown':
        moveTo(activePosition + 1)
        break
      case 'ArrowUp':
        moveTo(activePosition - 1)
        break
      case 'PageDown':
        moveTo(activePosition + PAGE_ROWS)
        break
      case 'PageUp':
        moveTo(activePosition - PAGE_ROWS)
        break
      case 'Home':
        moveTo(0)
        break
      case 'End':
        moveTo(last)
        break
      case 'ArrowRight':
        if (row.childCount > 0 && !expanded) toggle(row.key)
        else if (expanded) moveTo(activePosition + 1)
        break
      case 'ArrowLeft':
        if (expanded) toggle(row.key)
        else if (row.parentRow !== null) activate(row.parentRow)
        break
      case 'Enter':
      case ' ':
        if (row.kind === 'processor') onSelectRecord(row.recordIndex)
        else toggle(row.key)
        break
      default:
        return
    }
    event.preventDefault()
  }

  const ticks = useMemo(() => axisTicks(layout.totalMs), [layout.totalMs])
  const allCollapsed =
    layout.parentKeys.length > 0 && layout.parentKeys.every((key) => collapsed.has(key))

  return (
    <div className="tl">
      <div className="tl-toolbar">
        <span className="ed-muted">
          {pluralize(rows.length, 'row')}
          {visible.length < rows.length
            ? `, ${rows.length - visible.length} hidden in collapsed levels`
            : ''}
        </span>
        <button
          type="button"
          className="button"
          onClick={() => onCollapsedChange(new Set(layout.parentKeys))}
          disabled={layout.parentKeys.length === 0 || allCollapsed}
        >
          Collapse all
        </button>
        <button
          type="button"
          className="button"
          onClick={() => onCollapsedChange(new Set())}
          disabled={collapsed.size === 0}
        >
          Expand all
        </button>
      </div>
      <div
        ref={scrollRef}
        className="tl-grid"
        role="treegrid"
        aria-label="Processor timeline"
        aria-rowcount={visible.length + 1}
        aria-colcount={4}
        aria-activedescendant={activeKey === null ? undefined : rowId(activeKey)}
        tabIndex={0}
        onKeyDown={onKeyDown}
        // As tall as the rows need, up to `maxHeight`: a short trace leaves no empty box.
        style={{
          height: Math.min(maxHeight, HEADER_HEIGHT + virtualizer.getTotalSize() + 2),
          ['--tl-header-height' as string]: `${HEADER_HEIGHT}px`,
        }}
      >
        <div role="rowgroup" className="tl-head">
          <div role="row" aria-rowindex={1} className="tl-row tl-head-row">
            <div role="columnheader" className="tl-cell tl-label-cell">
              Processor
            </div>
            <div role="columnheader" className="tl-cell tl-num">
              Offset
            </div>
            <div role="columnheader" className="tl-cell tl-axis">
              <span className="visually-hidden">
                Timeline, 0 to {formatDuration(layout.totalMs)}
              </span>
              {ticks.map((tick) => (
                <span
                  key={tick.pct}
                  className="tl-tick"
                  style={{ left: `${tick.pct}%` }}
                  data-edge={tick.pct === 0 ? 'start' : tick.pct === 100 ? 'end' : undefined}
                  aria-hidden="true"
                >
                  {formatOffset(tick.ms)}
                </span>
              ))}
            </div>
            <div role="columnheader" className="tl-cell tl-num">
              Duration
            </div>
          </div>
        </div>
        <div role="rowgroup" className="tl-body" style={{ height: virtualizer.getTotalSize() }}>
          {virtualizer.getVirtualItems().map((item) => {
            const rowIndex = itemAt(visible, item.index)
            const row = itemAt(rows, rowIndex)
            return (
              <TimelineRowView
                key={row.key}
                id={rowId(row.key)}
                row={row}
                rowIndex={rowIndex}
                ariaRowIndex={item.index + 2}
                top={item.start - HEADER_HEIGHT}
                height={item.size}
                selected={row.key === selectedKey}
                active={row.key === activeKey}
                expanded={row.childCount > 0 ? !collapsed.has(row.key) : null}
                onToggle={toggle}
                onActivate={activate}
              />
            )
          })}
        </div>
      </div>
    </div>
  )
}

interface TimelineRowViewProps {
  id: string
  row: TimelineRow
  rowIndex: number
  ariaRowIndex: number
  top: number
  height: number
  selected: boolean
  active: boolean
  expanded: boolean | null
  onToggle: (key: string) => void
  onActivate: (rowIndex: number) => void
}

const TimelineRowView = memo(function TimelineRowView({
  id,
  row,
  rowIndex,
  ariaRowIndex,
  top,
  height,
  selected,
  active,
  expanded,
  onToggle,
  onActivate,
}: TimelineRowViewProps) {
  const endpoint = rowEndpoint(row)
  const tone = row.status === 'FAILED' ? 'bad' : row.status === 'RUNNING' ? 'info' : 'ok'
  const className = [
    'tl-row',
    `tl-${row.kind}`,
    `tl-tone-${tone}`,
    selected ? 'is-selected' : '',
    active ? 'is-active' : '',
    row.isFailureCause ? 'is-failure-cause' : '',
  ]
    .filter(Boolean)
    .join(' ')
  return (
    <div
      id={id}
      role="row"
      aria-level={row.depth + 1}
      aria-posinset={row.posInSet}
      aria-setsize={row.setSize}
      aria-rowindex={ariaRowIndex}
      aria-expanded={expanded ?? undefined}
      aria-selected={row.kind === 'processor' ? selected : undefined}
      aria-label={rowAccessibleName(row)}
      className={className}
      style={{ transform: `translateY(${top}px)`, height }}
      data-processor-id={row.processor?.processorId}
      onClick={() => onActivate(rowIndex)}
    >
      <div
        role="gridcell"
        className="tl-cell tl-label-cell"
        style={{ paddingLeft: `${0.4 + row.depth * 1.1}rem` }}
      >
        <div className="tl-label-line">
          {expanded !== null ? (
            <button
              type="button"
              className="tl-toggle"
              // One tab stop for the whole grid: the keyboard uses Left/Right on the row.
              tabIndex={-1}
              aria-expanded={expanded}
              aria-label={rowTitle(row)}
              onClick={(event) => {
                event.stopPropagation()
                onToggle(row.key)
              }}
            >
              {expanded ? (
                <ChevronDown size={14} aria-hidden="true" />
              ) : (
                <ChevronRight size={14} aria-hidden="true" />
              )}
            </button>
          ) : (
            <span className="tl-toggle-spacer" aria-hidden="true" />
          )}
          {row.processor ? <span className="tl-type">{row.processor.processorType}</span> : null}
          <span
            className="tl-text"
            title={
              row.processor?.endpointUri ? `${row.label}\n${row.processor.endpointUri}` : row.label
            }
          >
            {row.label}
            {endpoint ? <span className="tl-endpoint"> {endpoint}</span> : null}
          </span>
          {row.status !== 'COMPLETED' ? (
            <span className={`badge badge-${tone === 'bad' ? 'bad' : 'info'} tl-status`}>
              {row.status}
            </span>
          ) : null}
        </div>
        {row.isFailureCause && row.errorMessage ? (
          <div className="tl-error" title={row.errorMessage}>
            <span aria-hidden="true">✖ </span>
            {row.errorMessage}
          </div>
        ) : null}
      </div>
      <div role="gridcell" className="tl-cell tl-num">
        {formatOffset(row.startMs)}
      </div>
      <div role="gridcell" className="tl-cell tl-bar-cell">
        <span
          className="tl-bar"
          style={{ left: `${row.offsetPct}%`, width: `max(${row.widthPct}%, 2px)` }}
          aria-hidden="true"
        />
      </div>
      <div role="gridcell" className="tl-cell tl-num">
        {formatOffset(row.durationMs)}
      </div>
    </div>
  )
})
