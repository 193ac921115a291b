import type { Locator, Page } from '@playwright/test'
import { listAgentRecords } from '@/mocks/agents/agent-data'
import { expect, expectNoSeriousA11yViolations, test, updateMockSettings } from './support/fixtures'

const DEFAULT_CHARTS = [
  'Heap used',
  'GC pause',
  'CPU',
  'Live threads',
  'Exchanges per second',
  'Failed exchanges per second',
  'In-flight exchanges',
]

function figure(page: Page, name: string): Locator {
  return page.getByRole('figure', { name, exact: true })
}

/** Scrolls the chart into view (charts below the fold are not drawn before) and waits for lines. */
async function expectDrawn(chart: Locator): Promise<void> {
  await chart.scrollIntoViewIfNeeded()
  // Attached, not "visible": a flat line (heap max) has a zero-height box.
  await expect(chart.locator('svg .chart-line path[d*="L"]').first()).toBeAttached()
}

function legendEntries(chart: Locator): Locator {
  return chart.getByRole('list', { name: /^Series of / }).getByRole('button')
}

test('the nav link keeps the environment; the routes table lists routes and a route shows its charts and links', async ({
  page,
  signInAs,
}) => {
  await signInAs('admin@acme', { path: '/agents?env=staging' })
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Metrics' })
    .click()
  await expect(page.getByRole('heading', { level: 1, name: 'Metrics' })).toBeVisible()
  await expect(page).toHaveURL(/[?&]env=staging/)

  const table = page.getByRole('table', { name: 'Routes' })
  await expect(table.getByRole('row').nth(1)).toBeVisible()
  // Sorted by error rate, worst first, and the worst are marked in words.
  await expect(table.getByRole('columnheader', { name: 'Error rate' })).toHaveAttribute(
    'aria-sort',
    'descending',
  )
  await expect(table.getByText('highest error rate').first()).toBeVisible()
  await expect(table.getByText('slowest p99').first()).toBeVisible()

  // Filter by application, then choose the first route.
  const application = page
    .getByRole('region', { name: 'Routes' })
    .getByRole('combobox', { name: 'Application' })
  const apps = await application.locator('option').allTextContents()
  const app = apps[1] ?? ''
  await application.selectOption(app)
  await expect(page).toHaveURL(new RegExp(`routesApp=${app}`))
  await expect
    .poll(async () => new Set(await table.locator('tbody td:first-child').allTextContents()))
    .toEqual(new Set([app]))
  const routeButton = table.getByRole('row').nth(1).getByRole('button')
  const routeId = (await routeButton.textContent()) ?? ''
  await routeButton.click()
  await expect(routeButton).toHaveAttribute('aria-pressed', 'true')
  // A rarely run route may have isolated points (gaps between them), not lines.
  for (const name of ['Throughput and failures', 'Latency p50 and p99']) {
    const chart = figure(page, name)
    await chart.scrollIntoViewIfNeeded()
    await expect(chart.locator('svg .chart-line path[d]').first()).toBeAttached()
  }

  const executions = page.getByRole('link', { name: 'Executions of this route' })
  const failed = page.getByRole('link', { name: 'Failed executions' })
  for (const link of [executions, failed]) {
    const href = new URL((await link.getAttribute('href')) ?? '', 'http://x')
    expect(href.pathname).toBe('/executions')
    expect(href.searchParams.get('env')).toBe('staging')
    expect(href.searchParams.get('app')).toBe(app)
    expect(href.searchParams.get('route')).toBe(routeId)
    expect(href.searchParams.get('from')).toBe('now-1h')
    expect(href.searchParams.get('to')).toBe('now')
  }
  expect(
    new URL((await failed.getAttribute('href')) ?? '', 'http://x').searchParams.get('status'),
  ).toBe('FAILED')
  await failed.click()
  await expect(page.getByRole('heading', { level: 1, name: 'Executions' })).toBeVisible()
  await expect(page).toHaveURL(/status=FAILED/)

  // Back restores the chosen route from the URL.
  await page.goBack()
  await expect(page.getByRole('link', { name: 'Executions of this route' })).toBeVisible()
})

