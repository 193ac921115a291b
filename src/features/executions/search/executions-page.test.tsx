import type { QueryClient } from '@tanstack/react-query'
import { act, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { http, HttpResponse } from 'msw'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { ExecutionSummary } from '@/lib/api/types'
import { executionHandlers } from '@/mocks/executions/execution-handlers'
import { server } from '@/mocks/node'
import { problem } from '@/mocks/problem'
import { currentSearch } from '@/test/render-page'
import { EXECUTION_PAGE_SIZE, type ExecutionSearchData } from '@/lib/resources/executions'
import {
  fakeExecutions,
  findResultsTable,
  renderSearch,
  scrollArea,
  scrollTo,
  searchRequests,
  serveExecutions,
} from './execution-search-test-helpers'
import { serveInEveryTest } from '@/test/serve-mock'
import { bodyRows, columnTexts } from '@/test/table-readers'
import { stubViewportInEveryTest } from '@/test/viewport'
import { watchRequests } from '@/test/watch-requests'

serveInEveryTest(executionHandlers)
stubViewportInEveryTest()

const HOUR = 3_600_000

/** Every execution the search query holds in its cache (all pages). */
function cachedRows(queryClient: QueryClient): ExecutionSummary[] {
  const entries = queryClient.getQueriesData<ExecutionSearchData>({
    queryKey: [{ resource: 'executions', entity: 'search' }],
  })
  return entries.flatMap(([, data]) => data?.pages.flatMap((page) => page.items) ?? [])
}

describe('ExecutionsPage', () => {
  it('lists the newest executions of the last hour with the total estimate', async () => {
    const seen = watchRequests()
    await renderSearch('/executions?env=prod')
    const table = await findResultsTable()
    expect(screen.getByRole('heading', { level: 1, name: 'Executions' })).toBeInTheDocument()
    expect(screen.getByRole('button', { name: 'Time range: Last 1 hour' })).toBeInTheDocument()

    expect(
      within(table)
        .getAllByRole('columnheader')
        .map((cell) => cell.textContent),
    ).toEqual([
      'Start time',
      'Status',
      'Application',
      'Route',
      'Duration',
      'Exchange id',
      'Correlation id',
      'Error',
    ])
    expect(table).toHaveAttribute('aria-rowcount', String(EXECUTION_PAGE_SIZE + 1))
    expect(screen.getByText(/^~[\d,]+ executions$/)).toBeInTheDocument()
    expect(
      screen.getByText(`· showing ${EXECUTION_PAGE_SIZE}`, { exact: false }),
    ).toBeInTheDocument()

    // Newest first, and every status is text.
    const times = bodyRows(table).map(
      (row) => within(row).getByRole('link').querySelector('time')?.getAttribute('datetime') ?? '',
    )
    expect(times.length).toBeGreaterThan(0)
    expect([...times].sort().reverse()).toEqual(times)
    for (const status of columnTexts(table, 'Status'))
      expect(['COMPLETED', 'FAILED', 'RUNNING']).toContain(status)

    const [request] = searchRequests(seen)
    expect(request?.searchParams.get('environment')).toBe('prod')
    const from = Date.parse(request?.searchParams.get('from') ?? '')
    const to = Date.parse(request?.searchParams.get('to') ?? '')
    expect(to - from).toBe(HOUR)
    expect(Math.abs(Date.now() - to)).toBeLessThan(60_000)

    // The histogram says the same thing in text.
    const histogram = await screen.findByRole('figure', { name: /Executions over time/ })
    expect(histogram).toHaveAccessibleName(/[\d,]+ executions, [\d,]+ failed/)
  })

  it('filters by status through the URL and the request', async () => {
    const user = userEvent.setup()
    const seen = watchRequests()
    const { router } = await renderSearch('/executions?env=prod&from=now-1h&to=now')
    await findResultsTable()

    await user.selectOptions(screen.getByRole('combobox', { name: 'Status' }), 'FAILED')
    expect(currentSearch(router).get('status')).toBe('FAILED')
    expect(currentSearch(router).get('env')).toBe('prod')
    expect(currentSearch(router).get('from')).toBe('now-1h')

    await waitFor(async () => {
      const statuses = columnTexts(await findResultsTable(), 'Status')
      expect(statuses.length).toBeGreaterThan(0)
      expect(statuses.every((status) => status === 'FAILED')).toBe(true)
    })
    expect(searchRequests(seen).at(-1)?.searchParams.get('status')).toBe('FAILED')
    // Failed executions say why.
    expect(columnTexts(await findResultsTable(), 'Error').every((text) => text.length > 0)).toBe(
      true,
    )
  })

  it('narrows the routes to the chosen application and filters by both', async () => {
    const user = userEvent.setup()
    const { router } = await renderSearch('/executions?env=prod')
    await findResultsTable()
    // The form is rebuilt from the URL after each change: look the controls up again each time.
    const app = () => screen.getByRole('combobox', { name: 'Application' })
    const route = () => screen.getByRole('combobox', { name: 'Route' })
    await waitFor(() =>
      expect(within(app()).getByRole('option', { name: 'order-service' })).toBeInTheDocument(),
    )
    expect(within(route()).getByRole('option', { name: /^payment-authorize/ })).toBeInTheDocument()

    await user.selectOptions(app(), 'order-service')
    expect(currentSearch(router).get('app')).toBe('order-service')
    await waitFor(() =>
      expect(within(route()).queryByRole('option', { name: /^payment-authorize/ })).toBeNull(),
    )
    const routeOptions = within(route())
      .getAllByRole('option')
      .map((option) => option.getAttribute('value'))
      .filter(Boolean)
    expect(routeOptions.length).toBeGreaterThan(0)
    expect(routeOptions.every((value) => value?.startsWith('order-'))).toBe(true)

    const chosen = routeOptions[0] ?? ''
    await user.selectOptions(route(), chosen)
    expect(currentSearch(router).get('route')).toBe(chosen)
    await waitFor(async () => {
      const table = await findResultsTable()
      const apps = columnTexts(table, 'Application')
      expect(apps.length).toBeGreaterThan(0)
      expect(apps.every((text) => text === 'order-service')).toBe(true)
      expect(columnTexts(table, 'Route').every((text) => text === chosen)).toBe(true)
    })
  })

  it('searches on Enter, not per keystroke, and finds a known exchange id and correlation id', async () => {
    const user = userEvent.setup()
    const seen = watchRequests()
    const { router } = await renderSearch('/executions?env=prod')
    const table = await findResultsTable()
    const exchangeId = columnTexts(table, 'Exchange id')[3] ?? ''
    expect(exchangeId).not.toBe('')

    const box = screen.getByRole('searchbox', { name: 'Search executions' })
    await user.type(box, exchangeId)
    expect(currentSearch(router).has('q')).toBe(false)
    expect(searchRequests(seen).some((url) => url.searchParams.has('q'))).toBe(false)

    await user.keyboard('{Enter}')
    expect(currentSearch(router).get('q')).toBe(exchangeId)
    await waitFor(async () => {
      const ids = columnTexts(await findResultsTable(), 'Exchange id')
      expect(ids).toContain(exchangeId)
      // Related executions may mention the same exchange in a header; the search narrows to those.
      expect(ids.length).toBeLessThanOrEqual(5)
    })
    expect(searchRequests(seen).at(-1)?.searchParams.get('q')).toBe(exchangeId)
  })

  it('finds an execution by its business (correlation) id', async () => {
    const user = userEvent.setup()
    const { router } = await renderSearch('/executions?env=prod')
    const table = await findResultsTable()
    const correlations = columnTexts(table, 'Correlation id')
    const index = correlations.findIndex((text) => text !== '—' && text !== '')
    expect(index).toBeGreaterThanOrEqual(0)
    const correlationId = correlations[index] ?? ''
    const exchangeId = columnTexts(table, 'Exchange id')[index]

    await user.type(
      screen.getByRole('searchbox', { name: 'Search executions' }),
      `${correlationId}{Enter}`,
    )
    expect(currentSearch(router).get('q')).toBe(correlationId)
    await waitFor(async () => {
      expect(columnTexts(await findResultsTable(), 'Exchange id')).toContain(exchangeId)
    })
  })

  it('restores every filter from a deep link and sends them', async () => {
    const seen = watchRequests()
    await renderSearch(
      '/executions?env=prod&from=now-6h&to=now&status=COMPLETED&app=order-service&route=order-intake&agent=&minDuration=5&q=ORD',
    )
    await waitFor(() => expect(searchRequests(seen).length).toBeGreaterThan(0))
    expect(screen.getByRole('button', { name: 'Time range: Last 6 hours' })).toBeInTheDocument()
    expect(screen.getByRole('combobox', { name: 'Status' })).toHaveValue('COMPLETED')
    expect(screen.getByRole('combobox', { name: 'Application' })).toHaveValue('order-service')
    expect(screen.getByRole('combobox', { name: 'Route' })).toHaveValue('order-intake')
    expect(screen.getByRole('textbox', { name: 'Min. duration (ms)' })).toHaveValue('5')
    expect(screen.getByRole('searchbox', { name: 'Search executions' })).toHaveValue('ORD')

    const request = searchRequests(seen)[0]
    expect(Object.fromEntries(request?.searchParams ?? [])).toMatchObject({
      environment: 'prod',
      status: 'COMPLETED',
      applicationId: 'order-service',
      routeId: 'order-intake',
      minDurationMs: '5',
      q: 'ORD',
    })
    expect(request?.searchParams.has('agentId')).toBe(false)
    const span =
      Date.parse(request?.searchParams.get('to') ?? '') -
      Date.parse(request?.searchParams.get('from') ?? '')
    expect(span).toBe(6 * HOUR)
  })

  it('loads the next page with the cursor and the first page’s instants, without duplicates', async () => {
    const user = userEvent.setup()
    const seen = watchRequests()
    const { queryClient } = await renderSearch('/executions?env=prod&from=now-24h&to=now')
    const table = await findResultsTable()
    expect(table).toHaveAttribute('aria-rowcount', String(EXECUTION_PAGE_SIZE + 1))

    await user.click(screen.getByRole('button', { name: 'Load more' }))
    await waitFor(() =>
      expect(table).toHaveAttribute('aria-rowcount', String(2 * EXECUTION_PAGE_SIZE + 1)),
    )
    expect(
      screen.getByText(`· showing ${2 * EXECUTION_PAGE_SIZE}`, { exact: false }),
    ).toBeInTheDocument()

    const [first, second] = searchRequests(seen)
    expect(first?.searchParams.has('cursor')).toBe(false)
    expect(second?.searchParams.get('cursor')).toBeTruthy()
    expect(second?.searchParams.get('from')).toBe(first?.searchParams.get('from'))
    expect(second?.searchParams.get('to')).toBe(first?.searchParams.get('to'))

    const ids = cachedRows(queryClient).map((row) => row.executionId)
    expect(ids).toHaveLength(2 * EXECUTION_PAGE_SIZE)
    expect(new Set(ids).size).toBe(ids.length)
  })

  it('loads more on its own when the user scrolls near the end', async () => {
    const seen = watchRequests()
    await renderSearch('/executions?env=prod&from=now-24h&to=now')
    const table = await findResultsTable()
    expect(searchRequests(seen)).toHaveLength(1)
    scrollTo(scrollArea(table), (EXECUTION_PAGE_SIZE - 10) * 36)
    await waitFor(() =>
      expect(table).toHaveAttribute('aria-rowcount', String(2 * EXECUTION_PAGE_SIZE + 1)),
    )
    expect(searchRequests(seen)[1]?.searchParams.get('cursor')).toBeTruthy()
  })

  it('keeps at most ~100 rows in the DOM with thousands loaded, wherever the user scrolls', async () => {
    serveExecutions(fakeExecutions(5_000), 5_000)
    await renderSearch('/executions?env=prod')
    const table = await findResultsTable()
    expect(table).toHaveAttribute('aria-rowcount', '5001')
    expect(screen.getByText('~5,000 executions')).toBeInTheDocument()
    const top = bodyRows(table)
    expect(top.length).toBeGreaterThan(10)
    expect(top.length).toBeLessThanOrEqual(100)
    expect(top[0]).toHaveAttribute('aria-rowindex', '2')

    scrollTo(scrollArea(table), 2_500 * 36)
    await waitFor(() => {
      const indexes = bodyRows(table).map((row) => Number(row.getAttribute('aria-rowindex')))
      expect(indexes).toContain(2_502)
    })
    const middle = bodyRows(table)
    expect(middle.length).toBeLessThanOrEqual(100)
    expect(within(table).getByText('EX-2500')).toBeInTheDocument()
    expect(within(table).queryByText('EX-0')).toBeNull()
    expect(document.querySelectorAll('[role="row"]').length).toBeLessThanOrEqual(101)
  })

  it('ignores invalid URL values with a notice and never sends them', async () => {
    const user = userEvent.setup()
    const seen = watchRequests()
    const { router } = await renderSearch(
      `/executions?env=prod&from=garbage&to=now&status=BOGUS&minDuration=-5&app=${'x'.repeat(300)}&route=order-intake`,
    )
    const notice = await screen.findByRole('alert')
    expect(notice).toHaveTextContent('Some values in this link were ignored')
    expect(notice).toHaveTextContent(/start of the time range .* is not a valid time/)
    expect(notice).toHaveTextContent(/status “BOGUS” is not one of COMPLETED, FAILED, RUNNING/)
    expect(notice).toHaveTextContent(/minimum duration “-5”/)
    expect(notice).toHaveTextContent(/application filter .* is not a valid id/)
    await findResultsTable()

    for (const request of searchRequests(seen)) {
      expect(request.searchParams.has('status')).toBe(false)
      expect(request.searchParams.has('minDurationMs')).toBe(false)
      expect(request.searchParams.has('applicationId')).toBe(false)
      // The valid filter still applies.
      expect(request.searchParams.get('routeId')).toBe('order-intake')
      const span =
        Date.parse(request.searchParams.get('to') ?? '') -
        Date.parse(request.searchParams.get('from') ?? '')
      expect(span).toBe(HOUR)
    }
    expect(screen.getByRole('button', { name: 'Time range: Last 1 hour' })).toBeInTheDocument()

    await user.click(within(notice).getByRole('button', { name: 'Remove them from the link' }))
    const params = currentSearch(router)
    expect(
      ['status', 'minDuration', 'app', 'from', 'to'].filter((name) => params.has(name)),
    ).toEqual([])
    expect(params.get('env')).toBe('prod')
    expect(params.get('route')).toBe('order-intake')
    expect(screen.queryByText('Some values in this link were ignored')).toBeNull()
  })

  it('shows an error with a retry that works', async () => {
    const user = userEvent.setup()
    let failures = 0
    server.use(
      http.get('*/api/v1/executions', () => {
        // The client retries server errors twice by itself; the third failure reaches the user.
        if (failures < 3) {
          failures += 1
          return problem(503, 'Search index unavailable')
        }
        return undefined
      }),
    )
    await renderSearch('/executions?env=prod')
    const alert = await screen.findByRole('alert', {}, { timeout: 8_000 })
    expect(alert).toHaveTextContent('Could not load executions')
    expect(alert).toHaveTextContent('Search index unavailable')
    await user.click(within(alert).getByRole('button', { name: 'Try again' }))
    expect(await findResultsTable()).toBeInTheDocument()
    expect(failures).toBe(3)
  })

  it('says when nothing matches, naming the environment', async () => {
    serveExecutions([], 0)
    const { router } = await renderSearch('/executions?env=prod&status=RUNNING')
    const empty = await screen.findByText('No executions in prod for this range and filters')
    const state = empty.closest('.state')
    if (!(state instanceof HTMLElement)) throw new Error('no empty state')
    expect(state).toHaveTextContent('Try a longer time range or fewer filters')
    await userEvent.setup().click(within(state).getByRole('button', { name: 'Clear filters' }))
    expect(currentSearch(router).has('status')).toBe(false)
    expect(currentSearch(router).get('env')).toBe('prod')
  })

  it('opens an execution from its row, keeping env and range, with a real link', async () => {
    const user = userEvent.setup()
    const { router } = await renderSearch('/executions?env=prod&from=now-6h&to=now&status=FAILED')
    const table = await findResultsTable()
    const row = bodyRows(table)[0]
    if (!row) throw new Error('no rows')
    const link = within(row).getByRole('link')
    expect(link.getAttribute('href')).toMatch(/^\/executions\/[^?]+\?env=prod&from=now-6h&to=now$/)

    // A click anywhere on the row opens the same execution.
    const exchangeCell = within(row).getAllByRole('cell')[5]
    if (!exchangeCell) throw new Error('no exchange id cell')
    await user.click(exchangeCell)
    expect(await screen.findByText('Execution detail stub')).toBeInTheDocument()
    expect(`${router.state.location.pathname}${router.state.location.search}`).toBe(
      link.getAttribute('href'),
    )
    // The detail page's "Back to executions" learns where it came from.
    expect(router.state.location.state).toEqual({
      executionSearch: '/executions?env=prod&from=now-6h&to=now&status=FAILED',
    })
  })

  it('says "Replay of <id>" on an execution that replays another, linking to the original', async () => {
    serveExecutions(
      fakeExecutions(3).map((item, index) =>
        index === 0 ? { ...item, replayOf: 'exec-2' } : item,
      ),
    )
    const { router } = await renderSearch('/executions?env=prod')
    const table = await findResultsTable()
    const [replay, plain] = bodyRows(table)
    if (!replay || !plain) throw new Error('no rows')
    const original = within(replay).getByRole('link', { name: 'Replay of exec-2' })
    expect(within(plain).queryByRole('link', { name: /^Replay of/ })).toBeNull()
    await userEvent.click(original)
    expect(await screen.findByText('Execution detail stub')).toBeInTheDocument()
    expect(router.state.location.pathname).toBe('/executions/exec-2')
    expect(currentSearch(router).get('env')).toBe('prod')
  })

  it('comes back to the same results and scroll position after Back, without refetching', async () => {
    const user = userEvent.setup()
    const seen = watchRequests()
    const { router } = await renderSearch('/executions?env=prod&from=now-6h&to=now')
    const table = await findResultsTable()
    scrollTo(scrollArea(table), 100 * 36)
    await waitFor(() =>
      expect(bodyRows(table).map((row) => row.getAttribute('aria-rowindex'))).toContain('102'),
    )
    const row = bodyRows(table).find(
      (candidate) => candidate.getAttribute('aria-rowindex') === '102',
    )
    // The whole row (start time, route, exchange id…): an exchange id alone is not unique, as
    // one exchange passes through several routes.
    const rowText = row?.textContent ?? null
    const requestsBefore = searchRequests(seen).length
    if (!row) throw new Error('row 102 not rendered')
    await user.click(within(row).getAllByRole('cell')[3] as HTMLElement)
    expect(await screen.findByText('Execution detail stub')).toBeInTheDocument()

    await act(() => router.navigate(-1))
    const again = await findResultsTable()
    expect(scrollArea(again).scrollTop).toBe(100 * 36)
    await waitFor(() =>
      expect(
        bodyRows(again).find((candidate) => candidate.getAttribute('aria-rowindex') === '102')
          ?.textContent,
      ).toBe(rowText),
    )
    expect(searchRequests(seen)).toHaveLength(requestsBefore)
  })
})

describe('ExecutionsPage auto-refresh', () => {
  afterEach(() => {
    vi.useRealTimers()
  })

  it('refetches only the first page on each tick, and pauses while the user reads further down', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] })
    const user = userEvent.setup()
    const seen = watchRequests()
    await renderSearch('/executions?env=prod&from=now-24h&to=now&refresh=10s')
    const table = await findResultsTable()
    await user.click(screen.getByRole('button', { name: 'Load more' }))
    await waitFor(() =>
      expect(table).toHaveAttribute('aria-rowcount', String(2 * EXECUTION_PAGE_SIZE + 1)),
    )
    expect(screen.getByText('Every 10 s')).toBeInTheDocument()
    const before = searchRequests(seen).length
    const histogramBefore = seen.filter((url) => url.pathname.endsWith('/stats/timeseries')).length

    act(() => vi.advanceTimersByTime(10_000))
    await waitFor(() => expect(searchRequests(seen).length).toBe(before + 1))
    expect(searchRequests(seen).at(-1)?.searchParams.has('cursor')).toBe(false)
    await waitFor(() =>
      expect(table).toHaveAttribute('aria-rowcount', String(EXECUTION_PAGE_SIZE + 1)),
    )
    expect(seen.filter((url) => url.pathname.endsWith('/stats/timeseries')).length).toBe(
      histogramBefore + 1,
    )

    // Reading further down: rows must not move, so the ticks stop and the controls say so.
    scrollTo(scrollArea(table), 20 * 36)
    expect(await screen.findByText(/^Paused/)).toHaveTextContent(
      'Paused while you are scrolled into the results',
    )
    const paused = searchRequests(seen).length
    act(() => vi.advanceTimersByTime(30_000))
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(searchRequests(seen)).toHaveLength(paused)
  })
})

