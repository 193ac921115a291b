import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { http, HttpResponse } from 'msw'
import { describe, expect, it, vi } from 'vitest'
import type { ExecutionDetail } from '@/lib/api/types'
import { executionHandlers } from '@/mocks/executions/execution-handlers'
import { server } from '@/mocks/node'
import { problem } from '@/mocks/problem'
import { currentSearch, renderPage } from '@/test/render-page'
import { executionSearchState } from '@/features/executions/execution-search-state'
import { ExecutionDetailPage } from './execution-detail-page'
import type { RouteDiagramProps } from '@/components/route-diagram/route-diagram'
import { findExecutionWhere, renderDetail, sampleIds } from './execution-detail-test-helpers'
import { serveInEveryTest } from '@/test/serve-mock'
import { stubViewportInEveryTest } from '@/test/viewport'
import { watchRequests } from '@/test/watch-requests'

// jsdom has no layout engine for xyflow (ResizeObserver, DOMMatrix): the diagram's data
// mapping is tested as pure functions, its rendering in Playwright. Here a stand-in shows what
// the page hands it and lets a test pick a node.
vi.mock('@/components/route-diagram/route-diagram', () => ({
  RouteDiagram: ({ diagram, selectedProcessorId, onSelectProcessor }: RouteDiagramProps) => (
    <ul aria-label="Diagram stand-in">
      {diagram.nodes.map((node) => (
        <li key={node.id}>
          <button
            type="button"
            aria-pressed={node.id === selectedProcessorId}
            onClick={() => onSelectProcessor?.(node.id)}
          >
            node {node.id}
          </button>
        </li>
      ))}
    </ul>
  ),
}))

serveInEveryTest(executionHandlers)
stubViewportInEveryTest()

/** A failed execution whose failure is inside a nested processor, with headers and a body. */
function failedNestedExecution(): ExecutionDetail {
  return findExecutionWhere(
    (detail) =>
      detail.processors.some(
        (record) => record.status === 'FAILED' && record.parentProcessorId !== null,
      ) &&
      detail.inputBody !== null &&
      Object.keys(detail.headers).length > 0,
    { status: 'FAILED' },
  )
}

const timeline = () =>
  screen.findByRole('treegrid', { name: 'Processor timeline' }, { timeout: 5_000 })

