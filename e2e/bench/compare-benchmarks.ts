/**
 * Performance figures of the Compare view, measured in Chromium on the production build against
 * `npm run mock:server` at zero latency: acme, prod against staging over the last hour, overlay on order-enrich.
 *
 * 1. First load: from navigation start to the frame where both sides are painted (no cell
 *    still waiting, every overlay chart drawn with both environments' data); API requests per
 *    environment.
 * 2. Per side change (choosing another environment for one side): the API requests issued, by
 *    environment (the other side must ask for nothing), and the time from the choice to the
 *    frame where the new side is painted. Changes (CHANGES): B staging → dev (not loaded
 *    before), then A prod → staging and B dev → prod, whose data is cached from the first
 *    load and still fresh (60 s): a return to an environment costs no request. Changing A
 *    (the page's own environment) re-mounts the page: B must still ask for nothing.
 *
 * Runs on Node's own TypeScript support (erasable syntax only), so nothing is imported from
 * `src/`. Called by run-benchmarks.ts (`npm run bench -- --only compare`).
 */
import type { Browser, Page } from '@playwright/test'
import { signIn, verdict } from './bench-support.ts'

export type CompareBenchmarkResults = Record<string, number | string>

const PATH = '/compare?env=prod&with=staging&routeApp=order-service&route=order-enrich'
const PAINT_TARGET_MS = 1000

/** Which picker, to which environment, and what the page then compares. */
const CHANGES: ReadonlyArray<{ name: string; picker: 'a' | 'b'; to: string; label: string }> = [
  { name: 'bColdDev', picker: 'b', to: 'dev', label: 'B staging → dev (not loaded before)' },
  {
    name: 'aWarmStaging',
    picker: 'a',
    to: 'staging',
    label: 'A prod → staging (loaded as B at first load)',
  },
  { name: 'bWarmProd', picker: 'b', to: 'prod', label: 'B dev → prod (loaded as A at first load)' },
]

/**
 * In the page: resolves with performance.now() at the frame after both named sides are fully
 * painted (side headings, no waiting cell, every overlay chart drawn with both sides' data).
 */
function waitPainted(page: Page, envs: [string, string]): Promise<number> {
  return page.evaluate(
    (names) =>
      new Promise<number>((resolve, reject) => {
        const deadline = performance.now() + 60_000
        let scrolled = false
        const check = () => {
          if (performance.now() > deadline) return reject(new Error('never painted'))
          // Charts fetch and draw once in view: bring the overlay to the viewport, and again
          // if what loads above it pushed it out (on a busy machine answers come in any order).
          const charts = document.querySelector('.compare-charts')
          const box = charts?.getBoundingClientRect()
          if (charts && box && (!scrolled || box.top >= innerHeight || box.bottom <= 0)) {
            charts.scrollIntoView({ block: 'start' })
            scrolled = true
          }
          // A side is labelled with the environment's display name and id ("Production (prod)").
          const sides = [...document.querySelectorAll('section[aria-label^="Environment "]')].map(
            (section) => section.getAttribute('aria-label') ?? '',
          )
          const headings = names.every((env) =>
            sides.some((label) => label === `Environment ${env}` || label.endsWith(`(${env})`)),
          )
          const waiting = [...document.querySelectorAll('.compare-table td')].some(
            (cell) => cell.textContent === '…',
          )
          const figures = [...document.querySelectorAll('.compare-charts figure.chart-figure')]
          // Drawn: no side of any chart still loading, and the plot (or its empty text) is
          // there. (A side may have a single point or none in the range: no line to count.)
          const drawn =
            figures.length === 4 &&
            figures.every(
              (figure) =>
                !/loading…/.test(figure.querySelector('.chart-legend')?.textContent ?? '') &&
                (figure.querySelector('svg .chart-line') !== null ||
                  figure.querySelector('.chart-figure-empty') !== null),
            )
          if (headings && !waiting && drawn) {
            requestAnimationFrame(() => setTimeout(() => resolve(performance.now()), 0))
            return
          }
          requestAnimationFrame(check)
        }
        check()
      }),
    envs,
  )
}

