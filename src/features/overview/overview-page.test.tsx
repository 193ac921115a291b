import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { http, HttpResponse } from 'msw'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { setMockNow } from '@/mocks/clock'
import { server } from '@/mocks/node'
import { bucketSecondsFor, overview } from '@/mocks/overview/overview-data'
import { currentSearch, renderPage } from '@/test/render-page'
import { bodyRows, columnTexts } from '@/test/table-readers'
import { ApplicationPage } from './application-page'
import { HEALTH_LABELS, healthOf } from './health'
import { OverviewPage } from './overview-page'
import { OVERVIEW_BUCKETS } from './overview-queries'
import { sortRows, summarize, toRows } from './overview-rows'

const NOW = Date.parse('2026-11-25T14:30:00.000Z')
const FROM = '2026-11-25T13:30:00.000Z'
const TO = '2026-11-25T14:30:00.000Z'
const RANGE = `from=${FROM}&to=${TO}`

beforeEach(() => setMockNow(NOW))
afterEach(() => setMockNow(null))

/** What the mock answers for acme/prod over the range, as the page reads it. */
function expectedRows() {
  const range = { from: Date.parse(FROM), to: Date.parse(TO) }
  const items = overview('acme', 'prod', range, bucketSecondsFor(range, OVERVIEW_BUCKETS), NOW)
  return sortRows(
    toRows({
      tenantId: 'acme',
      environment: 'prod',
      from: FROM,
      to: TO,
      bucketSeconds: 0,
      items,
    }),
    null,
  )
}

const extraRoutes = [
  { path: '/overview/:applicationId', element: <ApplicationPage /> },
  { path: '/overview', element: <OverviewPage /> },
]

describe('OverviewPage', () => {
  it('lists every application of the environment worst first, with the summary above', async () => {
    server.use(
      http.get('*/api/v1/alerts/summary', () =>
        HttpResponse.json({
          tenantId: 'acme',
          environment: 'prod',
          firing: 3,
          unacknowledged: 2,
          bySeverity: { CRITICAL: 1, WARNING: 2, INFO: 0 },
        }),
      ),
    )
    await renderPage({
      path: '/overview',
      element: <OverviewPage />,
      url: `/overview?env=prod&${RANGE}`,
    })
    const table = await screen.findByRole('table', { name: 'Applications' }, { timeout: 5_000 })
    expect(screen.getByRole('heading', { level: 1, name: 'Overview' })).toBeInTheDocument()
    const expected = expectedRows()
    expect(expected.length).toBeGreaterThan(5)
    expect(columnTexts(table, 'Application')).toEqual(expected.map((row) => row.applicationId))
    expect(columnTexts(table, 'Health')).toEqual(expected.map((row) => HEALTH_LABELS[row.health]))
    // Worst first: the health words never get better going up the table.
    const rank = ['Failing', 'Degraded', 'No traffic', 'Healthy']
    const ranks = columnTexts(table, 'Health').map((text) => rank.indexOf(text))
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b))

    const summary = summarize(expected)
    // The environment's open alerts close the line, linking to them in this environment.
    const alerts = await screen.findByRole('link', { name: '3 open alerts' })
    expect(new URL(alerts.getAttribute('href') ?? '', 'http://x')).toMatchObject({
      pathname: '/alerts',
      search: '?env=prod',
    })
    expect(alerts.parentElement).toHaveTextContent(
      new RegExp(
        `^${summary.applications} applications · ${summary.agentsLive} of ${summary.agentsTotal} agents live · ${summary.exchanges.toLocaleString('en-US')} exchanges in the range · ${summary.failed.toLocaleString('en-US')} failed · 3 open alerts$`,
      ),
    )

    // Agents: shown as "live / stale / dead", read out in words.
    expect(columnTexts(table, 'Agents')).toEqual(
      expected.map(
        ({ agents: { live, stale, dead } }) =>
          `${live} / ${stale} / ${dead}${live} live, ${stale} stale, ${dead} dead`,
      ),
    )

    // Every row has its two sparklines, drawn as paths.
    for (const row of bodyRows(table)) {
      expect(row.querySelectorAll('svg[role="img"] path')).toHaveLength(2)
    }
    expect(screen.getByText('How health is decided')).toBeInTheDocument()
    expect(screen.getByRole('link', { name: 'Compare with…' })).toBeInTheDocument()
    expect(screen.getByRole('button', { name: /Copy link/ })).toBeInTheDocument()
  })

  it('says health in words, the DEAD-agent rule included', async () => {
    await renderPage({
      path: '/overview',
      element: <OverviewPage />,
      url: `/overview?env=prod&${RANGE}`,
    })
    const table = await screen.findByRole('table', { name: 'Applications' }, { timeout: 5_000 })
    const withDead = expectedRows().filter((row) => row.agents.dead > 0)
    for (const row of withDead) {
      expect(healthOf(row)).toBe('failing')
      const cells = bodyRows(table).find((tr) => tr.textContent?.startsWith(row.applicationId))
      expect(within(cells as HTMLElement).getByText('Failing')).toBeInTheDocument()
      expect(within(cells as HTMLElement).getByText(/dead/)).toHaveTextContent(
        `${row.agents.dead} dead`,
      )
    }
  })

  it('sorts by a column through the URL, keeping environment and range', async () => {
    const user = userEvent.setup()
    const { router } = await renderPage({
      path: '/overview',
      element: <OverviewPage />,
      url: `/overview?env=prod&${RANGE}`,
    })
    const table = await screen.findByRole('table', { name: 'Applications' }, { timeout: 5_000 })
    await user.click(within(table).getByRole('button', { name: 'Application' }))
    await waitFor(() => expect(currentSearch(router).get('sort')).toBe('application'))
    expect(currentSearch(router).get('dir')).toBe('asc')
    const ids = columnTexts(table, 'Application')
    expect(ids).toEqual([...ids].sort())
    expect(currentSearch(router).get('env')).toBe('prod')
    expect(currentSearch(router).get('from')).toBe(FROM)
  })

  it('links each application to its page, keeping environment and range', async () => {
    const user = userEvent.setup()
    const { router } = await renderPage({
      path: '/overview',
      element: <OverviewPage />,
      url: `/overview?env=prod&${RANGE}`,
      extraRoutes: extraRoutes.slice(0, 1),
    })
    const table = await screen.findByRole('table', { name: 'Applications' }, { timeout: 5_000 })
    await user.click(within(table).getByRole('link', { name: 'order-service' }))
    expect(
      await screen.findByRole('heading', { level: 1, name: 'order-service' }),
    ).toBeInTheDocument()
    expect(router.state.location.pathname).toBe('/overview/order-service')
    const params = currentSearch(router)
    expect(params.get('env')).toBe('prod')
    expect(params.get('from')).toBe(FROM)
    expect(params.get('to')).toBe(TO)
  })
})

