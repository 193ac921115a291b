/**
 * Figures of the Usage page, in Chromium on the production build against `npm run
 * mock:server` at zero latency:
 *
 * 1. Time to totals: from navigation start of `/usage?env=prod` (this month, a cold page load
 *    in a signed-in context) to the frame after the five totals of prod are in the document.
 *    Median of 5 loads, each in a fresh page: the mock computes every answer anew, scripts
 *    come from the HTTP cache after the first (as on a return visit). Target ≤ 1 s. The same
 *    for last month (a whole month, and the month before for the comparison), the most the
 *    page asks for.
 * 2. JavaScript before the first chart: the gzipped size of every script the page requested
 *    before its first usage answer arrived. The page requests its charts only once it has
 *    buckets to draw, so everything requested earlier is what a user waits for before any
 *    chart; what is requested after (the chart module and its drawing code) is reported beside it.
 *    Target ≤ 160 kB (1 kB = 1,000 B). The build-time figure for the same page is in the
 *    bundle report (PAGE_BUDGETS in run-benchmarks.ts).
 *
 * A script, not a test: a missed target prints MISSED; only errors fail. Runs on Node's own
 * TypeScript support (erasable syntax only), so nothing is imported from `src/`.
 */
import { gzipSync } from 'node:zlib'
import type { BrowserContext, Page, Response } from '@playwright/test'
import {
  median,
  round1,
  signIn,
  verdict,
  type BenchResults,
  type SuiteOptions,
} from './bench-support.ts'

const RUNS = 5
const TOTALS_TARGET_MS = 1_000
const FIRST_CHART_JS_TARGET_BYTES = 160 * 1000
const PATH = '/usage?env=prod'
/** A whole month (and the month before it, for the comparison): the most the page asks for. */
const WHOLE_MONTH_PATH = '/usage?env=prod&period=last-month'

interface ProbeWindow {
  __benchTotals?: number | null
}

// Runs in the page: the frame after prod's five totals are in the document.
function installTotalsProbe(): void {
  if (location.pathname !== '/usage') return
  const probe = window as unknown as ProbeWindow
  probe.__benchTotals = null
  const ready = () =>
    document.querySelectorAll('ul[aria-label="Totals for prod"] .card-value').length === 5
  const observer = new MutationObserver(() => {
    if (!ready()) return
    observer.disconnect()
    requestAnimationFrame(() => setTimeout(() => (probe.__benchTotals = performance.now()), 0))
  })
  observer.observe(document, { childList: true, subtree: true })
}

async function timeToTotals(context: BrowserContext, path: string): Promise<number> {
  const page = await context.newPage()
  try {
    await page.goto(path)
    await page.waitForFunction(
      () => typeof (window as unknown as ProbeWindow).__benchTotals === 'number',
      undefined,
      { timeout: 30_000 },
    )
    return await page.evaluate(() => (window as unknown as ProbeWindow).__benchTotals ?? NaN)
  } finally {
    await page.close()
  }
}

interface ScriptLoad {
  url: string
  gzip: number
  beforeData: boolean
}

async function scriptsBeforeFirstChart(context: BrowserContext): Promise<ScriptLoad[]> {
  const page: Page = await context.newPage()
  let dataArrived = false
  const pending: Promise<ScriptLoad | null>[] = []
  page.on('response', (response: Response) => {
    const url = new URL(response.url())
    if (url.pathname === '/api/v1/usage') {
      dataArrived = true
      return
    }
    if (response.request().resourceType() !== 'script' || !url.pathname.endsWith('.js')) return
    const beforeData = !dataArrived
    pending.push(
      response
        .body()
        .then((body) => ({ url: url.pathname, gzip: gzipSync(body).length, beforeData }))
        .catch(() => null),
    )
  })
  try {
    // Routing turns the HTTP cache off for this page: every script is fetched, as on a first
    // visit, so each one's response body can be measured.
    await page.route('**/*', (route) => route.continue())
    await page.goto(PATH)
    await page
      .getByRole('figure', { name: /per UTC/ })
      .first()
      .waitFor({ timeout: 30_000 })
    await page.locator('.usage-chart svg').first().waitFor({ timeout: 30_000 })
    await page.waitForLoadState('networkidle')
    return (await Promise.all(pending)).filter((load): load is ScriptLoad => load !== null)
  } finally {
    await page.close()
  }
}

