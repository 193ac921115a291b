/**
 * The logs view in Chromium: DOM rows with 100,000 lines loaded and long tasks while scrolling
 * them; a page of 200 lines of 12 KB JSON; a > 1 MB line opened; live tail at 200 new lines a
 * second for 60 s (long tasks, arrival → paint, heap at start and end); the JavaScript loaded
 * to show /logs (gzip), before the chart's lazy chunk.
 *
 * Runs on Node's own TypeScript support (erasable syntax only), so nothing from `src/`.
 */
import { gzipSync } from 'node:zlib'
import type { Browser, BrowserContext, Page } from '@playwright/test'
import {
  heapAfterGcMb,
  holdRequests,
  round1,
  signIn,
  verdict,
  type BenchResults,
  type Log,
  type SuiteOptions,
} from './bench-support.ts'

const LINES_TARGET = 100_000
const DOM_ROWS_TARGET = 100
const LONG_TASK_MS = 50
const JSON_PAGE_TASK_TARGET_MS = 100
const HUGE_PAINT_TARGET_MS = 200
const HEAP_GROWTH_TARGET_MB = 20
const JS_TARGET_KB = 160
const TAIL_SECONDS = 60
const TAIL_RATE = 200

interface ProbeWindow {
  __longTasks?: number[]
  __taskEntries?: Array<{ start: number; duration: number }>
  __lastLogsResponse?: number
  /** The longest message of any /logs answer so far. */
  __longestLogMessage?: number
  __lastLogsSizes?: number[]
  __arrivals?: number[]
  __paints?: Array<{ at: number; latency: number }>
}

function installProbes(): void {
  const probe = window as unknown as ProbeWindow
  probe.__longTasks = []
  probe.__taskEntries = []
  probe.__arrivals = []
  probe.__paints = []
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      probe.__longTasks?.push(entry.duration)
      probe.__taskEntries?.push({ start: entry.startTime, duration: entry.duration })
    }
  }).observe({ type: 'longtask', buffered: true })
  // When a tail poll with lines arrives (the response body read), for arrival → paint.
  const originalFetch = window.fetch.bind(window)
  window.fetch = async (...args: Parameters<typeof fetch>) => {
    const response = await originalFetch(...args)
    const url =
      typeof args[0] === 'string' ? args[0] : args[0] instanceof URL ? args[0].href : args[0].url
    if (url.includes('/api/v1/logs?') && !url.includes('after=')) {
      void response
        .clone()
        .json()
        .then((body: { items?: Array<{ message: string }> }) => {
          probe.__lastLogsResponse = performance.now()
          probe.__lastLogsSizes = (body.items ?? []).map((item) => item.message.length)
          probe.__longestLogMessage = Math.max(
            probe.__longestLogMessage ?? 0,
            ...probe.__lastLogsSizes,
          )
        })
    }
    if (url.includes('/api/v1/logs?') && url.includes('after=')) {
      void response
        .clone()
        .text()
        .then((text) => {
          if (!text.startsWith('{"items":[]')) probe.__arrivals?.push(performance.now())
        })
    }
    return response
  }
}

async function newContext(browser: Browser, baseURL: string): Promise<BrowserContext> {
  const context = await browser.newContext({ baseURL, viewport: { width: 1280, height: 900 } })
  await context.addInitScript(installProbes)
  await signIn(context)
  return context
}

const domRows = (page: Page) =>
  page.locator('[role=table][aria-label="Log lines"] [role=row]').count()
const longTasks = (page: Page) =>
  page.evaluate(() => [...((window as unknown as ProbeWindow).__longTasks ?? [])])
const resetLongTasks = (page: Page) =>
  page.evaluate(() => {
    ;(window as unknown as ProbeWindow).__longTasks = []
  })

