import { beforeAll, describe, expect, it } from 'vitest'
import { signDemoToken } from '@/mocks/auth/auth-tokens'
import { ContractError, ScopeMismatchError } from './errors'
import { assertAnswersFor, assertScope, validateResponse } from './response-validation'
import type { AgentEventPage, AgentList, EnvironmentList, Me, SchemaName } from './types'
import { agentListSchema } from '@/lib/api/generated/response-schemas/agent-list'
import { executionDetailSchema } from '@/lib/api/generated/response-schemas/execution-detail'
import { meSchema } from '@/lib/api/generated/response-schemas/me'
import { metricsResponseSchema } from '@/lib/api/generated/response-schemas/metrics-response'
import { timeseriesSchema } from '@/lib/api/generated/response-schemas/timeseries'
import { schemaNamed } from './schema-registry'

/**
 * Samples come from the mock, fetched directly (not through the API client), so these tests
 * check the validators against what the mock really sends.
 */
const BASE = 'http://localhost/api/v1'
let token = ''

async function sample(path: string, auth = true): Promise<unknown> {
  const response = await fetch(`${BASE}${path}`, {
    headers: auth ? { Authorization: `Bearer ${token}` } : {},
  })
  return response.json()
}

/** The ContractError issues for `body`, or [] when it is accepted. */
function issuesOf(schema: SchemaName, body: unknown): string[] {
  try {
    validateResponse(schemaNamed(schema), body, '/test')
    return []
  } catch (error) {
    if (error instanceof ContractError) return error.issues
    throw error
  }
}

/** A copy of `row` without `field`. */
const without = (row: object | undefined, field: string) =>
  Object.fromEntries(Object.entries(row ?? {}).filter(([key]) => key !== field))

const fieldsOf = (issues: string[]) => issues.map((issue) => issue.slice(0, issue.indexOf(':')))

let me: Me
let environments: EnvironmentList
let agents: AgentList
let events: AgentEventPage

beforeAll(async () => {
  token = await signDemoToken('admin@acme')
  me = (await sample('/me')) as Me
  environments = (await sample('/environments')) as EnvironmentList
  agents = (await sample('/agents?environment=prod')) as AgentList
  const agentId = agents.items[0]?.agentId ?? 'missing'
  events = (await sample(
    `/agents/${encodeURIComponent(agentId)}/events?environment=prod&limit=20`,
  )) as AgentEventPage
})

