/**
 * Performance figures of the Metrics view, measured in Chromium on the production build against
 * `npm run mock:server` at zero latency: the agent charts of acme/prod over the last 24 hours at the finest step the
 * contract allows (the UI asks for it: 90 s, 960 points per series; ~40 agents × the 8
 * default names in one `/metrics` request).
 *
 * 1. Data received → all visible charts painted: from the `responseEnd` of the `/metrics`
 *    request (Resource Timing) to the frame after every chart figure in the viewport has its
 *    lines (`.metric-line` paths) in the document. Includes reading the answer (JSON parsing,
 *    validation against the contract, scope checks: in a Web Worker), downsampling and
 *    rendering. Median of 3 loads. Target ≤ 500 ms.
 * 2. Longest task (PerformanceObserver 'longtask') from data received to painted. Target
 *    ≤ 100 ms. (The mock builds its answer on the page's main thread before that, which a
 *    real server never does; that task is reported apart.)
 * 3. SVG nodes per chart (elements under each visible chart's svg), most and mean.
 * 4. SVG path points per series against the plot width in px: the most points of any line and
 *    the largest points/width ratio. Target ≤ 2.
 * 5. JavaScript loaded (decoded bytes of script resources) when the page's heading shows, and
 *    after the charts have drawn (recharts arrives with the first chart).
 *
 * Runs on Node's own TypeScript support (erasable syntax only), so nothing is imported from
 * `src/`. Called by run-benchmarks.ts (`npm run bench -- --only metrics`).
 */
import type { Browser, BrowserContext, Page } from '@playwright/test'
import { median, round1, signIn, verdict } from './bench-support.ts'

export type MetricsBenchmarkResults = Record<string, number | string>

const RUNS = 3
const PAINT_TARGET_MS = 500
const LONG_TASK_TARGET_MS = 100
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
  longestTaskBeforeDataMs: number
  charts: number
  maxSvgNodes: number
  meanSvgNodes: number
  maxPathPoints: number
  plotWidth: number
  maxPointsPerPx: number
  series: number
  step: number
  jsAtHeading: number
  jsAtCharts: number
}

async function measureOnce(context: BrowserContext): Promise<RunResult> {
  const page = await context.newPage()
  try {
    await page.goto(PATH)
    await page.getByRole('heading', { level: 1, name: 'Metrics' }).waitFor()
    const jsAtHeading = await scriptBytes(page)
    // The agent charts at the top of the viewport, before their data arrives.
    await page
      .getByRole('heading', { level: 2, name: 'Agents' })
      .evaluate((heading) => heading.scrollIntoView({ block: 'start' }))
    const painted = await page.evaluate(
      () =>
        new Promise<{ at: number; received: number; step: number }>((resolve, reject) => {
          const deadline = performance.now() + 120_000
          const check = () => {
            if (performance.now() > deadline) return reject(new Error('charts never painted'))
            const response = (
              performance.getEntriesByType('resource') as PerformanceResourceTiming[]
            ).findLast((entry) => entry.name.includes('/api/v1/metrics?'))
            const figures = [...document.querySelectorAll('figure.metric-figure')].filter(
              (figure) => {
                const box = figure.getBoundingClientRect()
                return box.bottom > 0 && box.top < innerHeight
              },
            )
            const drawn =
              figures.length > 0 &&
              figures.every(
                (figure) =>
                  figure.querySelector('svg .metric-line path[d]') !== null ||
                  figure.querySelector('.metric-figure-empty') !== null,
              )
            if (response && response.responseEnd > 0 && drawn) {
              // The frame after: what is in the document now has been painted.
              requestAnimationFrame(() =>
                setTimeout(() => {
                  const step = /[?&]step=(\d+)/.exec(response.name)?.[1]
                  resolve({
                    at: performance.now(),
                    received: response.responseEnd,
                    step: Number(step),
                  })
                }, 0),
              )
              return
            }
            requestAnimationFrame(check)
          }
          check()
        }),
    )
    // Let trailing long tasks be reported.
    await page.waitForTimeout(300)
    const figures = await page.evaluate(() => {
      const visible = [...document.querySelectorAll('figure.metric-figure')].filter((figure) => {
        const box = figure.getBoundingClientRect()
        return box.bottom > 0 && box.top < innerHeight
      })
      return visible.map((figure) => {
        const svg = figure.querySelector('svg')
        const width =
          svg?.querySelector('.recharts-cartesian-grid')?.getBoundingClientRect().width ?? 0
        const points = [...figure.querySelectorAll('svg .metric-line path')].map(
          (path) => (path.getAttribute('d')?.match(/[ML]/g) ?? []).length,
        )
        return { nodes: svg ? svg.querySelectorAll('*').length : 0, width, points }
      })
    })
    const tasks = await page.evaluate(
      () => (window as unknown as ProbeWindow).__benchLongTasks ?? [],
    )
    const after = tasks.filter(
      (task) => task.start + task.duration > painted.received && task.start < painted.at,
    )
    const before = tasks.filter((task) => task.start < painted.received)
    const allPoints = figures.flatMap((figure) =>
      figure.points.map((points) => ({ points, width: figure.width })),
    )
    const jsAtCharts = await scriptBytes(page)
    return {
      paintMs: painted.at - painted.received,
      longestTaskMs: Math.max(0, ...after.map((task) => task.duration)),
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
      step: painted.step,
      jsAtHeading,
      jsAtCharts,
    }
  } finally {
    await page.close()
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
      runs.push(await measureOnce(context))
    }
    const paint = median(runs.map((run) => run.paintMs))
    const longest = Math.max(...runs.map((run) => run.longestTaskMs))
    const ratio = Math.max(...runs.map((run) => run.maxPointsPerPx))
    const last = runs.at(-1) as RunResult
    return {
      'metrics.agents.step': last.step,
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
    }
  } finally {
    await context.close()
  }
}

export function metricsBenchmarkReportRows(results: MetricsBenchmarkResults): string[] {
  const r = (key: string) => results[key] ?? ''
  return [
    `| agent charts acme/prod, 24 h at step ${r('metrics.agents.step')} s: data received → ${r('metrics.agents.visibleCharts')} visible charts painted, median of ${RUNS} | ${r('metrics.agents.paintMedianMs')} ms (${r('metrics.agents.paintSamplesMs')}) | ≤ ${PAINT_TARGET_MS} ms | ${r('metrics.agents.paint.verdict')} |`,
    `| longest task from data received to painted | ${r('metrics.agents.longestTaskMs')} ms | ≤ ${LONG_TASK_TARGET_MS} ms | ${r('metrics.agents.longestTask.verdict')} |`,
    `| longest task before the data (the mock building its answer on the main thread) | ${r('metrics.agents.longestTaskBeforeDataMs')} ms | | |`,
    `| SVG nodes per visible chart, most / mean | ${r('metrics.agents.maxSvgNodesPerChart')} / ${r('metrics.agents.meanSvgNodesPerChart')} | | |`,
    `| path points per series, most (plot ${r('metrics.agents.plotWidthPx')} px wide; ${r('metrics.agents.linesDrawn')} lines) | ${r('metrics.agents.maxPathPoints')} (${r('metrics.agents.maxPointsPerPx')} per px) | ≤ ${POINTS_PER_PX_TARGET} per px | ${r('metrics.agents.pointsPerPx.verdict')} |`,
    `| JavaScript decoded when the heading shows / after the charts drew | ${r('metrics.js.atHeadingKB')} kB / ${r('metrics.js.afterChartsKB')} kB | | |`,
  ]
}
