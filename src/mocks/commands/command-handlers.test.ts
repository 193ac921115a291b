// @vitest-environment node
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Schemas } from '@/lib/api/types'
import { signDemoToken } from '../auth/auth-tokens'
import { setMockNow } from '../clock'
import { findSampleExecutionIds } from '../executions/execution-data'
import { call, expectProblem, get } from '../mock-api-test-support'
import { setMockSettings } from '../mock-settings'
import { resetMockState } from '../tenant-state/tenant-state'

/*
 * acme/dev as generated: order-service runs on order-service-9fff0-1 (LIVE) and
 * order-service-9fff0-2 (DEAD); customer-notifier only on a STALE agent. ops@acme is operator in
 * dev and viewer in prod; dev@acme viewer in staging.
 */
const NOW = Date.parse('2026-11-28T07:00:00.000Z')
const iso = (ms: number) => new Date(ms).toISOString()
const LIVE = 'order-service-9fff0-1'
const DEAD = 'order-service-9fff0-2'

let ops: string
let dev: string
let admin: string
beforeEach(async () => {
  resetMockState()
  setMockNow(NOW)
  ops = await signDemoToken('ops@acme')
  dev = await signDemoToken('dev@acme')
  admin = await signDemoToken('admin@acme')
})
afterEach(() => {
  setMockNow(null)
  resetMockState()
})

let keys = 0
const post = (
  body: unknown,
  {
    token = ops,
    env = 'dev',
    key = `key-${++keys}` as string | null,
    type = 'application/json',
  } = {},
) =>
  call(`/commands?environment=${env}`, token, {
    method: 'POST',
    headers: { 'Content-Type': type, ...(key === null ? {} : { 'Idempotency-Key': key }) },
    body: JSON.stringify(body),
  })

const stop = (agentIds: string[] | null = null): Schemas['RouteControlInput'] => ({
  type: 'route-control',
  applicationId: 'order-service',
  routeId: 'order-intake',
  action: 'stop',
  agentIds,
})

const command = (id: string, env = 'dev') =>
  get('Command', `/commands/${id}?environment=${env}`, ops)
const agent = (id: string, env = 'dev') => get('AgentInfo', `/agents/${id}?environment=${env}`, ops)

async function accepted(body: unknown, options?: Parameters<typeof post>[1]) {
  const response = await post(body, options)
  expect(response.status, JSON.stringify(response.body)).toBe(202)
  return response.body as Schemas['Command']
}

