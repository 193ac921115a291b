import { fireEvent, screen } from '@testing-library/react'
import { http, HttpResponse } from 'msw'
import { beforeEach, vi } from 'vitest'
import type { ExecutionStatus, ExecutionSummary } from '@/lib/api/types'
// Tests may use the mock (only app code must not; see eslint.config.js).
import { executionHandlers } from '@/mocks/executions/execution-handlers'
import { server } from '@/mocks/node'
import { renderPage } from '@/test/render-page'
import { ExecutionsPage } from './executions-page'

/** Test helpers of the execution search (not a test file itself). */

/**
 * Serve the executions mock in front of the gateway (harmless once handlers.ts has it), and
 * give scroll areas a viewport: jsdom lays nothing out, so a virtualized table would render
 * no rows at all.
 */
export function serveExecutionMockInEveryTest() {
  beforeEach(() => {
    server.use(...executionHandlers)
    stubViewport()
  })
}

export const searchRequests = (seen: URL[]) =>
  seen.filter((url) => url.pathname.endsWith('/api/v1/executions'))

export function renderSearch(url: string) {
  return renderPage({
    path: '/executions',
    element: <ExecutionsPage />,
    url,
    extraRoutes: [{ path: '/executions/:executionId', element: <p>Execution detail stub</p> }],
  })
}

/** jsdom lays nothing out: give scroll areas a real viewport so the virtualizer renders rows. */
export function stubViewport(height = 720) {
  vi.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockReturnValue(height)
  vi.spyOn(HTMLElement.prototype, 'clientWidth', 'get').mockReturnValue(1200)
}

export const findResultsTable = () =>
  screen.findByRole('table', { name: 'Executions' }, { timeout: 5_000 })

// Explicit role attributes are read directly: Testing Library's role queries compute styles
// for every element, which is slow across hundreds of cells polled by waitFor.
export const bodyRows = (table: HTMLElement): HTMLElement[] =>
  [...table.querySelectorAll<HTMLElement>('[role="row"]')].filter(
    (row) => row.getAttribute('aria-rowindex') !== '1',
  )

export function columnTexts(table: HTMLElement, header: string): string[] {
  const headers = [...table.querySelectorAll('[role="columnheader"]')].map(
    (cell) => cell.textContent,
  )
  const index = headers.indexOf(header)
  if (index < 0) throw new Error(`No column ${header}`)
  return bodyRows(table).map(
    (row) => row.querySelectorAll('[role="cell"]')[index]?.textContent ?? '',
  )
}

export function scrollArea(table: HTMLElement): HTMLElement {
  const area = table.parentElement
  if (!area) throw new Error('The results table has no scroll area')
  return area
}

export function scrollTo(area: HTMLElement, offset: number) {
  area.scrollTop = offset
  fireEvent.scroll(area)
}

/** Synthetic executions for tests that need a known, large result. */
export function fakeExecutions(count: number, env = 'prod', tenant = 'acme'): ExecutionSummary[] {
  const start = Date.now() - 60_000
  const statuses: ExecutionStatus[] = ['COMPLETED', 'FAILED', 'RUNNING']
  return Array.from({ length: count }, (_, index) => {
    const status = statuses[index % 3] ?? 'COMPLETED'
    return {
      executionId: `exec-${index}`,
      tenantId: tenant,
      environment: env,
      applicationId: 'order-service',
      routeId: 'order-intake',
      agentId: 'order-service-1',
      exchangeId: `EX-${index}`,
      correlationId: index % 2 ? `ORD-${index}` : null,
      status,
      startTime: new Date(start - index * 100).toISOString(),
      endTime: status === 'RUNNING' ? null : new Date(start - index * 100 + 25).toISOString(),
      durationMs: status === 'RUNNING' ? null : 25,
      processorCount: 4,
      errorMessage: status === 'FAILED' ? `Connection refused (attempt ${index})` : null,
    }
  })
}

/** `/executions` answers with these rows in one page. */
export function serveExecutions(items: ExecutionSummary[], totalEstimate = items.length) {
  server.use(
    http.get('*/api/v1/executions', () =>
      HttpResponse.json(
        { items, nextCursor: null, totalEstimate },
        { headers: { 'Content-Type': 'application/json' } },
      ),
    ),
  )
}

export function problem(status: number, detail: string) {
  return HttpResponse.json(
    { type: 'about:blank', title: 'Service Unavailable', status, detail },
    { status, headers: { 'Content-Type': 'application/problem+json' } },
  )
}
