import type { Page } from '@playwright/test'
import { searchExecutions } from '@/mocks/executions/execution-data'
import { getTopology } from '@/mocks/topology/topology'
import {
  HOUR,
  MINUTE,
  TENANT,
  countLine,
  duplicatesOf,
  estimateOf,
  executionOf,
  expectSettledResults,
  filterBar,
  loadedRowCount,
  readCountLine,
  renderedRows,
  resultRows,
  resultsTable,
  scrollThroughResults,
  searchAllIds,
  type RenderedRow,
} from './support/executions'
import { expect, expectNoSeriousA11yViolations, test } from './support/fixtures'

type SignInAs = (username: string, options?: { path?: string }) => Promise<void>

async function openSearch(page: Page, signInAs: SignInAs, path = '/executions?env=prod') {
  await signInAs('admin@acme', { path })
  await expect(page.getByRole('heading', { level: 1, name: 'Executions' })).toBeVisible()
  await expectSettledResults(page)
}

function select(page: Page, name: 'Status' | 'Application' | 'Route') {
  return filterBar(page).getByRole('combobox', { name, exact: true })
}

function timeRangeButton(page: Page) {
  return page.getByRole('button', { name: /^Time range:/ })
}

/**
 * The estimate the page shows is computed a moment after the oracle's, over a range that has
 * moved on by then: a few executions more or less, never a different order of magnitude.
 */
function expectNear(actual: number, expected: number) {
  const tolerance = Math.max(5, Math.round(expected * 0.05))
  expect(actual, `~${expected} ± ${tolerance}`).toBeGreaterThanOrEqual(expected - tolerance)
  expect(actual, `~${expected} ± ${tolerance}`).toBeLessThanOrEqual(expected + tolerance)
}

const distinct = (values: readonly string[]) => [...new Set(values)].sort()

/** The application and route that ran most in the last half hour: sure to have rows. */
function busiestRoute(): { applicationId: string; routeId: string } {
  const now = Date.now()
  const { items } = searchExecutions(TENANT, 'prod', {
    from: now - 30 * MINUTE,
    to: now,
    limit: 400,
  })
  const counts = new Map<string, { applicationId: string; routeId: string; count: number }>()
  for (const item of items) {
    const key = `${item.applicationId}/${item.routeId}`
    const entry = counts.get(key) ?? { ...item, count: 0 }
    entry.count++
    counts.set(key, entry)
  }
  const [best] = [...counts.values()].sort((a, b) => b.count - a.count)
  if (!best) throw new Error('the mock has no executions in the last half hour')
  return { applicationId: best.applicationId, routeId: best.routeId }
}

/** Every rendered row is one the mock says is so (by the id the row links to). */
function expectRowsMatch(
  rows: readonly RenderedRow[],
  check: (execution: NonNullable<ReturnType<typeof executionOf>>) => boolean,
) {
  expect(rows.length).toBeGreaterThan(0)
  const wrong = rows.filter((row) => {
    const execution = executionOf(row.executionId)
    return !execution || !check(execution)
  })
  expect(wrong.map((row) => row.executionId)).toEqual([])
}

