import { readFile } from 'node:fs/promises'
import type { Page, Request } from '@playwright/test'
import type { UsageResponse } from '@/lib/api/types'
import { formatBinaryBytes, formatCompactCount } from '@/lib/format'
import { expect, expectNoSeriousA11yViolations, test } from './support/fixtures'

/** The first instant of the UTC month `offset` months from now. */
function utcMonthStart(offset = 0): string {
  const now = new Date()
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + offset, 1)).toISOString()
}

interface UsageRequest {
  environment: string | null
  from: string | null
  to: string | null
  granularity: string | null
  request: Request
}

/** Every /usage request the page makes, from the first navigation on. */
function recordUsageRequests(page: Page): UsageRequest[] {
  const seen: UsageRequest[] = []
  page.on('request', (request) => {
    const url = new URL(request.url())
    if (url.pathname !== '/api/v1/usage') return
    seen.push({
      environment: url.searchParams.get('environment'),
      from: url.searchParams.get('from'),
      to: url.searchParams.get('to'),
      granularity: url.searchParams.get('granularity'),
      request,
    })
  })
  return seen
}

function usageAnswer(page: Page, environment: string, from: string) {
  return page.waitForResponse((response) => {
    const url = new URL(response.url())
    return (
      url.pathname === '/api/v1/usage' &&
      url.searchParams.get('environment') === environment &&
      url.searchParams.get('from') === from &&
      response.status() === 200
    )
  })
}

const environmentsTable = (page: Page) => page.getByRole('table', { name: /^Usage by environment/ })

function environmentRow(page: Page, environment: string) {
  return (
    environmentsTable(page)
      .getByRole('row')
      // Rows name environments as "Staging (staging)": found by the id in brackets.
      .filter({ has: page.getByRole('rowheader', { name: new RegExp(`\\(${environment}\\)`) }) })
  )
}

