/**
 * How slow and how faulty the mock server is, changeable without touching code so the UI's
 * loading, retry, race and validation paths can be watched. Read on every request, so a value
 * typed into the devtools console takes effect on the next fetch, no reload needed.
 *
 * Precedence (highest first):
 *   1. `setMockSettings()` (tests)
 *   2. browser: localStorage['cameleer3:mock'], JSON
 *      `{ "latencyMs": 300, "errorRate": 0.2, "malformedRate": 0.1,
 *         "latencyByEnvironment": { "staging": 2000 }, "revokedEnvironments": ["prod"],
 *         "errorRateByEnvironment": { "staging": 1 }, "logLinesPerSecond": 200,
 *         "failCommands": true }`
 *      (every key optional)
 *   3. build time: VITE_MOCK_LATENCY_MS, VITE_MOCK_ERROR_RATE, VITE_MOCK_MALFORMED_RATE
 *   4. Node: MOCK_LATENCY_MS, MOCK_ERROR_RATE, MOCK_MALFORMED_RATE, and for the benchmarks
 *      (which run `npm run mock:server`) MOCK_HOSTILE_BODY, MOCK_LOG_LINES_PER_SECOND,
 *      MOCK_FAIL_COMMANDS
 *   5. defaults: no faults; latency 0 in tests and Node, 80–250 ms jitter in a browser.
 */

export const MOCK_SETTINGS_STORAGE_KEY = 'cameleer3:mock'

export interface MockSettings {
  /** Fixed latency for every request; `null` means the default (jitter or none). */
  latencyMs: number | null
  /** Per environment id, overriding `latencyMs` for requests scoped to that environment. */
  latencyByEnvironment: Record<string, number>
  /** Share of data requests answered with an injected 503 (0–1). */
  errorRate: number
  /** Per environment id, overriding `errorRate` for requests scoped to that environment. */
  errorRateByEnvironment: Record<string, number>
  /** Share of successful data responses whose JSON is broken against the schema (0–1). */
  malformedRate: number
  /**
   * Environments whose access the user has just lost (as when an admin narrows a role): data
   * requests for them answer 403 and the environment list leaves them out.
   */
  revokedEnvironments: string[]
  /**
   * Replace every execution's input body with a hostile one, to watch (and benchmark) that a
   * crafted body cannot freeze the page: `huge-json` (5 MB), `deep-json` (10,000 levels),
   * `many-declarations` (200,000 `<!x>` in one XML document).
   */
  hostileBody: HostileBody | null
  /**
   * Extra synthetic log lines per second in every environment (the live-tail bench asks for
   * 200); 0 = only the generated logs.
   */
  logLinesPerSecond: number
  /**
   * Agents answer every command sent from now on with FAILED and a message (at the time they
   * would have acknowledged it), so the failed path of route control and replay can be seen.
   */
  failCommands: boolean
}

export const hostileBodies = ['huge-json', 'deep-json', 'many-declarations'] as const
export type HostileBody = (typeof hostileBodies)[number]

const defaults: MockSettings = {
  latencyMs: null,
  latencyByEnvironment: {},
  errorRate: 0,
  errorRateByEnvironment: {},
  malformedRate: 0,
  revokedEnvironments: [],
  hostileBody: null,
  logLinesPerSecond: 0,
  failCommands: false,
}

let overrides: Partial<MockSettings> = {}

/** For tests: takes precedence over every other source until `resetMockSettings()`. */
export function setMockSettings(partial: Partial<MockSettings>): void {
  overrides = { ...overrides, ...partial }
}

export function resetMockSettings(): void {
  overrides = {}
}

export function getMockSettings(): MockSettings {
  return {
    ...defaults,
    ...fromEnv(nodeEnv(), 'MOCK_'),
    ...fromEnv(viteEnv(), 'VITE_MOCK_'),
    ...fromStorage(),
    ...overrides,
  }
}

/** Share of requests to fail for one request's environment (0–1). */
export function resolveErrorRate(settings: MockSettings, environment: string | null): number {
  const perEnvironment = environment ? settings.errorRateByEnvironment[environment] : undefined
  return perEnvironment ?? settings.errorRate
}

/** Latency for one request, in ms. */
export function resolveLatency(settings: MockSettings, environment: string | null): number {
  const perEnvironment = environment ? settings.latencyByEnvironment[environment] : undefined
  if (perEnvironment !== undefined) return perEnvironment
  if (settings.latencyMs !== null) return settings.latencyMs
  return isQuietRuntime() ? 0 : 80 + Math.round(Math.random() * 170)
}

function isQuietRuntime(): boolean {
  if (viteEnv().MODE === 'test') return true
  // Node without a DOM (scripts, a plain Vitest run): nobody is watching spinners there.
  return typeof window === 'undefined'
}

type EnvRecord = Record<string, unknown>

function viteEnv(): EnvRecord {
  // Spelled out literally: Vite replaces the text `import.meta.env` at build time. The guard
  // is for runtimes that load this file without Vite.
  const env: EnvRecord | undefined = import.meta.env
  return env ?? {}
}

