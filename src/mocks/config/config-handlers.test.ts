// @vitest-environment node
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Schemas } from '@/lib/api/types'
import { listAgentRecords } from '../agents/agent-data'
import { signDemoToken } from '../auth/auth-tokens'
import { setMockNow } from '../clock'
import { capturesPayloads } from '../executions/execution-capture'
import { call, expectProblem, get } from '../mock-api-test-support'
import { readAudit, resetMockState } from '../tenant-state/tenant-state'

const NOW = Date.parse('2026-11-28T07:00:00.000Z')

let admin: string
let ops: string
beforeEach(async () => {
  resetMockState()
  setMockNow(NOW)
  admin = await signDemoToken('admin@acme')
  ops = await signDemoToken('ops@acme')
})
afterEach(() => {
  setMockNow(null)
  resetMockState()
})

const path = (app: string, env: string) => `/apps/${app}/config?environment=${env}`
const read = (app: string, env: string, token = admin) => get('AppConfig', path(app, env), token)

function put(
  app: string,
  env: string,
  token: string,
  body: unknown,
  headers: Record<string, string> = {},
) {
  return call(path(app, env), token, {
    method: 'PUT',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: JSON.stringify(body),
  })
}

const liveAgents = (env: string, app: string) =>
  listAgentRecords('acme', env).filter(
    (agent) => agent.applicationId === app && agent.status === 'LIVE',
  ).length

async function settingsOf(app: string, env: string): Promise<Schemas['AppSettings']> {
  return (await read(app, env)).settings
}

describe('GET /apps/{applicationId}/config', () => {
  it('answers the seeded configuration with its version as the ETag, in scope', async () => {
    const response = await call(path('payment-gateway', 'dev'), admin)
    expect(response.status).toBe(200)
    const config = response.body as Schemas['AppConfig']
    expect(response.headers.get('ETag')).toBe(`"${config.version}"`)
    expect(config).toMatchObject({
      tenantId: 'acme',
      environment: 'dev',
      applicationId: 'payment-gateway',
      version: 1,
      updatedAt: null,
      updatedBy: null,
      agents: { applied: liveAgents('dev', 'payment-gateway'), pending: 0 },
    })
  })

  it('differs between environments: staging traces everything, prod what failed', async () => {
    expect((await settingsOf('inventory-sync', 'staging')).tracing).toBe('ALL')
    expect((await settingsOf('inventory-sync', 'prod')).tracing).toBe('FAILED_ONLY')
    const changed = await read('order-service', 'prod')
    expect(changed.updatedBy).toEqual({ userId: 'admin@acme', name: 'Ada Admin' })
    expect(changed.version).toBeGreaterThan(1)
  })

  it('captures no payloads exactly where the executions carry no snapshot', async () => {
    for (const [env, app] of [
      ['prod', 'payment-gateway'],
      ['staging', 'customer-notifier'],
      ['prod', 'order-service'],
    ] as const) {
      const captured = (await settingsOf(app, env)).payloadCapture !== 'NONE'
      expect(captured, `${app} in ${env}`).toBe(capturesPayloads('acme', env, app))
    }
  })

  it('is 404 for an application without agents in the environment', async () => {
    // fraud-check is not deployed to dev.
    await expectProblem(call(path('fraud-check', 'dev'), admin), 404)
    await expectProblem(call(path('no-such-app', 'prod'), admin), 404)
  })

  it('is 403 in an environment the token does not cover', async () => {
    const dev = await signDemoToken('dev@acme')
    await expectProblem(call(path('order-service', 'prod'), dev), 403)
  })
})