describe('ApplicationPage', () => {
  it('shows the figures, routes, agents and links that keep environment and range', async () => {
    await renderPage({
      path: '/overview/:applicationId',
      element: <ApplicationPage />,
      url: `/overview/order-service?env=prod&${RANGE}`,
    })
    expect(
      await screen.findByRole('heading', { level: 1, name: 'order-service' }),
    ).toBeInTheDocument()
    const routes = await screen.findByRole('table', { name: 'Routes' }, { timeout: 5_000 })
    expect(bodyRows(routes).length).toBeGreaterThan(0)
    const expected = expectedRows().find((row) => row.applicationId === 'order-service')
    expect(
      screen.getAllByText(HEALTH_LABELS[expected?.health ?? 'healthy']).length,
    ).toBeGreaterThan(0)

    const href = (name: string) =>
      new URL(screen.getByRole('link', { name }).getAttribute('href') ?? '', 'http://x')
    for (const [name, path, extra] of [
      ['Executions', '/executions', {}],
      ['Failed executions', '/executions', { status: 'FAILED' }],
      ['Logs', '/logs', {}],
      ['Errors in logs', '/logs', { level: 'ERROR' }],
      ['Metrics', '/metrics', { routesApp: 'order-service' }],
    ] as const) {
      const url = href(name)
      expect(url.pathname, name).toBe(path)
      expect(url.searchParams.get('env'), name).toBe('prod')
      expect(url.searchParams.get('from'), name).toBe(FROM)
      expect(url.searchParams.get('to'), name).toBe(TO)
      if (path !== '/metrics') expect(url.searchParams.get('app'), name).toBe('order-service')
      for (const [key, value] of Object.entries(extra))
        expect(url.searchParams.get(key)).toBe(value)
    }
    const firstRoute = bodyRows(routes)[0]?.querySelector('th')?.textContent ?? ''
    const routeLink = new URL(
      screen.getByRole('link', { name: `Executions of ${firstRoute}` }).getAttribute('href') ?? '',
      'http://x',
    )
    expect(routeLink.searchParams.get('route')).toBe(firstRoute)
    expect(await screen.findByRole('heading', { name: 'Agents' })).toBeInTheDocument()
  })

  it('says so for an unknown application instead of an empty page', async () => {
    await renderPage({
      path: '/overview/:applicationId',
      element: <ApplicationPage />,
      url: `/overview/nope?env=prod&${RANGE}`,
    })
    expect(await screen.findByText('No application “nope” in Production')).toBeInTheDocument()
  })
})