test.describe('Usage', () => {
  test('shows the totals of acme/prod for this month, each against the period before', async ({
    page,
    signInAs,
  }) => {
    const answer = usageAnswer(page, 'prod', utcMonthStart())
    await signInAs('admin@acme', { path: '/usage?env=prod' })
    await expect(page.getByRole('heading', { level: 1, name: 'Usage' })).toBeVisible()
    await expect(page.getByText(/Periods and buckets are in UTC/)).toBeVisible()
    const body = (await (await answer).json()) as UsageResponse
    expect(body.environment).toBe('prod')

    const totals = page.getByRole('list', { name: 'Totals for prod' })
    const card = (label: string) => totals.getByRole('listitem').filter({ hasText: label })
    await expect(card('Executions')).toContainText(formatCompactCount(body.totals.executions))
    await expect(card('Processor records')).toContainText(
      formatCompactCount(body.totals.processorRecords),
    )
    await expect(card('Log lines')).toContainText(formatCompactCount(body.totals.logLines))
    await expect(card('Metric points')).toContainText(formatCompactCount(body.totals.metricPoints))
    await expect(card('Bytes ingested')).toContainText(formatBinaryBytes(body.totals.bytesIngested))
    // The change against the previous period is text, not only a colour.
    await expect(card('Executions')).toContainText(
      /([+\u2212]?\d+(\.\d)? % vs|new \(none in|none in this or) the previous/,
    )
    await expect(page.getByRole('button', { name: 'This month', pressed: true })).toBeVisible()
  })

  test('asks for each environment once, with its own environment, and checks each answer', async ({
    page,
    signInAs,
  }) => {
    const requests = recordUsageRequests(page)
    await signInAs('admin@acme', { path: '/usage?env=prod' })
    for (const environment of ['dev', 'staging', 'prod']) {
      await expect(environmentRow(page, environment).getByRole('cell').first()).toHaveText(/\d/)
    }
    const monthStart = utcMonthStart()
    // This month's requests; the forecast's (prod only) also starts on the 1st from the 8th
    // of a month on, but asks up to the end of today, a UTC midnight.
    const byEnvironment = requests.filter(
      (entry) => entry.from === monthStart && !entry.to?.endsWith('T00:00:00.000Z'),
    )
    const counts = new Map<string, number>()
    for (const entry of byEnvironment) {
      counts.set(entry.environment ?? '', (counts.get(entry.environment ?? '') ?? 0) + 1)
    }
    // One each; prod's row and prod's totals share one request (one cache entry).
    expect(Object.fromEntries(counts)).toEqual({ dev: 1, staging: 1, prod: 1 })
    // Every answer is for the environment its request asked for.
    for (const entry of byEnvironment) {
      const response = await entry.request.response()
      const body = (await response?.json()) as UsageResponse
      expect(body.environment).toBe(entry.environment)
    }
    // Shares of the chosen measure add up to 100 % (within rounding).
    const shares = await environmentsTable(page)
      .getByRole('row')
      .evaluateAll((rows) =>
        rows.slice(1).map((row) => Number.parseFloat(row.lastElementChild?.textContent ?? '')),
      )
    expect(shares.reduce((sum, value) => sum + value, 0)).toBeGreaterThan(99)
    expect(shares.reduce((sum, value) => sum + value, 0)).toBeLessThan(101)
  })

  test('dev@acme sees dev and staging only, and prod is never asked for', async ({
    page,
    signInAs,
  }) => {
    const requests = recordUsageRequests(page)
    await signInAs('dev@acme', { path: '/usage?env=dev' })
    await expect(environmentRow(page, 'staging').getByRole('cell').first()).toHaveText(/\d/)
    await expect(environmentRow(page, 'dev').getByRole('cell').first()).toHaveText(/\d/)
    await expect(environmentsTable(page).getByRole('row')).toHaveCount(3)
    await expect(environmentRow(page, 'prod')).toHaveCount(0)
    expect(requests.length).toBeGreaterThan(0)
    expect(requests.filter((entry) => entry.environment === 'prod')).toEqual([])
  })

  test.describe('when one environment fails', () => {
    test.use({ mockSettings: { errorRateByEnvironment: { staging: 1 } } })

    test('shows the error in that environment row only', async ({ page, signInAs }) => {
      await signInAs('admin@acme', { path: '/usage?env=prod' })
      const staging = environmentRow(page, 'staging')
      await expect(staging.getByRole('alert')).toContainText(
        /Could not load the usage of Staging \(staging\): The server failed \(503\)/,
        { timeout: 20_000 },
      )
      await expect(
        staging.getByRole('button', { name: 'Try again for Staging (staging)' }),
      ).toBeVisible()
      await expect(environmentRow(page, 'dev').getByRole('cell').first()).toHaveText(/\d/)
      await expect(environmentRow(page, 'prod').getByRole('cell').first()).toHaveText(/\d/)
      // The rest of the page is unaffected.
      await expect(page.getByRole('list', { name: 'Totals for prod' })).toBeVisible()
      await expect(page.getByRole('alert')).toHaveCount(1)
    })
  })

  test('downloads a CSV of every bucket and environment, numbers unformatted', async ({
    page,
    signInAs,
  }) => {
    const from = utcMonthStart(-1)
    const prodAnswer = usageAnswer(page, 'prod', from)
    await signInAs('admin@acme', { path: '/usage?env=prod&period=last-month&granularity=day' })
    const prod = (await (await prodAnswer).json()) as UsageResponse
    for (const environment of ['dev', 'staging', 'prod']) {
      await expect(environmentRow(page, environment).getByRole('cell').first()).toHaveText(/\d/)
    }
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download CSV' }).click(),
    ])
    expect(download.suggestedFilename()).toBe(`usage-acme-${from.slice(0, 7)}-day.csv`)
    const text = await readFile(await download.path(), 'utf8')
    const lines = text.split('\r\n')
    expect(lines[0]).toBe(
      'tenant,environment,bucket_start_utc,executions,processorRecords,logLines,metricPoints,bytesIngested',
    )
    expect(lines.at(-1)).toBe('')
    const rows = lines.slice(1, -1).map((line) => line.split(','))
    const days = prod.points.length
    expect(days).toBeGreaterThanOrEqual(28)
    expect(rows).toHaveLength(3 * days)
    expect(new Set(rows.map((row) => row[1]))).toEqual(new Set(['dev', 'staging', 'prod']))
    for (const row of rows) {
      expect(row[0]).toBe('acme')
      expect(row[2]).toMatch(/^\d{4}-\d{2}-\d{2}T00:00:00\.000Z$/)
      for (const value of row.slice(3)) expect(value).toMatch(/^\d+$/)
    }
    const prodRows = rows.filter((row) => row[1] === 'prod')
    expect(prodRows.map((row) => row[2])).toEqual(prod.points.map((point) => point.t))
    expect(prodRows.reduce((sum, row) => sum + Number(row[3]), 0)).toBe(prod.totals.executions)
    await expect(
      page.getByRole('status').filter({ hasText: /Downloaded usage-acme/ }),
    ).toBeVisible()
  })

  test('keeps the granularity in the URL and sends it with the request', async ({
    page,
    signInAs,
  }) => {
    const requests = recordUsageRequests(page)
    await signInAs('admin@acme', { path: '/usage?env=prod&period=last-month' })
    const granularity = page.getByRole('combobox', { name: 'Granularity' })
    // A month is shown per day unless the URL says otherwise.
    await expect(granularity).toHaveValue('day')
    const lastMonth = utcMonthStart(-1)
    await expect
      .poll(() => requests.some((r) => r.from === lastMonth && r.granularity === 'day'))
      .toBe(true)

    await granularity.selectOption('hour')
    await expect(page).toHaveURL(/[?&]granularity=hour(&|$)/)
    await expect
      .poll(() =>
        requests.some(
          (r) => r.environment === 'prod' && r.from === lastMonth && r.granularity === 'hour',
        ),
      )
      .toBe(true)
    await page.getByText('Buckets as a table').click()
    const bucketRows = page
      .getByRole('table', { name: 'Usage of prod per UTC hour' })
      .getByRole('row')
    // 28 to 31 days of hours, plus the header row.
    await expect.poll(() => bucketRows.count()).toBeGreaterThanOrEqual(28 * 24 + 1)

    // The choice survives a reload (it is in the URL), and a shorter period defaults to hours.
    await page.reload()
    await expect(granularity).toHaveValue('hour')
    await page.getByRole('button', { name: 'Last 24 hours' }).click()
    await expect(page).toHaveURL(/[?&]from=now-24h/)
    await expect(page.getByRole('button', { name: 'Last 24 hours', pressed: true })).toBeVisible()
  })

  test('explains an unusable URL and shows this month instead', async ({ page, signInAs }) => {
    await signInAs('admin@acme', { path: '/usage?env=prod&period=fortnight&granularity=minute' })
    await expect(page.getByText(/The period “fortnight” is unknown/)).toBeVisible()
    await expect(page.getByText(/neither hour nor day/)).toBeVisible()
    await expect(page.getByRole('button', { name: 'This month', pressed: true })).toBeVisible()
    await expect(page.getByRole('list', { name: 'Totals for prod' })).toBeVisible()
  })

  test('has no serious accessibility violations', async ({ page, signInAs }) => {
    await signInAs('admin@acme', { path: '/usage?env=prod&period=last-month' })
    await expect(environmentRow(page, 'staging').getByRole('cell').first()).toHaveText(/\d/)
    await expect(page.getByRole('heading', { name: /This month so far/ })).toBeVisible()
    await expect(page.getByRole('cell', { name: /≈/ }).first()).toBeVisible()
    await page.getByText('Buckets as a table').click()
    await page.getByText('Absolute range').click()
    await expectNoSeriousA11yViolations(page)
  })
})