test('the default agent charts draw for acme/prod, each with a keyboard-reachable table', async ({
  page,
  signInAs,
}) => {
  await signInAs('admin@acme', { path: '/metrics?env=prod&from=now-6h&to=now' })
  const agents = listAgentRecords('acme', 'prod')
  for (const name of DEFAULT_CHARTS) await expectDrawn(figure(page, name))

  const heap = figure(page, 'Heap used')
  // More agents than one chart can show: the top 8 are drawn and the rest counted.
  await expect(legendEntries(heap)).toHaveCount(8)
  await expect(heap.getByText(/agents hidden: showing the top 8 by latest value/)).toBeVisible()
  await heap.getByRole('button', { name: /^Show all \d+ agents$/ }).click()
  await expect(page).toHaveURL(/agents=all/)
  // Drawing forty agents' lines on seven charts takes a while on a loaded machine.
  await expect(legendEntries(heap)).not.toHaveCount(8, { timeout: 30_000 })
  // Heap used and the dashed heap max per agent.
  expect(await heap.locator('svg .chart-line').count()).toBeGreaterThan(8)

  // Never more path points than twice the plot width.
  const { points, width } = await heap.evaluate((element) => {
    const svg = element.querySelector('svg')
    const counts = [...element.querySelectorAll('svg .chart-line path')].map(
      (path) => (path.getAttribute('d')?.match(/[ML]/g) ?? []).length,
    )
    return { points: Math.max(...counts), width: svg?.getBoundingClientRect().width ?? 0 }
  })
  expect(points).toBeGreaterThan(10)
  expect(points).toBeLessThanOrEqual(2 * width)

  // The text alternative: reached with the keyboard, one row per series.
  const summary = heap.getByText('Table of Heap used')
  await summary.focus()
  await page.keyboard.press('Enter')
  const table = heap.getByRole('table')
  await expect(table.getByRole('columnheader', { name: 'Latest' })).toBeVisible()
  const rows = await table.getByRole('rowheader').allTextContents()
  expect(rows.length).toBeGreaterThan(agents.filter((agent) => agent.status !== 'DEAD').length)
  await expect(table.getByRole('cell').first()).toHaveText(/\d (B|KiB|MiB|GiB)$/)
  // A dead agent is named as such.
  expect(rows.some((row) => row.includes('(DEAD)'))).toBe(true)
})

test('an unknown metric from the server can be chosen and plotted', async ({ page, signInAs }) => {
  await signInAs('admin@acme', { path: '/metrics?env=prod' })
  const picker = page.getByRole('group', { name: 'Metrics' })
  const unknown = picker.getByRole('checkbox', { name: 'kafka.consumer.records.lag' })
  await expect(unknown).not.toBeChecked()
  // The choice lives in the URL: the box is ticked once the navigation has happened.
  await unknown.click()
  await expect(unknown).toBeChecked()
  await expect(page).toHaveURL(/metrics=[^&]*kafka\.consumer\.records\.lag/)
  const chart = figure(page, 'kafka.consumer.records.lag')
  await expectDrawn(chart)
  // Its unit is one the UI does not know: the number followed by the unit's text.
  await expect(legendEntries(chart).first()).toContainText(/\d records$/)
  // Unticking a default removes its chart.
  await picker.getByRole('checkbox', { name: 'Live threads' }).click()
  await expect(figure(page, 'Live threads')).toHaveCount(0)
})

test('a legend click isolates a series, a modified click adds one, a second click restores all', async ({
  page,
  signInAs,
}) => {
  await signInAs('admin@acme', { path: '/metrics?env=prod' })
  const cpu = figure(page, 'CPU')
  await expectDrawn(cpu)
  const entries = legendEntries(cpu)
  const lines = cpu.locator('svg .chart-line')
  const all = await lines.count()
  expect(all).toBe(8)

  await entries.nth(2).click()
  await expect(lines).toHaveCount(1)
  await expect(entries.nth(2)).toHaveAttribute('aria-pressed', 'true')
  await expect(entries.nth(0)).toHaveAttribute('aria-pressed', 'false')

  await entries.nth(5).click({ modifiers: ['ControlOrMeta'] })
  await expect(lines).toHaveCount(2)
  await entries.nth(5).click({ modifiers: ['ControlOrMeta'] })
  await expect(lines).toHaveCount(1)

  await entries.nth(2).click()
  await expect(lines).toHaveCount(all)
  // The legend is beside the plot, never over it.
  const plot = await cpu.locator('svg').first().boundingBox()
  const legend = await cpu.getByRole('list', { name: /^Series of / }).boundingBox()
  expect(plot && legend).toBeTruthy()
  if (plot && legend) {
    const overlaps =
      legend.x < plot.x + plot.width &&
      plot.x < legend.x + legend.width &&
      legend.y < plot.y + plot.height &&
      plot.y < legend.y + legend.height
    expect(overlaps).toBe(false)
  }
})

