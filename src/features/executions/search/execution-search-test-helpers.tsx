import { fireEvent, screen } from '@testing-library/react'
import { http, HttpResponse } from 'msw'
import type { ExecutionStatus, ExecutionSummary } from '@/lib/api/types'
// Tests may use the mock (only app code must not; see eslint.config.js).
import { server } from '@/mocks/node'
import { renderPage } from '@/test/render-page'
import { ExecutionsPage } from './executions-page'

/** Test helpers of the execution search (not a test file itself). */

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

export const findResultsTable = () =>
  screen.findByRole('table', { name: 'Executions' }, { timeout: 5_000 })

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
      replayOf: null,
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
