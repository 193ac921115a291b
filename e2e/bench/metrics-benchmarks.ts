/**
 * Performance figures of the Metrics view, measured in Chromium on the production build against
 * `npm run mock:server` (the mock's work is not on the page's main thread): the agent charts of acme/prod over the last 24 hours (~40 agents), each chart
 * asking for its own metric (heap used with its limit) when it comes into view, at about one
 * bucket per pixel of its plot.
 *
 * 1. Data received → visible charts painted: from the `responseEnd` of the last `/metrics`
 *    answer (Resource Timing) to the frame after every chart figure in the viewport has its
 *    lines (`.chart-line` paths) in the document. Includes reading the answers (JSON parsing,
 *    validation against the contract, scope checks), downsampling and rendering. Median of 3
 *    loads. Target ≤ 300 ms.
 * 2. Longest task (PerformanceObserver 'longtask') from the first `/metrics` answer received to
 *    painted. Target ≤ 50 ms. (The longest task before the first answer is reported apart.)
 * 3. The largest chart answer (bytes of a `/metrics` body). Target ≤ 300 kB.
 * 4. SVG nodes per chart (elements under each visible chart's svg), most and mean.
 * 5. SVG path points per series against the plot width in px: the most points of any line and
 *    the largest points/width ratio. Target ≤ 2.
 * 6. JavaScript (gzip) a first visit of /metrics loads until its heading shows, lazily loaded
 *    charts excluded. Target ≤ 155 kB.
 *
 * Runs on Node's own TypeScript support (erasable syntax only), so nothing is imported from
 * `src/`. Called by run-benchmarks.ts (`npm run bench -- --only metrics`).
 */
import { gzipSync } from 'node:zlib'
import type { Browser, BrowserContext, Page } from '@playwright/test'
import { median, round1, signIn, verdict } from './bench-support.ts'

export type MetricsBenchmarkResults = Record<string, number | string>

const RUNS = 3
const PAINT_TARGET_MS = 300
const LONG_TASK_TARGET_MS = 50
const ANSWER_TARGET_BYTES = 300 * 1000
const FIRST_VISIT_TARGET_BYTES = 155 * 1000
const POINTS_PER_PX_TARGET = 2
const PATH = '/metrics?env=prod&from=now-24h&to=now'

interface ProbeWindow {
  __benchLongTasks?: Array<{ start: number; duration: number }>
}

function installProbes(): void {
  const tasks: Array<{ start: number; duration: number }> = []
  ;(window as unknown as ProbeWindow).__benchLongTasks = tasks
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries())
      tasks.push({ start: entry.startTime, duration: entry.duration })
  }).observe({ type: 'longtask', buffered: true })
}

const scriptBytes = (page: Page) =>
  page.evaluate(() =>
    (performance.getEntriesByType('resource') as PerformanceResourceTiming[])
      .filter((entry) => entry.initiatorType === 'script' || /\.js(\?|$)/.test(entry.name))
      .reduce((sum, entry) => sum + entry.decodedBodySize, 0),
  )

interface RunResult {
  paintMs: number
  longestTaskMs: number
  /** The long tasks from the first answer to painted, as "+start duration" in ms. */
  tasksAfter: string
  longestTaskBeforeDataMs: number
  charts: number
  maxSvgNodes: number
  meanSvgNodes: number
  maxPathPoints: number
  plotWidth: number
  maxPointsPerPx: number
  series: number
  steps: string
  requests: number
  largestAnswer: number
  jsAtHeading: number
  jsAtCharts: number
}