function nodeEnv(): EnvRecord {
  // Reached through globalThis so the browser bundle never needs a `process` shim.
  const host = globalThis as { process?: { env?: EnvRecord } }
  return host.process?.env ?? {}
}

function fromEnv(env: EnvRecord, prefix: string): Partial<MockSettings> {
  const out: Partial<MockSettings> = {}
  const latency = toNumber(env[`${prefix}LATENCY_MS`])
  if (latency !== undefined && latency >= 0) out.latencyMs = latency
  const errorRate = toRate(env[`${prefix}ERROR_RATE`])
  if (errorRate !== undefined) out.errorRate = errorRate
  const malformedRate = toRate(env[`${prefix}MALFORMED_RATE`])
  if (malformedRate !== undefined) out.malformedRate = malformedRate
  const hostileBody = env[`${prefix}HOSTILE_BODY`]
  if (hostileBodies.includes(hostileBody as HostileBody))
    out.hostileBody = hostileBody as HostileBody
  const logLinesPerSecond = toNumber(env[`${prefix}LOG_LINES_PER_SECOND`])
  if (logLinesPerSecond !== undefined && logLinesPerSecond >= 0) {
    out.logLinesPerSecond = logLinesPerSecond
  }
  const failCommands = env[`${prefix}FAIL_COMMANDS`]
  if (failCommands === 'true' || failCommands === '1') out.failCommands = true
  return out
}

let lastRaw: string | null = null
let lastParsed: Partial<MockSettings> = {}

function fromStorage(): Partial<MockSettings> {
  let raw: string | null
  try {
    // Only where there is a window: Node 26 has a `localStorage` getter that warns on every
    // read unless started with --localstorage-file.
    raw =
      typeof window === 'undefined'
        ? null
        : (window.localStorage?.getItem(MOCK_SETTINGS_STORAGE_KEY) ?? null)
  } catch {
    // Storage can be blocked (privacy modes, opaque origins): run with the other sources.
    return {}
  }
  if (raw === lastRaw) return lastParsed
  lastRaw = raw
  lastParsed = raw ? parseStoredSettings(raw) : {}
  return lastParsed
}

/** Lenient on purpose: a typo in devtools should drop that one key, not break the mock. */
export function parseStoredSettings(raw: string): Partial<MockSettings> {
  let value: unknown
  try {
    value = JSON.parse(raw)
  } catch {
    console.warn(`[mock] ignoring localStorage['${MOCK_SETTINGS_STORAGE_KEY}']: not JSON`)
    return {}
  }
  if (!value || typeof value !== 'object') return {}
  const record = value as EnvRecord
  const out: Partial<MockSettings> = {}
  const latency = toNumber(record.latencyMs)
  if (latency !== undefined && latency >= 0) out.latencyMs = latency
  const errorRate = toRate(record.errorRate)
  if (errorRate !== undefined) out.errorRate = errorRate
  const malformedRate = toRate(record.malformedRate)
  if (malformedRate !== undefined) out.malformedRate = malformedRate
  if (Array.isArray(record.revokedEnvironments)) {
    out.revokedEnvironments = record.revokedEnvironments.filter(
      (id): id is string => typeof id === 'string',
    )
  }
  if (hostileBodies.includes(record.hostileBody as HostileBody)) {
    out.hostileBody = record.hostileBody as HostileBody
  }
  const logLinesPerSecond = toNumber(record.logLinesPerSecond)
  if (logLinesPerSecond !== undefined && logLinesPerSecond >= 0) {
    out.logLinesPerSecond = logLinesPerSecond
  }
  if (typeof record.failCommands === 'boolean') out.failCommands = record.failCommands
  const byEnvironment = record.latencyByEnvironment
  if (byEnvironment && typeof byEnvironment === 'object') {
    out.latencyByEnvironment = {}
    for (const [environment, ms] of Object.entries(byEnvironment as EnvRecord)) {
      const latencyForEnvironment = toNumber(ms)
      if (latencyForEnvironment !== undefined && latencyForEnvironment >= 0) {
        out.latencyByEnvironment[environment] = latencyForEnvironment
      }
    }
  }
  const errorsByEnvironment = record.errorRateByEnvironment
  if (errorsByEnvironment && typeof errorsByEnvironment === 'object') {
    out.errorRateByEnvironment = {}
    for (const [environment, rate] of Object.entries(errorsByEnvironment as EnvRecord)) {
      const rateForEnvironment = toRate(rate)
      if (rateForEnvironment !== undefined)
        out.errorRateByEnvironment[environment] = rateForEnvironment
    }
  }
  return out
}

function toNumber(value: unknown): number | undefined {
  if (value === undefined || value === null || value === '') return undefined
  const number = typeof value === 'number' ? value : Number(value)
  return Number.isFinite(number) ? number : undefined
}

function toRate(value: unknown): number | undefined {
  const number = toNumber(value)
  return number === undefined ? undefined : Math.min(1, Math.max(0, number))
}
