// @vitest-environment node
import { describe, expect, it } from 'vitest'
import { documentedGetPaths } from './contract-document'
import { PROBED_ENDPOINTS } from './probe'
import {
  exitStatus,
  formatJson,
  formatLine,
  formatText,
  redact,
  summarize,
  type CheckResult,
  type CheckStatus,
} from './report'

function result(
  status: CheckStatus,
  detail: string | null = null,
  id = `check ${status}`,
): CheckResult {
  return {
    id,
    group: 'scope',
    endpoint: '/agents',
    environment: 'dev',
    title: `scope: ${id}`,
    status,
    detail,
  }
}

// A made-up token in JWT form (header.claims.signature); nothing verifies it.
const TOKEN =
  'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhZG1pbkBhY21lIiwidGVuYW50IjoiYWNtZSJ9.c2lnbmF0dXJlLW9mLXRoZS10b2tlbi1hYmNkZWY'

describe('exit status', () => {
  it('is 0 when every check passed', () => {
    expect(exitStatus([result('passed'), result('passed')])).toBe(0)
  })

  it('is 0 when checks were skipped but none failed (each skip is printed with its reason)', () => {
    expect(exitStatus([result('passed'), result('skipped', 'no CAMELEER_OTHER_TOKEN given')])).toBe(
      0,
    )
  })

  it('is 1 as soon as one check failed', () => {
    expect(
      exitStatus([result('passed'), result('failed', 'evidence'), result('skipped', 'why')]),
    ).toBe(1)
  })
})

describe('report', () => {
  const results = [
    result('passed', '6 rows', 'scope /agents @dev'),
    result(
      'failed',
      'GET /api/v1/agents?environment=dev: items[1] has tenantId "beta", expected "acme"',
      'scope /agents @staging',
    ),
    result('skipped', 'no agent listed', 'scope /agents/{agentId} @dev'),
  ]

  it('counts each status', () => {
    expect(summarize(results)).toEqual({ passed: 1, failed: 1, skipped: 1 })
  })

  it('prints one line per check with its evidence or reason, then the summary line', () => {
    expect(formatText(results).split('\n')).toEqual([
      'PASS  scope: scope /agents @dev — 6 rows',
      'FAIL  scope: scope /agents @staging — GET /api/v1/agents?environment=dev: items[1] has tenantId "beta", expected "acme"',
      'SKIP  scope: scope /agents/{agentId} @dev — no agent listed',
      '',
      '1 passed, 1 failed, 1 skipped',
    ])
  })

  it('prints the same as JSON for machines, with the summary', () => {
    const report = JSON.parse(formatJson('http://127.0.0.1:8081/api/v1', results)) as unknown
    expect(report).toEqual({
      target: 'http://127.0.0.1:8081/api/v1',
      checks: results,
      summary: { passed: 1, failed: 1, skipped: 1 },
    })
  })

  it('never prints a token, whole or any part of it, even when a server echoes one', () => {
    const [, claims = '', signature = ''] = TOKEN.split('.')
    const echoed = result(
      'failed',
      `401 body: "invalid token ${TOKEN}"; signature ${signature}; claims ${claims}`,
    )
    const line = formatLine(echoed, [TOKEN])
    expect(line).not.toContain(TOKEN)
    expect(line).not.toContain(signature)
    expect(line).not.toContain(claims)
    expect(line).toContain('invalid token [redacted]')
    expect(formatJson('x', [echoed], [TOKEN])).not.toContain(claims)
  })

  it('redacts passwords too, and leaves text without secrets alone', () => {
    expect(redact('password demo-secret-1 rejected', ['demo-secret-1'])).toBe(
      'password [redacted] rejected',
    )
    expect(redact('nothing secret here', ['', 'absent'])).toBe('nothing secret here')
  })
})

describe('coverage of the contract', () => {
  it('probes every GET path the OpenAPI document defines', () => {
    const probed: readonly string[] = PROBED_ENDPOINTS
    expect(documentedGetPaths().filter((path) => !probed.includes(path))).toEqual([])
  })
})
