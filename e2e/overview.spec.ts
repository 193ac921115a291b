import type { Page } from '@playwright/test'
import { listAgentRecords } from '@/mocks/agents/agent-data'
import { filterBar } from './support/executions'
import { expect, expectNoSeriousA11yViolations, test } from './support/fixtures'

/** The applications of an environment, from the mock's own generator (the oracle). */
function applicationsOf(tenant: string, env: string): string[] {
  return [...new Set(listAgentRecords(tenant, env).map((agent) => agent.applicationId))].sort()
}

function applicationsTable(page: Page) {
  return page.getByRole('table', { name: 'Applications' })
}

async function visibleApplications(page: Page): Promise<string[]> {
  const ids = await applicationsTable(page).getByRole('row').getByRole('link').allTextContents()
  return ids.map((id) => id.trim())
}

/**
 * Records every one of `ids` that appears in the page's text while the address says `env`:
 * rows of the environment left behind, painted under the new one's name. (Rows moving while the
 * old environment is still the chosen one are fine: worst first reorders them on a refresh.)
 */
async function watchUnderEnvironment(page: Page, env: string, ids: readonly string[]) {
  await page.evaluate(
    ({ env, watched }) => {
      const found = new Set<string>()
      const scan = (text: string | null) => {
        if (!text || new URLSearchParams(location.search).get('env') !== env) return
        for (const id of watched) if (text.includes(id)) found.add(id)
      }
      new MutationObserver((mutations) => {
        for (const mutation of mutations) {
          if (mutation.type === 'characterData') scan(mutation.target.textContent)
          for (const node of mutation.addedNodes) scan(node.textContent)
        }
      }).observe(document.body, { childList: true, subtree: true, characterData: true })
      ;(window as unknown as { __paintedUnder: Set<string> }).__paintedUnder = found
    },
    { env, watched: ids },
  )
}

function readPaintedUnder(page: Page): Promise<string[]> {
  return page.evaluate(() => [
    ...((window as unknown as { __paintedUnder?: Set<string> }).__paintedUnder ?? []),
  ])
}

test('signing in lands on the Overview, in the first environment of the tenant', async ({
  page,
}) => {
  await page.goto('/login')
  await page.getByRole('textbox', { name: 'Username' }).fill('admin@acme')
  await page.getByLabel('Password').fill('demo')
  await page.getByRole('button', { name: 'Sign in', exact: true }).click()

  await expect(page).toHaveURL(/\/overview\?(.*&)?env=dev(&|$)/)
  await expect(page.getByRole('heading', { level: 1, name: 'Overview' })).toBeVisible()
  await expect
    .poll(() => visibleApplications(page).then((ids) => ids.toSorted()))
    .toEqual(applicationsOf('acme', 'dev'))
  const nav = page.getByRole('navigation', { name: 'Main' })
  await expect(nav.getByRole('link').first()).toHaveText('Overview')
  await expect(nav.getByRole('link', { name: 'Overview' })).toHaveAttribute(
    'title',
    'Go to Overview (g then o)',
  )
})

test('g then o goes to the Overview, keeping environment and range', async ({ page, signInAs }) => {
  await signInAs('admin@acme', { path: '/agents?env=staging&from=now-6h&to=now' })
  await expect(page.getByRole('heading', { level: 1, name: 'Agents' })).toBeVisible()
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur())
  await page.keyboard.press('g')
  await page.keyboard.press('o')
  await expect(page).toHaveURL(/\/overview\?env=staging&from=now-6h&to=now$/)
  await expect(page.getByRole('button', { name: /Time range: Last 6 hours/ })).toBeVisible()
  await expect(applicationsTable(page).getByRole('link').first()).toBeVisible()
})

test('/ opens the Overview, keeping the environment', async ({ page, signInAs }) => {
  await signInAs('admin@acme', { path: '/?env=staging' })
  await expect(page).toHaveURL(/\/overview\?env=staging$/)
  await expect(applicationsTable(page).getByRole('link').first()).toBeVisible()
})

