import { screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { http } from 'msw'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { RouteDiagramProps } from '@/components/route-diagram/route-diagram'
import { setMockNow } from '@/mocks/clock'
import { processorStats } from '@/mocks/executions/execution-stats'
import { server } from '@/mocks/node'
import { problem } from '@/mocks/problem'
import { getRouteDefinition } from '@/mocks/topology/topology'
import { formatCount } from '@/lib/format'
import { currentSearch, renderPage } from '@/test/render-page'
import { bodyRows, columnTexts } from '@/test/table-readers'
import { ApplicationPage } from './application-page'
import { RoutePage } from './route-page'

// jsdom has no layout engine for xyflow: a stand-in shows what the page hands the diagram (its
// rendering is covered in Playwright, its model by the component's own tests).
vi.mock('@/components/route-diagram/route-diagram', () => ({
  RouteDiagram: ({ diagram, processors, stats }: RouteDiagramProps) => (
    <ul aria-label={`Diagram stand-in of ${diagram.routeId}`}>
      <li>{processors === null ? 'route alone' : 'an execution'}</li>
      <li>{stats === null ? 'no statistics' : `${stats.length} statistics`}</li>
    </ul>
  ),
}))

const NOW = Date.parse('2026-11-25T14:30:00.000Z')
const FROM = '2026-11-25T13:30:00.000Z'
const TO = '2026-11-25T14:30:00.000Z'
const RANGE = `from=${FROM}&to=${TO}`
const APP = 'order-service'
const ROUTE = 'order-intake'

beforeEach(() => setMockNow(NOW))
afterEach(() => setMockNow(null))

const routePage = (url: string) =>
  renderPage({
    path: '/overview/:applicationId/routes/:routeId',
    element: <RoutePage />,
    url,
  })

describe('RoutePage', () => {
  it('shows the route’s diagram, its processors’ figures as a table, and links to its executions', async () => {
    await routePage(`/overview/${APP}/routes/${ROUTE}?env=prod&${RANGE}`)
    expect(
      await screen.findByRole('heading', { level: 1, name: `Route ${ROUTE}` }),
    ).toBeInTheDocument()

    const definition = getRouteDefinition('acme', 'prod', APP, ROUTE)
    const stats = processorStats(
      'acme',
      'prod',
      { from: Date.parse(FROM), to: Date.parse(TO) },
      APP,
      ROUTE,
      NOW,
    )
    expect(definition).toBeDefined()
    expect(stats.length).toBeGreaterThan(0)

    const diagram = await screen.findByRole(
      'list',
      { name: `Diagram stand-in of ${ROUTE}` },
      { timeout: 5_000 },
    )
    expect(within(diagram).getByText('route alone')).toBeInTheDocument()
    expect(await within(diagram).findByText(`${stats.length} statistics`)).toBeInTheDocument()

    // The text alternative: every node in the diagram's order, with the range's figures.
    const table = screen.getByRole('table', { name: `Processors of ${ROUTE}` })
    expect(columnTexts(table, 'Processor')).toEqual(definition?.nodes.map((node) => node.label))
    const byId = new Map(stats.map((row) => [row.processorId, row]))
    expect(columnTexts(table, 'Runs')).toEqual(
      definition?.nodes.map((node) => formatCount(byId.get(node.id)?.count ?? 0)),
    )

    for (const [name, status] of [
      ['Executions', null],
      ['Failed executions', 'FAILED'],
    ] as const) {
      const url = new URL(
        screen.getByRole('link', { name: new RegExp(`^${name}$`) }).getAttribute('href') ?? '',
        'http://x',
      )
      expect(url.pathname).toBe('/executions')
      expect(Object.fromEntries(url.searchParams)).toEqual({
        app: APP,
        route: ROUTE,
        ...(status ? { status } : {}),
        from: FROM,
        to: TO,
        env: 'prod',
      })
    }
  })

  it('says so for a route the application does not have', async () => {
    await routePage(`/overview/${APP}/routes/nope?env=prod&${RANGE}`)
    expect(
      await screen.findByText(`No route “nope” in ${APP} in Production`, {}, { timeout: 5_000 }),
    ).toBeInTheDocument()
    expect(screen.queryByRole('table', { name: /^Processors/ })).toBeNull()
  })

  it('tells a route that ran but has no diagram apart from an unknown one', async () => {
    server.use(
      http.get('*/api/v1/diagrams/:applicationId/:routeId', () => problem(404, 'No diagram.')),
    )
    await routePage(`/overview/${APP}/routes/${ROUTE}?env=prod&${RANGE}`)
    expect(
      await screen.findByText(`No diagram for route ${ROUTE}`, {}, { timeout: 5_000 }),
    ).toBeInTheDocument()
    expect(screen.getByRole('link', { name: 'Failed executions' })).toBeInTheDocument()
  })
})

describe('ApplicationPage → RoutePage', () => {
  it('links each route to its diagram, keeping environment and range', async () => {
    const user = userEvent.setup()
    const { router } = await renderPage({
      path: '/overview/:applicationId',
      element: <ApplicationPage />,
      url: `/overview/${APP}?env=prod&${RANGE}`,
      extraRoutes: [{ path: '/overview/:applicationId/routes/:routeId', element: <RoutePage /> }],
    })
    const routes = await screen.findByRole('table', { name: 'Routes' }, { timeout: 5_000 })
    const first = bodyRows(routes)[0]?.querySelector('th')?.textContent ?? ''
    await user.click(within(routes).getByRole('link', { name: `Diagram of ${first}` }))

    expect(
      await screen.findByRole('heading', { level: 1, name: `Route ${first}` }),
    ).toBeInTheDocument()
    expect(router.state.location.pathname).toBe(`/overview/${APP}/routes/${first}`)
    expect(Object.fromEntries(currentSearch(router))).toEqual({ env: 'prod', from: FROM, to: TO })
  })
})
