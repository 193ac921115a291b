import { decodeJwt } from 'jose'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { AgentEvent, AgentInfo, SchemaName } from '@/lib/api/types'
import { validateResponse } from '@/lib/api/response-validation'
import { signDemoToken, signToken } from './auth'
import { setMockNow } from './clock'
import { MOCK_SETTINGS_STORAGE_KEY, setMockSettings } from './mock-settings'

// The shared setup (src/test/setup.ts) runs `server.listen({ onUnhandledFrame: 'error' })`
// with these handlers and resets settings and handlers after each test.

const BASE = 'http://localhost/api/v1'

afterEach(() => setMockNow(null))

async function call(path: string, token?: string, init: RequestInit = {}) {
  const headers = new Headers(init.headers)
  if (token) headers.set('Authorization', `Bearer ${token}`)
  const response = await fetch(`${BASE}${path}`, { ...init, headers })
  const text = await response.text()
  const body: unknown = text ? JSON.parse(text) : null
  return { status: response.status, headers: response.headers, body }
}

/** A 200 whose body follows the OpenAPI schema (validated like the UI validates it). */
async function get<N extends SchemaName>(schema: N, path: string, token: string) {
  const { status, body } = await call(path, token)
  expect(status, JSON.stringify(body)).toBe(200)
  return validateResponse(schema, body, path)
}

async function expectProblem(
  response: Promise<{ status: number; headers: Headers; body: unknown }>,
  status: number,
  detail?: RegExp,
) {
  const { status: actual, headers, body } = await response
  expect(actual, JSON.stringify(body)).toBe(status)
  expect(headers.get('Content-Type')).toBe('application/problem+json')
  const problem = validateResponse('Problem', body, 'problem')
  expect(problem.status).toBe(status)
  if (detail) expect(problem.detail).toMatch(detail)
  return problem
}

const login = (username: string, password: string) =>
  call('/auth/login', undefined, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username, password }),
  })

const agentsOf = (token: string, query: string) =>
  get('AgentList', `/agents?${query}`, token).then((list) => list.items)

describe('login', () => {
  it.each([
    ['admin@acme', 'acme', ['admin'], undefined],
    ['dev@acme', 'acme', ['viewer'], ['dev', 'staging']],
    ['admin@beta', 'beta', ['admin'], undefined],
    ['user@default', 'default', ['viewer'], undefined],
  ])('issues a one-hour HS256 token for %s', async (username, tenant, roles, envs) => {
    const { status, body } = await login(username, 'demo')
    expect(status).toBe(200)
    const token = validateResponse('LoginResponse', body, 'login')
    expect(token.tokenType).toBe('Bearer')
    expect(token.expiresIn).toBe(3600)
    const claims = decodeJwt(token.accessToken)
    expect(claims).toMatchObject({ sub: username, tenant, roles, iss: 'cameleer-mock' })
    expect(claims.envs).toEqual(envs)
    expect((claims.exp ?? 0) - (claims.iat ?? 0)).toBe(3600)
    // The token it issues is accepted by the data endpoints.
    await get('Me', '/me', token.accessToken)
  })

  it('refuses a wrong password or an unknown user with the same 401 problem', async () => {
    const wrongPassword = await expectProblem(login('admin@acme', 'nope'), 401)
    const unknownUser = await expectProblem(login('root@acme', 'demo'), 401)
    expect(wrongPassword.detail).toBe(unknownUser.detail)
  })

  it('answers a malformed body with 400', async () => {
    await expectProblem(
      call('/auth/login', undefined, { method: 'POST', body: '{"username":' }),
      400,
    )
    await expectProblem(
      call('/auth/login', undefined, { method: 'POST', body: JSON.stringify({ username: 'x' }) }),
      400,
    )
  })
})

