/**
 * What every benchmark shares: the figures' arithmetic and verdicts, the servers (the
 * production build served by `vite preview`, its /api proxied to `npm run mock:server`), the
 * browser and signing in through the form.
 *
 * Every figure is measured on what ships: the production bundle (no mock code) against the
 * mock as a plain HTTP server in its own process, so the page's main thread does only the
 * page's work, as against a real server.
 *
 * Ports: by default the operating system picks free ones; `--port <n>` (or BENCH_PORT) makes
 * the bench listen on n, n + 1, … n + 7 only (previews and mock servers alike), for a machine
 * where other servers run.
 *
 * Runs on Node's own TypeScript support (erasable syntax only), so nothing from `src/`.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { existsSync } from 'node:fs'
import { createServer } from 'node:net'
import { join, resolve } from 'node:path'
import { chromium, type Browser, type BrowserContext, type Page } from '@playwright/test'

export const ROOT = resolve(import.meta.dirname, '../..')
const VITE = join(ROOT, 'node_modules/vite/bin/vite.js')
const SYSTEM_CHROMIUM = '/usr/bin/chromium'

/** Vite (and the report) count kB as 1,000 bytes. */
export const KB = 1000

export type BenchResults = Record<string, number | string>
export type Log = (message: string) => void

/** What a browser suite (browser-suites.ts) is given to measure with. */
export interface SuiteOptions {
  /** The production build, its API proxied to `npm run mock:server` (zero latency, no faults). */
  baseURL: string
  browser: Browser
  log: Log
  /**
   * The same build against a mock server of its own, started with these mock settings
   * (`MOCK_HOSTILE_BODY`, `MOCK_LOG_LINES_PER_SECOND`…); the suite stops it.
   */
  serve: (mockEnv: Record<string, string>) => Promise<BenchServer>
}

// ---------------------------------------------------------------------------- figures

export function verdict(ok: boolean): string {
  return ok ? 'ok' : 'MISSED'
}

export function median(values: readonly number[]): number {
  const sorted = values.toSorted((a, b) => a - b)
  if (!sorted.length) return Number.NaN
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2
    ? (sorted[middle] ?? Number.NaN)
    : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2
}

/** Nearest-rank percentile. */
export function percentile(values: readonly number[], p: number): number {
  const sorted = values.toSorted((a, b) => a - b)
  if (!sorted.length) return Number.NaN
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN
}

export const round1 = (value: number) => Math.round(value * 10) / 10

export function formatKb(bytes: number): string {
  return `${(bytes / KB).toFixed(1)} kB`
}

// ---------------------------------------------------------------------------- browser

export function launchBrowser(): Promise<Browser> {
  return chromium.launch(existsSync(SYSTEM_CHROMIUM) ? { executablePath: SYSTEM_CHROMIUM } : {})
}

/**
 * Signs in through the form as a user would. Given a context, on a page of its own that is
 * closed after: the session is kept in localStorage, so every later page of the context is
 * signed in.
 *
 * Returns once the landing page has its environment in the URL: until the environment list is
 * in, the environment gate has yet to write `?env=` (a replace navigation), and that would
 * cancel a navigation the suite starts meanwhile (a nav link whose page chunk is loading),
 * leaving the page on the landing view.
 */
export async function signIn(
  target: Page | BrowserContext,
  username = 'admin@acme',
): Promise<void> {
  const page = 'goto' in target ? target : await target.newPage()
  await page.goto('/login')
  await page.getByRole('textbox', { name: 'Username' }).fill(username)
  await page.getByLabel('Password').fill('demo')
  await page.getByRole('button', { name: 'Sign in', exact: true }).click()
  await page.waitForURL((url) => url.pathname !== '/login' && url.searchParams.has('env'), {
    timeout: 30_000,
  })
  if (page !== target) await page.close()
}

// ---------------------------------------------------------------------------- in the page

/** What `installPaintProbe` puts in the page for the suites' own init scripts. */
export interface PaintProbe {
  /**
   * Checks `ready` every frame; in the task after the frame where it first holds (the frame
   * that shows it), calls `painted` with `performance.now()`.
   */
  whenPainted: (ready: () => boolean, painted: (at: number) => void) => void
  /** The URL a `fetch` call asks for, whichever form its first argument takes. */
  fetchUrl: (input: Parameters<typeof fetch>[0]) => string
}

/**
 * Installs `window.__paintProbe` (a `PaintProbe`) before any app code:
 * `context.addInitScript(installPaintProbe)` ahead of the suite's own init script. Functions
 * given to `addInitScript` are sent to the page as source, so they cannot import anything:
 * this is how they share code.
 */
export function installPaintProbe(): void {
  const probe: PaintProbe = {
    whenPainted: (ready, painted) => {
      const check = () => {
        if (!ready()) {
          requestAnimationFrame(check)
          return
        }
        requestAnimationFrame(() => setTimeout(() => painted(performance.now()), 0))
      }
      requestAnimationFrame(check)
    },
    fetchUrl: (input) =>
      typeof input === 'string' ? input : input instanceof URL ? input.href : input.url,
  }
  ;(window as unknown as { __paintProbe: PaintProbe }).__paintProbe = probe
}

/** JS heap in use after a forced garbage collection (CDP), in MB (10^6 bytes). */
export async function heapAfterGcMb(page: Page): Promise<number> {
  const session = await page.context().newCDPSession(page)
  await session.send('HeapProfiler.collectGarbage')
  const { usedSize } = (await session.send('Runtime.getHeapUsage')) as { usedSize: number }
  await session.detach()
  return usedSize / 1e6
}

