import { useVirtualizer } from '@tanstack/react-virtual'
import {
  memo,
  useCallback,
  useEffect,
  useLayoutEffect,
  useRef,
  type CSSProperties,
  type MouseEvent,
  type ReactNode,
  type RefObject,
} from 'react'
import './virtual-table.css'

/**
 * A table whose body only renders the rows in view (plus a margin), so ten thousand rows cost
 * what forty do. Rows have one fixed height: no measuring while scrolling. ARIA table roles on
 * divs keep it a table for screen readers and `getByRole('row')`: `aria-rowcount` gives the
 * number of rows loaded, `aria-rowindex` each rendered row's place among them.
 */
export interface VirtualColumn<T> {
  id: string
  header: string
  /** A CSS grid track: `10rem`, `minmax(12rem, 2fr)`. */
  width: string
  align?: 'start' | 'end'
  /** Must be cheap: it runs for every row that scrolls into view. */
  cell: (row: T) => ReactNode
}

export interface VirtualTableProps<T> {
  /** The table's accessible name. */
  label: string
  /** Must be referentially stable between meaningful changes (memoize it). */
  rows: readonly T[]
  /** Must be stable too (module scope or a memo). */
  columns: readonly VirtualColumn<T>[]
  getRowKey: (row: T) => string
  rowHeight?: number
  /** Rows rendered beyond each edge of the viewport. */
  overscan?: number
  /** A whole-row click (links inside the row keep their own behaviour). Must be stable. */
  onRowClick?: (row: T, event: MouseEvent<HTMLDivElement>) => void
  /** Called when the last rendered row is within `nearEndRows` of the end (load more). */
  onNearEnd?: () => void
  nearEndRows?: number
  /** Scroll position to start from (restoring a view the user comes back to). */
  initialScrollOffset?: number
  onScrollOffsetChange?: (offset: number) => void
  /** Rendered inside the scroll area after the last row (e.g. a "Load more" button). */
  footer?: ReactNode
  className?: string
  /** Exposes the scroll element, e.g. to scroll back to the top. */
  scrollRef?: RefObject<HTMLDivElement | null>
}

export function VirtualTable<T>({
  label,
  rows,
  columns,
  getRowKey,
  rowHeight = 36,
  overscan = 12,
  onRowClick,
  onNearEnd,
  nearEndRows = 40,
  initialScrollOffset = 0,
  onScrollOffsetChange,
  footer,
  className,
  scrollRef: externalScrollRef,
}: VirtualTableProps<T>) {
  const ownScrollRef = useRef<HTMLDivElement>(null)
  const scrollRef = externalScrollRef ?? ownScrollRef
  // Stable between renders: a new function makes the virtualizer recompute every row's place.
  const getItemKey = useCallback(
    (index: number) => {
      const row = rows[index]
      return row === undefined ? index : getRowKey(row)
    },
    [rows, getRowKey],
  )
  // eslint-disable-next-line react-hooks/incompatible-library -- no React Compiler in this app; rows are memoized by hand
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    overscan,
    initialOffset: initialScrollOffset,
    getItemKey,
    // Let React batch scroll updates instead of committing synchronously inside the scroll
    // event: the synchronous commit was the 35-40 ms of script behind long tasks while scrolling
    // 10,000 rows (npm run bench). Fixed-height rows and overscan hide the one-frame lag.
    useFlushSync: false,
  })
  const items = virtualizer.getVirtualItems()
  const lastIndex = items.at(-1)?.index ?? -1

  // The virtualizer applies the initial offset itself when it can; a browser that clamps the
  // scroll before the rows have their height needs this second nudge.
  const restoredRef = useRef(false)
  useLayoutEffect(() => {
    if (restoredRef.current || initialScrollOffset <= 0 || rows.length === 0) return
    restoredRef.current = true
    const element = scrollRef.current
    if (element && Math.abs(element.scrollTop - initialScrollOffset) > 1) {
      element.scrollTop = initialScrollOffset
    }
  }, [initialScrollOffset, rows.length, scrollRef])

  useEffect(() => {
    if (onNearEnd && rows.length > 0 && lastIndex >= rows.length - nearEndRows) onNearEnd()
  }, [lastIndex, rows.length, nearEndRows, onNearEnd])

  const template = columns.map((column) => column.width).join(' ')
  const gridStyle = { gridTemplateColumns: template } as CSSProperties

  return (
    <div
      ref={scrollRef}
      className={`vt-scroll${className ? ` ${className}` : ''}`}
      onScroll={
        onScrollOffsetChange
          ? (event) => onScrollOffsetChange(event.currentTarget.scrollTop)
          : undefined
      }
    >
      <div
        role="table"
        aria-label={label}
        aria-rowcount={rows.length + 1}
        aria-colcount={columns.length}
        className="vt"
      >
        <div role="rowgroup" className="vt-head">
          <div role="row" aria-rowindex={1} className="vt-row" style={gridStyle}>
            {columns.map((column) => (
              <div
                key={column.id}
                role="columnheader"
                className={`vt-cell${column.align === 'end' ? ' vt-end' : ''}`}
              >
                {column.header}
              </div>
            ))}
          </div>
        </div>
        <div role="rowgroup" className="vt-body" style={{ height: virtualizer.getTotalSize() }}>
          {items.map((item) => {
            const row = rows[item.index]
            if (row === undefined) return null
            return (
              <VirtualRow
                key={item.key as string}
                row={row}
                index={item.index}
                start={item.start}
                height={rowHeight}
                columns={columns}
                gridStyle={gridStyle}
                onRowClick={onRowClick}
              />
            )
          })}
        </div>
      </div>
      {footer}
    </div>
  )
}

interface VirtualRowProps<T> {
  row: T
  index: number
  start: number
  height: number
  columns: readonly VirtualColumn<T>[]
  gridStyle: CSSProperties
  onRowClick: ((row: T, event: MouseEvent<HTMLDivElement>) => void) | undefined
}

function VirtualRowImpl<T>({
  row,
  index,
  start,
  height,
  columns,
  gridStyle,
  onRowClick,
}: VirtualRowProps<T>) {
  return (
    <div
      role="row"
      aria-rowindex={index + 2}
      className={`vt-row${onRowClick ? ' vt-clickable' : ''}`}
      style={{ ...gridStyle, height, transform: `translateY(${start}px)` }}
      onClick={onRowClick ? (event) => onRowClick(row, event) : undefined}
    >
      {columns.map((column) => (
        <div
          key={column.id}
          role="cell"
          className={`vt-cell${column.align === 'end' ? ' vt-end' : ''}`}
        >
          {column.cell(row)}
        </div>
      ))}
    </div>
  )
}

// Rows re-render only when their own data or position changes, not on every scroll frame.
const VirtualRow = memo(
  VirtualRowImpl,
  (previous, next) =>
    previous.row === next.row &&
    previous.index === next.index &&
    previous.start === next.start &&
    previous.height === next.height &&
    previous.columns === next.columns &&
    previous.onRowClick === next.onRowClick &&
    previous.gridStyle.gridTemplateColumns === next.gridStyle.gridTemplateColumns,
) as typeof VirtualRowImpl