test.describe('searching executions', () => {
  test('Status = FAILED shows only failed executions and writes the URL', async ({
    page,
    signInAs,
  }) => {
    await openSearch(page, signInAs)
    await expect
      .poll(async () => distinct((await renderedRows(page)).map((r) => r.status)))
      .not.toEqual(['FAILED'])

    await select(page, 'Status').selectOption('FAILED')

    await expect(page).toHaveURL(/[?&]status=FAILED(&|$)/)
    await expectSettledResults(page)
    await expect
      .poll(async () => distinct((await renderedRows(page)).map((r) => r.status)))
      .toEqual(['FAILED'])
    const rows = await renderedRows(page)
    // The text says FAILED, and so does the data behind each row.
    expectRowsMatch(rows, (execution) => execution.status === 'FAILED')
    const now = Date.now()
    expectNear(
      (await readCountLine(page)).estimate,
      estimateOf({ from: now - HOUR, to: now, status: 'FAILED' }),
    )
  })

  test('Application, then Route, narrow the results and the route choices', async ({
    page,
    signInAs,
  }) => {
    const { applicationId, routeId } = busiestRoute()
    const routesOfApp = getTopology(TENANT, 'prod')
      ?.applications.find((app) => app.applicationId === applicationId)
      ?.routes.map((route) => route.routeId)
    if (!routesOfApp) throw new Error(`no application ${applicationId} in acme/prod`)
    await openSearch(page, signInAs)

    await select(page, 'Application').selectOption(applicationId)

    await expect(page).toHaveURL(new RegExp(`[?&]app=${applicationId}(&|$)`))
    await expectSettledResults(page)
    await expect
      .poll(async () => distinct((await renderedRows(page)).map((r) => r.applicationId)))
      .toEqual([applicationId])
    expectRowsMatch(await renderedRows(page), (e) => e.applicationId === applicationId)
    // Only this application's routes are offered now.
    const offered = (await select(page, 'Route')
      .locator('option')
      .evaluateAll((options) =>
        options.map((option) => (option as HTMLOptionElement).value).filter(Boolean),
      )) as string[]
    expect(offered).toContain(routeId)
    expect(offered.filter((route) => !routesOfApp.includes(route))).toEqual([])

    await select(page, 'Route').selectOption(routeId)

    await expect(page).toHaveURL(new RegExp(`[?&]app=${applicationId}(&|$)`))
    await expect(page).toHaveURL(new RegExp(`[?&]route=${routeId}(&|$)`))
    await expectSettledResults(page)
    await expect
      .poll(async () => distinct((await renderedRows(page)).map((r) => r.routeId)))
      .toEqual([routeId])
    expectRowsMatch(
      await renderedRows(page),
      (e) => e.applicationId === applicationId && e.routeId === routeId,
    )
    const now = Date.now()
    expectNear(
      (await readCountLine(page)).estimate,
      estimateOf({ from: now - HOUR, to: now, applicationId, routeId }),
    )
  })

  test('an exchange id typed into "Search executions" + Enter finds that execution', async ({
    page,
    signInAs,
  }) => {
    // Well inside the default "last hour", so it is still in range when the page searches.
    const now = Date.now()
    const { items } = searchExecutions(TENANT, 'prod', {
      from: now - 40 * MINUTE,
      to: now - 20 * MINUTE,
      limit: 50,
    })
    const target = items.find((item) => item.status !== 'RUNNING')
    if (!target) throw new Error('the mock has no execution 20–40 minutes ago')
    // What else mentions this exchange id (its flow's followers carry it as correlation id).
    const expected = searchAllIds({ from: now - HOUR, to: now, q: target.exchangeId })
    expect(expected).toContain(target.executionId)
    await openSearch(page, signInAs)
    await expect(resultsTable(page)).not.toContainText(target.exchangeId)

    const searchbox = filterBar(page).getByRole('searchbox', { name: 'Search executions' })
    await searchbox.fill(target.exchangeId)
    await searchbox.press('Enter')

    await expect.poll(() => new URL(page.url()).searchParams.get('q')).toBe(target.exchangeId)
    await expect(page.getByText('End of results: every matching execution is listed.')).toBeVisible(
      {
        timeout: 20_000,
      },
    )
    await expect
      .poll(async () => (await renderedRows(page)).map((row) => row.executionId).sort())
      .toEqual([...expected].sort())
    const found = (await renderedRows(page)).find((row) => row.executionId === target.executionId)
    expect(found?.exchangeId).toBe(target.exchangeId)
    await expect(
      resultRows(page).filter({ hasText: target.exchangeId }).getByRole('link'),
    ).toHaveCount(expected.length)
  })

  test('a deep link with filters restores the controls and the results', async ({
    page,
    signInAs,
  }) => {
    const { applicationId } = busiestRoute()

    await openSearch(
      page,
      signInAs,
      `/executions?env=prod&from=now-6h&to=now&status=FAILED&app=${applicationId}`,
    )

    await expect(select(page, 'Status')).toHaveValue('FAILED')
    await expect(select(page, 'Application')).toHaveValue(applicationId)
    await expect(select(page, 'Route')).toHaveValue('')
    await expect(timeRangeButton(page)).toHaveAccessibleName('Time range: Last 6 hours')
    const rows = await renderedRows(page)
    expect(distinct(rows.map((r) => r.status))).toEqual(['FAILED'])
    expect(distinct(rows.map((r) => r.applicationId))).toEqual([applicationId])
    expectRowsMatch(rows, (e) => e.status === 'FAILED' && e.applicationId === applicationId)
    // The count is the one of the link's six hours, not of the default hour.
    const now = Date.now()
    expectNear(
      (await readCountLine(page)).estimate,
      estimateOf({ from: now - 6 * HOUR, to: now, status: 'FAILED', applicationId }),
    )
  })

  test('"Load more" adds the next page: more rows, no duplicates, newest first, count line grows', async ({
    page,
    signInAs,
  }) => {
    await openSearch(page, signInAs)
    expect(await loadedRowCount(page)).toBe(200)
    await expect(countLine(page)).toContainText('showing 200')

    await page.getByRole('button', { name: 'Load more' }).click()

    await expect.poll(() => loadedRowCount(page)).toBeGreaterThanOrEqual(400)
    // Scrolled to the button, the table may load one more page by itself: wait until the count
    // line and the table agree, then hold on to that number.
    await expect
      .poll(async () => (await readCountLine(page)).showing - (await loadedRowCount(page)))
      .toBe(0)
    const loaded = await loadedRowCount(page)
    const rows = await scrollThroughResults(page)
    expect(rows.length).toBeGreaterThanOrEqual(loaded)
    const firstPages = rows.slice(0, loaded)
    expect(firstPages.map((row) => row.position)).toEqual(
      Array.from({ length: loaded }, (_, i) => i + 1),
    )
    expect(duplicatesOf(firstPages.map((row) => row.exchangeId))).toEqual([])
    expect(duplicatesOf(firstPages.map((row) => row.executionId))).toEqual([])
    const times = firstPages.map((row) => Date.parse(row.startTime))
    expect(times).toEqual(times.toSorted((a, b) => b - a))
  })

  test('"Last 15 minutes" in the time picker writes from=now-15m and changes the results', async ({
    page,
    signInAs,
  }) => {
    await openSearch(page, signInAs)
    await expect(timeRangeButton(page)).toHaveAccessibleName('Time range: Last 1 hour')
    const hour = await readCountLine(page)

    await timeRangeButton(page).click()
    const dialog = page.getByRole('dialog', { name: 'Time range' })
    await expect(dialog).toBeVisible()
    await dialog.getByRole('button', { name: 'Last 15 minutes' }).click()

    await expect(dialog).toBeHidden()
    await expect(page).toHaveURL(/[?&]from=now-15m(&|$)/)
    await expect(timeRangeButton(page)).toHaveAccessibleName('Time range: Last 15 minutes')
    await expectSettledResults(page)
    await expect.poll(async () => (await readCountLine(page)).estimate).toBeLessThan(hour.estimate)
    const now = Date.now()
    expectNear(
      (await readCountLine(page)).estimate,
      estimateOf({ from: now - 15 * MINUTE, to: now }),
    )
  })
})