describe('POST /commands: route control', () => {
  it('answers 202 with every LIVE agent of the application pending, then acknowledged within 2 s', async () => {
    const sent = await accepted(stop())
    expect(sent.targets).toEqual([expect.objectContaining({ agentId: LIVE, status: 'PENDING' })])
    expect(sent.createdBy).toEqual({ userId: 'ops@acme', name: expect.any(String) })
    setMockNow(NOW + 2000)
    const later = await command(sent.commandId)
    expect(later.targets[0]).toMatchObject({ status: 'ACKNOWLEDGED', message: null })
  })

  it('changes the acknowledging agent’s route state, and only that route, once it has answered', async () => {
    expect((await agent(LIVE)).routeStates['order-intake']).toBe('Started')
    const sent = await accepted(stop())
    expect((await agent(LIVE)).routeStates['order-intake']).toBe('Started')
    setMockNow(NOW + 2000)
    const states = (await agent(LIVE)).routeStates
    expect(states['order-intake']).toBe('Stopped')
    expect(states['order-validate']).toBe('Started')
    const events = await get(
      'AgentEventPage',
      `/agents/${LIVE}/events?environment=dev&limit=2`,
      ops,
    )
    expect(events.items[0]).toMatchObject({
      type: 'ROUTE_STOPPED',
      message: 'Route order-intake stopped by route control',
    })
    const listed = await get('AgentList', '/agents?environment=dev', ops)
    expect(listed.items.find((a) => a.agentId === LIVE)?.routeStates['order-intake']).toBe(
      'Stopped',
    )
    await accepted({ ...stop(), action: 'suspend' })
    setMockNow(NOW + 4000)
    expect((await agent(LIVE)).routeStates['order-intake']).toBe('Suspended')
    await accepted({ ...stop(), action: 'resume' })
    setMockNow(NOW + 6000)
    expect((await agent(LIVE)).routeStates['order-intake']).toBe('Started')
    expect(sent.commandId).not.toBe('')
  })

  it('lets a named DEAD agent expire after 60 s while the LIVE one acknowledges', async () => {
    const sent = await accepted(stop([LIVE, DEAD]))
    setMockNow(NOW + 59_999)
    const before = await command(sent.commandId)
    expect(before.targets.map((t) => t.status)).toEqual(['ACKNOWLEDGED', 'PENDING'])
    setMockNow(NOW + 60_000)
    const after = await command(sent.commandId)
    expect(after.targets[1]).toMatchObject({
      agentId: DEAD,
      status: 'EXPIRED',
      message: 'the agent did not answer within 60 s',
    })
    expect((await agent(DEAD)).routeStates['order-intake']).toBe('Started')
  })

  it('answers FAILED with a message, and changes nothing, while failCommands is set', async () => {
    setMockSettings({ failCommands: true })
    const sent = await accepted(stop())
    setMockNow(NOW + 2000)
    const target = (await command(sent.commandId)).targets[0]
    expect(target?.status).toBe('FAILED')
    expect(target?.message).toMatch(/order-intake could not be stopped/)
    expect((await agent(LIVE)).routeStates['order-intake']).toBe('Started')
  })

  it('refuses without an Idempotency-Key (400) and a non-JSON body (415)', async () => {
    await expectProblem(post(stop(), { key: null }), 400, /Idempotency-Key/)
    await expectProblem(post(stop(), { key: 'x'.repeat(65) }), 400, /Idempotency-Key/)
    await expectProblem(post(stop(), { type: 'text/plain' }), 415)
  })

  it('answers a repeated key with the first command (200) and sends nothing again', async () => {
    const first = await accepted(stop(), { key: 'same' })
    const again = await post({ ...stop(), action: 'suspend' }, { key: 'same' })
    expect(again.status).toBe(200)
    expect((again.body as Schemas['Command']).commandId).toBe(first.commandId)
    // Another user's key, or another environment, is another command.
    const other = await post(stop(), { key: 'same', token: admin })
    expect(other.status).toBe(202)
    const list = await get('CommandPage', '/commands?environment=dev', ops)
    expect(list.items).toHaveLength(2)
    setMockNow(NOW + 2000)
    expect((await agent(LIVE)).routeStates['order-intake']).toBe('Stopped')
  })

  it('takes a key again in another environment, and from 24 h on', async () => {
    const first = await accepted(stop(), { key: 'again', token: admin })
    const staging = await post(
      { ...stop(), applicationId: 'payment-gateway', routeId: 'payment-capture' },
      { key: 'again', token: admin, env: 'staging' },
    )
    expect(staging.status).toBe(202)
    setMockNow(NOW + 24 * 3600_000 - 1)
    expect((await post(stop(), { key: 'again', token: admin })).status).toBe(200)
    setMockNow(NOW + 24 * 3600_000)
    const later = await post(stop(), { key: 'again', token: admin })
    expect(later.status).toBe(202)
    expect((later.body as Schemas['Command']).commandId).not.toBe(first.commandId)
  })

  it('names the member for unknown and out-of-range members, empty agentIds, agents not running it', async () => {
    await expectProblem(post({ ...stop(), extra: 1 }), 400, /extra/)
    await expectProblem(post({ ...stop(), action: 'pause' }), 400, /action/)
    await expectProblem(post({ ...stop(), type: 'reboot' }), 400, /type/)
    await expectProblem(post(stop([])), 400, /agentIds/)
    await expectProblem(post(stop(['payment-gateway-0d1a8-1'])), 400, /agentIds.*does not run/)
  })

  it('answers 404 for an application, route or agent not in this environment', async () => {
    await expectProblem(post({ ...stop(), applicationId: 'nope' }), 404, /nope/)
    await expectProblem(post({ ...stop(), routeId: 'nope' }), 404, /nope/)
    await expectProblem(post(stop(['nope-agent'])), 404, /nope-agent/)
    // fraud-check is not deployed to dev.
    await expectProblem(
      post({ ...stop(), applicationId: 'fraud-check', routeId: 'fraud-score' }),
      404,
    )
  })

  it('answers 403 forbidden-role without operator in the environment', async () => {
    const problem = await expectProblem(post(stop(), { env: 'prod' }), 403)
    expect(problem.type).toMatch(/\/forbidden-role$/)
    expect(problem.detail).toBe('operator role required in prod')
    await expectProblem(post(stop(), { env: 'staging', token: dev }), 403, /operator role/)
  })

  it('answers 409 no-live-agent when no target is LIVE', async () => {
    const notifier = {
      ...stop(),
      applicationId: 'customer-notifier',
      routeId: 'notify-shipment',
    }
    const problem = await expectProblem(post(notifier), 409)
    expect(problem.type).toMatch(/\/no-live-agent$/)
    await expectProblem(post(stop([DEAD])), 409)
  })

  it('audits every request, allowed or refused', async () => {
    await accepted(stop())
    await post(stop(), { key: null })
    await post(stop(), { env: 'prod' })
    setMockNow(NOW + 1000)
    const entries = await get('AuditPage', '/audit', admin).then((page) => page.items)
    const ours = entries.filter((entry) => entry.action === 'route.stop')
    expect(ours.map((entry) => [entry.environment, entry.outcome, entry.target])).toEqual([
      ['prod', 'denied', 'order-service/order-intake'],
      ['dev', 'failed', 'order-service/order-intake'],
      ['dev', 'success', 'order-service/order-intake'],
    ])
  })
})

