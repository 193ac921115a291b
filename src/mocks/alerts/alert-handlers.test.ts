// @vitest-environment node
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Schemas } from '@/lib/api/types'
import { signDemoToken } from '../auth/auth-tokens'
import { setMockNow } from '../clock'
import { getEnvironmentModel } from '../executions/execution-model'
import { call, expectProblem, get } from '../mock-api-test-support'
import { resetMockState } from '../tenant-state/tenant-state'

const NOW = Date.parse('2026-11-28T07:00:00.000Z') + 4_321
const MINUTE = 60_000
const iso = (ms: number) => new Date(ms).toISOString()

let admin: string
let dev: string
beforeEach(async () => {
  resetMockState()
  setMockNow(NOW)
  admin = await signDemoToken('admin@acme')
  dev = await signDemoToken('dev@acme')
})
afterEach(() => {
  setMockNow(null)
  resetMockState()
})

const send = (method: string, path: string, token: string, body?: unknown, headers = {}) =>
  call(path, token, {
    method,
    headers: body === undefined ? headers : { 'Content-Type': 'application/json', ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  })

const summary = (env: string, token = admin) =>
  get('AlertSummary', `/alerts/summary?environment=${env}`, token)
const openAlerts = (env: string, token = admin) =>
  get('AlertPage', `/alerts?environment=${env}`, token).then((page) => page.items)
const rules = (env: string) =>
  get('AlertRuleList', `/alerts/rules?environment=${env}`, admin).then((list) => list.items)

const newRule: Schemas['AlertRuleInput'] = {
  name: 'Orders failing',
  enabled: true,
  severity: 'WARNING',
  condition: {
    kind: 'route-metric',
    applicationId: 'order-service',
    routeId: 'order-intake',
    metric: 'errorRate',
    comparator: '>',
    threshold: 0.05,
    windowSeconds: 300,
  },
  forSeconds: 120,
  webhookUrl: null,
}

describe('seeded alerting in acme', () => {
  it('prod has a critical alert firing and a warning acknowledged; staging a warning; dev none', async () => {
    const prod = await openAlerts('prod')
    expect(prod.some((a) => a.severity === 'CRITICAL' && a.state === 'FIRING')).toBe(true)
    expect(
      prod.some((a) => a.state === 'ACKNOWLEDGED' && a.acknowledgedBy?.name === 'Ada Admin'),
    ).toBe(true)
    const staging = await openAlerts('staging')
    expect(staging.some((a) => a.severity === 'WARNING' && a.state === 'FIRING')).toBe(true)
    expect(await openAlerts('dev')).toEqual([])
    expect(await summary('dev')).toMatchObject({ firing: 0, unacknowledged: 0 })
  })

  it('counts the summary as the contract says: open, not silenced; unacknowledged = FIRING', async () => {
    const open = await openAlerts('prod')
    const counts = await summary('prod')
    expect(counts.firing).toBe(open.length)
    expect(counts.unacknowledged).toBe(open.filter((a) => a.state === 'FIRING').length)
    expect(counts.bySeverity.CRITICAL + counts.bySeverity.WARNING + counts.bySeverity.INFO).toBe(
      counts.firing,
    )
    // Silence the critical one's rule: it stays open, says so, and leaves the counts.
    const critical = open.find((a) => a.severity === 'CRITICAL' && a.state === 'FIRING')
    expect(critical).toBeDefined()
    const created = await send('POST', '/alerts/silences?environment=prod', admin, {
      ruleId: critical?.ruleId,
      applicationId: null,
      startsAt: iso(NOW),
      endsAt: iso(NOW + 3600_000),
      comment: 'Known outage, vendor ticket 4711',
    })
    expect(created.status).toBe(201)
    const silence = created.body as Schemas['Silence']
    const after = await summary('prod')
    expect(after.firing).toBe(counts.firing - 1)
    expect(after.unacknowledged).toBe(counts.unacknowledged - 1)
    const silenced = (await openAlerts('prod')).find((a) => a.alertId === critical?.alertId)
    expect(silenced?.silencedBy).toBe(silence.silenceId)
    // Ending it brings it back.
    expect(
      (await send('DELETE', `/alerts/silences/${silence.silenceId}?environment=prod`, admin))
        .status,
    ).toBe(204)
    expect((await summary('prod')).firing).toBe(counts.firing)
    expect((await get('SilenceList', '/alerts/silences?environment=prod', admin)).items).toEqual([])
  })

  it('never shows one environment its neighbour’s alerts', async () => {
    for (const env of ['prod', 'staging', 'dev']) {
      for (const alert of await openAlerts(env)) expect(alert.environment).toBe(env)
    }
    await expectProblem(call('/alerts/summary?environment=prod', dev), 403)
  })
})

describe('evaluation every 30 s against the mock’s data', () => {
  it('opens and resolves the incident rule with the recurring incidents', async () => {
    const model = getEnvironmentModel('acme', 'prod')
    let bucket = Math.floor(NOW / MINUTE)
    while (!model?.incidentAt(bucket)) bucket++
    const incident = model?.incidentAt(bucket)
    if (!incident) throw new Error('no incident ahead')
    const orderErrors = (await rules('prod')).find((r) => r.name === 'Order errors')
    const isOrderAlert = (a: Schemas['Alert']) => a.ruleId === orderErrors?.ruleId
    setMockNow(incident.fromBucket * MINUTE - 10 * MINUTE)
    expect((await openAlerts('prod')).some(isOrderAlert)).toBe(false)
    setMockNow(incident.fromBucket * MINUTE + 12 * MINUTE)
    const firing = (await openAlerts('prod')).find(isOrderAlert)
    expect(firing?.state).toBe('FIRING')
    expect(firing?.value).toBeGreaterThan(0.08)
    setMockNow(incident.toBucket * MINUTE + 15 * MINUTE)
    expect((await openAlerts('prod')).some(isOrderAlert)).toBe(false)
    const history = await get(
      'AlertPage',
      `/alerts?environment=prod&state=RESOLVED&ruleId=${orderErrors?.ruleId}`,
      admin,
    )
    expect(history.items[0]?.alertId).toBe(firing?.alertId)
    expect(Date.parse(history.items[0]?.resolvedAt ?? '')).toBeGreaterThan(
      Date.parse(firing?.startedAt ?? ''),
    )
  })

  it('previews the same history, honouring forSeconds', async () => {
    const condition = (await rules('prod')).find((r) => r.name === 'Order errors')?.condition
    const range = `from=${iso(NOW - 36 * 3600_000)}&to=${iso(NOW)}&step=600`
    const at = (forSeconds: number) =>
      send('POST', `/alerts/rules/preview?environment=prod&${range}`, admin, {
        condition,
        forSeconds,
      }).then((answer) => answer.body as Schemas['AlertPreview'])
    const immediate = await at(0)
    const patient = await at(600)
    expect(immediate.points.length).toBeGreaterThan(100)
    expect(immediate.points.length).toBeLessThanOrEqual(1000)
    expect(immediate.firings.length).toBeGreaterThan(0)
    const total = (p: Schemas['AlertPreview']) =>
      p.firings.reduce((sum, f) => sum + Date.parse(f.to) - Date.parse(f.from), 0)
    // Waiting 10 minutes first starts each firing 10 minutes later (or not at all).
    expect(total(patient)).toBeLessThanOrEqual(
      total(immediate) - 10 * MINUTE * patient.firings.length,
    )
    for (const firing of patient.firings) {
      const from = Date.parse(firing.from)
      expect(immediate.firings.some((f) => Date.parse(f.from) + 10 * MINUTE === from)).toBe(true)
    }
    // A viewer may preview (a read).
    const asViewer = await send('POST', `/alerts/rules/preview?environment=staging&${range}`, dev, {
      condition,
      forSeconds: 0,
    })
    expect(asViewer.status).toBe(200)
  })
})

describe('rules: the write rules', () => {
  it('creates, changes with If-Match, refuses stale versions and deletes', async () => {
    const created = await send('POST', '/alerts/rules?environment=staging', admin, newRule)
    expect(created.status).toBe(201)
    const rule = created.body as Schemas['AlertRule']
    expect(created.headers.get('ETag')).toBe('"1"')
    expect(rule).toMatchObject({
      environment: 'staging',
      version: 1,
      updatedBy: { name: 'Ada Admin' },
    })
    const path = `/alerts/rules/${rule.ruleId}?environment=staging`

    await expectProblem(
      send('POST', '/alerts/rules?environment=staging', admin, newRule),
      409,
      /already exists/,
    )
    await expectProblem(send('PUT', path, admin, { ...newRule, forSeconds: 60 }), 428)
    const changed = await send(
      'PUT',
      path,
      admin,
      { ...newRule, forSeconds: 60 },
      { 'If-Match': '"1"' },
    )
    expect(changed.status).toBe(200)
    expect(changed.body).toMatchObject({ version: 2, forSeconds: 60 })
    const stale = await send('PUT', path, admin, newRule, { 'If-Match': '"1"' })
    const problem = await expectProblem(Promise.resolve(stale), 412)
    expect((problem as unknown as { current: Schemas['AlertRule'] }).current.version).toBe(2)
    await expectProblem(send('DELETE', path, admin, undefined, { 'If-Match': '"1"' }), 412)
    expect((await send('DELETE', path, admin)).status).toBe(204)
    await expectProblem(call(path, admin), 404)
    await expectProblem(call(`/alerts/rules/${rule.ruleId}?environment=prod`, admin), 404)
  })

  it('names the member that is wrong, refuses other media types and viewers', async () => {
    const post = (body: unknown) => send('POST', '/alerts/rules?environment=staging', admin, body)
    await expectProblem(post({ ...newRule, version: 3 }), 400, /version is set by the server/)
    await expectProblem(post({ ...newRule, colour: 'red' }), 400, /Unknown member colour/)
    await expectProblem(
      post({ ...newRule, condition: { ...newRule.condition, threshold: 5 } }),
      400,
      /condition\.threshold/,
    )
    await expectProblem(
      post({ ...newRule, condition: { ...newRule.condition, windowSeconds: 30 } }),
      400,
      /condition\.windowSeconds/,
    )
    await expectProblem(post({ ...newRule, forSeconds: 4000 }), 400, /forSeconds/)
    await expectProblem(
      post({ ...newRule, webhookUrl: 'http://hooks.example.com' }),
      400,
      /webhookUrl/,
    )
    await expectProblem(post({ ...newRule, name: '' }), 400, /name/)
    await expectProblem(
      call('/alerts/rules?environment=staging', admin, {
        method: 'POST',
        body: 'x',
        headers: { 'Content-Type': 'text/plain' },
      }),
      415,
    )
    const refused = await expectProblem(
      send('POST', '/alerts/rules?environment=staging', dev, newRule),
      403,
    )
    expect(refused.type).toMatch(/\/forbidden-role$/)
    expect(refused.detail).toBe('operator role required in staging')
  })

  it('audits every write, allowed or refused, in its environment', async () => {
    const created = await send('POST', '/alerts/rules?environment=staging', admin, newRule)
    expect(created.status).toBe(201)
    await send('POST', '/alerts/rules?environment=staging', dev, newRule)
    const audit = await get(
      'AuditPage',
      `/audit?environment=staging&from=${iso(NOW - 3600_000)}&to=${iso(NOW + MINUTE)}`,
      admin,
    )
    const rules = audit.items.filter((entry) => entry.action === 'alert-rule.create')
    expect(rules.map((entry) => [entry.actor.userId, entry.outcome, entry.target])).toEqual([
      ['dev@acme', 'denied', ''],
      ['admin@acme', 'success', 'Orders failing'],
    ])
  })

  it('disabling a rule resolves its open alerts', async () => {
    const stale = (await rules('staging')).find((r) => r.name === 'Stale agents')
    if (!stale) throw new Error('no seeded rule')
    const { ruleId, tenantId, environment, version, createdAt, updatedAt, updatedBy, ...input } =
      stale
    void [tenantId, environment, createdAt, updatedAt, updatedBy]
    const path = `/alerts/rules/${ruleId}?environment=staging`
    const put = await send(
      'PUT',
      path,
      admin,
      { ...input, enabled: false },
      { 'If-Match': `"${version}"` },
    )
    expect(put.status).toBe(200)
    expect((await openAlerts('staging')).some((a) => a.ruleId === ruleId)).toBe(false)
  })
})

describe('alerts: acknowledge and history', () => {
  it('acknowledges a firing alert once, and refuses a resolved one', async () => {
    const firing = (await openAlerts('prod')).find((a) => a.state === 'FIRING')
    if (!firing) throw new Error('nothing firing')
    const ack = await send('POST', `/alerts/${firing.alertId}/ack?environment=prod`, admin)
    expect(ack.status).toBe(200)
    expect(ack.body).toMatchObject({ state: 'ACKNOWLEDGED', acknowledgedBy: { name: 'Ada Admin' } })
    expect((await summary('prod')).unacknowledged).toBe(
      (await openAlerts('prod')).filter((a) => a.state === 'FIRING').length,
    )
    const resolved = (await get('AlertPage', '/alerts?environment=prod&state=RESOLVED', admin))
      .items[0]
    if (!resolved) throw new Error('no history')
    await expectProblem(
      send('POST', `/alerts/${resolved.alertId}/ack?environment=prod`, admin),
      409,
    )
    await expectProblem(send('POST', '/alerts/nope/ack?environment=prod', admin), 404)
    const ops = await signDemoToken('dev@acme')
    await expectProblem(send('POST', `/alerts/${firing.alertId}/ack?environment=staging`, ops), 403)
  })

  it('pages the history to the end with a cursor bound to its filters', async () => {
    const all = await get('AlertPage', '/alerts?environment=prod&state=RESOLVED&limit=500', admin)
    const seen: string[] = []
    let cursor: string | null = null
    do {
      const page: Schemas['AlertPage'] = await get(
        'AlertPage',
        `/alerts?environment=prod&state=RESOLVED&limit=1${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
        admin,
      )
      seen.push(...page.items.map((a) => a.alertId))
      cursor = page.nextCursor
    } while (cursor && seen.length < 100)
    expect(seen).toEqual(all.items.map((a) => a.alertId))
    expect(seen.length).toBeGreaterThan(0)
    const first = await get('AlertPage', '/alerts?environment=prod&state=RESOLVED&limit=1', admin)
    if (first.nextCursor) {
      await expectProblem(
        call(
          `/alerts?environment=prod&state=RESOLVED&severity=INFO&limit=1&cursor=${encodeURIComponent(first.nextCursor)}`,
          admin,
        ),
        400,
      )
    }
  })
})