const byEnvironment = (urls: readonly URL[]) => {
  const counts: Record<string, number> = {}
  for (const url of urls) {
    const env = url.searchParams.get('environment')
    if (env) counts[env] = (counts[env] ?? 0) + 1
  }
  return counts
}
const describeCounts = (counts: Record<string, number>) =>
  Object.keys(counts).length === 0
    ? 'none'
    : Object.entries(counts)
        .sort()
        .map(([env, count]) => `${env} ${count}`)
        .join(', ')

export async function runCompareBenchmarks(options: {
  baseURL: string
  browser: Browser
  log?: (message: string) => void
}): Promise<CompareBenchmarkResults> {
  const log = options.log ?? ((message: string) => console.log(message))
  const context = await options.browser.newContext({
    baseURL: options.baseURL,
    viewport: { width: 1600, height: 1000 },
  })
  try {
    const page = await context.newPage()
    await signIn(page)
    const requests: URL[] = []
    page.on('request', (request) => {
      const url = new URL(request.url())
      if (url.pathname.startsWith('/api/')) requests.push(url)
    })
    const results: CompareBenchmarkResults = {}

    log('Compare: first load of acme prod against staging…')
    requests.length = 0
    await page.goto(PATH)
    const paintedAt = await waitPainted(page, ['prod', 'staging'])
    await page.waitForTimeout(300)
    results['compare.load.paintMs'] = Math.round(paintedAt)
    results['compare.load.requests'] = describeCounts(byEnvironment(requests))
    // The header's tools load once the page has settled; their bell asks every environment what
    // is open, by design. Changes are counted once they are there, so only the page's own
    // requests fall in a change's count.
    await page.getByRole('button', { name: 'Go to' }).waitFor()
    await page.waitForTimeout(500)

    let envs: [string, string] = ['prod', 'staging']
    for (const change of CHANGES) {
      log(`Compare: ${change.label}…`)
      envs = change.picker === 'a' ? [change.to, envs[1]] : [envs[0], change.to]
      requests.length = 0
      const name = change.picker === 'a' ? 'Compare environment' : 'with environment'
      const startedAt = await page
        .getByRole('combobox', { name, exact: true })
        .evaluate((select, value) => {
          const element = select as HTMLSelectElement
          const at = performance.now()
          element.value = value
          element.dispatchEvent(new Event('change', { bubbles: true }))
          return at
        }, change.to)
      const doneAt = await waitPainted(page, envs)
      // Requests a change causes after painting (none should) are counted too.
      await page.waitForTimeout(500)
      const counts = byEnvironment(requests)
      const other = change.picker === 'a' ? envs[1] : envs[0]
      results[`compare.change.${change.name}.label`] = change.label
      results[`compare.change.${change.name}.paintMs`] = Math.round(doneAt - startedAt)
      results[`compare.change.${change.name}.requests`] = describeCounts(counts)
      results[`compare.change.${change.name}.otherSideRequests`] = counts[other] ?? 0
    }
    return results
  } finally {
    await context.close()
  }
}

export function compareBenchmarkReportRows(results: CompareBenchmarkResults): string[] {
  const r = (key: string) => results[key] ?? ''
  const paintVerdict = (ms: unknown) =>
    typeof ms === 'number' ? verdict(ms <= PAINT_TARGET_MS) : ''
  return [
    `| first load, prod against staging: navigation → both sides painted | ${r('compare.load.paintMs')} ms | | |`,
    `| first load: API requests by environment | ${r('compare.load.requests')} | | |`,
    ...CHANGES.flatMap((change) => {
      const key = `compare.change.${change.name}`
      return [
        `| ${change.label}: choice → new side painted | ${r(`${key}.paintMs`)} ms | ≤ ${PAINT_TARGET_MS} ms | ${paintVerdict(results[`${key}.paintMs`])} |`,
        `| ${change.label}: API requests by environment (other side: ${r(`${key}.otherSideRequests`)}) | ${r(`${key}.requests`)} | other side 0 | ${verdict(results[`${key}.otherSideRequests`] === 0)} |`,
      ]
    }),
  ]
}