describe('/me and /environments', () => {
  it.each([
    ['admin@acme', 'Ada Admin', ['dev', 'prod', 'staging']],
    ['dev@acme', 'Dev Eloper', ['dev', 'staging']],
    ['admin@beta', 'Bea Admin', ['dev', 'prod']],
    ['user@default', 'Uma User', ['default']],
  ])('%s sees their environments only', async (username, name, environments) => {
    const token = await signDemoToken(username)
    const me = await get('Me', '/me', token)
    expect(me).toMatchObject({ userId: username, name, environments })
    const list = await get('EnvironmentList', '/environments', token)
    expect(list.items.map((environment) => environment.id)).toEqual(environments)
  })

  it('counts agents per environment from the registry', async () => {
    setMockNow(Date.parse('2026-11-28T07:00:00.000Z'))
    const token = await signDemoToken('admin@acme')
    const { items } = await get('EnvironmentList', '/environments', token)
    const prod = items.find((environment) => environment.id === 'prod')
    const agents = await agentsOf(token, 'environment=prod')
    expect(prod).toEqual({
      id: 'prod',
      agentCount: agents.length,
      liveAgentCount: agents.filter((agent) => agent.status === 'LIVE').length,
      lastSeenAt: agents
        .map((agent) => agent.lastHeartbeatAt)
        .sort()
        .at(-1),
    })
    expect(
      Date.parse('2026-11-28T07:00:00.000Z') - Date.parse(prod?.lastSeenAt ?? ''),
    ).toBeLessThan(30_000)
  })
})

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

