/**
 * Performance figures of the Executions pages, measured in Chromium on the production build
 * against `npm run mock:server` at zero latency:
 *
 * 1. DOM rows while 10,000 search results are loaded (`now-24h`, pages loaded by scrolling to
 *    the end until at least 10,000 rows are in the table): the most `role=row` elements the
 *    document held at any time while the rows were scrolled top to bottom. Target ≤ 100.
 * 2. Long tasks (> 50 ms, PerformanceObserver 'longtask') while those rows are scrolled top to
 *    bottom in 200 steps, one animation frame apart. Target 0. Measured with the next-page
 *    request held back, so the scroll measures the table, not the table growing under it; a
 *    first pass with the request let through is reported for information.
 * 3. Time to render an execution of 500+ processors: from the click on its row in the search
 *    results to the frame after its summary and first timeline rows are in the document
 *    (request, validation and render; each run on a freshly loaded page, so nothing is
 *    cached). Median of 5. Target < 1 s. The same from navigation start (a cold load of the
 *    detail URL: bundle, session) is reported for information.
 *
 * A script, not a test: a missed target prints MISSED; only errors fail. Runs on Node's own
 * TypeScript support (erasable syntax only), so nothing is imported from `src/`. Called by
 * run-benchmarks.ts (`npm run bench -- --only executions`).
 */
import type { BrowserContext, Page } from '@playwright/test'
import {
  holdRequests,
  median,
  round1,
  signIn,
  verdict,
  type BenchResults,
  type Log,
  type SuiteOptions,
} from './bench-support.ts'

const TARGET_ROWS_LOADED = 10_000
const DOM_ROWS_TARGET = 100
const LONG_TASK_MS = 50
const SCROLL_STEPS = 200
const DETAIL_RUNS = 5
const DETAIL_TARGET_MS = 1_000
const MIN_PROCESSORS = 500
const ENV = 'prod'

// ---------------------------------------------------------------------------- page probes
// Functions below run in the page (passed to `evaluate`/`addInitScript`): self-contained.

/** What the probes leave on `window` for this script to read. */
interface ProbeWindow {
  __benchDetail?: { start: number | null; painted: number | null }
}

/**
 * On an execution's page, records when its summary and first timeline row are first in the
 * document (the frame after: they are painted by then). `start` stays null here: from
 * navigation start, `performance.now()` is the time.
 */
function installDetailProbe(): void {
  if (!/^\/executions\/[^/]+/.test(location.pathname)) return
  const probe = { start: 0, painted: null as number | null }
  ;(window as unknown as ProbeWindow).__benchDetail = probe
  watchDetail(probe)

  function watchDetail(target: { painted: number | null }) {
    const ready = () =>
      document.querySelector('section[aria-label="Summary"]') !== null &&
      document.querySelector(
        '[role="treegrid"][aria-label="Processor timeline"] [role="row"][aria-rowindex="2"]',
      ) !== null
    const observer = new MutationObserver(() => {
      if (!ready()) return
      observer.disconnect()
      requestAnimationFrame(() => setTimeout(() => (target.painted = performance.now()), 0))
    })
    observer.observe(document, { childList: true, subtree: true })
  }
}

/** On the search page: the next click starts the clock, the detail's first paint stops it. */
function armClickProbe(): void {
  const probe: { start: number | null; painted: number | null } = { start: null, painted: null }
  ;(window as unknown as ProbeWindow).__benchDetail = probe
  window.addEventListener(
    'click',
    (event) => {
      probe.start ??= event.timeStamp
    },
    { capture: true, once: true },
  )
  const ready = () =>
    document.querySelector('section[aria-label="Summary"]') !== null &&
    document.querySelector(
      '[role="treegrid"][aria-label="Processor timeline"] [role="row"][aria-rowindex="2"]',
    ) !== null
  const observer = new MutationObserver(() => {
    if (probe.start === null || !ready()) return
    observer.disconnect()
    requestAnimationFrame(() => setTimeout(() => (probe.painted = performance.now()), 0))
  })
  observer.observe(document.body, { childList: true, subtree: true })
}

