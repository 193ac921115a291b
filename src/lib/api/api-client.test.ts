import { http, HttpResponse } from 'msw'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createQueryClient } from '@/lib/query/query-client'
import { signDemoToken } from '@/mocks/auth/auth-tokens'
import { server } from '@/mocks/node'
import { problem } from '@/mocks/problem'
import { setMockSettings } from '@/mocks/mock-settings'
import { endSession, startSession, useSessionStore } from '@/session/session-store'
import { apiUrl, scopedGet, tenantGet } from './api-client'
import { postLogin } from './login-request'
import {
  ContractError,
  HttpError,
  isApiFailure,
  isHttpStatus,
  NetworkError,
  ScopeMismatchError,
} from './errors'
import type { AgentInfo } from './types'
import { recordRequests } from '@/test/watch-requests'
import { agentEventPageSchema } from '@/lib/api/generated/response-schemas/agent-event-page'
import { agentInfoSchema } from '@/lib/api/generated/response-schemas/agent-info'
import { agentListSchema } from '@/lib/api/generated/response-schemas/agent-list'
import { environmentListSchema } from '@/lib/api/generated/response-schemas/environment-list'
import { meSchema } from '@/lib/api/generated/response-schemas/me'

const acmeProd = { tenant: 'acme', env: 'prod' }
let token = ''

beforeEach(async () => {
  token = await signDemoToken('admin@acme')
  startSession(token, 'login')
})
afterEach(() => {
  endSession('signed-out')
})

function agentRow(overrides: Partial<AgentInfo> = {}): AgentInfo {
  return {
    agentId: 'order-service-1',
    tenantId: 'acme',
    environment: 'prod',
    applicationId: 'order-service',
    hostname: 'order-service-1.internal',
    agentVersion: '3.4.1',
    camelVersion: '4.8.2',
    status: 'LIVE',
    registeredAt: '2026-11-20T07:00:00.000Z',
    lastHeartbeatAt: '2026-11-28T06:59:30.000Z',
    routeIds: ['orders-in'],
    routeStates: { 'orders-in': 'Started' },
    exchangesPerSecond: 12.5,
    errorRate: 0.01,
    ...overrides,
  }
}

const answerAgents = (body: unknown) =>
  server.use(http.get('*/api/v1/agents', () => HttpResponse.json(body as Record<string, unknown>)))

/** The rejection of a promise, for assertions on its fields. */
async function failureOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise
  } catch (error) {
    return error
  }
  throw new Error('expected the call to fail')
}

