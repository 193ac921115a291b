/**
 * `npm run bench`: the performance figures of docs/benchmarks.md, measured, printed and
 * written there. A script, not a test: a missed target prints MISSED; only an error (a build
 * that fails, a page that never shows its rows) exits non-zero.
 *
 * Everything is measured on one production build (`vite build --mode production`, with a
 * manifest and hidden source maps), served by `vite preview` with its /api proxied to `npm run
 * mock:server` (bench-support.ts):
 *
 * 1. Bundle: the gzipped JavaScript a first visit to /agents downloads (entry chunk, the agents
 *    page chunk and their static imports), and the same for every view in PAGE_BUDGETS; what
 *    the /agents set is made of, per package or app folder, through its source maps.
 * 2. Environment switch: in Chromium, 20 switches between prod/staging/dev through the
 *    "Environment" combobox; per switch the API requests issued (and whether any still asked
 *    for the old environment), React commits, and the time from the choice to the new
 *    environment's rows on screen.
 * 3. The browser suites of browser-suites.ts (executions, soak, and one per view), on the same
 *    server and browser.
 *
 * `npm run bench -- --bundle-only` measures the bundle only and leaves docs/benchmarks.md alone;
 * `npm run bench -- --only <suite>[,<suite>]` runs just those browser suites and prints them;
 * `--port <n>` (or BENCH_PORT) keeps every server the bench starts on ports n … n + 7.
 *
 * Runs on Node's own TypeScript support (erasable syntax only), so no imports from `src/`.
 */
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs'
import { cpus, loadavg, tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { decodedMappings, TraceMap } from '@jridgewell/trace-mapping'
import type { Browser, Page, Request } from '@playwright/test'
import { format, resolveConfig } from 'prettier'
import {
  buildProduction,
  configurePorts,
  formatKb,
  KB,
  launchBrowser,
  median,
  percentile,
  ROOT,
  serveProduction,
  signIn,
  stopAllServers,
  verdict,
  type BenchResults,
  type BenchServer,
} from './bench-support.ts'
import { browserSuites, type BrowserSuite } from './browser-suites.ts'

const AGENTS_PAGE_MODULE = 'src/features/agents/agents-page.tsx'
const EXECUTION_PAGE_MODULE = 'src/features/executions/detail/execution-detail-page.tsx'
/** The charts' drawing code (d3's scales and shapes, the two chart bodies): never in a first view. */
const isChartCode = (source: string) =>
  /node_modules\/d3-(scale|shape)\/|src\/components\/charts\/(line-chart-body|stacked-time-histogram|chart-axes)\./.test(
    source,
  )
/**
 * Every view's first-visit budget: the entry chunk plus its page chunk and their static
 * imports (lazily loaded parts, such as charts, are not in it). A new view adds a line.
 */
const PAGE_BUDGETS: { route: string; module: string; targetBytes: number }[] = [
  {
    route: '/overview',
    module: 'src/features/overview/overview-page.tsx',
    targetBytes: 150 * 1000,
  },
  { route: '/agents', module: AGENTS_PAGE_MODULE, targetBytes: 150 * 1000 },
  {
    route: '/executions',
    module: 'src/features/executions/search/executions-page.tsx',
    targetBytes: 160 * 1000,
  },
  { route: '/usage', module: 'src/features/usage/usage-page.tsx', targetBytes: 160 * 1000 },
  { route: '/logs', module: 'src/features/logs/logs-page.tsx', targetBytes: 160 * 1000 },
  { route: '/metrics', module: 'src/features/metrics/metrics-page.tsx', targetBytes: 155 * 1000 },
  { route: '/compare', module: 'src/features/compare/compare-page.tsx', targetBytes: 160 * 1000 },
  {
    route: '/alerts',
    module: 'src/features/alerts/open-alerts-page.tsx',
    targetBytes: 155 * 1000,
  },
  {
    route: '/admin/environments',
    module: 'src/features/admin/environments-admin-page.tsx',
    targetBytes: 160 * 1000,
  },
  { route: '/admin/people', module: 'src/features/admin/people-page.tsx', targetBytes: 160 * 1000 },
  {
    route: '/admin/audit',
    module: 'src/features/admin/audit-log-page.tsx',
    targetBytes: 160 * 1000,
  },
  // An execution's page: what is loaded before "Replay…" is pressed (the dialog and its
  // editor are not: see REPLAY_MODULES; nor is the timeline's virtualizer, fetched as the
  // page mounts).
  {
    route: '/executions/:executionId',
    module: EXECUTION_PAGE_MODULE,
    targetBytes: 165 * 1000,
  },
]

/**
 * What pressing "Replay…" on an execution's page loads beyond the page: the dialog, then (as it
 * opens) the CodeMirror "Input body" editor, which no first visit of any view may carry.
 */
const REPLAY_MODULES = {
  dialog: 'src/features/executions/replay/replay-dialog.tsx',
  editor: 'src/features/executions/replay/input-body-editor.tsx',
} as const
const REPORT = join(ROOT, 'docs/benchmarks.md')

const BUNDLE_TARGET_BYTES = 150 * KB
const SWITCHES = 20
const SWITCH_ORDER = ['staging', 'dev', 'prod'] as const
const PAINT_TARGET_MS = 100
/** After the rows are on screen, how long trailing requests and commits still count. */
const SETTLE_MS = 500

const workDir = mkdtempSync(join(tmpdir(), 'cameleer3-bench-'))
const outDir = join(workDir, 'dist')

function log(message = ''): void {
  console.log(message)
}

// ---------------------------------------------------------------------------------------------
// 1. Bundle
// ---------------------------------------------------------------------------------------------

interface ManifestChunk {
  file: string
  name?: string
  src?: string
  isEntry?: boolean
  isDynamicEntry?: boolean
  imports?: string[]
  dynamicImports?: string[]
}
type Manifest = Record<string, ManifestChunk>

interface ChunkFacts {
  file: string
  name: string
  rawBytes: number
  gzipBytes: number
  /** Source modules, from the chunk's (hidden) source map. */
  sources: string[]
  code: string
  map: TraceMap | null
}

/** What one package (or app folder) contributes to a set of chunks. */
interface Contribution {
  owner: string
  rawBytes: number
  /** Its code gzipped on its own: an estimate, as compression context is shared in a chunk. */
  gzipBytes: number
}

interface BundleReport {
  agentsSet: ChunkFacts[]
  /** index.html's own classic scripts (theme-boot.js), counted in every first-visit figure. */
  htmlScripts: { file: string; rawBytes: number; gzipBytes: number }[]
  agentsGzip: number
  agentsRaw: number
  totalGzip: number
  totalRaw: number
  allChunks: ChunkFacts[]
  chartCodeInAgents: string[]
  mockInAgents: string[]
  packagesInAgents: string[]
  /** The /agents set broken down by package or app folder, biggest first. */
  agentsContributions: Contribution[]
  /** Each view's first-visit JavaScript (PAGE_BUDGETS). */
  pages: {
    route: string
    gzip: number
    raw: number
    chunks: number
    targetBytes: number
    chartCode: boolean
    /** Whether any CodeMirror code (the replay editor's) is in it: it must not be. */
    codemirror: boolean
  }[]
  /** What "Replay…" loads beyond the execution's page: the dialog, then the editor. */
  replay: { part: keyof typeof REPLAY_MODULES; gzip: number; raw: number; chunks: number }[]
}

function chunkFacts(file: string, name: string): ChunkFacts {
  const code = readFileSync(join(outDir, file))
  const mapFile = join(outDir, `${file}.map`)
  const map = existsSync(mapFile) ? new TraceMap(readFileSync(mapFile, 'utf8')) : null
  return {
    file,
    name,
    rawBytes: code.length,
    gzipBytes: gzipSync(code, { level: 9 }).length,
    sources: (map?.sources ?? []).filter((source): source is string => source !== null),
    code: code.toString('utf8'),
    map,
  }
}

/** The manifest keys a chunk needs before it runs: itself and its static imports, transitively. */
function staticClosure(manifest: Manifest, roots: readonly string[]): Set<string> {
  const seen = new Set<string>()
  const visit = (key: string) => {
    if (seen.has(key)) return
    const chunk = manifest[key]
    if (!chunk) throw new Error(`The manifest has no entry "${key}"`)
    seen.add(key)
    for (const imported of chunk.imports ?? []) visit(imported)
  }
  roots.forEach(visit)
  return seen
}

function packageOf(source: string): string | null {
  const match = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(source)
  return match?.[1] ?? null
}

/** `react-dom`, `@tanstack/react-query`, or the app folder (`src/features/agents`). */
function ownerOf(source: string): string {
  const pkg = packageOf(source)
  if (pkg) return pkg
  const app = /(src\/(?:features\/[^/]+|[^/]+))/.exec(source)
  return app?.[1] ?? source.replace(/^(\.\.\/)+/, '')
}

/**
 * Which source each character of the generated code came from, as source-map-explorer does:
 * the code from one mapping segment to the next belongs to the first one's source.
 */
function attributeChunk(chunk: ChunkFacts, slices: Map<string, string[]>): void {
  const add = (owner: string, code: string) => {
    const list = slices.get(owner) ?? []
    list.push(code)
    slices.set(owner, list)
  }
  if (!chunk.map) {
    add(chunk.name, chunk.code)
    return
  }
  const sources = chunk.map.sources
  const lines = chunk.code.split('\n')
  decodedMappings(chunk.map).forEach((segments, lineNumber) => {
    const line = lines[lineNumber] ?? ''
    segments.forEach((segment, i) => {
      const end = segments[i + 1]?.[0] ?? line.length
      const owner = segment.length === 1 ? '(unmapped)' : ownerOf(sources[segment[1]] ?? '?')
      add(owner, line.slice(segment[0], end))
    })
  })
}

function contributions(chunks: readonly ChunkFacts[]): Contribution[] {
  const slices = new Map<string, string[]>()
  for (const chunk of chunks) attributeChunk(chunk, slices)
  return [...slices.entries()]
    .map(([owner, parts]) => {
      const code = parts.join('')
      return {
        owner,
        rawBytes: Buffer.byteLength(code),
        gzipBytes: gzipSync(code, { level: 9 }).length,
      }
    })
    .sort((a, b) => b.rawBytes - a.rawBytes)
}

/** The build in `outDir` (buildProduction: manifest and hidden source maps). */
function measureBundle(): BundleReport {
  const manifest = JSON.parse(readFileSync(join(outDir, '.vite/manifest.json'), 'utf8')) as Manifest

  const entryKey = Object.keys(manifest).find((key) => manifest[key]?.isEntry)
  if (!entryKey) throw new Error('The manifest has no entry chunk')
  if (!manifest[AGENTS_PAGE_MODULE]) {
    throw new Error(
      `The manifest has no chunk for ${AGENTS_PAGE_MODULE}: is the agents page lazily loaded?`,
    )
  }
  const agentsKeys = staticClosure(manifest, [entryKey, AGENTS_PAGE_MODULE])
  const agentsFiles = new Set([...agentsKeys].map((key) => manifest[key]?.file ?? ''))

  const assetsDir = join(outDir, 'assets')
  const allChunks = readdirSync(assetsDir)
    .filter((file) => file.endsWith('.js'))
    .map((file) => {
      const path = `assets/${file}`
      const key = Object.keys(manifest).find((candidate) => manifest[candidate]?.file === path)
      const chunk = key ? manifest[key] : undefined
      return chunkFacts(path, chunk?.src ?? chunk?.name ?? key ?? file)
    })
    .sort((a, b) => b.gzipBytes - a.gzipBytes)
  const agentsSet = allChunks.filter((chunk) => agentsFiles.has(chunk.file))
  // Classic scripts index.html loads itself (public/theme-boot.js, blocking, before the first
  // paint): JavaScript of every first visit, though no chunk imports them.
  const html = readFileSync(join(outDir, 'index.html'), 'utf8')
  const htmlScripts = [...html.matchAll(/<script\b([^>]*)>/g)]
    .map((match) => match[1] ?? '')
    .filter((attributes) => !/type=["']module["']/.test(attributes))
    .map((attributes) => /src=["']\/?([^"']+)["']/.exec(attributes)?.[1])
    .filter((file): file is string => Boolean(file) && existsSync(join(outDir, file as string)))
    .map((file) => {
      const code = readFileSync(join(outDir, file))
      return { file, rawBytes: code.length, gzipBytes: gzipSync(code, { level: 9 }).length }
    })
  const htmlGzip = htmlScripts.reduce((sum, script) => sum + script.gzipBytes, 0)
  const htmlRaw = htmlScripts.reduce((sum, script) => sum + script.rawBytes, 0)

  const chartCodeInAgents = agentsSet
    .filter((chunk) => chunk.sources.some(isChartCode))
    .map((chunk) => chunk.file)
  const mockInAgents = agentsSet
    .filter((chunk) => chunk.sources.some((source) => source.includes('src/mocks/')))
    .map((chunk) => chunk.file)
  const packagesInAgents = [
    ...new Set(
      agentsSet.flatMap((chunk) => chunk.sources.map(packageOf).filter((name) => name !== null)),
    ),
  ].sort()

  const pages = PAGE_BUDGETS.map((budget) => {
    if (!manifest[budget.module]) {
      throw new Error(
        `The manifest has no chunk for ${budget.module}: is ${budget.route} lazily loaded?`,
      )
    }
    const files = new Set(
      [...staticClosure(manifest, [entryKey, budget.module])].map(
        (key) => manifest[key]?.file ?? '',
      ),
    )
    const set = allChunks.filter((chunk) => files.has(chunk.file))
    return {
      route: budget.route,
      gzip: htmlGzip + set.reduce((sum, chunk) => sum + chunk.gzipBytes, 0),
      raw: htmlRaw + set.reduce((sum, chunk) => sum + chunk.rawBytes, 0),
      chunks: htmlScripts.length + set.length,
      targetBytes: budget.targetBytes,
      chartCode: set.some((chunk) => chunk.sources.some(isChartCode)),
      codemirror: set.some((chunk) =>
        chunk.sources.some((source) => source.includes('node_modules/@codemirror/')),
      ),
    }
  })

  // Each step's chunks that the steps before it (the page, then the dialog) did not load.
  const loaded = staticClosure(manifest, [entryKey, EXECUTION_PAGE_MODULE])
  const replay = (Object.keys(REPLAY_MODULES) as (keyof typeof REPLAY_MODULES)[]).map((part) => {
    const module = REPLAY_MODULES[part]
    if (!manifest[module]) {
      throw new Error(`The manifest has no chunk for ${module}: is it loaded dynamically?`)
    }
    const added = [...staticClosure(manifest, [module])].filter((key) => !loaded.has(key))
    added.forEach((key) => loaded.add(key))
    const files = new Set(added.map((key) => manifest[key]?.file ?? ''))
    const set = allChunks.filter((chunk) => files.has(chunk.file))
    return {
      part,
      gzip: set.reduce((sum, chunk) => sum + chunk.gzipBytes, 0),
      raw: set.reduce((sum, chunk) => sum + chunk.rawBytes, 0),
      chunks: set.length,
    }
  })

  return {
    pages,
    replay,
    agentsSet,
    htmlScripts,
    agentsGzip: htmlGzip + agentsSet.reduce((sum, chunk) => sum + chunk.gzipBytes, 0),
    agentsRaw: htmlRaw + agentsSet.reduce((sum, chunk) => sum + chunk.rawBytes, 0),
    totalGzip: htmlGzip + allChunks.reduce((sum, chunk) => sum + chunk.gzipBytes, 0),
    totalRaw: htmlRaw + allChunks.reduce((sum, chunk) => sum + chunk.rawBytes, 0),
    allChunks,
    chartCodeInAgents,
    mockInAgents,
    packagesInAgents,
    agentsContributions: contributions(agentsSet),
  }
}

/**
 * What "Go to" adds to every first view: its code in the /agents set (the entry chunk is in
 * every view's set), by source map. Its dialog loads on first use and is not counted.
 */
function goToShare(report: BundleReport): Contribution {
  return (
    report.agentsContributions.find((part) => part.owner === 'src/features/go-to') ?? {
      owner: 'src/features/go-to',
      rawBytes: 0,
      gzipBytes: 0,
    }
  )
}

function printBundle(report: BundleReport): void {
  log()
  log('Bundle (production build, gzip level 9)')
  log(
    `  JS to show /agents: ${formatKb(report.agentsGzip)} gzipped (${formatKb(report.agentsRaw)} raw) ` +
      `in ${report.agentsSet.length} chunks + ${report.htmlScripts.length} script(s) of index.html; target ≤ ${formatKb(BUNDLE_TARGET_BYTES)}: ` +
      verdict(report.agentsGzip <= BUNDLE_TARGET_BYTES),
  )
  for (const script of report.htmlScripts) {
    log(`    of which index.html's ${script.file}: ${formatKb(script.gzipBytes)} gzipped`)
  }
  for (const page of report.pages) {
    log(
      `  first visit of ${page.route}: ${formatKb(page.gzip)} gzipped (${formatKb(page.raw)} raw) in ${page.chunks} chunks` +
        `${page.chartCode ? ', chart code included' : ''}; target ≤ ${formatKb(page.targetBytes)}: ${verdict(page.gzip <= page.targetBytes)}`,
    )
  }
  const withEditor = report.pages.filter((page) => page.codemirror).map((page) => page.route)
  log(
    `  the replay editor (CodeMirror) in a first visit: ${withEditor.length ? `yes (${withEditor.join(', ')}) MISSED` : 'no: ok'}`,
  )
  for (const step of report.replay) {
    log(
      `  pressing "Replay…" then loads the ${step.part === 'dialog' ? 'dialog' : '"Input body" editor (as the dialog opens)'}: ` +
        `${formatKb(step.gzip)} gzipped (${formatKb(step.raw)} raw) in ${step.chunks} chunks`,
    )
  }
  log(
    `  all JS in the build: ${formatKb(report.totalGzip)} gzipped (${formatKb(report.totalRaw)} raw) in ${report.allChunks.length} chunks`,
  )
  log(
    `  chart drawing code in the /agents set: ${report.chartCodeInAgents.length ? `yes (${report.chartCodeInAgents.join(', ')}) MISSED` : 'no: ok'}`,
  )
  log(
    `  mock code in the /agents set: ${report.mockInAgents.length ? `yes (${report.mockInAgents.join(', ')}) MISSED` : 'no: ok'}`,
  )
  const goTo = goToShare(report)
  log(
    `  "Go to" (src/features/go-to) in every first view: ${formatKb(goTo.rawBytes)} minified, ${formatKb(goTo.gzipBytes)} gzipped alone; target 0: ${verdict(goTo.rawBytes === 0)}`,
  )
  log(
    '  the /agents set by package or app folder (minified; gzip of each part alone, an estimate):',
  )
  for (const part of report.agentsContributions.slice(0, 12)) {
    log(
      `    ${formatKb(part.rawBytes).padStart(9)} raw ${formatKb(part.gzipBytes).padStart(9)} gzip  ${part.owner}`,
    )
  }
  log('  biggest chunks:')
  for (const chunk of report.allChunks.slice(0, 8)) {
    const inSet = report.agentsSet.includes(chunk) ? ' [/agents]' : ''
    log(`    ${formatKb(chunk.gzipBytes).padStart(9)}  ${chunk.name} (${chunk.file})${inSet}`)
  }
}

// ---------------------------------------------------------------------------------------------
// 2. Environment switch
// ---------------------------------------------------------------------------------------------

interface SwitchSample {
  from: string
  to: string
  /** From the choice (the select's `input` event) to the frame that paints the new rows. */
  paintMs: number
  requests: number
  /** Requests issued after the choice that still carried the old environment. */
  oldEnvRequests: number
  commits: number
}

interface SwitchReport {
  samples: SwitchSample[]
  /** Distinct API endpoints a cold visit of an environment asks for (the visible queries). */
  visibleQueries: number
  commitCountingWorks: boolean
  browser: string
}

/** When a part was measured and how busy the machine was (it may be shared). */
interface Measured {
  at: string
  /** Load average over the last minute, at the start and at the end. */
  loadStart: number
  loadEnd: number
}

function startMeasuring(): () => Measured {
  const at = new Date().toISOString()
  const loadStart = loadavg()[0] ?? Number.NaN
  return () => ({ at, loadStart, loadEnd: loadavg()[0] ?? Number.NaN })
}

function describeMeasured(measured: Measured, command: string): string {
  return (
    `Measured ${measured.at.slice(0, 16).replace('T', ' ')} UTC with \`${command}\`; load average ` +
    `(1 min, ${cpus().length} cores) ${measured.loadStart.toFixed(2)} at the start, ${measured.loadEnd.toFixed(2)} at the end.`
  )
}

/** Each browser suite's figures (browser-suites.ts), measured on the same server. */
type SuiteFigures = {
  suite: BrowserSuite
  results: BenchResults
  measured: Measured
  /** Why the suite stopped, when it did: its section says so and the bench exits non-zero. */
  error?: string
}[]

/** What the page under test exposes to this script. */
interface BenchWindow {
  __benchCommits: number
  __benchSwitch: { start: number | null; painted: number | null }
}

/** Installed before any app code: a React commit counter. */
function installCommitCounter(): void {
  const target = window as unknown as BenchWindow & Record<string, unknown>
  target.__benchCommits = 0
  // React (production builds too) reports every commit to this hook when it exists.
  target.__REACT_DEVTOOLS_GLOBAL_HOOK__ = {
    supportsFiber: true,
    isDisabled: false,
    renderers: new Map(),
    inject() {
      return 1
    },
    onCommitFiberRoot() {
      target.__benchCommits += 1
    },
    onCommitFiberUnmount() {},
    onPostCommitFiberRoot() {},
    checkDCE() {},
  }
}

/** Waits for the choice, then for the first frame with rows none of which is the old env's. */
function armSwitchProbe(oldIds: string[]): void {
  const target = window as unknown as BenchWindow
  const old = new Set(oldIds)
  const probe: BenchWindow['__benchSwitch'] = { start: null, painted: null }
  target.__benchSwitch = probe
  // Capture phase on window: runs before React sees the event.
  window.addEventListener(
    'input',
    () => {
      probe.start ??= performance.now()
    },
    { capture: true, once: true },
  )
  const newRowsShown = () => {
    const links = document.querySelectorAll('table[aria-label="Agents"] tbody tr td:first-child a')
    if (!links.length) return false
    return [...links].every((link) => !old.has((link.textContent ?? '').trim()))
  }
  const observer = new MutationObserver(() => {
    if (probe.start === null || !newRowsShown()) return
    observer.disconnect()
    requestAnimationFrame(() => {
      probe.painted = performance.now()
    })
  })
  observer.observe(document.body, { childList: true, subtree: true, characterData: true })
}

async function visibleIds(page: Page): Promise<string[]> {
  const ids = await page
    .getByRole('table', { name: 'Agents' })
    .getByRole('row')
    .getByRole('link')
    .allTextContents()
  return ids.map((id) => id.trim())
}

async function measureSwitches(baseURL: string, browser: Browser): Promise<SwitchReport> {
  const context = await browser.newContext({ baseURL })
  try {
    await context.addInitScript(installCommitCounter)
    const page = await context.newPage()
    const requests: { url: URL }[] = []
    page.on('request', (request: Request) => {
      const url = new URL(request.url())
      // The header's alert bell polls every environment on its own clock: not the switch's.
      if (url.pathname.startsWith('/api/') && !url.pathname.endsWith('/alerts/summary')) {
        requests.push({ url })
      }
    })

    await signIn(page)
    await page.goto('/agents?env=prod')
    const table = page.getByRole('table', { name: 'Agents' })
    await table.getByRole('link').first().waitFor({ timeout: 15_000 })
    const commitCountingWorks =
      (await page.evaluate(() => (window as unknown as BenchWindow).__benchCommits)) > 0

    const select = page.getByRole('banner').getByRole('combobox', { name: 'Environment' })
    const samples: SwitchSample[] = []
    let visibleQueries = 0
    let current = 'prod'
    for (let i = 0; i < SWITCHES; i++) {
      const next = SWITCH_ORDER[i % SWITCH_ORDER.length] ?? 'prod'
      const oldIds = await visibleIds(page)
      const firstRequest = requests.length
      const commitsBefore = await page.evaluate(
        () => (window as unknown as BenchWindow).__benchCommits,
      )
      await page.evaluate(armSwitchProbe, oldIds)
      await select.selectOption(next)
      await page.waitForFunction(
        () => (window as unknown as BenchWindow).__benchSwitch.painted !== null,
        null,
        {
          timeout: 15_000,
        },
      )
      await page.waitForTimeout(SETTLE_MS)
      const probe = await page.evaluate(() => (window as unknown as BenchWindow).__benchSwitch)
      const commitsAfter = await page.evaluate(
        () => (window as unknown as BenchWindow).__benchCommits,
      )
      const issued = requests.slice(firstRequest)
      if (i < SWITCH_ORDER.length - 1) {
        // The first visits of staging and dev are cold: what they ask for is what the page needs.
        visibleQueries = Math.max(
          visibleQueries,
          new Set(
            issued.filter((r) => r.url.searchParams.has('environment')).map((r) => r.url.pathname),
          ).size,
        )
      }
      samples.push({
        from: current,
        to: next,
        paintMs: (probe.painted ?? Number.NaN) - (probe.start ?? Number.NaN),
        requests: issued.length,
        oldEnvRequests: issued.filter((r) => r.url.searchParams.get('environment') === current)
          .length,
        commits: commitsAfter - commitsBefore,
      })
      current = next
    }
    return {
      samples,
      visibleQueries,
      commitCountingWorks,
      browser: `${browser.browserType().name()} ${browser.version()}`,
    }
  } finally {
    await context.close()
  }
}

function printSwitches(report: SwitchReport): void {
  const { samples, visibleQueries } = report
  const paint = samples.map((sample) => sample.paintMs)
  const maxRequests = Math.max(...samples.map((sample) => sample.requests))
  const oldEnv = samples.reduce((sum, sample) => sum + sample.oldEnvRequests, 0)
  log()
  log(`Environment switch (${samples.length} switches, ${report.browser}, mock latency 0)`)
  log(
    `  time to new rows painted: median ${median(paint).toFixed(1)} ms, p95 ${percentile(paint, 95).toFixed(1)} ms; ` +
      `target median ≤ ${PAINT_TARGET_MS} ms: ${verdict(median(paint) <= PAINT_TARGET_MS)}`,
  )
  log(
    `  API requests per switch: median ${median(samples.map((s) => s.requests))}, max ${maxRequests}; ` +
      `target ≤ 1 per visible query (${visibleQueries}): ${verdict(maxRequests <= visibleQueries)}`,
  )
  log(
    `  requests for the old environment after the choice: ${oldEnv}; target 0: ${verdict(oldEnv === 0)}`,
  )
  log(
    `  React commits per switch: median ${median(samples.map((s) => s.commits))}, max ${Math.max(...samples.map((s) => s.commits))}` +
      (report.commitCountingWorks
        ? ''
        : ' (commit counting did not work: React never called the hook)'),
  )
  log('  per switch (from → to: paint ms, requests, old-env requests, commits):')
  for (const sample of samples) {
    log(
      `    ${sample.from.padEnd(7)} → ${sample.to.padEnd(7)} ${sample.paintMs.toFixed(1).padStart(7)} ms  ` +
        `${sample.requests} req  ${sample.oldEnvRequests} old  ${sample.commits} commits`,
    )
  }
}

// ---------------------------------------------------------------------------------------------
// Report
// ---------------------------------------------------------------------------------------------

async function writeReport(
  bundle: BundleReport,
  switches: SwitchReport,
  switchesMeasured: Measured,
  suites: SuiteFigures,
): Promise<void> {
  const { samples, visibleQueries } = switches
  const paint = samples.map((sample) => sample.paintMs)
  const maxRequests = Math.max(...samples.map((sample) => sample.requests))
  const oldEnv = samples.reduce((sum, sample) => sum + sample.oldEnvRequests, 0)
  const lines = [
    '# Benchmarks',
    '',
    'Written by `npm run bench` (`e2e/bench/run-benchmarks.ts`); run it again to refresh. The script',
    'builds the production bundle in a temporary directory and measures it there and in Chromium,',
    'served by `vite preview` with its API proxied to `npm run mock:server` (the mock in its own',
    "Node process, so no figure counts the mock's work as the page's), signed in through the form.",
    'It prints MISSED next to a missed target. It fails only on errors: a suite that fails is',
    'reported here as not measured, the others still are, and the command exits non-zero.',
    '',
    `Last run: ${new Date().toISOString()} · Node ${process.version} · ${cpus().length} CPU cores · ${switches.browser}.`,
    'Each section says when it was measured and the load average then: the machine may be shared,',
    'and a busy one stretches every time and long task. The bundle figures do not depend on it',
    '(`npm run bench -- --bundle-only` prints them in seconds).',
    '',
    '## Bundle: JavaScript needed to show `/agents`',
    '',
    'Production build (`vite build --mode production --manifest`), each chunk gzipped at level 9;',
    'the `/agents` set is the entry chunk, the lazily loaded agents page chunk',
    `(\`${AGENTS_PAGE_MODULE}\`) and their static imports, transitively, plus the classic scripts`,
    `index.html loads itself (${bundle.htmlScripts.map((script) => `\`${script.file}\` ${formatKb(script.gzipBytes)}`).join(', ') || 'none'}; in every first-visit figure). 1 kB = 1,000 bytes.`,
    '',
    '| figure | value | target | |',
    '|---|---|---|---|',
    `| JS to show /agents (gzip) | ${formatKb(bundle.agentsGzip)} (${bundle.agentsSet.length} chunks + ${bundle.htmlScripts.length} script, ${formatKb(bundle.agentsRaw)} raw) | ≤ ${formatKb(BUNDLE_TARGET_BYTES)} | ${verdict(bundle.agentsGzip <= BUNDLE_TARGET_BYTES)} |`,
    ...bundle.pages.map(
      (page) =>
        `| JS for a first visit of ${page.route} (gzip, lazy parts excluded) | ${formatKb(page.gzip)} (${page.chunks} chunks${page.chartCode ? ', chart code included' : ''}) | ≤ ${formatKb(page.targetBytes)} | ${verdict(page.gzip <= page.targetBytes)} |`,
    ),
    `| the replay editor (CodeMirror) in a first visit of any view | ${
      bundle.pages
        .filter((page) => page.codemirror)
        .map((page) => page.route)
        .join(', ') || 'no'
    } | no | ${verdict(!bundle.pages.some((page) => page.codemirror))} |`,
    ...bundle.replay.map(
      (step) =>
        `| JS "Replay…" loads beyond the execution's page: the ${step.part === 'dialog' ? 'dialog' : 'Input body editor'} (gzip) | ${formatKb(step.gzip)} (${step.chunks} chunks, ${formatKb(step.raw)} raw) | | |`,
    ),
    `| all JS in the build (gzip) | ${formatKb(bundle.totalGzip)} (${bundle.allChunks.length} chunks, ${formatKb(bundle.totalRaw)} raw) | | |`,
    `| "Go to" (\`src/features/go-to\`) in every first view (minified; gzip of it alone) | ${formatKb(goToShare(bundle).rawBytes)}; ${formatKb(goToShare(bundle).gzipBytes)} gzipped | 0 | ${verdict(goToShare(bundle).rawBytes === 0)} |`,
    `| chart drawing code in the /agents set | ${bundle.chartCodeInAgents.length ? bundle.chartCodeInAgents.join(', ') : 'no'} | no | ${verdict(!bundle.chartCodeInAgents.length)} |`,
    `| mock code (src/mocks) in the /agents set | ${bundle.mockInAgents.length ? bundle.mockInAgents.join(', ') : 'no'} | no | ${verdict(!bundle.mockInAgents.length)} |`,
    '',
    `Packages in the /agents set: ${bundle.packagesInAgents.map((name) => `\`${name}\``).join(', ') || 'none'}.`,
    '',
    'What the /agents set is made of (minified bytes per package or app folder, attributed through',
    'the source maps; the gzip column compresses each part alone, so it is an estimate that sums',
    'to more than the real total):',
    '',
    '| raw | gzip (alone) | package or folder |',
    '|---|---|---|',
    ...bundle.agentsContributions
      .slice(0, 15)
      .map(
        (part) =>
          `| ${formatKb(part.rawBytes)} | ${formatKb(part.gzipBytes)} | \`${part.owner}\` |`,
      ),
    '',
    'Biggest chunks:',
    '',
    '| gzip | raw | chunk | in /agents set |',
    '|---|---|---|---|',
    ...bundle.allChunks
      .slice(0, 10)
      .map(
        (chunk) =>
          `| ${formatKb(chunk.gzipBytes)} | ${formatKb(chunk.rawBytes)} | ${chunk.name} (\`${chunk.file}\`) | ${bundle.agentsSet.includes(chunk) ? 'yes' : ''} |`,
      ),
    '',
    '## Environment switch',
    '',
    'Chromium (Playwright library) against the production build and the mock server (latency 0),',
    'signed in as admin@acme on `/agents?env=prod`, then',
    `${samples.length} switches in the order staging → dev → prod → … through the "Environment" combobox.`,
    'Per switch: the API requests issued after the choice (and those still carrying the old',
    'environment), React commits (counted by a `__REACT_DEVTOOLS_GLOBAL_HOOK__` stub whose',
    '`onCommitFiberRoot` React calls in production builds too), and the time from the choice (the',
    "select's `input` event, in the page) to the animation frame in which the table first shows",
    `rows none of which belongs to the old environment. Requests and commits are counted until ${SETTLE_MS} ms`,
    'after that frame. The first visits of staging and dev are cold (nothing cached); later ones',
    'may be served from the query cache, with a background refetch when the data is stale.',
    '',
    describeMeasured(switchesMeasured, 'npm run bench'),
    '',
    '| figure | value | target | |',
    '|---|---|---|---|',
    `| time to new rows painted, median | ${median(paint).toFixed(1)} ms | ≤ ${PAINT_TARGET_MS} ms | ${verdict(median(paint) <= PAINT_TARGET_MS)} |`,
    `| time to new rows painted, p95 | ${percentile(paint, 95).toFixed(1)} ms | | |`,
    `| API requests per switch, median (max) | ${median(samples.map((s) => s.requests))} (${maxRequests}) | ≤ 1 per visible query (${visibleQueries}) | ${verdict(maxRequests <= visibleQueries)} |`,
    `| requests for the old environment after the choice | ${oldEnv} | 0 | ${verdict(oldEnv === 0)} |`,
    `| React commits per switch, median (max) | ${median(samples.map((s) => s.commits))} (${Math.max(...samples.map((s) => s.commits))})${switches.commitCountingWorks ? '' : ' — counting failed'} | | |`,
    '',
    '| # | from → to | rows painted | requests | old-env requests | commits |',
    '|---|---|---|---|---|---|',
    ...samples.map(
      (sample, i) =>
        `| ${i + 1} | ${sample.from} → ${sample.to} | ${sample.paintMs.toFixed(1)} ms | ${sample.requests} | ${sample.oldEnvRequests} | ${sample.commits} |`,
    ),
    '',
    ...suites.flatMap(({ suite, results, measured: when, error }) => [
      `## ${suite.title}`,
      '',
      ...suite.intro,
      '',
      `${describeMeasured(when, 'npm run bench')} Alone: \`npm run bench -- --only ${suite.name}\`.`,
      '',
      ...(error
        ? [`**Not measured: the suite failed** (${error.replace(/\|/g, '\\|')}).`]
        : ['| figure | value | target | |', '|---|---|---|---|', ...suite.reportRows(results)]),
      '',
    ]),
  ]
  mkdirSync(dirname(REPORT), { recursive: true })
  // Formatted as `npm run lint` (prettier --check) expects it.
  const options = (await resolveConfig(REPORT)) ?? {}
  writeFileSync(REPORT, await format(lines.join('\n'), { ...options, filepath: REPORT }))
  log()
  log(`Written to ${REPORT}`)
}