describe('validators built from the OpenAPI document', () => {
  it('accept every body and row type the mock returns', async () => {
    const problem = await sample('/agents', false)
    const single = await sample(
      `/agents/${encodeURIComponent(agents.items[0]?.agentId ?? '')}?environment=prod`,
    )
    const login = await (
      await fetch(`${BASE}/auth/login`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ username: 'dev@acme', password: 'demo' }),
      })
    ).json()

    expect(agents.items.length).toBeGreaterThan(0)
    expect(events.items.length).toBeGreaterThan(0)
    expect(environments.items.length).toBeGreaterThan(0)
    expect(issuesOf('Me', me)).toEqual([])
    expect(issuesOf('EnvironmentList', environments)).toEqual([])
    expect(issuesOf('AgentList', agents)).toEqual([])
    expect(issuesOf('AgentInfo', single)).toEqual([])
    expect(issuesOf('AgentEventPage', events)).toEqual([])
    expect(issuesOf('LoginResponse', login)).toEqual([])
    expect(issuesOf('Problem', problem)).toEqual([])
    // Row schemas on their own, every row the mock sent.
    for (const row of environments.items) expect(issuesOf('Environment', row)).toEqual([])
    for (const row of agents.items) expect(issuesOf('AgentInfo', row)).toEqual([])
    for (const row of events.items) expect(issuesOf('AgentEvent', row)).toEqual([])
  })

  it('accept unknown extra fields and hand back the original body', () => {
    const body = {
      ...agents,
      servedBy: 'v2-server',
      items: agents.items.map((a) => ({ ...a, podName: 'p' })),
    }
    expect(validateResponse(agentListSchema, body, '/agents')).toBe(body)
  })

  it('reject an agent status outside the enum, naming the field', () => {
    const body = { items: [agents.items[0], { ...agents.items[1], status: 'ZOMBIE' }] }
    expect(fieldsOf(issuesOf('AgentList', body))).toEqual(['items.1.status'])
  })

  it('reject an agent event type outside the enum', () => {
    const body = { ...events, items: [{ ...events.items[0], type: 'EXPLODED' }] }
    expect(fieldsOf(issuesOf('AgentEventPage', body))).toEqual(['items.0.type'])
  })

  it('reject a role outside the enum', () => {
    expect(fieldsOf(issuesOf('Me', { ...me, roles: ['superuser'] }))).toEqual(['roles.0'])
  })

  it.each(['tenantId', 'environment'])('reject an agent row without %s', (field) => {
    expect(fieldsOf(issuesOf('AgentList', { items: [without(agents.items[0], field)] }))).toEqual([
      `items.0.${field}`,
    ])
  })

  it.each(['tenantId', 'environment'])('reject an event row without %s', (field) => {
    const body = { ...events, items: [without(events.items[0], field)] }
    expect(fieldsOf(issuesOf('AgentEventPage', body))).toEqual([`items.0.${field}`])
  })

  it.each([
    ['tenantId', 'ACME'],
    ['tenantId', ''],
    ['environment', 'PROD'],
    ['environment', '../prod'],
  ])('reject a malformed scope field %s = %j', (field, value) => {
    const body = { items: [{ ...agents.items[0], [field]: value }] }
    expect(fieldsOf(issuesOf('AgentList', body))).toEqual([`items.0.${field}`])
  })

  it('reject values outside their bounds and types', () => {
    const agent = agents.items[0]
    expect(fieldsOf(issuesOf('AgentInfo', { ...agent, errorRate: 1.5 }))).toEqual(['errorRate'])
    expect(fieldsOf(issuesOf('AgentInfo', { ...agent, exchangesPerSecond: -1 }))).toEqual([
      'exchangesPerSecond',
    ])
    expect(fieldsOf(issuesOf('AgentInfo', { ...agent, routeIds: 'orders-in' }))).toEqual([
      'routeIds',
    ])
    expect(
      fieldsOf(issuesOf('Environment', { ...environments.items[0], agentCount: 2.5 })),
    ).toEqual(['agentCount'])
  })

  it('reject a timestamp that is not ISO-8601', () => {
    expect(
      fieldsOf(issuesOf('AgentInfo', { ...agents.items[0], lastHeartbeatAt: 'yesterday' })),
    ).toEqual(['lastHeartbeatAt'])
  })

  it('require nextCursor on a page, null meaning the last page', () => {
    const { nextCursor: _omitted, ...withoutCursor } = events
    expect(fieldsOf(issuesOf('AgentEventPage', withoutCursor))).toEqual(['nextCursor'])
    expect(issuesOf('AgentEventPage', { ...events, nextCursor: null })).toEqual([])
  })

  it('reject a body that is not an object at all', () => {
    expect(issuesOf('AgentList', null)).not.toEqual([])
    expect(issuesOf('AgentList', [])).not.toEqual([])
    expect(issuesOf('AgentList', 'items')).not.toEqual([])
  })
})