async function measureOnce(context: BrowserContext): Promise<RunResult> {
  const page = await context.newPage()
  const answers: Promise<number>[] = []
  page.on('response', (response) => {
    if (response.url().includes('/api/v1/metrics?')) {
      answers.push(
        response.body().then(
          (body) => body.length,
          () => 0,
        ),
      )
    }
  })
  try {
    await page.goto(PATH)
    await page.getByRole('heading', { level: 1, name: 'Metrics' }).waitFor()
    const jsAtHeading = await scriptBytes(page)
    // The agent charts at the top of the viewport, before they ask for their data (after the
    // routes table above them has its rows, so nothing moves them down again).
    await page.getByRole('table', { name: 'Routes' }).getByRole('row').nth(1).waitFor()
    await page
      .getByRole('heading', { level: 2, name: 'Agents' })
      .evaluate((heading) => heading.scrollIntoView({ block: 'start' }))
    const painted = await page.evaluate(
      () =>
        new Promise<{ at: number; firstReceived: number; received: number; steps: string }>(
          (resolve, reject) => {
            const deadline = performance.now() + 120_000
            const check = () => {
              if (performance.now() > deadline) return reject(new Error('charts never painted'))
              const answers = (
                performance.getEntriesByType('resource') as PerformanceResourceTiming[]
              ).filter((entry) => entry.name.includes('/api/v1/metrics?'))
              const figures = [...document.querySelectorAll('figure.chart-figure')].filter(
                (figure) => {
                  const box = figure.getBoundingClientRect()
                  return box.bottom > 0 && box.top < innerHeight
                },
              )
              const drawn =
                figures.length > 0 &&
                figures.every(
                  (figure) =>
                    figure.querySelector('svg .chart-line path[d]') !== null ||
                    figure.querySelector('.chart-figure-empty') !== null,
                )
              if (answers.length > 0 && answers.every((entry) => entry.responseEnd > 0) && drawn) {
                // The frame after: what is in the document now has been painted.
                requestAnimationFrame(() =>
                  setTimeout(() => {
                    const ends = answers.map((entry) => entry.responseEnd)
                    const steps = [
                      ...new Set(answers.map((entry) => /[?&]step=(\d+)/.exec(entry.name)?.[1])),
                    ]
                    resolve({
                      at: performance.now(),
                      firstReceived: Math.min(...ends),
                      received: Math.max(...ends),
                      steps: steps.join('/'),
                    })
                  }, 0),
                )
                return
              }
              requestAnimationFrame(check)
            }
            check()
          },
        ),
    )
    // Let trailing long tasks be reported.
    await page.waitForTimeout(300)
    const figures = await page.evaluate(() => {
      const visible = [...document.querySelectorAll('figure.chart-figure')].filter((figure) => {
        const box = figure.getBoundingClientRect()
        return box.bottom > 0 && box.top < innerHeight
      })
      return visible.map((figure) => {
        const svg = figure.querySelector('svg.chart-surface')
        const width = svg?.querySelector('.chart-grid')?.getBoundingClientRect().width ?? 0
        const points = [...figure.querySelectorAll('svg .chart-line path')].map(
          (path) => (path.getAttribute('d')?.match(/[ML]/g) ?? []).length,
        )
        return { nodes: svg ? svg.querySelectorAll('*').length : 0, width, points }
      })
    })
    const tasks = await page.evaluate(
      () => (window as unknown as ProbeWindow).__benchLongTasks ?? [],
    )
    const after = tasks.filter(
      (task) => task.start + task.duration > painted.firstReceived && task.start < painted.at,
    )
    const before = tasks.filter((task) => task.start < painted.firstReceived)
    const allPoints = figures.flatMap((figure) =>
      figure.points.map((points) => ({ points, width: figure.width })),
    )
    const jsAtCharts = await scriptBytes(page)
    const sizes = await Promise.all(answers)
    return {
      paintMs: painted.at - painted.received,
      longestTaskMs: Math.max(0, ...after.map((task) => task.duration)),
      tasksAfter: after
        .map((task) => `+${round1(task.start - painted.firstReceived)} ${round1(task.duration)}`)
        .join(', '),
      longestTaskBeforeDataMs: Math.max(0, ...before.map((task) => task.duration)),
      charts: figures.length,
      maxSvgNodes: Math.max(0, ...figures.map((figure) => figure.nodes)),
      meanSvgNodes:
        figures.reduce((sum, figure) => sum + figure.nodes, 0) / Math.max(1, figures.length),
      maxPathPoints: Math.max(0, ...allPoints.map((entry) => entry.points)),
      plotWidth: Math.round(Math.min(...figures.map((figure) => figure.width))),
      maxPointsPerPx: Math.max(
        0,
        ...allPoints.map((entry) => entry.points / Math.max(1, entry.width)),
      ),
      series: allPoints.length,
      steps: painted.steps,
      requests: sizes.length,
      largestAnswer: Math.max(0, ...sizes),
      jsAtHeading,
      jsAtCharts,
    }
  } finally {
    await page.close()
  }
}