async function runBrowserSuites(
  baseURL: string,
  browser: Browser,
  suites: readonly BrowserSuite[],
): Promise<SuiteFigures> {
  const measured: SuiteFigures = []
  const serve = (mockEnv: Record<string, string>) => serveProduction(outDir, mockEnv)
  for (const suite of suites) {
    log()
    log(`${suite.title} (${suite.name})… (load average ${loadavg()[0]?.toFixed(2)})`)
    const done = startMeasuring()
    try {
      const results = await suite.run({ baseURL, browser, log, serve })
      measured.push({ suite, results, measured: done() })
    } catch (error) {
      // One suite's failure does not cost the figures of the others (a full run is long).
      const message = error instanceof Error ? error.message.split('\n')[0] : String(error)
      log(`  ${suite.name} failed: ${error instanceof Error ? (error.stack ?? message) : message}`)
      measured.push({ suite, results: {}, measured: done(), error: message })
      process.exitCode = 1
    }
  }
  return measured
}

function printSuites(measured: SuiteFigures): void {
  for (const { suite, results, measured: when, error } of measured) {
    log()
    log(`## ${suite.title}`)
    log(describeMeasured(when, `npm run bench -- --only ${suite.name}`))
    if (error) log(`FAILED: ${error}`)
    else for (const row of suite.reportRows(results)) log(row)
  }
}