async function measureLargeList(context: BrowserContext, log: Log): Promise<BenchResults> {
  const page = await context.newPage()
  await page.goto('/logs?env=prod&from=now-24h&to=now')
  const scroller = page.locator('.logs-scroll')
  await scroller.waitFor()
  let loaded = 0
  let maxDom = 0
  for (let step = 0; step < 2_000 && loaded < LINES_TARGET; step++) {
    await scroller.evaluate((element) => {
      element.scrollTop = element.scrollHeight
    })
    await page.waitForTimeout(30)
    loaded =
      Number(
        await page.locator('[role=table][aria-label="Log lines"]').getAttribute('aria-rowcount'),
      ) - 1
    if (step % 50 === 0) log(`  ${loaded} lines loaded…`)
    maxDom = Math.max(maxDom, await domRows(page))
  }
  // Further pages held: the scroll measures the list, not the list growing under it.
  await holdRequests(
    page,
    (url) => url.pathname === '/api/v1/logs' && url.searchParams.has('cursor'),
  )
  await scroller.evaluate((element) => {
    element.scrollTop = 0
  })
  await page.waitForTimeout(500)
  await resetLongTasks(page)
  const steps = 200
  const height = await scroller.evaluate((element) => element.scrollHeight)
  for (let step = 1; step <= steps; step++) {
    await scroller.evaluate(
      (element, top) => {
        element.scrollTop = top
      },
      (height * step) / steps,
    )
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => resolve(null))))
    maxDom = Math.max(maxDom, await domRows(page))
  }
  const tasks = (await longTasks(page)).filter((ms) => ms > LONG_TASK_MS)
  await page.close()
  return {
    'logs.list.linesLoaded': loaded,
    'logs.list.maxDomRows': maxDom,
    'logs.list.maxDomRows.verdict': verdict(maxDom <= DOM_ROWS_TARGET + 1),
    'logs.list.scroll.longTasks': tasks.length,
    'logs.list.scroll.longestTaskMs': round1(Math.max(0, ...tasks)),
    'logs.list.scroll.verdict': verdict(tasks.length === 0),
  }
}

/**
 * A page of 200 sampled JSON payloads (5–20 KB each, about 12 KB on average) from the mock:
 * long tasks from the moment the page's response is read, then scrolling and opening one.
 */
async function measureJsonPage(context: BrowserContext): Promise<BenchResults> {
  const page = await context.newPage()
  await page.goto('/logs?env=prod&from=now-1h&to=now&q=sampled+payload')
  await page.locator('.logs-message').nth(10).waitFor({ timeout: 60_000 })
  await page.waitForTimeout(2_000)
  const afterResponse = await page.evaluate(() => {
    const w = window as unknown as ProbeWindow
    const from = w.__lastLogsResponse ?? 0
    return (w.__taskEntries ?? []).filter((task) => task.start >= from).map((task) => task.duration)
  })
  const sizes = await page.evaluate(() => (window as unknown as ProbeWindow).__lastLogsSizes ?? [])
  await resetLongTasks(page)
  // Scroll the page of payloads and open one: the view's own work.
  const scroller = page.locator('.logs-scroll')
  for (let step = 1; step <= 20; step++) {
    await scroller.evaluate((element, top) => {
      element.scrollTop = top
    }, step * 280)
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => resolve(null))))
  }
  await page.locator('.logs-message').first().click()
  await page.getByRole('region', { name: /line at/ }).waitFor()
  await page.waitForTimeout(300)
  const viewTasks = await longTasks(page)
  await page.close()
  const mean = sizes.length ? sizes.reduce((a, b) => a + b, 0) / sizes.length : 0
  const longest = Math.max(0, ...afterResponse, ...viewTasks)
  return {
    'logs.json.lines': sizes.length,
    'logs.json.meanMessageChars': Math.round(mean),
    'logs.json.longestTaskAfterResponseMs': round1(Math.max(0, ...afterResponse)),
    'logs.json.longestScrollOpenTaskMs': round1(Math.max(0, ...viewTasks)),
    'logs.json.verdict': verdict(longest <= JSON_PAGE_TASK_TARGET_MS),
  }
}