export async function runUsageBenchmarks(options: SuiteOptions): Promise<BenchResults> {
  const { log } = options
  const context = await options.browser.newContext({
    baseURL: options.baseURL,
    viewport: { width: 1280, height: 800 },
  })
  try {
    await context.addInitScript(installTotalsProbe)
    await signIn(context)

    log(`Usage: time to totals, ${RUNS} cold loads of ${PATH}…`)
    const samples: number[] = []
    for (let run = 0; run < RUNS; run++) samples.push(await timeToTotals(context, PATH))
    log(`Usage: time to totals, ${RUNS} cold loads of ${WHOLE_MONTH_PATH}…`)
    const monthSamples: number[] = []
    for (let run = 0; run < RUNS; run++) {
      monthSamples.push(await timeToTotals(context, WHOLE_MONTH_PATH))
    }
    log('Usage: scripts before and after the first usage answer…')
    const scripts = await scriptsBeforeFirstChart(context)
    const before = scripts.filter((load) => load.beforeData)
    const after = scripts.filter((load) => !load.beforeData)
    const sum = (loads: readonly ScriptLoad[]) =>
      loads.reduce((total, load) => total + load.gzip, 0)
    const totalsMedian = median(samples)
    const results: BenchResults = {
      'usage.totals.medianMs': round1(totalsMedian),
      'usage.totals.samplesMs': samples.map(round1).join(', '),
      'usage.totals.verdict': verdict(totalsMedian <= TOTALS_TARGET_MS),
      'usage.totals.lastMonth.medianMs': round1(median(monthSamples)),
      'usage.totals.lastMonth.samplesMs': monthSamples.map(round1).join(', '),
      'usage.totals.lastMonth.verdict': verdict(median(monthSamples) <= TOTALS_TARGET_MS),
      'usage.js.beforeFirstChart.gzipBytes': sum(before),
      'usage.js.beforeFirstChart.files': before.length,
      'usage.js.beforeFirstChart.verdict': verdict(sum(before) <= FIRST_CHART_JS_TARGET_BYTES),
      'usage.js.chart.gzipBytes': sum(after),
      'usage.js.chart.files': after.map((load) => load.url.replace(/^.*\//, '')).join(', '),
    }
    for (const row of usageBenchmarkReportRows(results)) log(row)
    return results
  } finally {
    await context.close()
  }
}

const kb = (bytes: unknown) => `${(Number(bytes) / 1000).toFixed(1)} kB`

export function usageBenchmarkReportRows(results: BenchResults): string[] {
  const r = (key: string) => results[key]
  return [
    `| \`/usage\` (prod, this month): navigation to totals shown, median of ${RUNS} | ${r('usage.totals.medianMs')} ms (${r('usage.totals.samplesMs')}) | ≤ ${TOTALS_TARGET_MS} ms | ${r('usage.totals.verdict')} |`,
    `| \`/usage\` (prod, last month: a whole month and the one before): the same, median of ${RUNS} | ${r('usage.totals.lastMonth.medianMs')} ms (${r('usage.totals.lastMonth.samplesMs')}) | ≤ ${TOTALS_TARGET_MS} ms | ${r('usage.totals.lastMonth.verdict')} |`,
    `| JavaScript before the first chart (gzip, ${r('usage.js.beforeFirstChart.files')} files) | ${kb(r('usage.js.beforeFirstChart.gzipBytes'))} | ≤ ${FIRST_CHART_JS_TARGET_BYTES / 1000} kB | ${r('usage.js.beforeFirstChart.verdict')} |`,
    `| JavaScript of the charts, loaded after the first answer (gzip) | ${kb(r('usage.js.chart.gzipBytes'))} (${r('usage.js.chart.files')}) | — | |`,
  ]
}