test("each chart asks for its own metric, of the chosen application, at its plot's resolution", async ({
  page,
  signInAs,
}) => {
  const metricsRequests: URL[] = []
  page.on('request', (request) => {
    if (request.url().includes('/api/v1/metrics?')) metricsRequests.push(new URL(request.url()))
  })
  await signInAs('admin@acme', { path: '/metrics?env=prod&from=now-24h&to=now' })
  const cpu = figure(page, 'CPU')
  await expectDrawn(cpu)
  const asked = (names: string) =>
    metricsRequests.filter((url) => url.searchParams.get('names') === names)
  expect(asked('process.cpu.usage')).toHaveLength(1)
  // The heap chart asks for heap used and its limit in one request.
  expect(asked('jvm.memory.heap.max,jvm.memory.heap.used')).toHaveLength(1)
  // About one bucket per pixel of the plot: never more buckets than pixels.
  const plotWidth = await cpu
    .locator('svg')
    .first()
    .evaluate((svg) => svg.clientWidth)
  const step = Number(asked('process.cpu.usage')[0]?.searchParams.get('step'))
  expect((24 * 3600) / step).toBeLessThanOrEqual(plotWidth)
  expect((24 * 3600) / step).toBeGreaterThan(plotWidth / 4)

  // The application filter is the server's: the next requests carry it.
  const agents = listAgentRecords('acme', 'prod')
  const app = agents[0]?.applicationId ?? ''
  await page
    .getByRole('region', { name: 'Agents' })
    .getByRole('combobox', { name: 'Application' })
    .selectOption(app)
  await expect(page).toHaveURL(new RegExp(`agentApp=${app}`))
  await expect
    .poll(() =>
      asked('process.cpu.usage').some((url) => url.searchParams.get('applicationId') === app),
    )
    .toBe(true)
  const appAgents = new Set(
    agents.filter((agent) => agent.applicationId === app).map((agent) => agent.agentId),
  )
  await expect
    .poll(async () =>
      (await legendEntries(cpu).locator('.chart-legend-name').allTextContents()).every((name) =>
        appAgents.has(name),
      ),
    )
    .toBe(true)
})

test('an agent metrics answer that breaks the contract is refused with the contract error', async ({
  page,
  signInAs,
}) => {
  await signInAs('admin@acme', { path: '/metrics?env=staging' })
  await expectDrawn(figure(page, 'CPU'))
  await updateMockSettings(page, { malformedRate: 1 })
  await page.getByRole('banner').getByRole('combobox', { name: 'Environment' }).selectOption('prod')
  // Each chart made its own request: each says it could not load, and draws nothing.
  const error = figure(page, 'CPU')
    .getByRole('alert')
    .filter({ hasText: 'Could not load the agent metrics' })
  await expect(error).toBeVisible()
  await expect(error).toContainText('does not follow the API contract')
  await expect(figure(page, 'CPU').locator('svg .chart-line')).toHaveCount(0)
})

test('an environment switch cancels the old requests and paints only the new environment', async ({
  page,
  signInAs,
}) => {
  const prodAgents = new Set(listAgentRecords('acme', 'prod').map((agent) => agent.agentId))
  const stagingAgents = new Set(listAgentRecords('acme', 'staging').map((agent) => agent.agentId))
  await signInAs('admin@acme', { path: '/agents?env=staging' })
  // Prod answers slowly: its metrics are still on their way when the user switches.
  await updateMockSettings(page, { latencyByEnvironment: { prod: 4000 } })
  const metricsRequests: string[] = []
  page.on('request', (request) => {
    if (request.url().includes('/api/v1/metrics?')) metricsRequests.push(request.url())
  })
  await page.goto('/metrics?env=prod')
  await expect(page.getByRole('heading', { level: 1, name: 'Metrics' })).toBeVisible()
  await expect.poll(() => metricsRequests.length).toBeGreaterThan(0)
  await page
    .getByRole('banner')
    .getByRole('combobox', { name: 'Environment' })
    .selectOption('staging')
  await expect(page).toHaveURL(/env=staging/)

  const cpu = figure(page, 'CPU')
  await expectDrawn(cpu)
  // One request per chart, not one per agent; the staging ones asked for staging.
  const staging = metricsRequests.filter((url) => url.includes('environment=staging'))
  expect(staging.filter((url) => url.includes('names=process.cpu.usage&'))).toHaveLength(1)
  for (const url of staging) expect(url).not.toContain('agentId=')
  // Wait past prod's latency: its late answer must not be painted.
  await page.waitForTimeout(4500)
  for (const name of await legendEntries(cpu).locator('.chart-legend-name').allTextContents()) {
    expect(stagingAgents.has(name)).toBe(true)
    expect(prodAgents.has(name)).toBe(false)
  }
})

test('the metrics view has no serious accessibility violations', async ({ page, signInAs }) => {
  await signInAs('admin@acme', { path: '/metrics?env=prod' })
  await page
    .getByRole('table', { name: 'Routes' })
    .getByRole('row')
    .nth(1)
    .getByRole('button')
    .click()
  await expectDrawn(figure(page, 'Throughput and failures'))
  await expectDrawn(figure(page, 'Heap used'))
  await figure(page, 'Heap used').getByText('Table of Heap used').click()
  await expectNoSeriousA11yViolations(page)
})