interface ScrollMeasurement {
  steps: number
  longTasks: number[]
  /** The scroll step each long task started in (0: before the first, steps + 1: after the last). */
  longTaskSteps: number[]
  maxDomRows: number
  maxFrameMs: number
  durationMs: number
}

/** Scrolls `element` top to bottom in `steps` steps, a frame apart, counting long tasks. */
async function scrollAndMeasure(
  element: HTMLElement,
  { steps, longTaskMs }: { steps: number; longTaskMs: number },
): Promise<ScrollMeasurement> {
  const frame = () => new Promise<number>((done) => requestAnimationFrame(done))
  const domRows = () => document.querySelectorAll('[role="row"]').length
  element.scrollTop = 0
  await frame()
  await frame()
  // Let whatever the jump to the top started finish before the measurement begins.
  await new Promise((done) => setTimeout(done, 500))

  const longTasks: PerformanceEntry[] = []
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      if (entry.duration > longTaskMs) longTasks.push(entry)
    }
  })
  observer.observe({ type: 'longtask', buffered: false })

  let maxDomRows = domRows()
  let maxFrameMs = 0
  const started = performance.now()
  let last = await frame()
  const distance = element.scrollHeight - element.clientHeight
  const stepStarts: number[] = []
  for (let step = 1; step <= steps; step++) {
    stepStarts.push(performance.now())
    element.scrollTop = Math.round((distance * step) / steps)
    const now = await frame()
    maxFrameMs = Math.max(maxFrameMs, now - last)
    last = now
    maxDomRows = Math.max(maxDomRows, domRows())
  }
  const ended = performance.now()
  // Long tasks are reported asynchronously: give the last ones a moment to arrive.
  await new Promise((done) => setTimeout(done, 300))
  for (const entry of observer.takeRecords()) {
    if (entry.duration > longTaskMs) longTasks.push(entry)
  }
  observer.disconnect()
  const stepOf = (time: number) =>
    time >= ended ? steps + 1 : stepStarts.filter((start) => start <= time).length
  return {
    steps,
    longTasks: longTasks.map((entry) => entry.duration),
    longTaskSteps: longTasks.map((entry) => stepOf(entry.startTime)),
    maxDomRows,
    maxFrameMs,
    durationMs: ended - started,
  }
}

// ---------------------------------------------------------------------------- helpers

function resultsTable(page: Page) {
  return page.getByRole('table', { name: 'Executions' })
}

async function loadedRows(page: Page): Promise<number> {
  return Number(await resultsTable(page).getAttribute('aria-rowcount')) - 1
}

interface ManyProcessorExecution {
  executionId: string
  applicationId: string
  routeId: string
  startTime: string
  processorCount: number
}

/**
 * A finished execution of 500+ processors from the last 24 hours, found the way any API
 * client would: the routes that ran, slowest first (bulk splits are slow), then each route's
 * executions until one is big enough. Uses the token the app itself sends.
 */
async function findManyProcessorExecution(
  page: Page,
  authorization: string,
): Promise<ManyProcessorExecution> {
  const found = await page.evaluate(
    async ({ authorization, env, minProcessors }) => {
      const to = new Date()
      const from = new Date(to.getTime() - 24 * 3_600_000)
      const get = async (path: string, params: Record<string, string>) => {
        const url = new URL(`/api/v1${path}`, window.location.origin)
        for (const [name, value] of Object.entries({
          environment: env,
          from: from.toISOString(),
          to: to.toISOString(),
          ...params,
        })) {
          url.searchParams.set(name, value)
        }
        const response = await fetch(url, { headers: { Authorization: authorization } })
        if (!response.ok) throw new Error(`GET ${url.pathname} answered ${response.status}`)
        return response.json()
      }
      const routes = (await get('/stats/routes', {})) as {
        items: { applicationId: string; routeId: string; p50Ms: number }[]
      }
      const bySlowness = routes.items.toSorted((a, b) => b.p50Ms - a.p50Ms)
      for (const route of bySlowness) {
        const page = (await get('/executions', {
          applicationId: route.applicationId,
          routeId: route.routeId,
          status: 'COMPLETED',
          limit: '500',
        })) as { items: Array<{ processorCount: number } & Record<string, unknown>> }
        const hit = page.items.find((item) => item.processorCount >= minProcessors)
        if (hit) return hit
      }
      return null
    },
    { authorization, env: ENV, minProcessors: MIN_PROCESSORS },
  )
  if (!found) throw new Error(`no execution with ${MIN_PROCESSORS}+ processors in the last 24 h`)
  return found as unknown as ManyProcessorExecution
}

