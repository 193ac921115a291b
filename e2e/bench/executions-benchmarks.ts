/**
 * Performance figures of the Executions pages, measured in Chromium against the mock build at
 * zero mock latency:
 *
 * 1. DOM rows while 10,000 search results are loaded (`now-24h`, pages loaded by scrolling to
 *    the end until at least 10,000 rows are in the table): the most `role=row` elements the
 *    document held at any time while the rows were scrolled top to bottom. Target ≤ 100.
 * 2. Long tasks (> 50 ms, PerformanceObserver 'longtask') while those rows are scrolled top to
 *    bottom in 200 steps, one animation frame apart. Target 0. Measured with the next-page
 *    request held back (mock latency raised for the pass): the mock generates its answers on
 *    the page's main thread, which a real server never does, so letting the table load page
 *    51 at the bottom would time the mock, not the table. A second pass with the request let
 *    through is reported for information.
 * 3. Time to render an execution of 500+ processors: from the click on its row in the search
 *    results to the frame after its summary and first timeline rows are in the document
 *    (request, validation and render; each run on a freshly loaded page, so nothing is
 *    cached). Median of 5. Target < 1 s. The same from navigation start (a cold load of the
 *    detail URL: bundle, mock worker, session) is reported for information.
 *
 * `runExecutionBenchmarks` is meant to be called by `run-benchmarks.ts` with its server and
 * browser. Run directly (`node e2e/bench/executions-benchmarks.ts`), this file builds the mock
 * bundle into a temporary directory, serves it on a free port and launches Chromium itself;
 * `--base-url http://localhost:4273` measures an already running mock preview instead.
 *
 * A script, not a test: a missed target prints MISSED; only errors fail. Runs on Node's own
 * TypeScript support (erasable syntax only), so nothing is imported from `src/`.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import type { Browser, BrowserContext, Page } from '@playwright/test'

export interface ExecutionBenchmarkOptions {
  /** Where the mock build is served, e.g. `http://localhost:4173`. */
  baseURL: string
  browser: Browser
  /** Progress and results; `console.log` unless given. */
  log?: (message: string) => void
}

export type ExecutionBenchmarkResults = Record<string, number | string>

const TARGET_ROWS_LOADED = 10_000
const DOM_ROWS_TARGET = 100
const LONG_TASK_MS = 50
const SCROLL_STEPS = 200
const DETAIL_RUNS = 5
const DETAIL_TARGET_MS = 1_000
const MIN_PROCESSORS = 500
/** Long enough that the held next-page request cannot answer during the scroll. */
const HOLD_LATENCY_MS = 10 * 60_000
const MOCK_SETTINGS_KEY = 'cameleer3:mock'
const USERNAME = 'admin@acme'
const PASSWORD = 'demo'
const ENV = 'prod'

function verdict(ok: boolean): string {
  return ok ? 'ok' : 'MISSED'
}

function median(values: readonly number[]): number {
  const sorted = values.toSorted((a, b) => a - b)
  if (!sorted.length) return Number.NaN
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2
    ? (sorted[middle] ?? Number.NaN)
    : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2
}

const round1 = (value: number) => Math.round(value * 10) / 10

// ---------------------------------------------------------------------------- page probes
// Functions below run in the page (passed to `evaluate`/`addInitScript`): self-contained.

/** What the probes leave on `window` for this script to read. */
interface ProbeWindow {
  __benchDetail?: { start: number | null; painted: number | null }
}