test.describe('from the results to an execution and back', () => {
  const searchPath = '/executions?env=prod&status=FAILED'

  async function openThirdRow(page: Page) {
    const before = await renderedRows(page)
    const target = before[2]
    if (!target) throw new Error('fewer than three failed executions in the last hour')
    await resultRows(page).nth(2).getByRole('link').click()
    await expect(page).toHaveURL(
      new RegExp(`/executions/${encodeURIComponent(target.executionId)}\\?`),
    )
    await expect(page.getByRole('heading', { level: 1, name: target.executionId })).toBeVisible()
    await expect(page.getByRole('region', { name: 'Summary' })).toContainText(target.exchangeId)
    return before
  }

  async function expectSameSearch(page: Page, before: readonly RenderedRow[]) {
    await expect(page).toHaveURL(/\/executions\?(.*&)?status=FAILED(&|$)/)
    await expect(page).toHaveURL(/[?&]env=prod(&|$)/)
    await expect(select(page, 'Status')).toHaveValue('FAILED')
    await expect
      .poll(async () => (await renderedRows(page)).map((row) => row.executionId))
      .toEqual(before.map((row) => row.executionId))
  }

  test('the "Back to executions in prod" link returns to the same search', async ({
    page,
    signInAs,
  }) => {
    await openSearch(page, signInAs, searchPath)
    const before = await openThirdRow(page)

    await page.getByRole('link', { name: 'Back to executions in prod' }).click()

    await expectSameSearch(page, before)
  })

  test("the browser's Back returns to the same search", async ({ page, signInAs }) => {
    await openSearch(page, signInAs, searchPath)
    const before = await openThirdRow(page)

    await page.goBack()

    await expectSameSearch(page, before)
  })
})

test.describe('accessibility', () => {
  // axe walks the whole DOM: slow on a busy two-core machine. (`accessibility.spec.ts` scans
  // the search page itself; this is the picker's dialog on top of it.)
  test.describe.configure({ timeout: 120_000 })

  test('the search page with the time picker dialog open', async ({ page, signInAs }) => {
    await openSearch(page, signInAs)
    await timeRangeButton(page).click()
    await expect(page.getByRole('dialog', { name: 'Time range' })).toBeVisible()
    await expectNoSeriousA11yViolations(page)
  })
})