describe('scopedGet', () => {
  it('sends the environment from the scope and the bearer token, and returns the validated body', async () => {
    const requests = recordRequests()
    const list = await scopedGet('/agents', {
      scope: { tenant: 'acme', env: 'staging' },
      schema: agentListSchema,
    })

    expect(requests).toHaveLength(1)
    const request = requests[0] as Request
    const url = new URL(request.url)
    expect(url.pathname).toBe('/api/v1/agents')
    expect(url.searchParams.getAll('environment')).toEqual(['staging'])
    expect(request.headers.get('Authorization')).toBe(`Bearer ${token}`)
    expect(list.items.length).toBeGreaterThan(0)
    expect(list.items.every((agent) => agent.environment === 'staging')).toBe(true)
  })

  it('passes the query options along, and the scope wins over an `environment` smuggled in', async () => {
    const requests = recordRequests()
    await scopedGet('/agents', {
      scope: acmeProd,
      schema: agentListSchema,
      // @ts-expect-error the environment comes from the scope only
      query: { status: 'DEAD', environment: 'dev' },
    })
    const url = new URL((requests[0] as Request).url)
    expect(url.searchParams.get('status')).toBe('DEAD')
    expect(url.searchParams.getAll('environment')).toEqual(['prod'])
  })

  it('sends no token once the session has ended', async () => {
    endSession('signed-out')
    const requests = recordRequests()
    const error = await failureOf(
      scopedGet('/agents', { scope: acmeProd, schema: agentListSchema }),
    )
    expect((requests[0] as Request).headers.has('Authorization')).toBe(false)
    expect(error).toBeInstanceOf(HttpError)
    expect((error as HttpError).status).toBe(401)
  })

  it.each([
    ['../x', '..%2Fx'],
    ['a/b', 'a%2Fb'],
    ['a?b=c#d', 'a%3Fb%3Dc%23d'],
    ['order service 1', 'order%20service%201'],
  ])('encodes the path parameter %j as one segment', async (agentId, segment) => {
    const requests = recordRequests()
    const error = await failureOf(
      scopedGet('/agents/{agentId}', {
        scope: acmeProd,
        schema: agentInfoSchema,
        path: { agentId },
      }),
    )
    const url = new URL((requests[0] as Request).url)
    expect(url.pathname).toBe(`/api/v1/agents/${segment}`)
    expect(url.searchParams.getAll('environment')).toEqual(['prod'])
    // The mock decodes the segment back to the id and does not know it.
    expect(isHttpStatus(error, 404)).toBe(true)
  })

  it.each(['..', '.'])(
    'never lets the path parameter %j address another endpoint',
    async (agentId) => {
      // `/agents/..` is normalised to `/` by the URL parser (encoded dots too), so such an id
      // would call whatever endpoint lies above. It must not leave the agents resource.
      const requests = recordRequests()
      const error = await failureOf(
        scopedGet('/agents/{agentId}/events', {
          scope: acmeProd,
          schema: agentEventPageSchema,
          path: { agentId },
        }),
      )
      expect(isApiFailure(error)).toBe(true)
      for (const request of requests) {
        expect(new URL(request.url).pathname).toMatch(/^\/api\/v1\/agents\/[^/]+\/events$/)
      }
    },
  )

  it('refuses a row of another tenant with a ScopeMismatchError naming both tenants', async () => {
    answerAgents({ items: [agentRow(), agentRow({ agentId: 'intruder', tenantId: 'beta' })] })
    const error = await failureOf(
      scopedGet('/agents', { scope: acmeProd, schema: agentListSchema }),
    )
    expect(error).toBeInstanceOf(ScopeMismatchError)
    const mismatch = error as ScopeMismatchError
    expect(mismatch.message).toContain('“beta”')
    expect(mismatch.message).toContain('“acme”')
    expect(mismatch.found).toEqual({ tenantId: 'beta', environment: undefined })
    expect(mismatch.retryable).toBe(false)
  })

  it('refuses a row of another environment with a ScopeMismatchError naming both environments', async () => {
    answerAgents({ items: [agentRow({ environment: 'staging' })] })
    const error = await failureOf(
      scopedGet('/agents', { scope: acmeProd, schema: agentListSchema }),
    )
    expect(error).toBeInstanceOf(ScopeMismatchError)
    expect((error as Error).message).toMatch(/environment “staging”.*environment “prod”/)
  })

  it('refuses a single resource of another environment', async () => {
    server.use(
      http.get('*/api/v1/agents/:agentId', () =>
        HttpResponse.json(agentRow({ environment: 'dev' })),
      ),
    )
    const error = await failureOf(
      scopedGet('/agents/{agentId}', {
        scope: acmeProd,
        schema: agentInfoSchema,
        path: { agentId: 'order-service-1' },
      }),
    )
    expect(error).toBeInstanceOf(ScopeMismatchError)
  })

  it('turns a body that is not JSON into a ContractError', async () => {
    server.use(
      http.get(
        '*/api/v1/agents',
        () => new HttpResponse('{"items": [', { headers: { 'Content-Type': 'application/json' } }),
      ),
    )
    const error = await failureOf(
      scopedGet('/agents', { scope: acmeProd, schema: agentListSchema }),
    )
    expect(error).toBeInstanceOf(ContractError)
    expect((error as ContractError).issues).toEqual(['the body is not valid JSON'])
    expect((error as ContractError).retryable).toBe(false)
  })

  it.each([
    ['a wrong enum value', { status: 'ZOMBIE' }, 'items.0.status'],
    ['a missing field', { hostname: undefined }, 'items.0.hostname'],
    ['a wrong type', { exchangesPerSecond: 'fast' }, 'items.0.exchangesPerSecond'],
    ['a missing tenantId', { tenantId: undefined }, 'items.0.tenantId'],
  ])(
    'turns a body with %s into a ContractError naming the field',
    async (_label, change, field) => {
      answerAgents({ items: [{ ...agentRow(), ...change }] })
      const error = await failureOf(
        scopedGet('/agents', { scope: acmeProd, schema: agentListSchema }),
      )
      expect(error).toBeInstanceOf(ContractError)
      const contract = error as ContractError
      expect(contract.issues.some((issue) => issue.startsWith(`${field}:`))).toBe(true)
      expect(contract.message).toContain(field)
    },
  )

  it("turns a 404 problem into an HttpError carrying the problem's detail", async () => {
    const error = await failureOf(
      scopedGet('/agents/{agentId}', {
        scope: acmeProd,
        schema: agentInfoSchema,
        path: { agentId: 'no-such-agent' },
      }),
    )
    expect(error).toBeInstanceOf(HttpError)
    const http404 = error as HttpError
    expect(http404.status).toBe(404)
    expect(http404.problem?.status).toBe(404)
    expect(http404.problem?.detail).toMatch(/no-such-agent/)
    expect(http404.message).toBe(http404.problem?.detail)
    expect(http404.retryable).toBe(false)
  })

  it('turns a 503 into a retryable HttpError', async () => {
    setMockSettings({ errorRate: 1 })
    const error = await failureOf(
      scopedGet('/agents', { scope: acmeProd, schema: agentListSchema }),
    )
    expect(error).toBeInstanceOf(HttpError)
    expect((error as HttpError).status).toBe(503)
    expect((error as HttpError).retryable).toBe(true)
  })

  it('keeps the status of an error answer that is not a problem (a proxy page)', async () => {
    server.use(
      http.get(
        '*/api/v1/agents',
        () => new HttpResponse('<html>Bad gateway</html>', { status: 502 }),
      ),
    )
    const error = await failureOf(
      scopedGet('/agents', { scope: acmeProd, schema: agentListSchema }),
    )
    expect(error).toBeInstanceOf(HttpError)
    expect((error as HttpError).status).toBe(502)
    expect((error as HttpError).problem).toBeNull()
    expect((error as HttpError).message).toContain('502')
  })

  it('turns a network failure into a retryable NetworkError', async () => {
    server.use(http.get('*/api/v1/agents', () => HttpResponse.error()))
    const error = await failureOf(
      scopedGet('/agents', { scope: acmeProd, schema: agentListSchema }),
    )
    expect(error).toBeInstanceOf(NetworkError)
    expect((error as NetworkError).retryable).toBe(true)
  })

  it('lets an abort through as an abort, not as a network failure', async () => {
    const controller = new AbortController()
    controller.abort()
    const error = await failureOf(
      scopedGet('/agents', { scope: acmeProd, schema: agentListSchema, signal: controller.signal }),
    )
    expect(error).not.toBeInstanceOf(NetworkError)
    expect((error as Error).name).toBe('AbortError')
  })
})