describe('POST /commands: replay', () => {
  const failedId = () => {
    const id = findSampleExecutionIds('acme', 'dev', NOW).failed
    if (!id) throw new Error('acme/dev has no failed execution')
    return id
  }
  const replay = (executionId: string, changes: Partial<Schemas['ReplayInput']> = {}) => ({
    type: 'replay',
    executionId,
    agentId: null,
    inputBody: null,
    headers: null,
    ...changes,
  })

  it('produces a new execution with replayOf, the changed body and headers, found by id, search and logs', async () => {
    const original = await get('ExecutionDetail', `/executions/${failedId()}?environment=dev`, ops)
    const sent = await accepted(
      replay(original.executionId, { inputBody: '{"fixed":true}', headers: { 'X-Try': '2' } }),
    )
    expect(sent.targets).toHaveLength(1)
    setMockNow(NOW + 2000)
    const target = (await command(sent.commandId)).targets[0]
    expect(target?.status).toBe('ACKNOWLEDGED')
    const resultId = target?.resultExecutionId ?? ''
    expect(resultId).not.toBe('')
    setMockNow(NOW + 60_000)
    const result = await get('ExecutionDetail', `/executions/${resultId}?environment=dev`, ops)
    expect(result).toMatchObject({
      replayOf: original.executionId,
      inputBody: '{"fixed":true}',
      headers: { 'X-Try': '2' },
      applicationId: original.applicationId,
      routeId: original.routeId,
    })
    const range = `from=${iso(NOW - 10 * 60_000)}&to=${iso(NOW + 60_000)}`
    const walk = async (limit: number) => {
      const ids: string[] = []
      let cursor: string | null = null
      do {
        const suffix: string = cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''
        const page = await get(
          'ExecutionPage',
          `/executions?environment=dev&${range}&limit=${limit}${suffix}`,
          ops,
        )
        ids.push(...page.items.map((item) => item.executionId))
        const times = page.items.map((item) => item.startTime)
        expect(times).toEqual([...times].sort().reverse())
        cursor = page.nextCursor
      } while (cursor)
      return ids
    }
    // The replay is merged in by start time, once, whatever the page size.
    const all = await walk(500)
    expect(all.filter((id) => id === resultId)).toHaveLength(1)
    expect(await walk(3)).toEqual(all)
    const listed = await get(
      'ExecutionPage',
      `/executions?environment=dev&${range}&agentId=${result.agentId}&routeId=${result.routeId}`,
      ops,
    )
    expect(listed.items.find((item) => item.executionId === resultId)?.replayOf).toBe(
      original.executionId,
    )
    const logs = await get('LogPage', `/logs?environment=dev&executionId=${resultId}`, ops)
    expect(logs.items.length).toBeGreaterThan(0)
    expect(logs.items.every((line) => line.executionId === resultId)).toBe(true)
    // Not in another environment.
    await expectProblem(call(`/executions/${resultId}?environment=staging`, admin), 404)
  })

  it('answers 404 for an execution not in this environment', async () => {
    await expectProblem(post(replay(failedId()), { env: 'staging', token: admin }), 404)
    await expectProblem(post(replay('nope')), 404, /nope/)
  })
})

describe('GET /commands', () => {
  it('lists newest first, filtered by application, paged by cursor; 404 for another environment’s id', async () => {
    const first = await accepted(stop())
    const second = await accepted({ ...stop(), action: 'start' })
    await accepted({
      type: 'route-control',
      applicationId: 'payment-gateway',
      routeId: 'payment-capture',
      action: 'suspend',
      agentIds: null,
    })
    const page = await get(
      'CommandPage',
      '/commands?environment=dev&applicationId=order-service&limit=1',
      dev,
    )
    expect(page.items.map((c) => c.commandId)).toEqual([second.commandId])
    const next = await get(
      'CommandPage',
      `/commands?environment=dev&applicationId=order-service&limit=1&cursor=${encodeURIComponent(page.nextCursor ?? '')}`,
      dev,
    )
    expect(next.items.map((c) => c.commandId)).toEqual([first.commandId])
    expect(next.nextCursor).toBeNull()
    await expectProblem(call(`/commands/${first.commandId}?environment=staging`, admin), 404)
    const staging = await get('CommandPage', '/commands?environment=staging', admin)
    expect(staging.items).toEqual([])
  })
})
