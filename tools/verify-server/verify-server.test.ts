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
/**
 * Answers the contract gives no `tenantId` (a list of metric names, not rows of a tenant):
 * their scope check is skipped, with that reason, on any server.
 */
const UNSCOPED_BY_CONTRACT: readonly string[] = ['/metrics/names']

/** Lists the mock leaves empty on purpose (nothing firing in dev, no silences seeded). */
const EMPTY_IN_THE_MOCK: readonly string[] = ['/alerts', '/alerts/silences', '/commands']

/** Nothing was done in a fresh mock, so there is no command to read by id. */
const NOTHING_TO_READ_IN_THE_MOCK: readonly string[] = ['/commands/{commandId}']

const skippedByContract = (check: CheckResult) =>
  check.status === 'skipped' &&
  check.endpoint !== null &&
  ((check.group === 'scope' &&
    (UNSCOPED_BY_CONTRACT.includes(check.endpoint) ||
      (EMPTY_IN_THE_MOCK.includes(check.endpoint) &&
        /^the list is empty/.test(check.detail ?? '')))) ||
    (NOTHING_TO_READ_IN_THE_MOCK.includes(check.endpoint) &&
      /^no command listed/.test(check.detail ?? '')))
const failedIds = (report: JsonReport) =>
  report.checks.filter((check) => check.status === 'failed').map((check) => check.id)

describe('verify-server against npm run mock:server', () => {
  let server: MockServerProcess
  beforeAll(async () => {
    server = await startMockServer({}, []) // with its request log
  })
  afterAll(() => server?.stop())

  it('passes every check (scope checks of answers without tenantId are skipped)', async () => {
    const { run, report } = await probeAsDemoUsers(server.url)

    const problems = report.checks
      .filter((check) => check.status !== 'passed' && !skippedByContract(check))
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
      'refusal',
      'scope',
      'shape',
      'tail',
    ]
    const running = expected
    expect([...groups].sort()).toEqual(running.sort())
    expect(new Set(report.checks.map((check) => check.environment))).toEqual(
      // The 403 check asks with the other user's first environment outside dev@acme's envs:
      // beta's eu-live (beta lists dev, eu-live, prod).
      new Set([null, 'dev', 'staging', 'eu-live']),
    )

    // Every endpoint of the document was probed in both of dev@acme's environments.
    for (const endpoint of ['/logs', '/logs/stats', '/metrics', '/metrics/names', '/usage']) {
      expect(report.checks.find((check) => check.id === `shape ${endpoint} @dev`)?.status).toBe(
        'passed',
      )
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

/**
 * Servers that answer unlike the mock but within the contract, as an independent server may:
 * the probe must not accuse them.
 */
describe('verify-server against MOCK_VARIANT=strict-environments,busy-logs', () => {
  let server: MockServerProcess
  beforeAll(async () => {
    server = await startMockServer({ MOCK_VARIANT: 'strict-environments,busy-logs' })
  })
  afterAll(() => server?.stop())

  it('passes every check', async () => {
    const { run, report } = await probeAsDemoUsers(server.url)
    const problems = report.checks
      .filter((check) => check.status !== 'passed' && !skippedByContract(check))
      .map((check) => `${check.status}: ${check.id}: ${check.detail}`)
    expect(problems).toEqual([])
    expect(run.exitCode).toBe(0)
    const detail = (id: string) => report.checks.find((check) => check.id === id)?.detail
    // Tenant beta has no staging: 403 for the environment, whatever the id, discloses nothing.
    for (const endpoint of [
      '/agents/{agentId}',
      '/agents/{agentId}/events',
      '/executions/{executionId}',
      '/diagrams/{applicationId}/{routeId}',
    ]) {
      expect(detail(`isolation tenant ${endpoint} @staging`)).toMatch(/^403, exactly as for an id/)
    }
    // Thousands of log lines in five minutes: the window is narrowed to what pages can hold.
    expect(detail('paging /logs @staging')).toMatch(/narrowed to the last [\d.]+ s of it$/)
  })
})

/** Per MOCK_BREAK mode: checks that must fail, and which failures are the mode's own. */
const BREAKS: {
  mode: BreakMode
  variants?: string
  mustFail: string[]
  belongs: (id: string) => boolean
}[] = [
  {
    mode: 'leak-rows',
    mustFail: [
      'scope /agents @dev',
      'scope /executions @staging',
      'scope /agents/{agentId}/events @dev',
      'scope /stats/routes @dev',
      'scope /logs @dev',
      'tail /logs @dev',
    ],
    // The tail answer is checked for scope too: leaked rows fail it.
    belongs: (id) => id.startsWith('scope ') || id.startsWith('tail '),
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
    // 403 for another tenant's id, 404 for an id that exists nowhere.
    mode: 'disclose-foreign-ids',
    mustFail: [
      'isolation tenant /agents/{agentId} @dev',
      'isolation tenant /agents/{agentId}/events @staging',
      'isolation tenant /executions/{executionId} @dev',
      'isolation tenant /diagrams/{applicationId}/{routeId} @staging',
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
      'tail /logs @staging',
    ],
    // A viewer's POST in staging lands in another environment, where it is let through (it
    // starts a route already started, so nothing changes).
    belongs: (id) => /^(environment |isolation environment |scope |tail |refusal )/.test(id),
  },
  {
    mode: 'ignore-cursor',
    mustFail: [
      'paging /agents/{agentId}/events @dev',
      'paging /logs @dev',
      'paging /logs @staging',
    ],
    belongs: (id) => id.startsWith('paging '),
  },
  {
    mode: 'no-etag',
    mustFail: [
      'etag /apps/{applicationId}/config @dev',
      'etag /apps/{applicationId}/config @staging',
    ],
    belongs: (id) => id.startsWith('etag '),
  },
  {
    // Broken paging is still caught where the window has to be narrowed first.
    mode: 'ignore-cursor',
    variants: 'busy-logs',
    mustFail: ['paging /logs @dev', 'paging /logs @staging'],
    belongs: (id) => id.startsWith('paging '),
  },
]

describe.each(
  BREAKS.map((entry) => ({
    ...entry,
    name: `MOCK_BREAK=${entry.mode}${entry.variants ? ` MOCK_VARIANT=${entry.variants}` : ''}`,
  })),
)('verify-server against $name', ({ mode, variants, mustFail, belongs }) => {
  let server: MockServerProcess
  beforeAll(async () => {
    server = await startMockServer({ MOCK_BREAK: mode, MOCK_VARIANT: variants ?? '' })
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
