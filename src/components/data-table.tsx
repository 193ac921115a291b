import { ArrowDown, ArrowUp, ArrowUpDown } from 'lucide-react'
import { useMemo, type ReactNode } from 'react'

/**
 * A small sortable table: semantic markup, one sort button per sortable header (its
 * accessible name is the column's label), `aria-sort` on the sorted header, and sorting owned
 * by the caller (usually the URL) so a link reproduces the order.
 *
 * It sorts client-side lists of at most a few hundred rows (agents, route statistics), which
 * is all it needs to do: a table library (TanStack Table's core was 8 kB gzipped on the
 * first view of /agents and /metrics) earned nothing here that a comparator does not. The
 * column helper keeps the familiar `accessor`/`display` shape, and sorting follows the same
 * rules users had: a first click sorts text ascending and numbers descending, further clicks
 * flip the direction, ties keep the server's order, and text compares naturally (`route-2`
 * before `route-10`).
 */
export interface DataColumnMeta {
  /** `end` right-aligns numbers (tabular figures) in both header and cells. */
  align?: 'start' | 'end'
  /** Plain-text column name for the sort button when `header` is not a string. */
  label?: string
}

/** The sorted column, as the URL keeps it; at most one entry. */
export type SortingState = { id: string; desc: boolean }[]

interface RowRef<T> {
  original: T
}

/** `alphanumeric`: natural text order, case-insensitive; `basic`: `<` on the values. */
type SortFn<T> = 'alphanumeric' | 'basic' | ((a: RowRef<T>, b: RowRef<T>) => number)

export interface CellInfo<T, V> {
  getValue: () => V
  row: RowRef<T>
}

export interface DataColumn<T> {
  id: string
  header: ReactNode
  meta?: DataColumnMeta
  /** The value cells show and sorting compares; absent for display-only columns. */
  value?: (row: T) => unknown
  sortFn?: SortFn<T>
  enableSorting: boolean
  cell: (info: CellInfo<T, never>) => ReactNode
}

interface ColumnOptions<T, V> {
  id?: string
  header: ReactNode
  meta?: DataColumnMeta
  sortFn?: SortFn<T>
  enableSorting?: boolean
  cell?: (info: CellInfo<T, V>) => ReactNode
}

/** Column helper for rows of type T. */
export function createDataColumnHelper<T>() {
  function accessor<K extends keyof T & string>(
    key: K,
    options: ColumnOptions<T, T[K]>,
  ): DataColumn<T>
  function accessor<V>(
    key: (row: T) => V,
    options: ColumnOptions<T, V> & { id: string },
  ): DataColumn<T>
  function accessor(
    key: string | ((row: T) => unknown),
    options: ColumnOptions<T, never>,
  ): DataColumn<T> {
    const value =
      typeof key === 'function' ? key : (row: T) => (row as Record<string, unknown>)[key]
    return {
      id: options.id ?? (key as string),
      header: options.header,
      meta: options.meta,
      value,
      sortFn: options.sortFn,
      enableSorting: options.enableSorting ?? true,
      cell: options.cell ?? ((info) => String(info.getValue())),
    }
  }
  return {
    accessor,
    display: (
      options: Omit<ColumnOptions<T, undefined>, 'sortFn' | 'enableSorting'> & {
        enableSorting?: false
        id: string
        cell: DataColumn<T>['cell']
      },
    ): DataColumn<T> => ({ ...options, enableSorting: false }),
    columns: (columns: DataColumn<T>[]) => columns,
  }
}

export interface DataTableProps<T> {
  data: readonly T[]
  /** Define at module scope or in a memo. */
  columns: readonly DataColumn<T>[]
  getRowId: (row: T) => string
  /** The table's accessible name. */
  label: string
  sorting: SortingState
  onSortingChange: (sorting: SortingState) => void
  rowClassName?: (row: T) => string | undefined
  className?: string
  /** Rendered below the last row inside the scroll container, e.g. a "Load more" button. */
  footer?: ReactNode
}