describe('assertScope', () => {
  const acmeProd = { tenant: 'acme', env: 'prod' }
  const agent = (tenantId: string, environment: string) => ({
    agentId: 'orders-1',
    tenantId,
    environment,
  })
  const execution = (overrides: Record<string, unknown> = {}) => ({
    executionId: 'ex-1',
    tenantId: 'acme',
    environment: 'prod',
    headers: {},
    inputBody: null,
    processors: [],
    ...overrides,
  })

  it('accepts a body whose every row is in scope', () => {
    expect(() =>
      assertScope(
        agentListSchema,
        { items: [agent('acme', 'prod'), agent('acme', 'prod')] },
        acmeProd,
        '/x',
      ),
    ).not.toThrow()
  })

  it('checks every row of items[], not only the first ones', () => {
    const items = Array.from({ length: 999 }, () => agent('acme', 'prod'))
    items.push(agent('beta', 'prod'))
    expect(() => assertScope(agentListSchema, { items }, acmeProd, '/agents')).toThrow(
      /tenant “beta”/,
    )
  })

  it('checks envelope-level scope fields', () => {
    const timeseries = { tenantId: 'acme', environment: 'dev', step: 60, points: [] }
    expect(() => assertScope(timeseriesSchema, timeseries, acmeProd, '/stats/timeseries')).toThrow(
      ScopeMismatchError,
    )
  })

  it('follows nested row types the document names (a metrics envelope and its series)', () => {
    const metrics = (tenantId: string) => ({
      tenantId,
      environment: 'prod',
      step: 60,
      series: [{ agentId: 'a', name: 'jvm.threads.live', unit: 'count', points: [] }],
    })
    expect(() =>
      assertScope(metricsResponseSchema, metrics('acme'), acmeProd, '/metrics'),
    ).not.toThrow()
    expect(() => assertScope(metricsResponseSchema, metrics('beta'), acmeProd, '/metrics')).toThrow(
      /tenant “beta”/,
    )
  })

  it('never reads captured data: headers named tenantId or environment are business data', () => {
    // A multi-tenant business route commonly carries such headers; they must neither hide the
    // execution nor raise a cross-tenant alarm.
    const detail = execution({
      headers: { tenantId: 'globex', environment: 'test', 'X-Env': 'staging' },
      inputBody: '{"tenantId":"globex","environment":"test"}',
    })
    expect(() =>
      assertScope(executionDetailSchema, detail, acmeProd, '/executions/ex-1'),
    ).not.toThrow()
  })

  it('still refuses the execution row itself when it is of another scope', () => {
    const detail = execution({ environment: 'staging', headers: { tenantId: 'acme' } })
    expect(() => assertScope(executionDetailSchema, detail, acmeProd, '/executions/ex-1')).toThrow(
      /environment “staging”/,
    )
  })

  it('reports what it found and what was asked for', () => {
    try {
      assertScope(agentListSchema, { items: [agent('beta', 'dev')] }, acmeProd, '/agents')
      expect.unreachable()
    } catch (error) {
      expect(error).toBeInstanceOf(ScopeMismatchError)
      const mismatch = error as ScopeMismatchError
      expect(mismatch.path).toBe('/agents')
      expect(mismatch.expected).toEqual(acmeProd)
      expect(mismatch.found).toEqual({ tenantId: 'beta', environment: 'dev' })
      expect(mismatch.message).toMatch(
        /tenant “beta” and environment “dev”.*tenant “acme”, environment “prod”/,
      )
    }
  })

  it('ignores environments for tenant-level resources but still checks the tenant', () => {
    expect(() =>
      assertScope(
        agentListSchema,
        { items: [agent('acme', 'dev'), agent('acme', 'prod')] },
        { tenant: 'acme' },
        '/x',
      ),
    ).not.toThrow()
    expect(() =>
      assertScope(meSchema, { tenantId: 'beta', environments: ['dev'] }, { tenant: 'acme' }, '/me'),
    ).toThrow(ScopeMismatchError)
  })

  it('copes with nulls, primitives and empty bodies', () => {
    expect(() =>
      assertScope(agentListSchema, { items: [null, 1, 'x', { nested: null }] }, acmeProd, '/x'),
    ).not.toThrow()
    expect(() => assertScope(agentListSchema, null, acmeProd, '/x')).not.toThrow()
    expect(() => assertScope(agentListSchema, [], acmeProd, '/x')).not.toThrow()
  })
})

describe('assertAnswersFor', () => {
  const diagram = { applicationId: 'order-service', routeId: 'process-order', nodes: [] }

  it('passes an answer for the ids that were asked for', () => {
    expect(
      assertAnswersFor(diagram, { applicationId: 'order-service', routeId: 'process-order' }, '/d'),
    ).toBe(diagram)
  })

  it('refuses an answer for another id, naming the field', () => {
    expect(() => assertAnswersFor(diagram, { routeId: 'ship-order' }, '/d')).toThrow(ContractError)
    expect(() => assertAnswersFor(diagram, { routeId: 'ship-order' }, '/d')).toThrow(/routeId/)
  })
})