describe('ExecutionsPage paging against a misbehaving server', () => {
  /** `/executions`: a first page of rows, then nothing but empty pages, each with a cursor. */
  function serveRowsThenEmptyPages(cursorOf: (page: number) => string) {
    const rows = fakeExecutions(30)
    server.use(
      http.get('*/api/v1/executions', ({ request }) => {
        const cursor = new URL(request.url).searchParams.get('cursor')
        const page = cursor ? Number(cursor.split('-').at(-1)) : 0
        return HttpResponse.json(
          { items: page === 0 ? rows : [], nextCursor: cursorOf(page + 1), totalEstimate: 30 },
          { headers: { 'Content-Type': 'application/json' } },
        )
      }),
    )
  }

  it('stops after 5 empty pages in a row, says so, and continues by hand', async () => {
    serveRowsThenEmptyPages((page) => `page-${page}`)
    const seen = watchRequests()
    await renderSearch('/executions?env=prod')
    await findResultsTable()

    // Six requests in a row, each rendered: more than the default second on a loaded machine.
    expect(
      await screen.findByText(/Stopped loading automatically/, undefined, { timeout: 5_000 }),
    ).toHaveTextContent('5 empty pages in a row')
    const asked = searchRequests(seen).length
    expect(asked).toBe(6)
    await new Promise((resolve) => setTimeout(resolve, 100))
    expect(searchRequests(seen)).toHaveLength(asked)

    await userEvent.setup().click(screen.getByRole('button', { name: 'Continue loading' }))
    await waitFor(() => expect(searchRequests(seen)).toHaveLength(asked + 1))
  })

  it('stops on a cursor the server already sent', async () => {
    // Page 1 names page 2, page 2 names page 1 again.
    serveRowsThenEmptyPages((page) => `page-${page > 2 ? 1 : page}`)
    const seen = watchRequests()
    await renderSearch('/executions?env=prod')
    await findResultsTable()
    expect(await screen.findByText(/page cursor it had already sent/)).toBeInTheDocument()
    const asked = searchRequests(seen).length
    await new Promise((resolve) => setTimeout(resolve, 100))
    expect(searchRequests(seen)).toHaveLength(asked)
    expect(screen.queryByRole('button', { name: 'Load more' })).not.toBeInTheDocument()
  })
})
