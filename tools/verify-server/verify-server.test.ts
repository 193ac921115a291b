// @vitest-environment node
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { BreakMode } from '../mock-server/break-modes'
import {
  probeAsDemoUsers,
  runVerifyServer,
  startMockServer,
  type MockServerProcess,
} from './probe-test-helpers'
import type { CheckResult, JsonReport } from './report'

/**
 * ┌──────────────────────────────────────────────────────────────────────────────────────┐
 * │ Endpoints of the contract the mock does not serve yet: every check about them fails  │
 * │ today (a 404 where the contract defines an endpoint is a failure, not a skip).       │
 * │ When a domain lands in src/mocks, delete its entries here: the first test below      │
 * │ fails until you do, and from then on its checks must pass like all the others.       │
 * └──────────────────────────────────────────────────────────────────────────────────────┘
 */
const NOT_YET_SERVED_BY_MOCK: readonly string[] = [
  '/logs',
  '/logs/stats',
  '/metrics',
  '/metrics/names',
  '/usage',
]

const notYetServed = (check: CheckResult) =>
  check.endpoint !== null && NOT_YET_SERVED_BY_MOCK.includes(check.endpoint)
const failedIds = (report: JsonReport) =>
  report.checks
    .filter((check) => check.status === 'failed' && !notYetServed(check))
    .map((check) => check.id)

describe('verify-server against npm run mock:server', () => {
  let server: MockServerProcess
  beforeAll(async () => {
    server = await startMockServer({}, []) // with its request log
  })
  afterAll(() => server?.stop())

  it('passes every check, except those about endpoints the mock does not serve yet', async () => {
    const { run, report } = await probeAsDemoUsers(server.url)

    const problems = report.checks
      .filter((check) => check.status !== 'passed' && !notYetServed(check))
      .map((check) => `${check.status}: ${check.id}: ${check.detail}`)
    expect(problems).toEqual([])
    // Every group ran, in both environments dev@acme may see.
    const groups = new Set(report.checks.filter((c) => c.status === 'passed').map((c) => c.group))
    const expected = [
      'auth',
      'environment',
      'isolation',
      'paging',
      'range',
      'scope',
      'shape',
      'tail',
    ]
    // The tail checks are all about /logs.
    const running = expected.filter(
      (group) => group !== 'tail' || !NOT_YET_SERVED_BY_MOCK.includes('/logs'),
    )
    expect([...groups].sort()).toEqual(running.sort())
    expect(new Set(report.checks.map((check) => check.environment))).toEqual(
      new Set([null, 'dev', 'staging', 'prod']),
    )

    // The not-yet-served endpoints fail (with the 404 as evidence) rather than being skipped.
    for (const endpoint of NOT_YET_SERVED_BY_MOCK) {
      const shape = report.checks.find((check) => check.id === `shape ${endpoint} @dev`)
      expect(
        shape?.status,
        `${endpoint} is served now: remove it from NOT_YET_SERVED_BY_MOCK`,
      ).toBe('failed')
      expect(shape?.detail).toContain('answered 404')
    }

    expect(run.exitCode).toBe(report.summary.failed > 0 ? 1 : 0)
    expect(report.summary).toEqual({
      passed: report.checks.filter((c) => c.status === 'passed').length,
      failed: report.checks.filter((c) => c.status === 'failed').length,
      skipped: report.checks.filter((c) => c.status === 'skipped').length,
    })
  })

  it('prints one line per check and the summary, and never a token', async () => {
    const run = await runVerifyServer(
      ['--url', server.url, '--login', 'admin@acme', '--other-login', 'admin@beta'],
      {
        CAMELEER_PASSWORD: 'demo',
      },
    )
    const lines = run.stdout.trim().split('\n')
    expect(lines.at(-1)).toMatch(/^\d+ passed, \d+ failed, \d+ skipped$/)
    expect(lines.filter((line) => /^(PASS|FAIL|SKIP) {2}\S/.test(line)).length).toBeGreaterThan(100)
    expect(lines).toContain(
      'PASS  auth: a token with a bad signature → 401 with problem details (/me, /environments, /agents)',
    )
    // No JWT (header.claims.signature, both JSON parts starting with the base64url of `{"`)
    // in the probe's output or the mock's request log.
    const jwt = /eyJ[\w-]+\.eyJ[\w-]+\.[\w-]+/
    expect(run.stdout + run.stderr).not.toMatch(jwt)
    expect(server.output()).not.toMatch(jwt)
    expect(server.output()).toMatch(/ GET \/api\/v1\/agents\?environment=dev 200 \d+ ms\n/)
    expect(server.output()).toMatch(/ POST \/api\/v1\/auth\/login 200 \d+ ms\n/)
  })

  it('refuses to run without credentials (exit 2, nothing checked)', async () => {
    const run = await runVerifyServer(['--url', server.url], {})
    expect(run.exitCode).toBe(2)
    expect(run.stderr).toContain('no credentials')
    expect(run.stdout).toBe('')
  })
})

/** Per MOCK_BREAK mode: checks that must fail, and which failures are the mode's own. */
const BREAKS: { mode: BreakMode; mustFail: string[]; belongs: (id: string) => boolean }[] = [
  {
    mode: 'leak-rows',
    mustFail: [
      'scope /agents @dev',
      'scope /executions @staging',
      'scope /agents/{agentId}/events @dev',
      'scope /stats/routes @dev',
    ],
    belongs: (id) => id.startsWith('scope '),
  },
  {
    mode: 'foreign-ids',
    mustFail: [
      'isolation tenant /agents/{agentId} @dev',
      'isolation tenant /executions/{executionId} @staging',
      'isolation tenant /diagrams/{applicationId}/{routeId} @dev',
    ],
    belongs: (id) => id.startsWith('isolation tenant '),
  },
  {
    mode: 'no-env-check',
    mustFail: [
      'environment missing /agents',
      'environment malformed /executions',
      'environment outside-envs /stats/routes',
      'isolation environment /executions/{executionId} @dev',
      'scope /agents @staging',
    ],
    belongs: (id) => /^(environment |isolation environment |scope )/.test(id),
  },
]

describe.each(BREAKS)('verify-server against MOCK_BREAK=$mode', ({ mode, mustFail, belongs }) => {
  let server: MockServerProcess
  beforeAll(async () => {
    server = await startMockServer({ MOCK_BREAK: mode })
  })
  afterAll(() => server?.stop())

  it('fails, naming the broken checks, and only those', async () => {
    const { run, report } = await probeAsDemoUsers(server.url)
    expect(run.exitCode).toBe(1)
    const failures = failedIds(report)
    expect(failures).toEqual(expect.arrayContaining(mustFail))
    expect(failures.filter((id) => !belongs(id))).toEqual([])
  })
})
