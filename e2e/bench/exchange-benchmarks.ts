/**
 * Figures of "Message at this step", in Chromium on the production build against `npm run
 * mock:server` at zero latency:
 *
 * 1. Snapshot painted: an execution of 500+ processor runs (a bulk split) is opened; then, 6
 *    times, a processor is selected (its timeline row clicked) or the next iteration asked
 *    for, and the time from the snapshot answer's arrival (its Resource Timing `responseEnd`)
 *    to the frame after the step's header table and bodies are in the document. Target ≤ 150
 *    ms (median and worst reported).
 * 2. The longest main-thread task from each such click until its "What changed" has an
 *    answer (PerformanceObserver 'longtask'; 0 when none was over 50 ms). Target ≤ 50 ms.
 *
 * A script, not a test: a missed target prints MISSED; only errors fail. Runs on Node's own
 * TypeScript support (erasable syntax only), so nothing is imported from `src/`.
 */
import type { Page } from '@playwright/test'
import {
  median,
  round1,
  signIn,
  verdict,
  type BenchResults,
  type SuiteOptions,
} from './bench-support.ts'

const PAINT_TARGET_MS = 150
const LONG_TASK_TARGET_MS = 50
const ENV = 'prod'
const MIN_PROCESSOR_RUNS = 500

interface Probe {
  __longest?: number
  __painted?: number | null
}

/** A finished execution of 500+ processor runs of the last 24 h, found as an API client would. */
async function findBigExecution(page: Page): Promise<string> {
  const id = await page.evaluate(
    async ({ env, min }) => {
      const token = localStorage.getItem('cameleer3:session-token') ?? ''
      const to = new Date()
      const from = new Date(to.getTime() - 24 * 3_600_000)
      const get = async (path: string, params: Record<string, string>) => {
        const url = new URL(`/api/v1${path}`, location.origin)
        const all = { environment: env, from: from.toISOString(), to: to.toISOString(), ...params }
        for (const [name, value] of Object.entries(all)) url.searchParams.set(name, value)
        const response = await fetch(url, { headers: { Authorization: `Bearer ${token}` } })
        if (!response.ok) throw new Error(`GET ${url.pathname} answered ${response.status}`)
        return response.json()
      }
      const routes = (await get('/stats/routes', {})) as {
        items: { applicationId: string; routeId: string; p50Ms: number }[]
      }
      for (const route of routes.items.toSorted((a, b) => b.p50Ms - a.p50Ms)) {
        const found = (await get('/executions', {
          applicationId: route.applicationId,
          routeId: route.routeId,
          status: 'COMPLETED',
          limit: '500',
        })) as { items: { executionId: string; processorCount: number }[] }
        const hit = found.items.find((item) => item.processorCount >= min)
        if (hit) return hit.executionId
      }
      return null
    },
    { env: ENV, min: MIN_PROCESSOR_RUNS },
  )
  if (!id) throw new Error(`no execution of ${MIN_PROCESSOR_RUNS}+ processor runs in 24 h`)
  return id
}

/** Arms the probe, runs `act`, and returns ms from the snapshot answer to its paint. */
async function measureStep(
  page: Page,
  act: () => Promise<void>,
): Promise<{ paint: number; longest: number }> {
  await page.evaluate(() => {
    const probe = window as unknown as Probe
    probe.__longest = 0
    probe.__painted = null
    performance.clearResourceTimings()
    const observer = new PerformanceObserver((list) => {
      for (const entry of list.getEntries())
        probe.__longest = Math.max(probe.__longest ?? 0, entry.duration)
    })
    observer.observe({ type: 'longtask', buffered: false })
    const region = () =>
      [...document.querySelectorAll('section')].find((section) =>
        section.querySelector('h2')?.textContent?.startsWith('Message at this step'),
      )
    const ready = () => {
      const found = region()
      return !!found?.querySelector('table') && !found.querySelector('.state-loading')
    }
    const mutations = new MutationObserver(() => {
      if (!ready()) return
      mutations.disconnect()
      requestAnimationFrame(() => setTimeout(() => (probe.__painted = performance.now()), 0))
    })
    mutations.observe(document, { childList: true, subtree: true })
  })
  await act()
  await page.waitForFunction(
    () => typeof (window as unknown as Probe).__painted === 'number',
    undefined,
    {
      timeout: 30_000,
    },
  )
  // Until "What changed" has an answer (the diff runs after the paint).
  await page
    .getByRole('region', { name: 'What changed' })
    .getByText('Comparing the bodies…')
    .waitFor({ state: 'detached', timeout: 30_000 })
  return page.evaluate(() => {
    const probe = window as unknown as Probe
    const answer = performance
      .getEntriesByType('resource')
      .filter((entry) => entry.name.includes('/snapshot'))
      .at(-1) as PerformanceResourceTiming | undefined
    return {
      paint: (probe.__painted ?? NaN) - (answer?.responseEnd ?? NaN),
      longest: probe.__longest ?? 0,
    }
  })
}

export async function runExchangeBenchmarks({
  baseURL,
  browser,
  log,
}: SuiteOptions): Promise<BenchResults> {
  const context = await browser.newContext({ baseURL, viewport: { width: 1600, height: 1000 } })
  try {
    await signIn(context)
    const page = await context.newPage()
    await page.goto(`/agents?env=${ENV}`)
    const id = await findBigExecution(page)
    log(`Exchange: opening ${id} and selecting its processors…`)
    await page.goto(`/executions/${encodeURIComponent(id)}?env=${ENV}`)
    const timeline = page.getByRole('treegrid', { name: 'Processor timeline' })
    await timeline.waitFor({ timeout: 30_000 })
    const ids = await timeline
      .locator('[role="row"][data-processor-id]')
      .evaluateAll((rows) => rows.map((row) => row.getAttribute('data-processor-id') ?? ''))
    const paints: number[] = []
    const longest: number[] = []
    for (const processorId of ids.slice(0, 4)) {
      const step = await measureStep(page, () =>
        timeline.locator(`[role="row"][data-processor-id="${processorId}"]`).click(),
      )
      paints.push(step.paint)
      longest.push(step.longest)
    }
    const next = page.getByRole('button', { name: 'Next iteration' })
    for (let i = 0; i < 2 && (await next.isVisible()); i++) {
      const step = await measureStep(page, () => next.click())
      paints.push(step.paint)
      longest.push(step.longest)
    }
    return {
      executionId: id,
      steps: paints.length,
      paintMedianMs: round1(median(paints)),
      paintWorstMs: round1(Math.max(...paints)),
      longestTaskMs: round1(Math.max(...longest)),
    }
  } finally {
    await context.close()
  }
}

export function exchangeBenchmarkReportRows(results: BenchResults): string[] {
  const worst = Number(results.paintWorstMs)
  const longest = Number(results.longestTaskMs)
  return [
    `| step's snapshot answer → painted, median of ${results.steps} (execution ${results.executionId}) | ${results.paintMedianMs} ms | ≤ ${PAINT_TARGET_MS} ms | ${verdict(Number(results.paintMedianMs) <= PAINT_TARGET_MS)} |`,
    `| the same, worst | ${worst} ms | ≤ ${PAINT_TARGET_MS} ms | ${verdict(worst <= PAINT_TARGET_MS)} |`,
    `| longest task from the click to "What changed" answered | ${longest} ms | ≤ ${LONG_TASK_TARGET_MS} ms | ${verdict(longest <= LONG_TASK_TARGET_MS)} |`,
  ]
}
