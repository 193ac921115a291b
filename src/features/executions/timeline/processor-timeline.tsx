import { defaultRangeExtractor, useVirtualizer, type Range } from '@tanstack/react-virtual'
import { useCallback, useEffect, useEffectEvent, useId, useMemo, useRef } from 'react'
import { formatDuration, pluralize } from '@/lib/format'
import {
  axisTicks,
  itemAt,
  visibleRows,
  type TimelineLayout,
  type TimelineRow,
} from './processor-timeline-layout'
import { formatOffset } from './timeline-row-text'
import { TimelineRowView } from './timeline-row-view'
import { useTreegridKeyboard } from './use-treegrid-keyboard'
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

  const selectedRow = selectedRecord === null ? null : (layout.rowOfRecord[selectedRecord] ?? null)
  const selectedKey = selectedRow === null ? null : (rows[selectedRow]?.key ?? null)

  const toggle = useCallback(
    (key: string) => {
      const next = new Set(collapsed)
      if (next.has(key)) next.delete(key)
      else next.add(key)
      onCollapsedChange(next)
    },
    [collapsed, onCollapsedChange],
  )

  const { activePosition, activeKey, activate, onKeyDown } = useTreegridKeyboard({
    rows,
    visible,
    collapsed,
    selectedKey,
    onToggle: toggle,
    onSelectRecord,
  })

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

  return (
    <div className="tl">
      <TimelineToolbar
        rows={rows.length}
        visible={visible.length}
        parentKeys={layout.parentKeys}
        collapsed={collapsed}
        onCollapsedChange={onCollapsedChange}
      />
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
        <TimelineHead totalMs={layout.totalMs} />
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

/** How many rows there are and how many are hidden, and Collapse all / Expand all. */
function TimelineToolbar({
  rows,
  visible,
  parentKeys,
  collapsed,
  onCollapsedChange,
}: {
  rows: number
  visible: number
  parentKeys: readonly string[]
  collapsed: ReadonlySet<string>
  onCollapsedChange: (next: ReadonlySet<string>) => void
}) {
  const allCollapsed = parentKeys.length > 0 && parentKeys.every((key) => collapsed.has(key))
  return (
    <div className="tl-toolbar">
      <span className="ed-muted">
        {pluralize(rows, 'row')}
        {visible < rows ? `, ${rows - visible} hidden in collapsed levels` : ''}
      </span>
      <button
        type="button"
        className="button"
        onClick={() => onCollapsedChange(new Set(parentKeys))}
        disabled={parentKeys.length === 0 || allCollapsed}
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
  )
}

/** The treegrid's header row, its time axis ticked from 0 to the execution's duration. */
function TimelineHead({ totalMs }: { totalMs: number }) {
  const ticks = useMemo(() => axisTicks(totalMs), [totalMs])
  return (
    <div role="rowgroup" className="tl-head">
      <div role="row" aria-rowindex={1} className="tl-row tl-head-row">
        <div role="columnheader" className="tl-cell tl-label-cell">
          Processor
        </div>
        <div role="columnheader" className="tl-cell tl-num">
          Offset
        </div>
        <div role="columnheader" className="tl-cell tl-axis">
          <span className="visually-hidden">Timeline, 0 to {formatDuration(totalMs)}</span>
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
  )
}
