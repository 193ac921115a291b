/**
 * Performance figures of the Overview, measured in Chromium on the production build against
 * the mock server (bench-support.ts): `/overview?env=prod`, whose `/stats/overview` answer is
 * widened in the page to APPLICATIONS applications (acme's prod has about a dozen; a large
 * tenant has sixty), each a copy of a real item under another id, so every row has its own
 * sparklines to draw.
 *
 * Data received → painted: from the moment the answer reaches the app (the page's `fetch`
 * resolves with it) to the frame after the table shows every row with both sparklines drawn;
 * long tasks (`longtask` observer) in between. Median of LOADS cold loads of the page in a
 * signed-in context. (The first-visit JavaScript of /overview is the bundle figure of
 * run-benchmarks.ts, PAGE_BUDGETS.)
 *
 * Runs on Node's own TypeScript support (erasable syntax only), so nothing is imported from
 * `src/`. Called by run-benchmarks.ts (`npm run bench -- --only overview`).
 */
import type { Browser } from '@playwright/test'
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

const APPLICATIONS = 60
const LOADS = 5
const PAINT_TARGET_MS = 150
const LONG_TASK_MS = 50

interface Probe {
  __overviewReceivedAt?: number
  __overviewPaintedAt?: number
  __longTasks?: Array<{ start: number; duration: number }>
}

/** Before any app code, after `installPaintProbe`: a long-task observer, and the widened answer. */
function instrument(applications: number): void {
  const probe = window as unknown as Probe
  const { whenPainted, fetchUrl } = (window as unknown as { __paintProbe: PaintProbe }).__paintProbe
  probe.__longTasks = []
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      probe.__longTasks?.push({ start: entry.startTime, duration: entry.duration })
    }
  }).observe({ type: 'longtask', buffered: true })

  const originalFetch = window.fetch.bind(window)
  window.fetch = async (...args: Parameters<typeof fetch>) => {
    const response = await originalFetch(...args)
    if (!fetchUrl(args[0]).includes('/api/v1/stats/overview?') || !response.ok) return response
    const body = (await response.json()) as { items: Array<{ applicationId: string }> }
    const real = body.items
    const items = Array.from({ length: applications }, (_, i) => {
      const item = real[i % real.length] as { applicationId: string }
      const copy = Math.floor(i / real.length)
      return copy === 0 ? item : { ...item, applicationId: `${item.applicationId}-${copy + 1}` }
    })
    const widened = new Response(JSON.stringify({ ...body, items }), {
      status: response.status,
      headers: response.headers,
    })
    probe.__overviewReceivedAt = performance.now()
    // The frame after every row and its two sparklines are in the table.
    whenPainted(
      () => {
        const rows = document.querySelectorAll('table[aria-label="Applications"] tbody tr')
        const lines = document.querySelectorAll(
          'table[aria-label="Applications"] tbody svg.sparkline path',
        )
        return rows.length === applications && lines.length === applications * 2
      },
      (at) => {
        probe.__overviewPaintedAt = at
      },
    )
    return widened
  }
}

export async function runOverviewBenchmarks(options: {
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
    await context.addInitScript(instrument, APPLICATIONS)
    await signIn(context)

    const paints: number[] = []
    const longest: number[] = []
    let longTasks = 0
    for (let load = 0; load < LOADS; load++) {
      log(`Overview: load ${load + 1} of ${LOADS} with ${APPLICATIONS} applications…`)
      const page = await context.newPage()
      await page.goto('/overview?env=prod')
      await page.waitForFunction(
        () => (window as unknown as Probe).__overviewPaintedAt !== undefined,
        null,
        { timeout: 60_000 },
      )
      const { receivedAt, paintedAt, tasks } = await page.evaluate(() => {
        const probe = window as unknown as Probe
        return {
          receivedAt: probe.__overviewReceivedAt ?? 0,
          paintedAt: probe.__overviewPaintedAt ?? 0,
          tasks: probe.__longTasks ?? [],
        }
      })
      const between = tasks.filter(
        (task) => task.start + task.duration > receivedAt && task.start < paintedAt,
      )
      paints.push(paintedAt - receivedAt)
      longest.push(Math.max(0, ...between.map((task) => task.duration)))
      log(
        `  ${round1(paintedAt - receivedAt)} ms; tasks in between (start after the answer, ms): ${
          between
            .map((task) => `+${round1(task.start - receivedAt)} ${round1(task.duration)}`)
            .join(', ') || 'none'
        }`,
      )
      longTasks += between.filter((task) => task.duration > LONG_TASK_MS).length
      await page.close()
    }
    const results: BenchResults = {
      'overview.applications': APPLICATIONS,
      'overview.paint.medianMs': round1(median(paints)),
      'overview.paint.maxMs': round1(Math.max(...paints)),
      'overview.paint.verdict': verdict(median(paints) <= PAINT_TARGET_MS),
      'overview.longTasks': longTasks,
      'overview.longestTaskMs': round1(Math.max(0, ...longest)),
      'overview.longTasks.verdict': verdict(longTasks === 0),
    }
    for (const [key, value] of Object.entries(results)) log(`  ${key}: ${value}`)
    return results
  } finally {
    await context.close()
  }
}

export function overviewBenchmarkReportRows(results: BenchResults): string[] {
  const r = (key: string) => results[key] ?? ''
  return [
    `| ${r('overview.applications')} applications: answer received → table and sparklines painted, median (max) of ${LOADS} | ${r('overview.paint.medianMs')} (${r('overview.paint.maxMs')}) ms | ≤ ${PAINT_TARGET_MS} ms | ${r('overview.paint.verdict')} |`,
    `| long tasks > ${LONG_TASK_MS} ms in between (all loads) | ${r('overview.longTasks')}, longest ${r('overview.longestTaskMs')} ms | 0 | ${r('overview.longTasks.verdict')} |`,
  ]
}