describe('ExecutionDetailPage', () => {
  it('shows a failed execution: error, the failing processor marked in the timeline, headers and bodies', async () => {
    const detail = failedNestedExecution()
    const id = detail.executionId
    await renderDetail(id)

    const grid = await timeline()
    expect(screen.getByRole('heading', { level: 1, name: id })).toBeInTheDocument()
    expect(screen.getAllByText('FAILED').length).toBeGreaterThan(0)
    expect(screen.getByRole('note', { name: 'Error message' })).toHaveTextContent(
      detail.errorMessage ?? '',
    )

    // The failing processor: marked in text with its message, and selected on arrival.
    const cause = within(grid).getByRole('row', {
      name: new RegExp(`FAILED: ${escapeRegExp(detail.errorMessage ?? '')}`),
    })
    expect(cause).toHaveAttribute('aria-selected', 'true')
    expect(within(cause).getByText('FAILED')).toBeInTheDocument()
    expect(within(cause).getByText(detail.errorMessage ?? '')).toBeInTheDocument()
    const selected = screen.getByRole('region', { name: 'Selected processor' })
    expect(within(selected).getByText('FAILED')).toBeInTheDocument()

    // Headers as a name/value table, bodies in full. (The exchange's: the selected step's,
    // "Headers at this step", may be shown by now too.)
    const headers = screen.getByRole('table', { name: /^Headers \(\d+\)$/ })
    const [firstName, firstValue] = Object.entries(detail.headers)[0] ?? []
    if (firstName) {
      const row = within(headers).getByRole('rowheader', { name: firstName }).closest('tr')
      expect(row).toHaveTextContent(firstValue ?? '')
    }
    const input = screen.getByRole('region', { name: 'Input body' })
    if (detail.inputBody === null) expect(within(input).getByText('No body')).toBeInTheDocument()
    else expect(within(input).getByRole('button', { name: 'Copy input body' })).toBeInTheDocument()

    // Where to go from here.
    expect(screen.getByRole('link', { name: 'View logs for this execution' })).toHaveAttribute(
      'href',
      expect.stringMatching(
        new RegExp(`^/logs\\?executionId=${encodeURIComponent(id)}&.*env=prod`),
      ),
    )
    expect(screen.getByRole('link', { name: detail.agentId })).toHaveAttribute(
      'href',
      `/agents/${encodeURIComponent(detail.agentId)}?env=prod`,
    )
  })

  it('collapses and expands levels of the timeline', async () => {
    const user = userEvent.setup()
    const { executionId: id } = failedNestedExecution()
    await renderDetail(id)
    const grid = await timeline()

    const parent = within(grid).getAllByRole('row', { expanded: true })[0]
    if (!parent) throw new Error('no expandable row')
    const level = Number(parent.getAttribute('aria-level'))
    const rowsBefore = within(grid).getAllByRole('row').length
    const childName = nextRowName(parent)

    await user.click(within(parent).getByRole('button'))
    expect(parent).toHaveAttribute('aria-expanded', 'false')
    expect(within(grid).getAllByRole('row').length).toBeLessThan(rowsBefore)
    // The row after the collapsed one is no deeper than it: its children are gone.
    expect(Number(nextRow(parent)?.getAttribute('aria-level') ?? level)).toBeLessThanOrEqual(level)
    expect(screen.getByText(/hidden in collapsed levels/)).toBeInTheDocument()

    await user.click(screen.getByRole('button', { name: 'Expand all' }))
    expect(within(grid).getAllByRole('row').length).toBe(rowsBefore)
    expect(nextRowName(parent)).toBe(childName)

    await user.click(screen.getByRole('button', { name: 'Collapse all' }))
    for (const row of within(grid).getAllByRole('row').slice(1)) {
      expect(row).toHaveAttribute('aria-level', '1')
    }
  })

  it('selects a processor from its row, from the keyboard and from the diagram, and keeps it in the URL', async () => {
    const user = userEvent.setup()
    const detail = failedNestedExecution()
    const id = detail.executionId
    const { router } = await renderDetail(id)
    const grid = await timeline()

    const first = within(grid).getAllByRole('row')[1]
    if (!first) throw new Error('no rows')
    await user.click(first)
    expect(first).toHaveAttribute('aria-selected', 'true')
    expect(within(grid).getAllByRole('row', { selected: true })).toHaveLength(1)
    expect(currentSearch(router).get('processor')).toBe('0')
    const firstProcessor = detail.processors[0]
    expect(
      within(screen.getByRole('region', { name: 'Selected processor' })).getByText(
        firstProcessor?.processorId ?? '',
      ),
    ).toBeInTheDocument()

    // Selection follows the keyboard.
    grid.focus()
    await user.keyboard('{ArrowDown}')
    expect(currentSearch(router).get('processor')).toBe('1')
    expect(grid).toHaveAttribute('aria-activedescendant', within(grid).getAllByRole('row')[2]?.id)

    // The diagram (stand-in) selects the first record of a processor, and shows the selection.
    const diagram = await screen.findByRole(
      'list',
      { name: 'Diagram stand-in' },
      { timeout: 5_000 },
    )
    const last = detail.processors.at(-1)
    if (!last) throw new Error('no processors')
    await user.click(within(diagram).getByRole('button', { name: `node ${last.processorId}` }))
    const index = detail.processors.findIndex((record) => record.processorId === last.processorId)
    expect(currentSearch(router).get('processor')).toBe(String(index))
    expect(
      within(diagram).getByRole('button', { name: `node ${last.processorId}` }),
    ).toHaveAttribute('aria-pressed', 'true')
    await waitFor(() =>
      expect(within(grid).getByRole('row', { selected: true })).toHaveAttribute(
        'data-processor-id',
        last.processorId,
      ),
    )
  })

  it('reveals a processor selected in the diagram even inside a collapsed level', async () => {
    const user = userEvent.setup()
    const detail = failedNestedExecution()
    const id = detail.executionId
    const nested = detail.processors.find((record) => record.parentProcessorId !== null)
    if (!nested) throw new Error('no nested processor')
    await renderDetail(id)
    const grid = await timeline()

    await userEvent.click(screen.getByRole('button', { name: 'Collapse all' }))
    expect(within(grid).queryByRole('row', { selected: true })).toBeNull()
    const diagram = await screen.findByRole(
      'list',
      { name: 'Diagram stand-in' },
      { timeout: 5_000 },
    )
    await user.click(within(diagram).getByRole('button', { name: `node ${nested.processorId}` }))
    expect(within(grid).getByRole('row', { selected: true })).toHaveAttribute(
      'data-processor-id',
      nested.processorId,
    )
  })

  it('copies the exchange id and says so', async () => {
    const user = userEvent.setup()
    const detail = failedNestedExecution()
    const id = detail.executionId
    await renderDetail(id)
    await timeline()

    await user.click(screen.getByRole('button', { name: 'Copy exchange id' }))
    expect(await navigator.clipboard.readText()).toBe(detail.exchangeId)
    const status = screen
      .getByRole('button', { name: 'Copy exchange id' })
      .parentElement?.querySelector('[role="status"]')
    expect(status).toHaveTextContent('Copied')
  })

  it('says an execution of another environment is not found here, and shows none of it', async () => {
    const id = sampleIds('acme', 'dev').failed
    if (!id) throw new Error('the mock has no failed execution in dev')
    await renderDetail(id, { env: 'prod' })

    expect(
      await screen.findByRole(
        'heading',
        { level: 1, name: `Execution ${id} not found in prod` },
        { timeout: 5_000 },
      ),
    ).toBeInTheDocument()
    expect(screen.queryByRole('treegrid')).toBeNull()
    expect(screen.getByRole('link', { name: 'Search executions in prod' })).toHaveAttribute(
      'href',
      '/executions?env=prod',
    )
  })

  it('shows a hostile id as text, and does not ask the server for an id that cannot exist', async () => {
    const hostile = '<img src=x onerror=alert(1)>'
    await renderDetail(hostile)
    expect(
      await screen.findByRole(
        'heading',
        { level: 1, name: `Execution ${hostile} not found in prod` },
        { timeout: 5_000 },
      ),
    ).toBeInTheDocument()
    expect(document.querySelector('img')).toBeNull()
  })

  it('explains a route without a diagram in this environment, and keeps the rest of the page', async () => {
    const detail = failedNestedExecution()
    server.use(
      http.get('*/api/v1/diagrams/:applicationId/:routeId', () => problem(404, 'No diagram.')),
    )
    await renderDetail(detail.executionId)
    await timeline()

    const section = screen.getByRole('region', { name: 'Route diagram' })
    expect(
      await within(section).findByText(
        `No diagram for route ${detail.routeId}`,
        {},
        { timeout: 5_000 },
      ),
    ).toBeInTheDocument()
    expect(within(section).queryByRole('list', { name: 'Diagram stand-in' })).toBeNull()
    expect(screen.getByRole('treegrid', { name: 'Processor timeline' })).toBeInTheDocument()
  })

  it('refreshes the execution and its processor statistics', async () => {
    const user = userEvent.setup()
    const detail = failedNestedExecution()
    const requests = watchRequests()
    const asked = (path: string) => requests.filter((url) => url.pathname.endsWith(path)).length
    await renderDetail(detail.executionId)
    await timeline()
    await waitFor(() => expect(asked('/stats/processors')).toBe(1))

    await user.click(screen.getByRole('button', { name: 'Refresh' }))

    await waitFor(() => expect(asked('/stats/processors')).toBe(2))
    expect(asked(`/executions/${detail.executionId}`)).toBe(2)
  })

  it('says "Replay of <id>" on a replay, linking to the original in the same environment', async () => {
    const detail = failedNestedExecution()
    server.use(
      http.get('*/api/v1/executions/:executionId', () =>
        HttpResponse.json({ ...detail, replayOf: 'original-execution-1' }),
      ),
    )
    await renderDetail(detail.executionId)
    const summary = await screen.findByRole('region', { name: 'Summary' }, { timeout: 5_000 })
    expect(summary).toHaveTextContent('Replay of original-execution-1')
    expect(within(summary).getByRole('link', { name: 'original-execution-1' })).toHaveAttribute(
      'href',
      '/executions/original-execution-1?env=prod',
    )
  })

  it('offers a retry when loading fails, and recovers', async () => {
    const user = userEvent.setup()
    const { executionId: id } = failedNestedExecution()
    let fail = true
    server.use(
      http.get('*/api/v1/executions/:executionId', () =>
        fail ? problem(400, 'Nope.') : undefined,
      ),
    )
    await renderDetail(id)
    const alert = await screen.findByRole('alert', {}, { timeout: 5_000 })
    expect(alert).toHaveTextContent('The request was refused (400)')
    fail = false
    await user.click(within(alert).getByRole('button', { name: 'Try again' }))
    expect(await timeline()).toBeInTheDocument()
  })
})