describe('apiUrl', () => {
  it('keeps every query value whole, whatever it holds, and leaves absent ones out', () => {
    const url = new URL(
      apiUrl('/logs', {
        query: {
          q: 'a&b=c #d+e ü',
          level: undefined,
          agentId: null,
          limit: 200,
          environment: 'prod',
        },
      }),
    )
    expect(url.pathname).toBe('/api/v1/logs')
    expect([...url.searchParams]).toEqual([
      ['q', 'a&b=c #d+e ü'],
      ['limit', '200'],
      ['environment', 'prod'],
    ])
  })

  it('repeats an array parameter once per item (form style, exploded)', () => {
    const url = new URL(apiUrl('/executions', { query: { status: ['FAILED', 'RUNNING'] } }))
    expect(url.searchParams.getAll('status')).toEqual(['FAILED', 'RUNNING'])
  })

  it('has no query string when there is nothing to send', () => {
    expect(apiUrl('/environments')).toMatch(/\/api\/v1\/environments$/)
  })
})

describe('tenantGet', () => {
  it('sends no environment and refuses a list of another tenant', async () => {
    const requests = recordRequests()
    await tenantGet('/environments', { tenant: 'acme', schema: environmentListSchema })
    expect(new URL((requests[0] as Request).url).searchParams.has('environment')).toBe(false)

    server.use(
      http.get('*/api/v1/me', () =>
        HttpResponse.json({
          userId: 'x',
          name: 'X',
          tenantId: 'beta',
          roles: [],
          environments: [],
          tenantRole: 'viewer',
          environmentRoles: {},
        }),
      ),
    )
    await expect(tenantGet('/me', { tenant: 'acme', schema: meSchema })).rejects.toBeInstanceOf(
      ScopeMismatchError,
    )
  })
})