async function measureHugeLine(context: BrowserContext): Promise<BenchResults> {
  const page = await context.newPage()
  await page.goto('/logs?env=prod&from=now-3h&to=now&q=reconciliation+report')
  const button = page.locator('.logs-message').first()
  await button.waitFor({ timeout: 60_000 })
  // The line opened (the only huge one in the range): its length as the probe read it.
  await page
    .waitForFunction(
      () => ((window as unknown as ProbeWindow).__longestLogMessage ?? 0) > 0,
      null,
      {
        timeout: 10_000,
      },
    )
    .catch(() => undefined)
  const length = await page.evaluate(
    () => (window as unknown as ProbeWindow).__longestLogMessage ?? 0,
  )
  await resetLongTasks(page)
  const paintMs = await page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        const start = performance.now()
        const observer = new MutationObserver(() => {
          if (!document.querySelector('.logs-detail pre')) return
          observer.disconnect()
          requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - start), 0))
        })
        observer.observe(document, { childList: true, subtree: true })
        ;(document.querySelector('.logs-message') as HTMLButtonElement).click()
      }),
  )
  await page.waitForTimeout(300)
  const tasks = await longTasks(page)
  const expandMs = await page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        const start = performance.now()
        const button = [...document.querySelectorAll('.logs-detail button')].find((b) =>
          b.textContent?.startsWith('Show all of the message'),
        ) as HTMLButtonElement
        button.click()
        requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - start), 0))
      }),
  )
  // Shown whole, in the virtualized view, once expanded.
  await page.getByRole('region', { name: 'Message' }).waitFor()
  await page.close()
  return {
    'logs.huge.messageChars': length,
    'logs.huge.openToPaintMs': round1(paintMs),
    'logs.huge.openLongestTaskMs': round1(Math.max(0, ...tasks)),
    'logs.huge.verdict': verdict(paintMs <= HUGE_PAINT_TARGET_MS),
    'logs.huge.showAllToPaintMs': round1(expandMs),
  }
}

/** On a mock server of its own, which adds TAIL_RATE lines a second to every environment. */
async function measureTail({ browser, serve, log }: SuiteOptions): Promise<BenchResults> {
  const server = await serve({ MOCK_LOG_LINES_PER_SECOND: String(TAIL_RATE) })
  try {
    return await tailOn(await newContext(browser, server.url), log)
  } finally {
    await server.stop()
  }
}