test('switching environment paints nothing of the old one and asks nothing more for it', async ({
  page,
  signInAs,
}) => {
  // Auto-refresh on: a poll of the old environment would show up as a request after the switch.
  await signInAs('admin@acme', { path: '/overview?env=prod&refresh=10s' })
  await expect
    .poll(() => visibleApplications(page).then((ids) => ids.toSorted()))
    .toEqual(applicationsOf('acme', 'prod'))

  const prodOnly = applicationsOf('acme', 'prod').filter(
    (id) => !applicationsOf('acme', 'dev').includes(id),
  )
  expect(prodOnly.length).toBeGreaterThan(0)
  const afterSwitch: URL[] = []
  page.on('request', (request) => {
    const url = new URL(request.url())
    // The header's alert bell asks every environment for its summary: not the page's requests.
    if (url.pathname.startsWith('/api/') && !url.pathname.endsWith('/alerts/summary')) {
      afterSwitch.push(url)
    }
  })
  await watchUnderEnvironment(page, 'dev', prodOnly)

  await page.getByRole('combobox', { name: 'Environment' }).selectOption('dev')
  await expect(page).toHaveURL(/[?&]env=dev(&|$)/)
  await expect
    .poll(() => visibleApplications(page).then((ids) => ids.toSorted()))
    .toEqual(applicationsOf('acme', 'dev'))
  // Longer than one auto-refresh period: prod's poll would have fired by now.
  await page.waitForTimeout(11_000)

  expect(await readPaintedUnder(page)).toEqual([])
  expect(afterSwitch.some((url) => url.searchParams.get('environment') === 'dev')).toBe(true)
  expect(afterSwitch.filter((url) => url.searchParams.get('environment') === 'prod')).toEqual([])
  await expect(page.getByRole('banner')).not.toContainText('PRODUCTION')
})

test('from an application on to its failed executions, with the filters and the range', async ({
  page,
  signInAs,
}) => {
  await signInAs('admin@acme', { path: '/overview?env=prod&from=now-6h&to=now' })
  const table = applicationsTable(page)
  await expect(table.getByRole('link').first()).toBeVisible()
  // The first row is the worst application.
  const worst = (await table.getByRole('link').first().textContent())?.trim() ?? ''
  await table.getByRole('link', { name: worst, exact: true }).click()

  await expect(page).toHaveURL(
    new RegExp(`/overview/${worst}\\?(?=.*env=prod)(?=.*from=now-6h)(?=.*to=now)`),
  )
  await expect(page.getByRole('heading', { level: 1, name: worst })).toBeVisible()
  await expect(page.getByRole('table', { name: 'Routes' })).toBeVisible()

  await page.getByRole('link', { name: 'Failed executions' }).click()
  await expect(page).toHaveURL(/\/executions\?/)
  const params = new URL(page.url()).searchParams
  expect(Object.fromEntries(params)).toMatchObject({
    env: 'prod',
    app: worst,
    status: 'FAILED',
    from: 'now-6h',
    to: 'now',
  })
  await expect(page.getByRole('heading', { level: 1, name: 'Executions' })).toBeVisible()
  await expect(filterBar(page).getByRole('combobox', { name: 'Status', exact: true })).toHaveValue(
    'FAILED',
  )
  await expect(
    filterBar(page).getByRole('combobox', { name: 'Application', exact: true }),
  ).toHaveValue(worst)
  await expect(page.getByRole('button', { name: /^Time range:/ })).toHaveAccessibleName(
    'Time range: Last 6 hours',
  )
})

test('an unknown application says so', async ({ page, signInAs }) => {
  await signInAs('admin@acme', { path: '/overview/no-such-app?env=prod' })
  await expect(page.getByText('No application “no-such-app” in Production')).toBeVisible()
})