/**
 * The gzipped scripts a first visit of /metrics requests until its heading shows, with no
 * chart chosen (charts are lazily loaded parts, fetched with the first chart): the production
 * build, whose API is the mock as an HTTP server (the mock build's entry chunk carries the
 * mock, which no deployed view downloads).
 */
async function firstVisitBytes(
  browser: Browser,
  baseURL: string,
  log: (message: string) => void,
): Promise<number> {
  const context = await browser.newContext({ baseURL, viewport: { width: 1600, height: 1000 } })
  try {
    const signInPage = await context.newPage()
    await signIn(signInPage)
    await signInPage.close()
    const page = await context.newPage()
    await page.addInitScript(() => {
      const probe = window as unknown as { __headingAt?: number }
      new MutationObserver((_, observer) => {
        if ([...document.querySelectorAll('h1')].some((h1) => h1.textContent === 'Metrics')) {
          probe.__headingAt = performance.now()
          observer.disconnect()
        }
      }).observe(document, { childList: true, subtree: true })
    })
    await page.goto('/metrics?env=prod&metrics=')
    await page.getByRole('heading', { level: 1, name: 'Metrics' }).waitFor()
    const urls = await page.evaluate(() => {
      const at = (window as unknown as { __headingAt?: number }).__headingAt ?? performance.now()
      return performance
        .getEntriesByType('resource')
        .filter((entry) => entry.startTime < at && new URL(entry.name).pathname.endsWith('.js'))
        .map((entry) => entry.name)
    })
    let total = 0
    const chunks: string[] = []
    for (const url of new Set(urls)) {
      const response = await context.request.get(url)
      const bytes = gzipSync(await response.body(), { level: 9 }).length
      total += bytes
      chunks.push(
        `${new URL(url).pathname.split('/').pop() ?? url} ${(bytes / 1000).toFixed(1)} kB`,
      )
    }
    log(`  scripts until the heading: ${chunks.join(', ')}`)
    return total
  } finally {
    await context.close()
  }
}