describe('Back to executions', () => {
  async function openFromSearch(search: string, env = 'prod') {
    const { executionId } = failedNestedExecution()
    const view = await renderPage({
      path: '/executions/:executionId',
      element: <ExecutionDetailPage />,
      url: search,
      extraRoutes: [{ path: '/executions', element: <p>Execution search stub</p> }],
    })
    await view.router.navigate(`/executions/${encodeURIComponent(executionId)}?env=${env}`, {
      state: executionSearchState({
        pathname: '/executions',
        search: search.replace('/executions', ''),
      }),
    })
    await timeline()
    return view
  }

  it('goes back in history to the search it came from, filters and all', async () => {
    const user = userEvent.setup()
    const { router } = await openFromSearch('/executions?env=prod&status=FAILED&q=ORD-1')
    const back = screen.getByRole('link', { name: 'Back to executions in prod' })
    expect(back).toHaveAttribute('href', '/executions?env=prod&status=FAILED&q=ORD-1')

    // Selecting a processor replaces the entry and keeps the way back.
    await user.click(within(await timeline()).getAllByRole('row')[1] as HTMLElement)
    await user.click(screen.getByRole('link', { name: 'Back to executions in prod' }))
    expect(router.state.historyAction).toBe('POP')
    expect(router.state.location.pathname).toBe('/executions')
    expect(currentSearch(router).get('status')).toBe('FAILED')
    expect(currentSearch(router).get('q')).toBe('ORD-1')
  })

  it('links to the search of the current environment when opened from anywhere else', async () => {
    const { executionId } = failedNestedExecution()
    await renderDetail(executionId)
    await timeline()
    expect(screen.getByRole('link', { name: 'Back to executions in prod' })).toHaveAttribute(
      'href',
      '/executions?env=prod',
    )
  })
})

function nextRow(row: HTMLElement): HTMLElement | null {
  const rows = [...(row.parentElement?.querySelectorAll<HTMLElement>('[role="row"]') ?? [])]
  return rows[rows.indexOf(row) + 1] ?? null
}

function nextRowName(row: HTMLElement): string | null {
  return nextRow(row)?.getAttribute('aria-label') ?? null
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}