// ---------------------------------------------------------------------------- benchmarks

async function measureSearch(
  context: BrowserContext,
  log: Log,
): Promise<{
  loaded: number
  pages: number
  held: ScrollMeasurement
  letThrough: ScrollMeasurement
}> {
  const page = await context.newPage()
  try {
    await page.goto(`/executions?env=${ENV}&from=now-24h&to=now`)
    const table = resultsTable(page)
    await table.getByRole('link').first().waitFor({ timeout: 30_000 })
    const scroller = table.locator('xpath=..')

    let pages = 1
    for (let loaded = await loadedRows(page); loaded < TARGET_ROWS_LOADED;) {
      if (await page.getByText('End of results').isVisible()) {
        throw new Error(`the search ended at ${loaded} rows, fewer than ${TARGET_ROWS_LOADED}`)
      }
      // Scrolled to the end, the table asks for the next page by itself.
      await scroller.evaluate((element) => {
        element.scrollTop = element.scrollHeight
      })
      await page.waitForFunction(
        (previous) =>
          Number(
            document
              .querySelector('[role="table"][aria-label="Executions"]')
              ?.getAttribute('aria-rowcount'),
          ) -
            1 >
          previous,
        loaded,
        { timeout: 30_000 },
      )
      loaded = await loadedRows(page)
      pages++
    }
    const loaded = await loadedRows(page)
    log(`  loaded ${loaded} rows in ${pages} pages`)

    // Informational pass first: at the bottom the table loads the next page. Then the
    // measured pass, with that request held back.
    const letThrough = await scroller.evaluate(scrollAndMeasure, {
      steps: SCROLL_STEPS,
      longTaskMs: LONG_TASK_MS,
    })
    await page
      .getByText('Loading more executions…')
      .waitFor({ state: 'detached', timeout: 30_000 })
      .catch(() => undefined)
    await holdRequests(
      page,
      (url) => url.pathname === '/api/v1/executions' && url.searchParams.has('cursor'),
    )
    const held = await scroller.evaluate(scrollAndMeasure, {
      steps: SCROLL_STEPS,
      longTaskMs: LONG_TASK_MS,
    })
    return { loaded, pages, held, letThrough }
  } finally {
    await page.close()
  }
}