async function main(): Promise<void> {
  configurePorts(process.argv)
  const onlyFlag = process.argv.indexOf('--only')
  const only =
    onlyFlag === -1 ? null : (process.argv[onlyFlag + 1] ?? '').split(',').filter(Boolean)
  const unknown = (only ?? []).filter((name) => !browserSuites.some((suite) => suite.name === name))
  if (unknown.length) {
    throw new Error(
      `No bench suite ${unknown.join(', ')}; there are: ${browserSuites.map((s) => s.name).join(', ')}`,
    )
  }

  buildProduction(outDir, log)
  const bundle = only ? null : measureBundle()
  if (bundle) printBundle(bundle)
  if (process.argv.includes('--bundle-only')) return

  let server: BenchServer | null = null
  let browser: Browser | null = null
  try {
    server = await serveProduction(outDir)
    log()
    log(`Production build served at ${server.url}, its API from npm run mock:server`)
    browser = await launchBrowser()
    if (only) {
      const suites = browserSuites.filter((suite) => only.includes(suite.name))
      printSuites(await runBrowserSuites(server.url, browser, suites))
      return
    }
    log()
    log('Environment switch…')
    const switchesDone = startMeasuring()
    const switches = await measureSwitches(server.url, browser)
    const switchesMeasured = switchesDone()
    printSwitches(switches)
    const suites = await runBrowserSuites(server.url, browser, browserSuites)
    if (bundle) await writeReport(bundle, switches, switchesMeasured, suites)
  } finally {
    await browser?.close()
    await server?.stop()
  }
}

process.on('SIGINT', () => {
  stopAllServers()
  process.exit(130)
})

try {
  await main()
} catch (error) {
  console.error(
    `\nbench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
  )
  process.exitCode = 1
} finally {
  stopAllServers()
  rmSync(workDir, { recursive: true, force: true })
}
