/**
 * Untrusted bodies cannot freeze the page: an execution opened with a crafted input body (the
 * mock's `hostileBody` setting replaces every execution's input body), for a 5 MB JSON body,
 * a 10,000-deep JSON body and an XML body of 200,000 `<!x>` declarations. Per body: the
 * longest main-thread task (PerformanceObserver 'longtask') from the navigation until the
 * body's section says how it is shown (formatted, or as captured) plus a second to settle,
 * and the longest task from a click on "Show full body" to the next frames.
 *
 * Runs on Node's own TypeScript support (erasable syntax only), so nothing is imported from
 * `src/`.
 */
import type { Browser, Page } from '@playwright/test'

const MOCK_SETTINGS_KEY = 'cameleer3:mock'
const KINDS = ['huge-json', 'deep-json', 'many-declarations'] as const

function installLongTaskProbe(): void {
  const w = window as unknown as { __longTasks: number[] }
  w.__longTasks = []
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) w.__longTasks.push(entry.duration)
  }).observe({ type: 'longtask', buffered: true })
}

async function longestTask(page: Page, since: number): Promise<number> {
  const tasks = await page.evaluate(
    (from) => (window as unknown as { __longTasks: number[] }).__longTasks.slice(from),
    since,
  )
  return tasks.length ? Math.max(...tasks) : 0
}

const taskCount = (page: Page) =>
  page.evaluate(() => (window as unknown as { __longTasks: number[] }).__longTasks.length)

export async function runHostileBodyBenchmark(options: {
  baseURL: string
  browser: Browser
  log: (message: string) => void
}): Promise<Record<string, number | string>> {
  const context = await options.browser.newContext({
    baseURL: options.baseURL,
    viewport: { width: 1280, height: 800 },
  })
  const results: Record<string, number | string> = {}
  try {
    await context.addInitScript(installLongTaskProbe)
    const page = await context.newPage()
    await page.goto('/login')
    await page.evaluate((key) => {
      localStorage.setItem(key, JSON.stringify({ latencyMs: 0, errorRate: 0, malformedRate: 0 }))
    }, MOCK_SETTINGS_KEY)
    await page.getByRole('textbox', { name: 'Username' }).fill('admin@acme')
    await page.getByLabel('Password').fill('demo')
    await page.getByRole('button', { name: 'Sign in', exact: true }).click()
    await page.waitForURL(/\/agents/)
    await page.goto('/executions?env=prod')
    const firstLink = page.getByRole('table', { name: 'Executions' }).getByRole('link').first()
    await firstLink.waitFor({ timeout: 30_000 })
    const href = (await firstLink.getAttribute('href')) ?? ''

    for (const kind of KINDS) {
      await page.evaluate(
        ({ key, body }) => {
          const current = JSON.parse(localStorage.getItem(key) ?? '{}') as object
          localStorage.setItem(key, JSON.stringify({ ...current, hostileBody: body }))
        },
        { key: MOCK_SETTINGS_KEY, body: kind },
      )
      await page.goto(href)
      const section = page.getByRole('region', { name: 'Input body' })
      await section
        .getByText(/JSON|XML|Text/)
        .first()
        .waitFor({ timeout: 60_000 })
      await page.waitForFunction(() => !document.body.textContent?.includes('Formatting…'), null, {
        timeout: 60_000,
      })
      await page.waitForTimeout(1_000)
      const openLongest = await longestTask(page, 0)
      const before = await taskCount(page)
      const expand = section.getByRole('button', { name: /Show full body/ })
      let expandLongest = 0
      if (await expand.count()) {
        await expand.click()
        await page.evaluate(
          () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 500))),
        )
        expandLongest = await longestTask(page, before)
      }
      const shownAs = (await section.locator('.ed-muted').first().textContent()) ?? ''
      results[`hostile.${kind}.openLongestTaskMs`] = Math.round(openLongest)
      results[`hostile.${kind}.expandLongestTaskMs`] = Math.round(expandLongest)
      results[`hostile.${kind}.shownAs`] = shownAs.replace(/\s+/g, ' ').trim()
      options.log(
        `  ${kind}: longest task opening ${Math.round(openLongest)} ms, showing it in full ${Math.round(expandLongest)} ms (${results[`hostile.${kind}.shownAs`]})`,
      )
    }
    return results
  } finally {
    await context.close()
  }
}

export function hostileBodyReportRows(results: Record<string, number | string>): string[] {
  return KINDS.flatMap((kind) => [
    `| ${kind}: longest task opening the execution (${results[`hostile.${kind}.shownAs`] ?? ''}) | ${results[`hostile.${kind}.openLongestTaskMs`] ?? ''} ms | no freeze | |`,
    `| ${kind}: longest task on "Show full body" | ${results[`hostile.${kind}.expandLongestTaskMs`] ?? ''} ms | | |`,
  ])
}