describe('PUT /apps/{applicationId}/config', () => {
  it('replaces the settings, answers version + 1 with its ETag, and is audited', async () => {
    const before = await read('order-service', 'dev')
    const settings = { ...before.settings, tracing: 'SAMPLED' as const, samplingRate: 0.5 }
    const response = await put('order-service', 'dev', ops, { settings }, { 'If-Match': '"1"' })
    expect(response.status, JSON.stringify(response.body)).toBe(200)
    const saved = response.body as Schemas['AppConfig']
    expect(saved.version).toBe(2)
    expect(response.headers.get('ETag')).toBe('"2"')
    expect(saved.settings).toEqual(settings)
    expect(saved.updatedBy).toEqual({ userId: 'ops@acme', name: 'Otto Ops' })
    expect(saved.updatedAt).toBe(new Date(NOW).toISOString())
    expect((await read('order-service', 'dev')).settings).toEqual(settings)
    expect(readAudit('acme').at(-1)).toMatchObject({
      action: 'config.update',
      environment: 'dev',
      target: 'order-service',
      outcome: 'success',
      detail: 'version 2',
      actor: { userId: 'ops@acme' },
    })
  })

  it('is pushed to the LIVE agents: pending counts down to 0 within 2 s', async () => {
    const live = liveAgents('prod', 'order-service')
    expect(live).toBeGreaterThan(1)
    const before = await read('order-service', 'prod')
    const response = await put(
      'order-service',
      'prod',
      admin,
      { settings: { ...before.settings, logLevel: 'DEBUG' } },
      { 'If-Match': `"${before.version}"` },
    )
    expect((response.body as Schemas['AppConfig']).agents).toEqual({ applied: 0, pending: live })
    const seen: number[] = []
    for (let ms = 0; ms <= 2_000; ms += 200) {
      setMockNow(NOW + ms)
      const { agents } = await read('order-service', 'prod')
      expect(agents.applied + agents.pending).toBe(live)
      seen.push(agents.pending)
    }
    expect(seen[0]).toBe(live)
    expect(seen.at(-1)).toBe(0)
    // It only ever goes down.
    expect(seen).toEqual([...seen].sort((a, b) => b - a))
    expect(new Set(seen).size).toBeGreaterThan(2)
  })

  it("shows in each live agent's events once it has applied it", async () => {
    const agent = listAgentRecords('acme', 'dev').find(
      (record) => record.applicationId === 'order-service' && record.status === 'LIVE',
    )
    if (!agent) throw new Error('no live order-service agent in dev')
    const events = () =>
      get('AgentEventPage', `/agents/${agent.agentId}/events?environment=dev&limit=5`, ops).then(
        (page) => page.items,
      )
    const before = await events()
    const { settings } = await read('order-service', 'dev')
    await put(
      'order-service',
      'dev',
      ops,
      { settings: { ...settings, logLevel: 'WARN' } },
      { 'If-Match': '"1"' },
    )
    expect((await events())[0]).toEqual(before[0])
    setMockNow(NOW + 2_000)
    const [newest, next] = await events()
    expect(newest).toMatchObject({
      type: 'CONFIG_CHANGED',
      message: 'Configuration version 2 applied (logLevel changed by Otto Ops)',
    })
    expect(Date.parse(newest?.timestamp ?? '')).toBeGreaterThan(NOW)
    expect(next?.eventId).toBe(before[0]?.eventId)
    expect(newest?.eventId).not.toBe(before[0]?.eventId)
  })

  it('is 428 without If-Match, before the body is looked at', async () => {
    await expectProblem(put('order-service', 'dev', ops, { settings: 'nonsense' }), 428)
    expect(readAudit('acme').at(-1)).toMatchObject({ action: 'config.update', outcome: 'failed' })
  })

  it('is 400 naming the member for a setting out of range, before the version is compared', async () => {
    const { settings } = await read('order-service', 'dev')
    const stale = { 'If-Match': '"999"' }
    const cases: [unknown, RegExp][] = [
      [{ settings: { ...settings, maxPayloadBytes: 10_485_761 } }, /maxPayloadBytes/],
      [{ settings: { ...settings, samplingRate: 1.5 } }, /samplingRate/],
      [{ settings: { ...settings, maskedKeys: [''] } }, /maskedKeys/],
      [
        { settings: { ...settings, maskedKeys: Array.from({ length: 101 }, (_, i) => `k${i}`) } },
        /maskedKeys/,
      ],
      [{ settings: { ...settings, tracing: 'SOMETIMES' } }, /tracing/],
      [{ settings: { ...settings, colour: 'red' } }, /colour/],
      [{ settings, version: 3 }, /version/],
      [{}, /settings/],
    ]
    for (const [body, member] of cases) {
      await expectProblem(put('order-service', 'dev', ops, body, stale), 400, member)
    }
  })

  it('is 415 for a body that is not JSON', async () => {
    const response = call(path('order-service', 'dev'), ops, {
      method: 'PUT',
      headers: { 'Content-Type': 'text/plain', 'If-Match': '"1"' },
      body: 'tracing=ALL',
    })
    await expectProblem(response, 415)
  })

  it('is 412 with the current configuration for a stale If-Match', async () => {
    const { settings } = await read('order-service', 'dev')
    const first = await put('order-service', 'dev', ops, { settings }, { 'If-Match': '"1"' })
    expect(first.status).toBe(200)
    const problem = await expectProblem(
      put(
        'order-service',
        'dev',
        ops,
        { settings: { ...settings, logLevel: 'TRACE' } },
        { 'If-Match': '"1"' },
      ),
      412,
      /version 2/,
    )
    expect(problem.current).toMatchObject({ version: 2, applicationId: 'order-service', settings })
    expect((await read('order-service', 'dev')).settings.logLevel).toBe(settings.logLevel)
  })

  it('is 403 forbidden-role for a viewer there, audited as denied', async () => {
    // ops@acme is only a viewer in prod.
    const { settings } = await read('order-service', 'prod')
    const problem = await expectProblem(
      put('order-service', 'prod', ops, { settings }, { 'If-Match': '"4"' }),
      403,
      /operator role required in prod/,
    )
    expect(problem.type).toMatch(/\/forbidden-role$/)
    expect(readAudit('acme').at(-1)).toMatchObject({
      action: 'config.update',
      environment: 'prod',
      target: 'order-service',
      outcome: 'denied',
    })
  })

  it('is 404 for an application without agents in the environment', async () => {
    const { settings } = await read('fraud-check', 'prod')
    await expectProblem(put('fraud-check', 'dev', ops, { settings }, { 'If-Match': '"1"' }), 404)
  })
})
