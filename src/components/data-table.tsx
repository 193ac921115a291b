import {
  createColumnHelper,
  createSortedRowModel,
  functionalUpdate,
  metaHelper,
  rowSortingFeature,
  sortFn_alphanumeric,
  sortFn_basic,
  tableFeatures,
  useTable,
  type ColumnDef,
  type RowData,
  type SortingState,
} from '@tanstack/react-table'
import { ArrowDown, ArrowUp, ArrowUpDown } from 'lucide-react'
import type { ReactNode } from 'react'

/**
 * A small sortable table over TanStack Table: semantic markup, one sort button per sortable
 * header (its accessible name is the column's label), `aria-sort` on the sorted header, and
 * sorting owned by the caller (usually the URL) so a link reproduces the order.
 */
export interface DataColumnMeta {
  /** `end` right-aligns numbers (tabular figures) in both header and cells. */
  align?: 'start' | 'end'
  /** Plain-text column name for the sort button when `header` is not a string. */
  label?: string
}

export const dataTableFeatures = tableFeatures({
  rowSortingFeature,
  sortedRowModel: createSortedRowModel(),
  sortFns: { alphanumeric: sortFn_alphanumeric, basic: sortFn_basic },
  columnMeta: metaHelper<DataColumnMeta>(),
})

export type DataTableFeatures = typeof dataTableFeatures
/**
 * A column of any value type. `any`, as in the library's own `helper.columns()`: the value
 * type is invariant, so columns of different value types only share an array this way.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type DataColumn<T extends RowData> = ColumnDef<DataTableFeatures, T, any>
export type { SortingState }

/** Column helper bound to this table's features (sort function names, column meta). */
export function createDataColumnHelper<T extends RowData>() {
  return createColumnHelper<DataTableFeatures, T>()
}

export interface DataTableProps<T extends RowData> {
  /** Must be referentially stable between meaningful changes (memoize it). */
  data: readonly T[]
  /** Must be stable too: define columns at module scope or in a memo. */
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

export function DataTable<T extends RowData>({
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
  const table = useTable({
    features: dataTableFeatures,
    columns,
    data,
    getRowId: (row) => getRowId(row),
    state: { sorting },
    onSortingChange: (updater) => onSortingChange(functionalUpdate(updater, sorting)),
    enableMultiSort: false,
    // A clicked header always sorts (asc ↔ desc); "no sort" is the server's order, reached
    // by clearing the sort, not by a hidden third click.
    enableSortingRemoval: false,
  })

  return (
    <div className={`table-wrap${className ? ` ${className}` : ''}`}>
      <table className="data-table" aria-label={label}>
        <thead>
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id}>
              {group.headers.map((header) => {
                const { column } = header
                const meta = column.columnDef.meta
                const sorted = column.getIsSorted()
                const headerText =
                  meta?.label ??
                  (typeof column.columnDef.header === 'string'
                    ? column.columnDef.header
                    : column.id)
                return (
                  <th
                    key={header.id}
                    scope="col"
                    className={meta?.align === 'end' ? 'num' : undefined}
                    aria-sort={
                      sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : undefined
                    }
                  >
                    {header.isPlaceholder ? null : column.getCanSort() ? (
                      <button
                        type="button"
                        onClick={column.getToggleSortingHandler()}
                        aria-label={headerText}
                      >
                        <table.FlexRender header={header} />
                        <SortIcon direction={sorted} />
                      </button>
                    ) : (
                      <table.FlexRender header={header} />
                    )}
                  </th>
                )
              })}
            </tr>
          ))}
        </thead>
        <tbody>
          {table.getRowModel().rows.map((row) => (
            <tr key={row.id} className={rowClassName?.(row.original)}>
              {row.getAllCells().map((cell) => (
                <td
                  key={cell.id}
                  className={cell.column.columnDef.meta?.align === 'end' ? 'num' : undefined}
                >
                  <table.FlexRender cell={cell} />
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

function SortIcon({ direction }: { direction: false | 'asc' | 'desc' }) {
  const Icon = direction === 'asc' ? ArrowUp : direction === 'desc' ? ArrowDown : ArrowUpDown
  return (
    // Unsorted columns show a faint hint that they can be sorted; `aria-sort` carries the state.
    <Icon aria-hidden="true" size={14} opacity={direction ? 1 : 0.4} />
  )
}