describe('postLogin', () => {
  it('signs in without a token and returns the validated answer', async () => {
    endSession('signed-out')
    const requests = recordRequests()
    const answer = await postLogin('dev@acme', 'demo')
    expect(answer.tokenType).toBe('Bearer')
    expect((requests[0] as Request).headers.has('Authorization')).toBe(false)
  })

  it('does not end the current session on wrong credentials (401 of the login itself)', async () => {
    const error = await failureOf(postLogin('admin@acme', 'wrong'))
    expect(isHttpStatus(error, 401)).toBe(true)
    expect(useSessionStore.getState().token).toBe(token)
  })
})

describe('the retry policy of createQueryClient()', () => {
  async function attemptsFor(answer: () => Response) {
    server.use(http.get('*/api/v1/agents', answer))
    const requests = recordRequests()
    const client = createQueryClient()
    const error = await failureOf(
      client.fetchQuery({
        queryKey: ['retry-test'],
        queryFn: () => scopedGet('/agents', { scope: acmeProd, schema: agentListSchema }),
        // Same policy, without the waiting.
        retryDelay: 0,
      }),
    )
    return { attempts: requests.length, error }
  }

  it.each([
    ['a 503', () => problem(503, 'x')],
    ['a 500', () => new HttpResponse('boom', { status: 500 })],
    ['a network failure', () => HttpResponse.error()],
  ])('retries %s twice (three attempts in all)', async (_label, answer) => {
    expect((await attemptsFor(answer)).attempts).toBe(3)
  })

  it.each([
    ['a 404', () => problem(404, 'x')],
    ['a 403', () => problem(403, 'x')],
    ['a 400', () => problem(400, 'x')],
    [
      'a contract violation',
      () => HttpResponse.json({ items: [{ ...agentRow(), status: 'ZOMBIE' }] }),
    ],
    ['a scope mismatch', () => HttpResponse.json({ items: [agentRow({ tenantId: 'beta' })] })],
  ])('does not retry %s', async (_label, answer) => {
    expect((await attemptsFor(answer)).attempts).toBe(1)
  })

  it('waits longer between attempts, within bounds', () => {
    const retryDelay = createQueryClient().getDefaultOptions().queries?.retryDelay
    if (typeof retryDelay !== 'function') throw new Error('expected a retryDelay function')
    const delays = [0, 1, 2, 10].map((attempt) => retryDelay(attempt, new Error('x')))
    expect(delays[1]).toBeGreaterThan(delays[0] as number)
    expect(Math.max(...delays)).toBeLessThanOrEqual(4_000)
  })
})