describe('agents', () => {
  const secondsAgo = (now: number, iso: string) => (now - Date.parse(iso)) / 1000

  it('acme/prod looks like production: ≥ 40 agents, ≥ 5 apps, all statuses', async () => {
    const now = Date.parse('2026-11-28T07:00:00.000Z')
    setMockNow(now)
    const agents = await agentsOf(await signDemoToken('admin@acme'), 'environment=prod')
    expect(agents.length).toBeGreaterThanOrEqual(40)
    expect(new Set(agents.map((agent) => agent.applicationId)).size).toBeGreaterThanOrEqual(5)
    expect(new Set(agents.map((agent) => agent.agentId)).size).toBe(agents.length)

    const byStatus = (status: string) => agents.filter((agent) => agent.status === status)
    expect(byStatus('LIVE').length / agents.length).toBeGreaterThan(0.65)
    expect(byStatus('STALE').length).toBeGreaterThan(0)
    expect(byStatus('DEAD').length).toBeGreaterThan(0)
    for (const agent of byStatus('LIVE'))
      expect(secondsAgo(now, agent.lastHeartbeatAt)).toBeLessThan(30)
    for (const agent of byStatus('STALE')) {
      expect(secondsAgo(now, agent.lastHeartbeatAt)).toBeGreaterThanOrEqual(30)
      expect(secondsAgo(now, agent.lastHeartbeatAt)).toBeLessThan(300)
    }
    for (const agent of byStatus('DEAD')) {
      expect(secondsAgo(now, agent.lastHeartbeatAt)).toBeGreaterThan(300)
      expect(agent.exchangesPerSecond).toBe(0)
    }
    for (const agent of agents) {
      expect(Date.parse(agent.registeredAt)).toBeLessThan(Date.parse(agent.lastHeartbeatAt))
      expect(agent.errorRate).toBeGreaterThanOrEqual(0)
      expect(agent.errorRate).toBeLessThanOrEqual(1)
      expect(agent.routeIds.length).toBeGreaterThan(0)
    }
    expect(agents.filter((agent) => agent.errorRate > 0.05).length).toBeGreaterThan(0)
    expect(agents.filter((agent) => agent.errorRate > 0.05).length).toBeLessThan(agents.length / 5)
    // Sorted by applicationId, then agentId (the document's order).
    const keys = agents.map((agent) => `${agent.applicationId}\u0000${agent.agentId}`)
    expect(keys).toEqual([...keys].sort())
  })

  it('differs visibly between environments', async () => {
    const token = await signDemoToken('admin@acme')
    const [dev, staging, prod] = await Promise.all(
      ['dev', 'staging', 'prod'].map((environment) =>
        agentsOf(token, `environment=${environment}`),
      ),
    )
    expect(dev?.length).toBeLessThan(staging?.length ?? 0)
    expect(staging?.length).toBeLessThan(prod?.length ?? 0)
    expect(dev?.every((agent) => agent.agentVersion.endsWith('-SNAPSHOT'))).toBe(true)
    expect(prod?.some((agent) => agent.agentVersion.includes('SNAPSHOT'))).toBe(false)
  })

  it('never serves another tenant: every row carries the token tenant and the asked environment', async () => {
    const acmeIds = new Set(
      (await agentsOf(await signDemoToken('admin@acme'), 'environment=prod')).map((a) => a.agentId),
    )
    const beta = await signDemoToken('admin@beta')
    for (const environment of ['dev', 'prod']) {
      // A tenant parameter is ignored: the tenant comes from the token only.
      const agents = await agentsOf(beta, `environment=${environment}&tenant=acme`)
      expect(agents.length).toBeGreaterThan(0)
      for (const agent of agents) {
        expect(agent).toMatchObject({ tenantId: 'beta', environment })
        expect(acmeIds.has(agent.agentId)).toBe(false)
      }
    }
    const acmeAgent = [...acmeIds][0] ?? ''
    await expectProblem(call(`/agents/${acmeAgent}?environment=prod`, beta), 404)
    await expectProblem(call(`/agents/${acmeAgent}/events?environment=prod`, beta), 404)
  })

  it('returns one agent, or a 404 naming it and the environment', async () => {
    const token = await signDemoToken('admin@acme')
    const [first] = await agentsOf(token, 'environment=staging')
    const agent = await get('AgentInfo', `/agents/${first?.agentId}?environment=staging`, token)
    expect(agent.agentId).toBe(first?.agentId)
    await expectProblem(
      call('/agents/ghost-agent-1?environment=staging', token),
      404,
      /Agent ghost-agent-1 not found in environment staging/,
    )
    // Existing in prod does not make it exist in staging.
    const [prodAgent] = await agentsOf(token, 'environment=prod')
    await expectProblem(call(`/agents/${prodAgent?.agentId}?environment=staging`, token), 404)
  })

  it('filters by status, application and q', async () => {
    const token = await signDemoToken('admin@acme')
    const all = await agentsOf(token, 'environment=prod')
    const dead = await agentsOf(token, 'environment=prod&status=DEAD')
    const ids = (agents: AgentInfo[]) => agents.map((agent) => agent.agentId)
    expect(ids(dead)).toEqual(ids(all.filter((agent) => agent.status === 'DEAD')))
    expect(dead.length).toBeGreaterThan(0)

    const payments = await agentsOf(token, 'environment=prod&applicationId=payment-gateway')
    expect(payments.length).toBe(all.filter((a) => a.applicationId === 'payment-gateway').length)
    expect(payments.every((agent) => agent.applicationId === 'payment-gateway')).toBe(true)

    const ec2 = await agentsOf(token, 'environment=prod&q=COMPUTE.INTERNAL')
    expect(ec2.length).toBeGreaterThan(0)
    expect(ec2.every((agent) => agent.hostname.endsWith('.compute.internal'))).toBe(true)
    const target = all[7] as AgentInfo
    expect(
      (await agentsOf(token, `environment=prod&q=${target.agentId}`)).map((a) => a.agentId),
    ).toEqual([target.agentId])
    expect(await agentsOf(token, 'environment=prod&status=&q=&applicationId=')).toHaveLength(
      all.length,
    )

    await expectProblem(call('/agents?environment=prod&status=ALIVE', token), 400, /status/)
    await expectProblem(call(`/agents?environment=prod&q=${'x'.repeat(201)}`, token), 400)
  })

  it('is deterministic: regenerated data equals the first except for times', async () => {
    const token = await signDemoToken('admin@acme')
    const first = (await agentsOf(token, 'environment=prod')).map(withoutTimes)
    vi.resetModules()
    const fresh = await import('./agents-data')
    const again = fresh.listAgents('acme', 'prod').map(withoutTimes)
    expect(again).toEqual(first)
  })
})

