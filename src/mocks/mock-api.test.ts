import { describe, expect, it } from 'vitest'
import { validateResponse } from '@/lib/api/response-validation'
import { signDemoToken, signToken } from './auth/auth-tokens'
import { agentsOf, BASE, call, expectProblem, login } from './mock-api-test-support'
import { getMockSettings, MOCK_SETTINGS_STORAGE_KEY, setMockSettings } from './mock-settings'
import { agentListSchema } from '@/lib/api/generated/response-schemas/agent-list'

// What every endpoint shares, whichever domain serves it: the scope guard's validation, the
// gateway's 404 for unknown paths, and its injected latency and faults.

describe('request validation', () => {
  it('requires a well-formed environment (400)', async () => {
    const token = await signDemoToken('admin@acme')
    await expectProblem(call('/agents', token), 400, /environment/)
    await expectProblem(call('/agents?environment=', token), 400)
    for (const bad of ['Prod', 'a_b', '-dev', 'x'.repeat(33), 'pr%20od']) {
      await expectProblem(call(`/agents?environment=${bad}`, token), 400)
    }
  })

  it('forbids an environment outside the token envs claim (403)', async () => {
    const token = await signDemoToken('dev@acme')
    await expectProblem(call('/agents?environment=prod', token), 403, /prod/)
    await expectProblem(call('/agents/anything?environment=prod', token), 403)
    expect(await agentsOf(token, 'environment=staging')).not.toHaveLength(0)
  })

  it('serves a well-formed environment without data as empty lists and 404s', async () => {
    const token = await signDemoToken('admin@acme')
    expect(await agentsOf(token, 'environment=qa')).toEqual([])
    await expectProblem(call('/agents/order-service-1?environment=qa', token), 404)
  })

  it('answers unknown API paths with a 404 problem', async () => {
    const token = await signDemoToken('admin@acme')
    await expectProblem(call('/no-such-thing?environment=prod', token), 404)
  })

  describe('rejects a bad token with 401', () => {
    const cases: Array<[string, () => Promise<string | undefined>]> = [
      ['no token', async () => undefined],
      ['an expired token', () => signDemoToken('admin@acme', { expiresInSeconds: -60 })],
      ['a bad signature', () => signDemoToken('admin@acme', { secret: 'not-the-secret' })],
      ['another issuer', () => signDemoToken('admin@acme', { issuer: 'someone-else' })],
      ['no tenant claim', () => signToken({ sub: 'ghost', roles: ['admin'] })],
      ['a malformed tenant', () => signToken({ sub: 'ghost', tenant: 'ACME!' })],
      ['malformed envs', () => signToken({ sub: 'ghost', tenant: 'acme', envs: ['Prod'] })],
      ['a malformed token', async () => 'not.a.jwt'],
      [
        'a tampered payload',
        async () => {
          const [header, , signature] = (await signDemoToken('admin@beta')).split('.')
          const payload = btoa(
            JSON.stringify({ sub: 'x', tenant: 'acme', iss: 'cameleer-mock', exp: 9e9 }),
          ).replace(/=+$/, '')
          return `${header}.${payload}.${signature}`
        },
      ],
    ]
    it.each(cases)('%s', async (_, makeToken) => {
      const token = await makeToken()
      const { headers } = await call('/agents?environment=prod', token)
      expect(headers.get('WWW-Authenticate')).toMatch(/^Bearer/)
      await expectProblem(call('/agents?environment=prod', token), 401)
      await expectProblem(call('/me', token), 401)
    })

    it('a non-bearer Authorization header', async () => {
      await expectProblem(
        fetch(`${BASE}/me`, { headers: { Authorization: 'Basic YWRtaW46ZGVtbw==' } }).then(
          async (response) => ({
            status: response.status,
            headers: response.headers,
            body: await response.json(),
          }),
        ),
        401,
      )
    })
  })
})

describe('mock settings', () => {
  it('injects 503 faults on data endpoints but never on sign-in', async () => {
    setMockSettings({ errorRate: 1 })
    const token = await signDemoToken('admin@acme')
    const { headers } = await call('/agents?environment=prod', token)
    expect(headers.get('X-Mock-Fault')).toBe('error')
    await expectProblem(call('/agents?environment=prod', token), 503, /Injected fault/)
    expect((await login('admin@acme', 'demo')).status).toBe(200)
  })

  it('fails one environment only with errorRateByEnvironment', async () => {
    setMockSettings({ errorRate: 0, errorRateByEnvironment: { staging: 1 } })
    const token = await signDemoToken('admin@acme')
    await expectProblem(call('/agents?environment=staging', token), 503, /Injected fault/)
    expect((await call('/agents?environment=prod', token)).status).toBe(200)
  })

  it('breaks the schema of successful answers when malformedRate is set', async () => {
    setMockSettings({ malformedRate: 1 })
    const token = await signDemoToken('admin@acme')
    const { status, body, headers } = await call('/agents?environment=prod', token)
    expect(status).toBe(200)
    expect(headers.get('X-Mock-Fault')).toBe('malformed')
    expect(() => validateResponse(agentListSchema, body, '/agents')).toThrow(/contract/)
  })

  it('reads the hostile body and the bench log load from the Node environment', () => {
    process.env.MOCK_HOSTILE_BODY = 'deep-json'
    process.env.MOCK_LOG_LINES_PER_SECOND = '200'
    try {
      expect(getMockSettings()).toMatchObject({ hostileBody: 'deep-json', logLinesPerSecond: 200 })
    } finally {
      delete process.env.MOCK_HOSTILE_BODY
      delete process.env.MOCK_LOG_LINES_PER_SECOND
    }
  })

  it('reads latency per environment from localStorage', async () => {
    localStorage.setItem(
      MOCK_SETTINGS_STORAGE_KEY,
      JSON.stringify({ latencyMs: 0, latencyByEnvironment: { staging: 200 } }),
    )
    const token = await signDemoToken('admin@acme')
    const timed = async (environment: string) => {
      const started = performance.now()
      await call(`/agents?environment=${environment}`, token)
      return performance.now() - started
    }
    expect(await timed('staging')).toBeGreaterThanOrEqual(190)
    expect(await timed('dev')).toBeLessThan(150)
  })
})
