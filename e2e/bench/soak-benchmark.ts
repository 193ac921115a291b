/**
 * Memory over a long shift: one tab, signed in as admin@acme on prod, for 10 minutes of page
 * time, alternating a minute on `/executions?refresh=10s` (auto-refresh every 10 s) and a
 * minute on `/agents` (which polls by itself). Playwright's clock compresses the 10 minutes:
 * time advances in 10-second steps, and after each step the script waits until every API
 * request the step started has finished, so every refetch really runs (request, validation,
 * render), just without the waiting.
 *
 * Figures: JS heap used after a forced garbage collection (CDP `HeapProfiler.collectGarbage`,
 * then `Runtime.getHeapUsage`) at the start and at the end, and the number of queries in the
 * TanStack Query cache over the run. Targets: heap growth under 10 MB, and a query cache that
 * stops growing (bounded).
 *
 * The build is the production one, which exposes nothing for a bench: the query cache is found
 * the way React DevTools finds components, through the `__REACT_DEVTOOLS_GLOBAL_HOOK__` React
 * reports every commit to (production builds too): the QueryClientProvider's `client` prop.
 *
 * Runs on Node's own TypeScript support (erasable syntax only), so nothing is imported from
 * `src/`.
 */
import type { Page } from '@playwright/test'
import { signIn, verdict, type BenchResults, type SuiteOptions } from './bench-support.ts'

/** Page time to simulate. */
const DURATION_MS = 10 * 60_000

const STEP_MS = 10_000
const VIEW_MS = 60_000
const HEAP_GROWTH_TARGET_BYTES = 10 * 1024 * 1024
const MB = 1024 * 1024

interface FiberNode {
  memoizedProps?: { client?: { getQueryCache?: () => { getAll: () => unknown[] } } } | null
  child?: FiberNode | null
  sibling?: FiberNode | null
}

/** Runs in the page before the app: keeps the root React last committed. */
function installRootProbe(): void {
  const target = window as unknown as Record<string, unknown>
  target.__REACT_DEVTOOLS_GLOBAL_HOOK__ = {
    supportsFiber: true,
    isDisabled: false,
    renderers: new Map(),
    inject() {
      return 1
    },
    onCommitFiberRoot(_id: number, root: { current: unknown }) {
      target.__benchRoot = root
    },
    onCommitFiberUnmount() {},
    onPostCommitFiberRoot() {},
    checkDCE() {},
  }
}

/** The number of queries in the cache of the QueryClient the app provides. */
async function queryCount(page: Page): Promise<number> {
  return page.evaluate(() => {
    const root = (window as unknown as { __benchRoot?: { current: FiberNode } }).__benchRoot
    const stack: FiberNode[] = root ? [root.current] : []
    while (stack.length) {
      const fiber = stack.pop() as FiberNode
      const cache = fiber.memoizedProps?.client?.getQueryCache?.()
      if (cache) return cache.getAll().length
      if (fiber.sibling) stack.push(fiber.sibling)
      if (fiber.child) stack.push(fiber.child)
    }
    throw new Error('no QueryClientProvider in the React tree')
  })
}

/** Counts the page's API requests still in flight. */
function trackInFlight(page: Page): { inFlight: () => number; total: () => number } {
  let open = 0
  let total = 0
  const isApi = (url: string) => new URL(url).pathname.startsWith('/api/')
  page.on('request', (request) => {
    if (!isApi(request.url())) return
    open++
    total++
  })
  const done = (request: { url: () => string }) => {
    if (isApi(request.url())) open = Math.max(0, open - 1)
  }
  page.on('requestfinished', done)
  page.on('requestfailed', done)
  return { inFlight: () => open, total: () => total }
}

async function settle(page: Page, inFlight: () => number): Promise<void> {
  const deadline = Date.now() + 30_000
  // Let the step's timers start their fetches, then wait for every one of them to answer.
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => resolve(null))))
  while (inFlight() > 0) {
    if (Date.now() > deadline) throw new Error('API requests did not finish within 30 s')
    await page.waitForEvent('requestfinished', { timeout: 30_000 }).catch(() => undefined)
  }
}