/** Zero mock latency and no faults, before any app code reads the settings. */
function installMockSettings(key: string): void {
  try {
    localStorage.setItem(
      key,
      JSON.stringify({ latencyMs: 0, latencyByEnvironment: {}, errorRate: 0, malformedRate: 0 }),
    )
  } catch {
    // about:blank has no storage; the app never runs there.
  }
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

async function setMockLatency(page: Page, latencyMs: number): Promise<void> {
  await page.evaluate(
    ({ key, latency }) => {
      const current = JSON.parse(localStorage.getItem(key) ?? '{}') as Record<string, unknown>
      localStorage.setItem(key, JSON.stringify({ ...current, latencyMs: latency }))
    },
    { key: MOCK_SETTINGS_KEY, latency: latencyMs },
  )
}

async function signIn(page: Page): Promise<void> {
  await page.goto('/login')
  await page.getByRole('textbox', { name: 'Username' }).fill(USERNAME)
  await page.getByLabel('Password').fill(PASSWORD)
  await page.getByRole('button', { name: 'Sign in', exact: true }).click()
  await page.waitForURL((url) => url.pathname !== '/login', { timeout: 30_000 })
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
  log: (message: string) => void,
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

    // Informational pass first: at the bottom the table loads the next page, and the mock
    // generates it on this thread. Then the measured pass, with that request held back.
    const letThrough = await scroller.evaluate(scrollAndMeasure, {
      steps: SCROLL_STEPS,
      longTaskMs: LONG_TASK_MS,
    })
    await page
      .getByText('Loading more executions…')
      .waitFor({ state: 'detached', timeout: 30_000 })
      .catch(() => undefined)
    await setMockLatency(page, HOLD_LATENCY_MS)
    const held = await scroller.evaluate(scrollAndMeasure, {
      steps: SCROLL_STEPS,
      longTaskMs: LONG_TASK_MS,
    })
    await setMockLatency(page, 0)
    return { loaded, pages, held, letThrough }
  } finally {
    await page.close()
  }
}

async function measureDetail(
  context: BrowserContext,
  log: (message: string) => void,
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
 * Measures the Executions pages against the mock build at `baseURL` (signed in as admin@acme)
 * and prints each figure beside its target. Keys are stable names for a report.
 */
export async function runExecutionBenchmarks(
  options: ExecutionBenchmarkOptions,
): Promise<ExecutionBenchmarkResults> {
  const log = options.log ?? ((message: string) => console.log(message))
  const context = await options.browser.newContext({
    baseURL: options.baseURL,
    viewport: { width: 1280, height: 800 },
  })
  try {
    await context.addInitScript(installMockSettings, MOCK_SETTINGS_KEY)
    // The session is kept in localStorage: every later page of this context is signed in.
    const signInPage = await context.newPage()
    await signIn(signInPage)
    await signInPage.close()

    log('Executions search: loading 10,000 rows (now-24h)…')
    const search = await measureSearch(context, log)
    log('Execution detail: finding and opening a 500+ processor execution…')
    const detail = await measureDetail(context, log)

    const { held, letThrough } = search
    const longest = (tasks: readonly number[]) => (tasks.length ? Math.max(...tasks) : 0)
    const clickMedian = median(detail.clickMs)
    const results: ExecutionBenchmarkResults = {
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

function printResults(results: ExecutionBenchmarkResults, log: (message: string) => void): void {
  const r = (key: string) => results[key]
  log('')
  log(`Executions (Chromium, mock latency 0)`)
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
    `    for information, the same scroll letting the next page load at the bottom (mock on the main thread): ` +
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
export function executionBenchmarkReportRows(results: ExecutionBenchmarkResults): string[] {
  const r = (key: string) => results[key] ?? ''
  const steps = r('executions.search.scroll.longTaskSteps')
  return [
    `| DOM rows with ${r('executions.search.rowsLoaded')} search results loaded (most while scrolling) | ${r('executions.search.domRows')} | ≤ ${DOM_ROWS_TARGET} | ${r('executions.search.domRows.verdict')} |`,
    `| long tasks > ${LONG_TASK_MS} ms scrolling them top to bottom (${SCROLL_STEPS} steps, next page held) | ${r('executions.search.scroll.longTasks')}, longest ${r('executions.search.scroll.longestTaskMs')} ms${steps ? ` (steps ${steps})` : ''} | 0 | ${r('executions.search.scroll.longTasks.verdict')} |`,
    `| the same, letting the next page load at the bottom (mock on the main thread) | ${r('executions.search.scrollWithNextPage.longTasks')}, longest ${r('executions.search.scrollWithNextPage.longestTaskMs')} ms | | |`,
    `| ${r('executions.detail.processors')}-processor execution, click → summary and timeline painted, median of ${DETAIL_RUNS} | ${r('executions.detail.clickToPaintMedianMs')} ms (${r('executions.detail.clickToPaintSamplesMs')}) | < ${DETAIL_TARGET_MS} ms | ${r('executions.detail.clickToPaint.verdict')} |`,
    `| the same from navigation start (cold load of the URL), median | ${r('executions.detail.navigationToPaintMedianMs')} ms | | |`,
  ]
}

// ---------------------------------------------------------------------------- run directly

const ROOT = resolve(import.meta.dirname, '../..')
const VITE = join(ROOT, 'node_modules/vite/bin/vite.js')
const SYSTEM_CHROMIUM = '/usr/bin/chromium'

/** A free TCP port on this machine (shared with run-benchmarks.ts). */
export async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, () => {
      const address = server.address()
      const port = typeof address === 'object' && address ? address.port : 0
      server.close(() => resolvePort(port))
    })
  })
}

async function startPreview(outDir: string): Promise<{ url: string; server: ChildProcess }> {
  const port = await freePort()
  const url = `http://localhost:${port}`
  const server = spawn(
    process.execPath,
    [VITE, 'preview', '--mode', 'mock', '--outDir', outDir, '--port', String(port), '--strictPort'],
    { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] },
  )
  const deadline = Date.now() + 30_000
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`vite preview exited with ${server.exitCode}`)
    try {
      if ((await fetch(url)).ok) return { url, server }
    } catch {
      // not listening yet
    }
    await new Promise((wait) => setTimeout(wait, 200))
  }
  server.kill('SIGTERM')
  throw new Error(`vite preview did not answer on ${url} within 30 s`)
}