export function DataTable<T>({
  data,
  columns,
  getRowId,
  label,
  sorting,
  onSortingChange,
  rowClassName,
  className,
  footer,
}: DataTableProps<T>) {
  const sorted = sorting[0]
  const sortColumn = sorted && columns.find((column) => column.id === sorted.id && column.value)
  const desc = sorted?.desc ?? false
  const rows = useMemo(
    () => (sortColumn ? sortRows(data, sortColumn, desc) : data),
    [data, sortColumn, desc],
  )

  const toggle = (column: DataColumn<T>) => {
    // A first click sorts text A→Z and numbers largest first; another click flips it.
    const nextDesc =
      sortColumn === column ? !desc : typeof column.value?.(data[0] as T) !== 'string'
    onSortingChange([{ id: column.id, desc: nextDesc }])
  }

  return (
    <div className={`table-wrap${className ? ` ${className}` : ''}`}>
      <table className="data-table" aria-label={label}>
        <thead>
          <tr>
            {columns.map((column) => {
              const direction = sortColumn === column ? (desc ? 'desc' : 'asc') : false
              const headerText =
                column.meta?.label ??
                (typeof column.header === 'string' ? column.header : column.id)
              return (
                <th
                  key={column.id}
                  scope="col"
                  className={column.meta?.align === 'end' ? 'num' : undefined}
                  aria-sort={
                    direction === 'asc'
                      ? 'ascending'
                      : direction === 'desc'
                        ? 'descending'
                        : undefined
                  }
                >
                  {column.enableSorting && column.value ? (
                    <button type="button" onClick={() => toggle(column)} aria-label={headerText}>
                      {column.header}
                      <SortIcon direction={direction} />
                    </button>
                  ) : (
                    column.header
                  )}
                </th>
              )
            })}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={getRowId(row)} className={rowClassName?.(row)}>
              {columns.map((column) => (
                <td key={column.id} className={column.meta?.align === 'end' ? 'num' : undefined}>
                  {column.cell({
                    getValue: () => column.value?.(row) as never,
                    row: { original: row },
                  })}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      {footer}
    </div>
  )
}

function sortRows<T>(data: readonly T[], column: DataColumn<T>, desc: boolean): T[] {
  const value = column.value as (row: T) => unknown
  const sortFn =
    column.sortFn ?? (typeof value(data[0] as T) === 'string' ? 'alphanumeric' : 'basic')
  const compare =
    sortFn === 'alphanumeric'
      ? (a: T, b: T) => compareAlphanumeric(String(value(a)), String(value(b)))
      : sortFn === 'basic'
        ? (a: T, b: T) => compareBasic(value(a), value(b))
        : (a: T, b: T) => sortFn({ original: a }, { original: b })
  // Stable: ties keep the server's order in both directions.
  return data.toSorted((a, b) => (desc ? -compare(a, b) : compare(a, b)))
}

function compareBasic(a: unknown, b: unknown): number {
  if (a === b) return 0
  return (a as number) > (b as number) ? 1 : -1
}

/**
 * Natural order, case-insensitive: runs of digits compare as numbers (`route-2` before
 * `route-10`), and text before digits where one has text and the other a number.
 */
function compareAlphanumeric(a: string, b: string): number {
  const partsA = a.toLowerCase().split(/(\d+)/).filter(Boolean)
  const partsB = b.toLowerCase().split(/(\d+)/).filter(Boolean)
  for (let i = 0; i < Math.min(partsA.length, partsB.length); i++) {
    const x = partsA[i] as string
    const y = partsB[i] as string
    const xIsNumber = /^\d/.test(x)
    const yIsNumber = /^\d/.test(y)
    if (xIsNumber !== yIsNumber) return xIsNumber ? 1 : -1
    const order = xIsNumber ? Number(x) - Number(y) : x > y ? 1 : x < y ? -1 : 0
    if (order !== 0) return order > 0 ? 1 : -1
  }
  return partsA.length - partsB.length
}

function SortIcon({ direction }: { direction: false | 'asc' | 'desc' }) {
  const Icon = direction === 'asc' ? ArrowUp : direction === 'desc' ? ArrowDown : ArrowUpDown
  return (
    // Unsorted columns show a faint hint that they can be sorted; `aria-sort` carries the state.
    <Icon aria-hidden="true" size={14} opacity={direction ? 1 : 0.4} />
  )
}