test('the Overview and an application pass axe', async ({ page, signInAs }) => {
  await signInAs('admin@acme', { path: '/overview?env=prod' })
  await expect(applicationsTable(page).getByRole('link').first()).toBeVisible()
  await page.getByText('How health is decided').click()
  await expectNoSeriousA11yViolations(page)
  await page.goto('/overview/order-service?env=prod')
  await expect(page.getByRole('table', { name: 'Routes' })).toBeVisible()
  for (const name of ['Throughput and failures', 'Latency p50 and p99']) {
    const chart = page.getByRole('figure', { name, exact: true })
    await expect(chart.locator('svg .chart-line path[d*="L"]').first()).toBeAttached()
  }
  await expectNoSeriousA11yViolations(page)
})

test('from an application on to a route’s diagram, and on to its failed executions', async ({
  page,
  signInAs,
}) => {
  await signInAs('admin@acme', { path: '/overview/order-service?env=prod&from=now-6h&to=now' })
  const routes = page.getByRole('table', { name: 'Routes' })
  const route = (await routes.getByRole('rowheader').first().textContent())?.trim() ?? ''
  expect(route).not.toBe('')
  await routes.getByRole('link', { name: `Diagram of ${route}`, exact: true }).click()

  await expect(page).toHaveURL(
    new RegExp(
      `/overview/order-service/routes/${route}\\?(?=.*env=prod)(?=.*from=now-6h)(?=.*to=now)`,
    ),
  )
  await expect(page.getByRole('heading', { level: 1, name: `Route ${route}` })).toBeVisible()
  // One node drawn per processor of the text alternative, each carrying its figures.
  const processors = page.getByRole('table', { name: `Processors of ${route}` })
  const rows = processors.locator('tbody tr')
  await expect(rows.first()).toBeVisible()
  const count = await rows.count()
  const nodes = page.locator('.react-flow__node')
  await expect(nodes).toHaveCount(count)
  await expect(nodes.first()).toContainText(/runs? · .*% failed|no runs in range/)
  await expectNoSeriousA11yViolations(page)

  await page.getByRole('link', { name: 'Failed executions' }).click()
  await expect(page).toHaveURL(/\/executions\?/)
  expect(Object.fromEntries(new URL(page.url()).searchParams)).toMatchObject({
    env: 'prod',
    app: 'order-service',
    route,
    status: 'FAILED',
    from: 'now-6h',
    to: 'now',
  })
  await expect(filterBar(page).getByRole('combobox', { name: 'Status', exact: true })).toHaveValue(
    'FAILED',
  )
})

test('an unknown route says so', async ({ page, signInAs }) => {
  await signInAs('admin@acme', { path: '/overview/order-service/routes/no-such-route?env=prod' })
  await expect(
    page.getByText('No route “no-such-route” in order-service in Production'),
  ).toBeVisible()
})

test('the summary’s open alerts come from the bell’s request and lead to them', async ({
  page,
  signInAs,
}) => {
  const summaries: string[] = []
  page.on('request', (request) => {
    const url = new URL(request.url())
    if (url.pathname.endsWith('/alerts/summary')) summaries.push(url.search)
  })
  await signInAs('admin@acme', { path: '/overview?env=prod' })
  const link = page.locator('.overview-summary').getByRole('link', { name: /open alerts?$/ })
  await expect(link).toBeVisible()
  const open = Number((await link.textContent())?.match(/^(\d+)/)?.[1])
  // The bell asks each environment once; the line adds no request of its own.
  expect(summaries.filter((search) => search.includes('environment=prod'))).toHaveLength(1)

  await link.click()
  await expect(page).toHaveURL(/\/alerts\?env=prod$/)
  await expect(page.getByRole('heading', { level: 1, name: 'Alerts' })).toBeVisible()
  if (open === 0) {
    await expect(page.getByText('Nothing is firing in prod')).toBeVisible()
  } else {
    // The summary counts the open alerts that are not silenced.
    const table = page.getByRole('table', { name: 'Open alerts' })
    await expect(table.locator('tbody tr').filter({ hasNotText: 'Silenced' })).toHaveCount(open)
  }
})