async function tailOn(context: BrowserContext, log: Log): Promise<BenchResults> {
  const page = await context.newPage()
  await page.goto('/logs?env=dev&from=now-5m&to=now')
  await page
    .locator('[role=table][aria-label="Log lines"] [role=row]')
    .nth(3)
    .waitFor({ timeout: 60_000 })
  await page.getByRole('button', { name: 'Live tail' }).click()
  await page.waitForTimeout(3_000)
  const heapStart = await heapAfterGcMb(page)
  await page.evaluate(() => {
    const probe = window as unknown as ProbeWindow
    probe.__longTasks = []
    probe.__arrivals = []
    probe.__paints = []
    let last = ''
    const table = document.querySelector('[role=table][aria-label="Log lines"]')
    const observer = new MutationObserver(() => {
      const first =
        document.querySelector('.logs-body [aria-rowindex="2"] .logs-message')?.textContent ?? ''
      if (first === last) return
      last = first
      const arrival = probe.__arrivals?.at(-1)
      requestAnimationFrame(() =>
        setTimeout(() => {
          const now = performance.now()
          if (arrival !== undefined) probe.__paints?.push({ at: now, latency: now - arrival })
        }, 0),
      )
    })
    if (table) observer.observe(table, { childList: true, subtree: true, characterData: true })
  })
  log(`  tailing ${TAIL_RATE} lines/s for ${TAIL_SECONDS} s…`)
  await page.waitForTimeout(TAIL_SECONDS * 1000)
  const probe = await page.evaluate(() => {
    const w = window as unknown as ProbeWindow
    return {
      tasks: w.__longTasks ?? [],
      paints: w.__paints ?? [],
      arrivals: w.__arrivals?.length ?? 0,
    }
  })
  const heapEnd = await heapAfterGcMb(page)
  const rowCount =
    Number(
      await page.locator('[role=table][aria-label="Log lines"]').getAttribute('aria-rowcount'),
    ) - 1
  const dom = await domRows(page)
  await context.close()
  const latencies = probe.paints.map((p) => p.latency).sort((a, b) => a - b)
  const pct = (q: number) =>
    latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? Number.NaN
  const long = probe.tasks.filter((ms) => ms > LONG_TASK_MS)
  return {
    'logs.tail.polls': probe.arrivals,
    'logs.tail.linesInView': rowCount,
    'logs.tail.domRows': dom,
    'logs.tail.longTasks': long.length,
    'logs.tail.longestTaskMs': round1(Math.max(0, ...probe.tasks)),
    'logs.tail.longTasks.verdict': verdict(long.length === 0),
    'logs.tail.arrivalToPaintMedianMs': round1(pct(0.5)),
    'logs.tail.arrivalToPaintP95Ms': round1(pct(0.95)),
    'logs.tail.heapStartMb': round1(heapStart),
    'logs.tail.heapEndMb': round1(heapEnd),
    'logs.tail.heap.verdict': verdict(heapEnd - heapStart < HEAP_GROWTH_TARGET_MB),
  }
}

/** Scripts the browser loaded until the lines were on screen (gzip), and the chart chunk after. */
async function measureJavaScript(
  browser: Browser,
  baseURL: string,
  log: Log,
): Promise<BenchResults> {
  const context = await browser.newContext({ baseURL, viewport: { width: 1280, height: 900 } })
  await signIn(context)
  const page = await context.newPage()
  // The moment the lines are on screen, taken in the page (a MutationObserver sees the third
  // row in the task that adds it); polling from here could see it hundreds of ms late and count
  // what the page asked for after the lines.
  await page.addInitScript(() => {
    const probe = window as unknown as { __linesAt?: number }
    new MutationObserver((_, observer) => {
      const rows = document.querySelectorAll('[role=table][aria-label="Log lines"] [role=row]')
      if (rows.length > 2) {
        probe.__linesAt = performance.now()
        observer.disconnect()
      }
    }).observe(document, { childList: true, subtree: true })
  })
  const scripts: string[] = []
  page.on('request', (request) => {
    if (request.resourceType() === 'script') scripts.push(request.url())
  })
  await page.goto('/logs?env=prod')
  await page.locator('[role=table][aria-label="Log lines"] [role=row]').nth(2).waitFor()
  // Scripts whose request started before the lines were on screen.
  const atLines = await page.evaluate(() => {
    const linesAt = (window as unknown as { __linesAt?: number }).__linesAt ?? performance.now()
    return performance
      .getEntriesByType('resource')
      .filter((entry) => entry.startTime < linesAt && new URL(entry.name).pathname.endsWith('.js'))
      .map((entry) => entry.name)
  })
  await page.getByText(/[\d,]+ lines, /).waitFor()
  await page.waitForTimeout(1_000)
  const all = [...new Set(scripts)]
  const sizes = new Map<string, number>()
  for (const url of all) {
    const response = await context.request.get(url)
    sizes.set(url, gzipSync(await response.body(), { level: 9 }).length)
  }
  const gz = (urls: string[]) =>
    [...new Set(urls)].reduce((sum, url) => sum + (sizes.get(url) ?? 0), 0)
  const atLinesBytes = gz(atLines)
  const allBytes = gz(all)
  const chunkName = (url: string) => new URL(url).pathname.split('/').pop() ?? url
  log(
    `  scripts until the lines: ${[...new Set(atLines)].map((url) => `${chunkName(url)} ${((sizes.get(url) ?? 0) / 1000).toFixed(1)} kB`).join(', ')}`,
  )
  await context.close()
  return {
    'logs.js.toLinesKb': round1(atLinesBytes / 1000),
    'logs.js.toLines.verdict': verdict(atLinesBytes <= JS_TARGET_KB * 1000),
    'logs.js.withChartKb': round1(allBytes / 1000),
  }
}

