import type { Page, Request } from '@playwright/test'
import { splitTextRows } from '@/lib/text-rows'
import { newestHugeLine } from '@/mocks/logs/log-data'
import { requireExecution, requireSample } from './support/executions'
import { expect, expectNoSeriousA11yViolations, test } from './support/fixtures'

const logsTable = (page: Page) => page.getByRole('table', { name: 'Log lines' })
const logRows = (page: Page) => logsTable(page).getByRole('rowgroup').nth(1).getByRole('row')
const isLogsRequest = (request: Request) => new URL(request.url()).pathname === '/api/v1/logs'

test.describe('the logs view', () => {
  test('is in the nav, keeps the environment, and puts the Level and text filters in the URL and the request', async ({
    page,
    signInAs,
  }) => {
    await signInAs('admin@acme', { path: '/agents?env=prod' })
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Logs' }).click()
    await expect(page).toHaveURL(/\/logs\?.*env=prod/)
    await expect(logRows(page).first()).toBeVisible()
    await expect(page.getByText(/[\d,]+ lines, [\d,]+ errors?/)).toBeVisible()

    const levelRequest = page.waitForRequest(
      (request) =>
        isLogsRequest(request) && new URL(request.url()).searchParams.get('level') === 'WARN',
    )
    await page.getByRole('combobox', { name: 'Level' }).selectOption('WARN')
    await levelRequest
    await expect(page).toHaveURL(/level=WARN/)
    await expect(logRows(page).first()).toBeVisible()
    const levels = await logRows(page).locator('[role=cell]:nth-child(2)').allInnerTexts()
    expect(levels.length).toBeGreaterThan(0)
    for (const level of levels) expect(['WARN', 'ERROR']).toContain(level.trim())

    const textRequest = page.waitForRequest(
      (request) =>
        isLogsRequest(request) &&
        new URL(request.url()).searchParams.get('q') === 'could not be established' &&
        new URL(request.url()).searchParams.get('level') === 'WARN',
    )
    await page.getByRole('searchbox', { name: 'Search logs' }).fill('could not be established')
    await page.getByRole('searchbox', { name: 'Search logs' }).press('Enter')
    await textRequest
    await expect(page).toHaveURL(/q=could\+not\+be\+established/)
    await expect(logRows(page).first()).toContainText('could not be established')

    await page.reload()
    await expect(page.getByRole('combobox', { name: 'Level' })).toHaveValue('WARN')
    await expect(page.getByRole('searchbox', { name: 'Search logs' })).toHaveValue(
      'could not be established',
    )
  })

  test('goes from a failed execution to its lines and back to the execution', async ({
    page,
    signInAs,
  }) => {
    const execution = requireExecution(requireSample('failed'))
    await signInAs('admin@acme', { path: `/executions/${execution.executionId}?env=prod` })
    await page.getByRole('link', { name: 'View logs for this execution' }).click()
    await expect(page).toHaveURL(new RegExp(`/logs\\?.*executionId=${execution.executionId}`))
    await expect(page).toHaveURL(/env=prod/)
    await expect(page).toHaveURL(/from=/)
    await expect(page.getByRole('link', { name: execution.executionId })).toBeVisible()
    await expect(logRows(page)).toHaveCount(4)
    const error = logRows(page).filter({ hasText: 'ERROR' })
    await expect(error).toHaveCount(1)
    await error.getByRole('button').click()
    const detail = page.getByRole('region', { name: /ERROR line at/ })
    await expect(detail).toContainText(execution.exchangeId)
    await expect(detail.getByRole('button', { name: /Stack trace/ })).toBeVisible()
    await expectNoSeriousA11yViolations(page)
    await detail.getByRole('link', { name: 'Open the execution' }).click()
    await expect(page.getByRole('heading', { level: 1, name: execution.executionId })).toBeVisible()
  })

  test('a copied line link opens the view scrolled to that line, highlighted', async ({
    page,
    context,
    signInAs,
  }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write'])
    await signInAs('admin@acme', { path: '/logs?env=prod' })
    const row = logRows(page).nth(6)
    const message = await row.getByRole('button').innerText()
    await row.getByRole('button').click()
    await page.getByRole('button', { name: 'Copy link to this line' }).click()
    const link = await page.evaluate(() => navigator.clipboard.readText())
    const url = new URL(link)
    expect(url.searchParams.get('line')).not.toBeNull()
    expect(url.searchParams.get('from')).toMatch(/^\d{4}-\d{2}-\d{2}T/)
    expect(url.searchParams.get('to')).toMatch(/^\d{4}-\d{2}-\d{2}T/)
    expect(link).not.toContain('access_token')

    await page.goto('/agents?env=prod')
    await page.goto(`${url.pathname}${url.search}`)
    const highlighted = logsTable(page).locator('[role=row][aria-current="true"]')
    await expect(highlighted).toBeVisible()
    await expect(highlighted).toContainText(message.slice(0, 40))
    await expect(page.getByRole('region', { name: /line at/ })).toBeVisible()
  })

  test('shows the lines around a line from the same agent, with the line marked', async ({
    page,
    signInAs,
  }) => {
    await signInAs('admin@acme', { path: '/logs?env=prod&level=ERROR' })
    await logRows(page).first().getByRole('button').click()
    await page.getByRole('button', { name: 'Show lines around this one' }).click()
    const context = page.getByRole('region', { name: 'Lines around this one' })
    await expect(context.locator('li[aria-current="true"]')).toBeVisible()
    await expect.poll(() => context.getByRole('listitem').count()).toBeGreaterThan(10)
    await expectNoSeriousA11yViolations(page)
  })

  test('live tail appends new lines, pauses when scrolled, and stops for the old environment on a switch', async ({
    page,
    signInAs,
  }) => {
    await signInAs('admin@acme', { path: '/logs?env=prod' })
    await expect(logRows(page).first()).toBeVisible()
    const firstBefore = await logRows(page).first().getByRole('button').innerText()
    const tail = page.getByRole('button', { name: 'Live tail' })
    await tail.click()
    await expect(tail).toHaveAttribute('aria-pressed', 'true')
    const tailRequest = page.waitForRequest(
      (request) => isLogsRequest(request) && new URL(request.url()).searchParams.has('after'),
    )
    await tailRequest
    await expect
      .poll(async () => logRows(page).first().getByRole('button').innerText(), { timeout: 15_000 })
      .not.toBe(firstBefore)

    await logsTable(page)
      .locator('xpath=..')
      .evaluate((element) => {
        element.scrollTop = 2_000
      })
    await expect(page.getByText(/Paused — \d+ new lines?/)).toBeVisible()
    await expect
      .poll(
        async () =>
          Number(/(\d+) new/.exec((await page.getByText(/Paused —/).innerText()) ?? '')?.[1]),
        {
          timeout: 15_000,
        },
      )
      .toBeGreaterThan(0)
    await page.getByRole('button', { name: 'Jump to newest' }).click()
    await expect(page.getByText('Following new lines')).toBeVisible()

    const afterSwitch: string[] = []
    let switched = false
    page.on('request', (request) => {
      if (switched && isLogsRequest(request)) afterSwitch.push(request.url())
    })
    switched = true
    await page
      .getByRole('banner')
      .getByRole('combobox', { name: 'Environment' })
      .selectOption('staging')
    await expect(page).toHaveURL(/env=staging/)
    await page.waitForTimeout(4_000)
    expect(afterSwitch.length).toBeGreaterThan(0)
    for (const url of afterSwitch)
      expect(new URL(url).searchParams.get('environment'), url).toBe('staging')
    expect(afterSwitch.some((url) => new URL(url).searchParams.has('after'))).toBe(true)
    for (const row of await logRows(page).all()) {
      await expect(row).not.toContainText('prod-')
    }
  })

  test('opens a line of over 1 MB without freezing: a bounded row, the message whole on demand', async ({
    page,
    signInAs,
  }) => {
    // The mock writes one every two hours; a narrow range keeps the mock's text scan short.
    const huge = newestHugeLine('acme', 'prod', Date.now())
    expect(huge).toBeDefined()
    const at = Date.parse(huge?.timestamp ?? '')
    const range = `from=${new Date(at - 60_000).toISOString()}&to=${new Date(at + 60_000).toISOString()}`
    await signInAs('admin@acme', { path: `/logs?env=prod&${range}&q=reconciliation+report` })
    const row = logRows(page).first()
    await expect(row).toBeVisible()
    const preview = await row.getByRole('button').innerText()
    expect(preview.length).toBeLessThan(300)
    await row.getByRole('button').click()
    const detail = page.getByRole('region', { name: /line at/ })
    await expect(detail).toContainText('too long to format, shown as captured')
    await detail.getByRole('button', { name: /Show all of the message/ }).click()
    // Whole, in rows of one height with only those in view in the DOM: its start at the top,
    // its very end once scrolled to the bottom.
    const message = detail.getByRole('region', { name: 'Message' })
    const text = huge?.message ?? ''
    expect(text.length).toBeGreaterThan(1_000_000)
    const rows = splitTextRows(text, 160)
    const lastRow = text.slice(rows.starts[rows.count - 1], rows.ends[rows.count - 1])
    await expect(message.locator('.long-text-row').first()).toHaveText(
      text.slice(rows.starts[0], rows.ends[0]),
    )
    await message.evaluate((element) => {
      element.scrollTop = element.scrollHeight
    })
    await expect(message.locator('.long-text-row').last()).toContainText(lastRow)
    expect(await message.locator('.long-text-row').count()).toBeLessThan(200)
    // Still responsive: the next interaction goes through.
    await detail.getByRole('button', { name: 'Show less' }).click()
    await expect(detail.getByRole('button', { name: /Show all of the message/ })).toBeVisible()
    expect(await page.locator('[role=row]').count()).toBeLessThanOrEqual(101)
  })

  test('passes an axe scan', async ({ page, signInAs }) => {
    await signInAs('admin@acme', { path: '/logs?env=prod' })
    await expect(logRows(page).first()).toBeVisible()
    await expect(page.getByText(/[\d,]+ lines, /)).toBeVisible()
    await expectNoSeriousA11yViolations(page)
  })
})