/**
 * Holds every request `matches` accepts until the page closes (a route that never answers):
 * to measure a view without the next page of its data arriving in the middle.
 */
export async function holdRequests(page: Page, matches: (url: URL) => boolean): Promise<void> {
  await page.route(matches, () => undefined)
}

// ---------------------------------------------------------------------------- ports

let firstPort: number | null = null
const portsInUse = new Set<number>()
const PORT_BLOCK = 8

/** `--port <n>` / BENCH_PORT: listen on n … n + 7 only. Without it, free ports are picked. */
export function configurePorts(argv: readonly string[]): void {
  const flag = argv.indexOf('--port')
  const value = flag === -1 ? process.env.BENCH_PORT : argv[flag + 1]
  if (value === undefined || value === '') return
  const port = Number(value)
  if (!Number.isInteger(port) || port < 1 || port + PORT_BLOCK > 65_536) {
    throw new Error(`--port / BENCH_PORT must be a port number; got "${value}"`)
  }
  firstPort = port
}

function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, () => {
      const address = server.address()
      const port = typeof address === 'object' && address ? address.port : 0
      server.close(() => resolvePort(port))
    })
  })
}

async function takePort(): Promise<number> {
  if (firstPort === null) return freePort()
  for (let port = firstPort; port < firstPort + PORT_BLOCK; port++) {
    if (portsInUse.has(port)) continue
    portsInUse.add(port)
    return port
  }
  throw new Error(`all ${PORT_BLOCK} ports from ${firstPort} are in use by this bench`)
}

// ---------------------------------------------------------------------------- servers

export interface BenchServer {
  url: string
  stop: () => Promise<void>
}

export function viteBuild(outDir: string, args: string[], log: Log = console.log): void {
  log(`$ vite build ${args.join(' ')} --outDir ${outDir}`)
  const result = spawnSync(
    process.execPath,
    [VITE, 'build', ...args, '--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn'],
    { cwd: ROOT, stdio: 'inherit' },
  )
  if (result.status !== 0) {
    throw new Error(`vite build ${args.join(' ')} failed (exit ${result.status})`)
  }
}

/**
 * The deployable bundle, with a manifest (which chunk each module is in) and hidden source
 * maps (which module each byte came from): no page loads them, so what the browser downloads
 * is what `npm run build` ships.
 */
export function buildProduction(outDir: string, log: Log = console.log): void {
  viteBuild(outDir, ['--mode', 'production', '--manifest', '--sourcemap', 'hidden'], log)
}

const running = new Set<ChildProcess>()

function startProcess(args: string[], env: Record<string, string>): ChildProcess {
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, ...env },
  })
  running.add(child)
  child.once('exit', () => running.delete(child))
  return child
}

function stopProcess(child: ChildProcess, port: number): Promise<void> {
  portsInUse.delete(port)
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve()
  return new Promise((done) => {
    child.once('exit', () => done())
    child.kill('SIGTERM')
  })
}

async function waitForHttp(url: string, child: ChildProcess, what: string): Promise<void> {
  const deadline = Date.now() + 60_000
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${what} exited with ${child.exitCode}`)
    try {
      await fetch(url)
      return
    } catch {
      // not listening yet
    }
    await new Promise((wait) => setTimeout(wait, 200))
  }
  throw new Error(`${what} did not answer on ${url} within 60 s`)
}

/**
 * `npm run mock:server` at zero latency and without faults; `env` adds mock settings
 * (src/mocks/mock-settings.ts: MOCK_HOSTILE_BODY, MOCK_LOG_LINES_PER_SECOND…).
 */
export async function startMockServer(env: Record<string, string> = {}): Promise<BenchServer> {
  const port = await takePort()
  const child = startProcess(
    ['tools/run-tool.ts', 'tools/mock-server/main.ts', '--port', String(port), '--quiet'],
    { MOCK_LATENCY_MS: '0', MOCK_ERROR_RATE: '0', MOCK_MALFORMED_RATE: '0', ...env },
  )
  const url = `http://127.0.0.1:${port}`
  await waitForHttp(`${url}/api/v1/environments`, child, 'npm run mock:server')
  return { url, stop: () => stopProcess(child, port) }
}

/** `vite preview` of a production build, its /api proxied to `apiUrl` (CAMELEER_API_URL). */
export async function startPreview(outDir: string, apiUrl: string): Promise<BenchServer> {
  const port = await takePort()
  const child = startProcess(
    [
      VITE,
      'preview',
      '--mode',
      'production',
      '--outDir',
      outDir,
      '--port',
      String(port),
      '--strictPort',
    ],
    { CAMELEER_API_URL: apiUrl },
  )
  const url = `http://localhost:${port}`
  await waitForHttp(url, child, 'vite preview')
  return { url, stop: () => stopProcess(child, port) }
}

/**
 * The production build in `outDir` served against a mock server of its own: what a user of
 * a real server gets. `mockEnv`: mock settings for that server (see startMockServer).
 */
export async function serveProduction(
  outDir: string,
  mockEnv: Record<string, string> = {},
): Promise<BenchServer> {
  const api = await startMockServer(mockEnv)
  try {
    const preview = await startPreview(outDir, api.url)
    return {
      url: preview.url,
      stop: async () => {
        await preview.stop()
        await api.stop()
      },
    }
  } catch (error) {
    await api.stop()
    throw error
  }
}

/** For a SIGINT or a crash: every server this process started, stopped. */
export function stopAllServers(): void {
  for (const child of running) child.kill('SIGTERM')
}