async function measureDetail(
  context: BrowserContext,
  log: Log,
): Promise<{ execution: ManyProcessorExecution; clickMs: number[]; navigationMs: number[] }> {
  const page = await context.newPage()
  try {
    let authorization: string | null = null
    page.on('request', (request) => {
      const header = request.headers()['authorization']
      if (header && new URL(request.url()).pathname.startsWith('/api/')) authorization ??= header
    })
    await page.goto(`/executions?env=${ENV}`)
    await resultsTable(page).getByRole('link').first().waitFor({ timeout: 30_000 })
    if (!authorization) throw new Error('the app sent no Authorization header')
    const execution = await findManyProcessorExecution(page, authorization)
    log(
      `  execution ${execution.executionId}: ${execution.processorCount} processors ` +
        `(${execution.applicationId}/${execution.routeId})`,
    )

    // The search narrowed to a second around it: a short list with its row in view.
    const start = Date.parse(execution.startTime)
    const search = new URLSearchParams({
      env: ENV,
      from: new Date(start - 1_000).toISOString(),
      to: new Date(start + 1_000).toISOString(),
      app: execution.applicationId,
      route: execution.routeId,
    })
    const link = resultsTable(page).locator(
      `a[href^="/executions/${encodeURIComponent(execution.executionId)}?"]`,
    )
    const clickMs: number[] = []
    for (let run = 0; run < DETAIL_RUNS; run++) {
      await page.goto(`/executions?${search.toString()}`)
      await link.waitFor({ timeout: 30_000 })
      await page.evaluate(armClickProbe)
      await link.click()
      await page.waitForFunction(
        () => (window as unknown as ProbeWindow).__benchDetail?.painted != null,
        null,
        { timeout: 30_000 },
      )
      const probe = await page.evaluate(() => (window as unknown as ProbeWindow).__benchDetail)
      clickMs.push((probe?.painted ?? Number.NaN) - (probe?.start ?? Number.NaN))
    }

    const navigationMs: number[] = []
    await page.addInitScript(installDetailProbe)
    for (let run = 0; run < DETAIL_RUNS; run++) {
      await page.goto(`/executions/${encodeURIComponent(execution.executionId)}?env=${ENV}`)
      await page.waitForFunction(
        () => (window as unknown as ProbeWindow).__benchDetail?.painted != null,
        null,
        { timeout: 30_000 },
      )
      const probe = await page.evaluate(() => (window as unknown as ProbeWindow).__benchDetail)
      navigationMs.push(probe?.painted ?? Number.NaN)
    }
    return { execution, clickMs, navigationMs }
  } finally {
    await page.close()
  }
}

/**
 * Measures the Executions pages (signed in as admin@acme) and prints each figure beside its
 * target. Keys are stable names for a report.
 */
export async function runExecutionBenchmarks(options: SuiteOptions): Promise<BenchResults> {
  const { log } = options
  const context = await options.browser.newContext({
    baseURL: options.baseURL,
    viewport: { width: 1280, height: 800 },
  })
  try {
    await signIn(context)

    log('Executions search: loading 10,000 rows (now-24h)…')
    const search = await measureSearch(context, log)
    log('Execution detail: finding and opening a 500+ processor execution…')
    const detail = await measureDetail(context, log)

    const { held, letThrough } = search
    const longest = (tasks: readonly number[]) => (tasks.length ? Math.max(...tasks) : 0)
    const clickMedian = median(detail.clickMs)
    const results: BenchResults = {
      'executions.search.rowsLoaded': search.loaded,
      'executions.search.pagesLoaded': search.pages,
      'executions.search.domRows': held.maxDomRows,
      'executions.search.domRows.verdict': verdict(held.maxDomRows <= DOM_ROWS_TARGET),
      'executions.search.scroll.longTasks': held.longTasks.length,
      'executions.search.scroll.longestTaskMs': round1(longest(held.longTasks)),
      'executions.search.scroll.longTasks.verdict': verdict(held.longTasks.length === 0),
      'executions.search.scroll.longTaskSteps': held.longTaskSteps.join(', '),
      'executions.search.scroll.maxFrameMs': round1(held.maxFrameMs),
      'executions.search.scroll.durationMs': round1(held.durationMs),
      'executions.search.scrollWithNextPage.longTasks': letThrough.longTasks.length,
      'executions.search.scrollWithNextPage.longestTaskMs': round1(longest(letThrough.longTasks)),
      'executions.search.scrollWithNextPage.maxDomRows': letThrough.maxDomRows,
      'executions.detail.executionId': detail.execution.executionId,
      'executions.detail.processors': detail.execution.processorCount,
      'executions.detail.clickToPaintMedianMs': round1(clickMedian),
      'executions.detail.clickToPaintSamplesMs': detail.clickMs.map(round1).join(', '),
      'executions.detail.clickToPaint.verdict': verdict(clickMedian < DETAIL_TARGET_MS),
      'executions.detail.navigationToPaintMedianMs': round1(median(detail.navigationMs)),
      'executions.detail.navigationToPaintSamplesMs': detail.navigationMs.map(round1).join(', '),
    }
    printResults(results, log)
    return results
  } finally {
    await context.close()
  }
}

