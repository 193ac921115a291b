/**
 * Untrusted bodies cannot freeze the page: an execution opened with a crafted input body (a
 * mock server started with `MOCK_HOSTILE_BODY` replaces every execution's input body), for a
 * 5 MB JSON body,
 * a 10,000-deep JSON body and an XML body of 200,000 `<!x>` declarations. Per body: the
 * longest main-thread task (PerformanceObserver 'longtask') from the navigation until the
 * body's section says how it is shown (formatted, or as captured) plus a second to settle,
 * and the longest task from a click on "Show full body" to the next frames.
 *
 * Runs on Node's own TypeScript support (erasable syntax only), so nothing is imported from
 * `src/`.
 */
import type { Browser, Page } from '@playwright/test'
import { signIn, type BenchResults, type Log, type SuiteOptions } from './bench-support.ts'

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

export async function runHostileBodyBenchmark(options: SuiteOptions): Promise<BenchResults> {
  const results: BenchResults = {}
  for (const kind of KINDS) {
    const server = await options.serve({ MOCK_HOSTILE_BODY: kind })
    try {
      Object.assign(results, await measureBody(options.browser, server.url, kind, options.log))
    } finally {
      await server.stop()
    }
  }
  return results
}

async function measureBody(
  browser: Browser,
  baseURL: string,
  kind: (typeof KINDS)[number],
  log: Log,
): Promise<BenchResults> {
  const context = await browser.newContext({ baseURL, viewport: { width: 1280, height: 800 } })
  try {
    await context.addInitScript(installLongTaskProbe)
    const page = await context.newPage()
    await signIn(page)
    await page.goto('/executions?env=prod')
    const firstLink = page.getByRole('table', { name: 'Executions' }).getByRole('link').first()
    await firstLink.waitFor({ timeout: 30_000 })
    await page.goto((await firstLink.getAttribute('href')) ?? '')
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
    const shownAs = ((await section.locator('.ed-muted').first().textContent()) ?? '')
      .replace(/\s+/g, ' ')
      .trim()
    log(
      `  ${kind}: longest task opening ${Math.round(openLongest)} ms, showing it in full ${Math.round(expandLongest)} ms (${shownAs})`,
    )
    return {
      [`hostile.${kind}.openLongestTaskMs`]: Math.round(openLongest),
      [`hostile.${kind}.expandLongestTaskMs`]: Math.round(expandLongest),
      [`hostile.${kind}.shownAs`]: shownAs,
    }
  } finally {
    await context.close()
  }
}

export function hostileBodyReportRows(results: BenchResults): string[] {
  return KINDS.flatMap((kind) => [
    `| ${kind}: longest task opening the execution (${results[`hostile.${kind}.shownAs`] ?? ''}) | ${results[`hostile.${kind}.openLongestTaskMs`] ?? ''} ms | no freeze | |`,
    `| ${kind}: longest task on "Show full body" | ${results[`hostile.${kind}.expandLongestTaskMs`] ?? ''} ms | | |`,
  ])
}