describe('agent events', () => {
  async function walk(token: string, agentId: string, limit: number) {
    const seen: AgentEvent[] = []
    let cursor: string | null = null
    let pages = 0
    do {
      const query: string = `environment=prod&limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`
      const page = await get('AgentEventPage', `/agents/${agentId}/events?${query}`, token)
      expect(page.items.length).toBeLessThanOrEqual(limit)
      seen.push(...page.items)
      cursor = page.nextCursor
      pages++
    } while (cursor && pages < 100)
    return { events: seen, pages }
  }

  it('walks the whole lifecycle with the cursor, newest first, without duplicates', async () => {
    setMockNow(Date.parse('2026-11-28T07:00:00.000Z'))
    const token = await signDemoToken('admin@acme')
    const agents = await agentsOf(token, 'environment=prod')
    // The longest-running LIVE agent: weeks of history, hundreds of events.
    const agent = agents
      .filter((candidate) => candidate.status === 'LIVE')
      .sort((a, b) => a.registeredAt.localeCompare(b.registeredAt))[0] as AgentInfo
    const { events, pages } = await walk(token, agent.agentId, 50)
    expect(events.length).toBeGreaterThan(100)
    expect(pages).toBe(Math.ceil(events.length / 50))
    expect(new Set(events.map((event) => event.eventId)).size).toBe(events.length)
    const { events: inOnePage } = await walk(token, agent.agentId, 500)
    expect(events).toEqual(inOnePage)
    const times = events.map((event) => Date.parse(event.timestamp))
    expect(times).toEqual([...times].sort((a, b) => b - a))
    expect(events.at(-1)?.type).toBe('REGISTERED')
    expect(Date.parse(events.at(-1)?.timestamp ?? '')).toBe(Date.parse(agent.registeredAt))
    for (const event of events) {
      expect(event).toMatchObject({ tenantId: 'acme', environment: 'prod', agentId: agent.agentId })
    }
  })

  it('ends as the status says: STALE → HEARTBEAT_LATE, DEAD → HEARTBEAT_LOST', async () => {
    const token = await signDemoToken('admin@acme')
    const agents = await agentsOf(token, 'environment=prod')
    for (const [status, type] of [
      ['STALE', 'HEARTBEAT_LATE'],
      ['DEAD', 'HEARTBEAT_LOST'],
    ] as const) {
      for (const agent of agents.filter((candidate) => candidate.status === status)) {
        const page = await get(
          'AgentEventPage',
          `/agents/${agent.agentId}/events?environment=prod&limit=1`,
          token,
        )
        expect(page.items[0]?.type).toBe(type)
      }
    }
  })

  it('rejects bad limits and cursors with 400', async () => {
    const token = await signDemoToken('admin@acme')
    const [one, two] = await agentsOf(token, 'environment=prod')
    const path = `/agents/${one?.agentId}/events?environment=prod`
    for (const limit of ['0', '501', 'ten', '1.5']) {
      await expectProblem(call(`${path}&limit=${limit}`, token), 400, /limit/)
    }
    await expectProblem(call(`${path}&cursor=%%%`, token), 400, /cursor/)
    await expectProblem(call(`${path}&cursor=${btoa('{"v":1}')}`, token), 400, /cursor/)
    const page = await get('AgentEventPage', `${path}&limit=5`, token)
    // A cursor issued for one agent is not valid for another.
    await expectProblem(
      call(`/agents/${two?.agentId}/events?environment=prod&cursor=${page.nextCursor}`, token),
      400,
      /cursor/,
    )
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

  it('breaks the schema of successful answers when malformedRate is set', async () => {
    setMockSettings({ malformedRate: 1 })
    const token = await signDemoToken('admin@acme')
    const { status, body, headers } = await call('/agents?environment=prod', token)
    expect(status).toBe(200)
    expect(headers.get('X-Mock-Fault')).toBe('malformed')
    expect(() => validateResponse('AgentList', body, '/agents')).toThrow(/contract/)
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

function withoutTimes(agent: AgentInfo) {
  const { registeredAt: _registered, lastHeartbeatAt: _heartbeat, ...rest } = agent
  return rest
}