function printResults(results: BenchResults, log: Log): void {
  const r = (key: string) => results[key]
  log('')
  log('Executions (Chromium, production build, mock server latency 0)')
  log(
    `  DOM rows with ${r('executions.search.rowsLoaded')} results loaded: ${r('executions.search.domRows')} ` +
      `(most seen while scrolling); target ≤ ${DOM_ROWS_TARGET}: ${r('executions.search.domRows.verdict')}`,
  )
  log(
    `  long tasks > ${LONG_TASK_MS} ms scrolling them top to bottom (${SCROLL_STEPS} steps, next page held): ` +
      `${r('executions.search.scroll.longTasks')}, longest ${r('executions.search.scroll.longestTaskMs')} ms; ` +
      `target 0: ${r('executions.search.scroll.longTasks.verdict')}` +
      (r('executions.search.scroll.longTaskSteps')
        ? ` (at steps ${r('executions.search.scroll.longTaskSteps')})`
        : '') +
      ' ' +
      `(longest frame ${r('executions.search.scroll.maxFrameMs')} ms, ${r('executions.search.scroll.durationMs')} ms in all)`,
  )
  log(
    `    for information, the same scroll letting the next page load at the bottom: ` +
      `${r('executions.search.scrollWithNextPage.longTasks')} long tasks, longest ` +
      `${r('executions.search.scrollWithNextPage.longestTaskMs')} ms`,
  )
  log(
    `  ${r('executions.detail.processors')}-processor execution, click → summary and timeline painted: ` +
      `median ${r('executions.detail.clickToPaintMedianMs')} ms of ${DETAIL_RUNS} ` +
      `(${r('executions.detail.clickToPaintSamplesMs')}); target < ${DETAIL_TARGET_MS} ms: ` +
      `${r('executions.detail.clickToPaint.verdict')}`,
  )
  log(
    `    for information, from navigation start (cold load of the URL): median ` +
      `${r('executions.detail.navigationToPaintMedianMs')} ms (${r('executions.detail.navigationToPaintSamplesMs')})`,
  )
}

/**
 * The figures as rows of docs/benchmarks.md's `| figure | value | target | |` tables, for
 * `run-benchmarks.ts` to write into its report.
 */
export function executionBenchmarkReportRows(results: BenchResults): string[] {
  const r = (key: string) => results[key] ?? ''
  const steps = r('executions.search.scroll.longTaskSteps')
  return [
    `| DOM rows with ${r('executions.search.rowsLoaded')} search results loaded (most while scrolling) | ${r('executions.search.domRows')} | ≤ ${DOM_ROWS_TARGET} | ${r('executions.search.domRows.verdict')} |`,
    `| long tasks > ${LONG_TASK_MS} ms scrolling them top to bottom (${SCROLL_STEPS} steps, next page held) | ${r('executions.search.scroll.longTasks')}, longest ${r('executions.search.scroll.longestTaskMs')} ms${steps ? ` (steps ${steps})` : ''} | 0 | ${r('executions.search.scroll.longTasks.verdict')} |`,
    `| the same, letting the next page load at the bottom | ${r('executions.search.scrollWithNextPage.longTasks')}, longest ${r('executions.search.scrollWithNextPage.longestTaskMs')} ms | | |`,
    `| ${r('executions.detail.processors')}-processor execution, click → summary and timeline painted, median of ${DETAIL_RUNS} | ${r('executions.detail.clickToPaintMedianMs')} ms (${r('executions.detail.clickToPaintSamplesMs')}) | < ${DETAIL_TARGET_MS} ms | ${r('executions.detail.clickToPaint.verdict')} |`,
    `| the same from navigation start (cold load of the URL), median | ${r('executions.detail.navigationToPaintMedianMs')} ms | | |`,
  ]
}
