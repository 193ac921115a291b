import { render, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { useState } from 'react'
import { describe, expect, it, vi } from 'vitest'
import { createDataColumnHelper, DataTable, type SortingState } from './data-table'

interface Route {
  routeId: string
  exchanges: number
}

const routes: Route[] = [
  { routeId: 'route-10', exchanges: 5 },
  { routeId: 'route-2', exchanges: 120 },
  { routeId: 'route-1', exchanges: 40 },
]

const column = createDataColumnHelper<Route>()
const columns = column.columns([
  column.accessor('routeId', { header: 'Route', sortFn: 'alphanumeric' }),
  column.accessor('exchanges', { header: 'Exchanges', sortFn: 'basic', meta: { align: 'end' } }),
  column.display({ id: 'actions', header: 'Actions', enableSorting: false, cell: () => 'open' }),
])

function Harness({
  initial = [],
  onChange,
}: {
  initial?: SortingState
  onChange?: (sorting: SortingState) => void
}) {
  const [sorting, setSorting] = useState<SortingState>(initial)
  return (
    <DataTable
      label="Routes"
      data={routes}
      columns={columns}
      getRowId={(route) => route.routeId}
      sorting={sorting}
      onSortingChange={(next) => {
        onChange?.(next)
        setSorting(next)
      }}
    />
  )
}

const table = () => screen.getByRole('table', { name: 'Routes' })
const firstColumn = () =>
  within(table())
    .getAllByRole('row')
    .slice(1)
    .map((row) => within(row).getAllByRole('cell')[0]?.textContent)
const header = (name: string) =>
  within(table())
    .getAllByRole('columnheader')
    .find((cell) => cell.textContent === name) as HTMLElement

describe('DataTable', () => {
  it('renders rows in data order when nothing is sorted, with an accessible name', () => {
    render(<Harness />)
    expect(firstColumn()).toEqual(['route-10', 'route-2', 'route-1'])
    for (const cell of within(table()).getAllByRole('columnheader'))
      expect(cell).not.toHaveAttribute('aria-sort')
  })

  it('sorts by a clicked header, toggles direction and sets aria-sort on that header only', async () => {
    const user = userEvent.setup()
    const onChange = vi.fn()
    render(<Harness onChange={onChange} />)

    await user.click(screen.getByRole('button', { name: 'Route' }))
    // Natural order: route-2 before route-10.
    expect(firstColumn()).toEqual(['route-1', 'route-2', 'route-10'])
    expect(header('Route')).toHaveAttribute('aria-sort', 'ascending')
    expect(header('Exchanges')).not.toHaveAttribute('aria-sort')
    expect(onChange).toHaveBeenLastCalledWith([{ id: 'routeId', desc: false }])

    await user.click(screen.getByRole('button', { name: 'Route' }))
    expect(firstColumn()).toEqual(['route-10', 'route-2', 'route-1'])
    expect(header('Route')).toHaveAttribute('aria-sort', 'descending')

    await user.click(screen.getByRole('button', { name: 'Exchanges' }))
    expect(header('Route')).not.toHaveAttribute('aria-sort')
    expect(header('Exchanges')).toHaveAttribute('aria-sort')
    const exchanges = within(table())
      .getAllByRole('row')
      .slice(1)
      .map((row) => Number(within(row).getAllByRole('cell')[1]?.textContent))
    const direction = header('Exchanges').getAttribute('aria-sort')
    expect(exchanges).toEqual(
      [...exchanges].sort((a, b) => (direction === 'ascending' ? a - b : b - a)),
    )
  })

  it('sorts numbers largest first on the first click, and keeps the given order for ties', async () => {
    const user = userEvent.setup()
    const tied: Route[] = [
      { routeId: 'b', exchanges: 7 },
      { routeId: 'a', exchanges: 7 },
      { routeId: 'c', exchanges: 9 },
    ]
    function TiedHarness() {
      const [sorting, setSorting] = useState<SortingState>([])
      return (
        <DataTable
          label="Routes"
          data={tied}
          columns={columns}
          getRowId={(route) => route.routeId}
          sorting={sorting}
          onSortingChange={setSorting}
        />
      )
    }
    render(<TiedHarness />)
    await user.click(screen.getByRole('button', { name: 'Exchanges' }))
    expect(header('Exchanges')).toHaveAttribute('aria-sort', 'descending')
    expect(firstColumn()).toEqual(['c', 'b', 'a'])
    await user.click(screen.getByRole('button', { name: 'Exchanges' }))
    expect(firstColumn()).toEqual(['b', 'a', 'c'])
  })

  it('follows sorting given by its owner (e.g. restored from the URL)', () => {
    render(<Harness initial={[{ id: 'exchanges', desc: true }]} />)
    expect(firstColumn()).toEqual(['route-2', 'route-1', 'route-10'])
    expect(header('Exchanges')).toHaveAttribute('aria-sort', 'descending')
  })

  it('right-aligns numeric columns and offers no sort button where sorting is off', () => {
    render(<Harness />)
    expect(header('Exchanges')).toHaveClass('num')
    expect(within(table()).getAllByRole('row')[1]?.querySelectorAll('td')[1]).toHaveClass('num')
    expect(within(header('Actions')).queryByRole('button')).toBeNull()
  })
})