export async function runSoakBenchmark(options: SuiteOptions): Promise<BenchResults> {
  const { log } = options
  const durationMs = DURATION_MS
  const context = await options.browser.newContext({
    baseURL: options.baseURL,
    viewport: { width: 1280, height: 800 },
  })
  try {
    await context.addInitScript(installRootProbe)
    const page = await context.newPage()
    const requests = trackInFlight(page)
    await page.clock.install()
    await signIn(page)

    const views = ['/executions?env=prod&refresh=10s', '/agents?env=prod'] as const
    const navigate = async (index: number) => {
      const target = views[index % views.length] as string
      // In-app navigation through the main nav keeps the tab (and its memory) alive.
      const name = target.startsWith('/executions') ? 'Executions' : 'Agents'
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name }).click()
      // On the target before touching its controls: the view left has an "Auto-refresh" too.
      await page.waitForURL((url) => url.pathname === target.split('?')[0])
      if (target.includes('refresh=10s')) {
        await page.getByRole('combobox', { name: 'Auto-refresh' }).selectOption('10s')
        await page.waitForURL((url) => url.searchParams.get('refresh') === '10s')
      }
      await settle(page, requests.inFlight)
    }

    const cdp = await context.newCDPSession(page)
    const heapUsed = async () => {
      await cdp.send('HeapProfiler.collectGarbage')
      const usage = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number }
      return usage.usedSize
    }

    await navigate(0)
    await page.clock.runFor(STEP_MS)
    await settle(page, requests.inFlight)
    const heapStart = await heapUsed()
    const queriesStart = await queryCount(page)
    const requestsStart = requests.total()
    log(
      `  soak start: heap ${(heapStart / MB).toFixed(1)} MB after GC, ${queriesStart} cached queries`,
    )

    const queryCounts: number[] = []
    let elapsed = 0
    let view = 0
    while (elapsed < durationMs) {
      await page.clock.runFor(STEP_MS)
      elapsed += STEP_MS
      await settle(page, requests.inFlight)
      if (elapsed % VIEW_MS === 0 && elapsed < durationMs) {
        view++
        await navigate(view)
        queryCounts.push(await queryCount(page))
      }
    }
    const heapEnd = await heapUsed()
    const queriesEnd = await queryCount(page)
    queryCounts.push(queriesEnd)
    const growth = heapEnd - heapStart
    const secondHalf = queryCounts.slice(Math.floor(queryCounts.length / 2))
    const bounded = Math.max(...secondHalf) <= Math.max(...queryCounts.slice(0, 2), queriesStart)
    const results: BenchResults = {
      'soak.simulatedMinutes': durationMs / 60_000,
      'soak.apiRequests': requests.total() - requestsStart,
      'soak.heapStartMb': Number((heapStart / MB).toFixed(1)),
      'soak.heapEndMb': Number((heapEnd / MB).toFixed(1)),
      'soak.heapGrowthMb': Number((growth / MB).toFixed(1)),
      'soak.heapGrowth.verdict': verdict(growth < HEAP_GROWTH_TARGET_BYTES),
      'soak.queriesStart': queriesStart,
      'soak.queriesEnd': queriesEnd,
      'soak.queriesMax': Math.max(...queryCounts, queriesStart),
      'soak.queriesPerView': queryCounts.join(', '),
      'soak.queries.verdict': verdict(bounded),
    }
    log(
      `  soak: ${results['soak.simulatedMinutes']} min of page time, ${results['soak.apiRequests']} API requests; ` +
        `heap ${results['soak.heapStartMb']} → ${results['soak.heapEndMb']} MB after GC ` +
        `(growth ${results['soak.heapGrowthMb']} MB; target < 10 MB: ${results['soak.heapGrowth.verdict']}); ` +
        `cached queries ${queriesStart} → ${queriesEnd}, max ${results['soak.queriesMax']} ` +
        `(bounded: ${results['soak.queries.verdict']})`,
    )
    return results
  } finally {
    await context.close()
  }
}

export function soakBenchmarkReportRows(results: BenchResults): string[] {
  const r = (key: string) => results[key] ?? ''
  return [
    `| JS heap after GC, start → end of ${r('soak.simulatedMinutes')} min (${r('soak.apiRequests')} API requests) | ${r('soak.heapStartMb')} → ${r('soak.heapEndMb')} MB (growth ${r('soak.heapGrowthMb')} MB) | growth < 10 MB | ${r('soak.heapGrowth.verdict')} |`,
    `| cached queries, start → end (max; after each view change) | ${r('soak.queriesStart')} → ${r('soak.queriesEnd')} (max ${r('soak.queriesMax')}; ${r('soak.queriesPerView')}) | bounded | ${r('soak.queries.verdict')} |`,
  ]
}