export async function runMetricsBenchmarks(options: {
  baseURL: string
  browser: Browser
  log?: (message: string) => void
}): Promise<MetricsBenchmarkResults> {
  const log = options.log ?? ((message: string) => console.log(message))
  const context = await options.browser.newContext({
    baseURL: options.baseURL,
    viewport: { width: 1600, height: 1000 },
  })
  try {
    await context.addInitScript(installProbes)
    await signIn(context)
    const runs: RunResult[] = []
    for (let run = 1; run <= RUNS; run++) {
      log(`Metrics: acme/prod agent charts over 24 h, load ${run} of ${RUNS}…`)
      const result = await measureOnce(context)
      log(
        `  ${round1(result.paintMs)} ms; tasks from the first answer (start after it, ms): ${result.tasksAfter || 'none'}`,
      )
      runs.push(result)
    }
    const paint = median(runs.map((run) => run.paintMs))
    const longest = Math.max(...runs.map((run) => run.longestTaskMs))
    const ratio = Math.max(...runs.map((run) => run.maxPointsPerPx))
    const largest = Math.max(...runs.map((run) => run.largestAnswer))
    const last = runs.at(-1) as RunResult
    log('Metrics: JavaScript of a first visit (production build)…')
    const firstVisit = await firstVisitBytes(options.browser, options.baseURL, log)
    return {
      'metrics.agents.steps': last.steps,
      'metrics.agents.requests': last.requests,
      'metrics.agents.largestAnswerKB': round1(largest / 1000),
      'metrics.agents.largestAnswer.verdict': verdict(largest <= ANSWER_TARGET_BYTES),
      'metrics.agents.visibleCharts': last.charts,
      'metrics.agents.linesDrawn': last.series,
      'metrics.agents.paintMedianMs': round1(paint),
      'metrics.agents.paintSamplesMs': runs.map((run) => round1(run.paintMs)).join(', '),
      'metrics.agents.paint.verdict': verdict(paint <= PAINT_TARGET_MS),
      'metrics.agents.longestTaskMs': round1(longest),
      'metrics.agents.longestTask.verdict': verdict(longest <= LONG_TASK_TARGET_MS),
      'metrics.agents.longestTaskBeforeDataMs': round1(
        Math.max(...runs.map((run) => run.longestTaskBeforeDataMs)),
      ),
      'metrics.agents.maxSvgNodesPerChart': last.maxSvgNodes,
      'metrics.agents.meanSvgNodesPerChart': Math.round(last.meanSvgNodes),
      'metrics.agents.maxPathPoints': last.maxPathPoints,
      'metrics.agents.plotWidthPx': last.plotWidth,
      'metrics.agents.maxPointsPerPx': Math.round(ratio * 100) / 100,
      'metrics.agents.pointsPerPx.verdict': verdict(ratio <= POINTS_PER_PX_TARGET),
      'metrics.js.atHeadingKB': round1(last.jsAtHeading / 1000),
      'metrics.js.afterChartsKB': round1(last.jsAtCharts / 1000),
      'metrics.js.firstVisitGzipKB': round1(firstVisit / 1000),
      'metrics.js.firstVisit.verdict': verdict(firstVisit <= FIRST_VISIT_TARGET_BYTES),
    }
  } finally {
    await context.close()
  }
}

export function metricsBenchmarkReportRows(results: MetricsBenchmarkResults): string[] {
  const r = (key: string) => results[key] ?? ''
  return [
    `| agent charts acme/prod, 24 h, one request per chart (step ${r('metrics.agents.steps')} s): last answer received → ${r('metrics.agents.visibleCharts')} visible charts painted, median of ${RUNS} | ${r('metrics.agents.paintMedianMs')} ms (${r('metrics.agents.paintSamplesMs')}) | ≤ ${PAINT_TARGET_MS} ms | ${r('metrics.agents.paint.verdict')} |`,
    `| longest task from the first answer received to painted | ${r('metrics.agents.longestTaskMs')} ms | ≤ ${LONG_TASK_TARGET_MS} ms | ${r('metrics.agents.longestTask.verdict')} |`,
    `| largest chart answer (${r('metrics.agents.requests')} \`/metrics\` requests on the last load) | ${r('metrics.agents.largestAnswerKB')} kB | ≤ ${ANSWER_TARGET_BYTES / 1000} kB | ${r('metrics.agents.largestAnswer.verdict')} |`,
    `| longest task before the first answer | ${r('metrics.agents.longestTaskBeforeDataMs')} ms | | |`,
    `| SVG nodes per visible chart, most / mean | ${r('metrics.agents.maxSvgNodesPerChart')} / ${r('metrics.agents.meanSvgNodesPerChart')} | | |`,
    `| path points per series, most (plot ${r('metrics.agents.plotWidthPx')} px wide; ${r('metrics.agents.linesDrawn')} lines) | ${r('metrics.agents.maxPathPoints')} (${r('metrics.agents.maxPointsPerPx')} per px) | ≤ ${POINTS_PER_PX_TARGET} per px | ${r('metrics.agents.pointsPerPx.verdict')} |`,
    `| JavaScript of a first visit of /metrics until its heading shows (gzip, production build) | ${r('metrics.js.firstVisitGzipKB')} kB | ≤ ${FIRST_VISIT_TARGET_BYTES / 1000} kB | ${r('metrics.js.firstVisit.verdict')} |`,
    `| JavaScript decoded when the heading shows / after the charts drew | ${r('metrics.js.atHeadingKB')} kB / ${r('metrics.js.afterChartsKB')} kB | | |`,
  ]
}
