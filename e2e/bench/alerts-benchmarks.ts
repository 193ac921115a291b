/**
 * Alerting's figures, in Chromium on the production build against the mock server
 * (bench-support.ts):
 *
 * - Bell: the `/alerts/summary` requests of the header's bell on a staging page over 10
 *   minutes of the page's clock (Playwright's clock fast-forwards its timers), with acme's three
 *   environments; then 10 more minutes with the tab hidden (`visibilitychange` to `hidden`).
 * - Preview: a rule's preview on history over 24 hours in prod, from the preview request leaving
 *   the page to the frame after its sentence and its chart's line show the answer; median of
 *   CHANGES successive edits of the condition (each a new request after the debounce).
 *
 * The first visit of /alerts is the bundle figure of run-benchmarks.ts (PAGE_BUDGETS).
 * Runs on Node's own TypeScript support (erasable syntax only), so nothing is imported from
 * `src/`. Called by run-benchmarks.ts (`npm run bench -- --only alerts`).
 */
import type { Browser, Page } from '@playwright/test'
import {
  installPaintProbe,
  median,
  round1,
  signIn,
  verdict,
  type BenchResults,
  type Log,
  type PaintProbe,
} from './bench-support.ts'

const POLL_MINUTES = 10
const ENVIRONMENTS = 3
/** One request per environment per 30 s. */
const POLL_TARGET = ((POLL_MINUTES * 60) / 30) * ENVIRONMENTS
const CHANGES = 5
const PREVIEW_TARGET_MS = 300

interface Probe {
  __previewSentAt?: number[]
  __previewPaintedAt?: number[]
}

/**
 * Before any app code, after `installPaintProbe`: note when each preview request leaves and when
 * its answer is drawn.
 */
function instrument(): void {
  const probe = window as unknown as Probe
  const { whenPainted, fetchUrl } = (window as unknown as { __paintProbe: PaintProbe }).__paintProbe
  probe.__previewSentAt = []
  probe.__previewPaintedAt = []
  const originalFetch = window.fetch.bind(window)
  window.fetch = async (...args: Parameters<typeof fetch>) => {
    if (!fetchUrl(args[0]).includes('/api/v1/alerts/rules/preview?')) return originalFetch(...args)
    const index = probe.__previewSentAt?.push(performance.now()) ?? 0
    const response = await originalFetch(...args)
    const body = (await response.clone().json()) as { firings: unknown[] }
    const expected = body.firings.length === 0 ? 'Would not have fired' : 'Would have fired'
    whenPainted(
      () => {
        const sentence = document.querySelector('.alert-preview-sentence')?.textContent ?? ''
        const drawn = document.querySelector('.alert-preview svg .chart-line path[d*="L"]')
        return sentence.startsWith(expected) && !sentence.includes('updating') && drawn !== null
      },
      (at) => {
        if (probe.__previewPaintedAt) probe.__previewPaintedAt[index - 1] = at
      },
    )
    return response
  }
}

async function countSummaries(page: Page, run: () => Promise<void>): Promise<number> {
  let count = 0
  const listener = (request: { url: () => string }) => {
    if (request.url().includes('/api/v1/alerts/summary?')) count++
  }
  page.on('request', listener)
  await run()
  // Requests the last timers started are on their way.
  await page.waitForTimeout(500)
  page.off('request', listener)
  return count
}

export async function runAlertsBenchmarks(options: {
  baseURL: string
  browser: Browser
  log: Log
}): Promise<BenchResults> {
  const { log } = options
  const context = await options.browser.newContext({
    baseURL: options.baseURL,
    viewport: { width: 1600, height: 1000 },
  })
  try {
    await context.addInitScript(installPaintProbe)
    await context.addInitScript(instrument)
    await signIn(context)

    log('Alerts: the bell over 10 minutes, then 10 minutes hidden…')
    const bellPage = await context.newPage()
    await bellPage.clock.install()
    await bellPage.goto('/agents?env=staging')
    await bellPage.getByRole('button', { name: /^Alerts: .*firing/ }).waitFor()
    const visible = await countSummaries(bellPage, async () => {
      for (let step = 0; step < POLL_MINUTES * 2; step++) {
        await bellPage.clock.runFor(30_000)
        // Real time for the answers: a poll still in flight at the next tick would be skipped.
        await bellPage.waitForTimeout(400)
      }
    })
    await bellPage.evaluate(() => {
      Object.defineProperty(document, 'visibilityState', {
        configurable: true,
        get: () => 'hidden',
      })
      Object.defineProperty(document, 'hidden', { configurable: true, get: () => true })
      document.dispatchEvent(new Event('visibilitychange'))
    })
    const hidden = await countSummaries(bellPage, async () => {
      for (let step = 0; step < POLL_MINUTES * 2; step++) {
        await bellPage.clock.runFor(30_000)
        await bellPage.waitForTimeout(20)
      }
    })
    log(`  ${visible} summary requests in ${POLL_MINUTES} min visible, ${hidden} hidden`)
    await bellPage.close()

    log(`Alerts: the preview on 24 hours of prod, ${CHANGES} edits…`)
    const page = await context.newPage()
    await page.goto('/alerts/rules/new?env=prod')
    await page.getByRole('radio', { name: 'Agent state' }).check()
    await page.waitForFunction(
      () => ((window as unknown as Probe).__previewPaintedAt ?? []).length > 0,
      null,
      {
        timeout: 60_000,
      },
    )
    const agents = page.getByLabel('Agents', { exact: true })
    for (let change = 0; change < CHANGES; change++) {
      await agents.fill(String(change + 2))
      await page.waitForFunction(
        (n) => ((window as unknown as Probe).__previewPaintedAt ?? []).filter(Boolean).length >= n,
        change + 2,
        { timeout: 60_000 },
      )
    }
    const { sent, painted } = await page.evaluate(() => {
      const probe = window as unknown as Probe
      return { sent: probe.__previewSentAt ?? [], painted: probe.__previewPaintedAt ?? [] }
    })
    // The edits after the first: the page and the chart code are there, as while editing.
    const durations = painted.slice(1).map((at, i) => at - (sent[i + 1] ?? at))
    log(`  request → painted (ms): ${durations.map(round1).join(', ')}`)
    await page.close()

    const results: BenchResults = {
      'alerts.bell.requests10min': visible,
      'alerts.bell.requestsHidden10min': hidden,
      'alerts.bell.verdict': verdict(visible <= POLL_TARGET && hidden === 0),
      'alerts.preview.medianMs': round1(median(durations)),
      'alerts.preview.maxMs': round1(Math.max(...durations)),
      'alerts.preview.verdict': verdict(median(durations) <= PREVIEW_TARGET_MS),
    }
    for (const [key, value] of Object.entries(results)) log(`  ${key}: ${value}`)
    return results
  } finally {
    await context.close()
  }
}

export function alertsBenchmarkReportRows(results: BenchResults): string[] {
  const r = (key: string) => results[key] ?? ''
  return [
    `| bell: /alerts/summary requests in ${POLL_MINUTES} min, ${ENVIRONMENTS} environments (then hidden) | ${r('alerts.bell.requests10min')} (${r('alerts.bell.requestsHidden10min')} hidden) | ${POLL_TARGET} (0 hidden) | ${r('alerts.bell.verdict')} |`,
    `| preview over 24 h: request → sentence and chart painted, median (max) of ${CHANGES} edits | ${r('alerts.preview.medianMs')} (${r('alerts.preview.maxMs')}) ms | ≤ ${PREVIEW_TARGET_MS} ms | ${r('alerts.preview.verdict')} |`,
  ]
}