export async function runLogsBenchmarks(options: SuiteOptions): Promise<BenchResults> {
  const { log } = options
  const results: BenchResults = {}
  log('Logs: JavaScript to show /logs…')
  Object.assign(results, await measureJavaScript(options.browser, options.baseURL, log))
  const context = await newContext(options.browser, options.baseURL)
  try {
    log('Logs: loading 100,000 lines and scrolling them…')
    Object.assign(results, await measureLargeList(context, log))
    log('Logs: a page of 200 JSON payload lines…')
    Object.assign(results, await measureJsonPage(context))
    log('Logs: opening a line over 1 MB…')
    Object.assign(results, await measureHugeLine(context))
  } finally {
    await context.close()
  }
  log('Logs: live tail…')
  Object.assign(results, await measureTail(options))
  for (const [key, value] of Object.entries(results)) log(`  ${key}: ${value}`)
  return results
}

export function logsBenchmarkReportRows(results: BenchResults): string[] {
  const r = (key: string) => results[key] ?? ''
  return [
    `| DOM rows with ${r('logs.list.linesLoaded')} lines loaded (most while scrolling) | ${r('logs.list.maxDomRows')} | ≤ ${DOM_ROWS_TARGET} | ${r('logs.list.maxDomRows.verdict')} |`,
    `| long tasks > ${LONG_TASK_MS} ms scrolling them (200 steps) | ${r('logs.list.scroll.longTasks')}, longest ${r('logs.list.scroll.longestTaskMs')} ms | 0 | ${r('logs.list.scroll.verdict')} |`,
    `| ${r('logs.json.lines')} lines of JSON (mean ${r('logs.json.meanMessageChars')} chars): longest task after the response / scrolling and opening one | ${r('logs.json.longestTaskAfterResponseMs')} / ${r('logs.json.longestScrollOpenTaskMs')} ms | ≤ ${JSON_PAGE_TASK_TARGET_MS} ms | ${r('logs.json.verdict')} |`,
    `| a ${r('logs.huge.messageChars')}-character line: open → painted | ${r('logs.huge.openToPaintMs')} ms | ≤ ${HUGE_PAINT_TARGET_MS} ms | ${r('logs.huge.verdict')} |`,
    `| live tail ${TAIL_RATE} lines/s for ${TAIL_SECONDS} s: long tasks > ${LONG_TASK_MS} ms | ${r('logs.tail.longTasks')}, longest ${r('logs.tail.longestTaskMs')} ms | 0 | ${r('logs.tail.longTasks.verdict')} |`,
    `| live tail: arrival → paint, median / p95 | ${r('logs.tail.arrivalToPaintMedianMs')} / ${r('logs.tail.arrivalToPaintP95Ms')} ms | | |`,
    `| live tail: JS heap after GC, start → end | ${r('logs.tail.heapStartMb')} → ${r('logs.tail.heapEndMb')} MB | growth < ${HEAP_GROWTH_TARGET_MB} MB | ${r('logs.tail.heap.verdict')} |`,
    `| JavaScript to show /logs (gzip), until the lines are on screen | ${r('logs.js.toLinesKb')} kB | ≤ ${JS_TARGET_KB} kB | ${r('logs.js.toLines.verdict')} |`,
    `| the same with the histogram's lazy chart chunk | ${r('logs.js.withChartKb')} kB | | |`,
  ]
}