async function main(): Promise<void> {
  const { chromium } = await import('@playwright/test')
  const baseUrlArg = process.argv.indexOf('--base-url')
  let baseURL = baseUrlArg === -1 ? null : (process.argv[baseUrlArg + 1] ?? null)
  let server: ChildProcess | null = null
  const workDir = baseURL ? null : mkdtempSync(join(tmpdir(), 'cameleer3-exec-bench-'))
  const stop = () => {
    if (server && server.exitCode === null) server.kill('SIGTERM')
    server = null
  }
  process.on('SIGINT', () => {
    stop()
    process.exit(130)
  })
  try {
    if (workDir) {
      const outDir = join(workDir, 'dist-mock')
      console.log(`$ vite build --mode mock --outDir ${outDir}`)
      const build = spawnSync(
        process.execPath,
        [
          VITE,
          'build',
          '--mode',
          'mock',
          '--outDir',
          outDir,
          '--emptyOutDir',
          '--logLevel',
          'warn',
        ],
        { cwd: ROOT, stdio: 'inherit' },
      )
      if (build.status !== 0) throw new Error(`vite build failed (exit ${build.status})`)
      const preview = await startPreview(outDir)
      server = preview.server
      baseURL = preview.url
      console.log(`mock build served at ${baseURL}`)
    }
    const browser = await chromium.launch(
      existsSync(SYSTEM_CHROMIUM) ? { executablePath: SYSTEM_CHROMIUM } : {},
    )
    try {
      console.log(`${browser.browserType().name()} ${browser.version()}`)
      await runExecutionBenchmarks({ baseURL: baseURL ?? '', browser })
    } finally {
      await browser.close()
    }
  } finally {
    stop()
    if (workDir) rmSync(workDir, { recursive: true, force: true })
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  try {
    await main()
  } catch (error) {
    console.error(
      `\nexecution benchmarks failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
    )
    process.exitCode = 1
  }
}
