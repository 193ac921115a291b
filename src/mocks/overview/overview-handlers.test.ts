// @vitest-environment node
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { signDemoToken } from '../auth/auth-tokens'
import { setMockNow } from '../clock'
import { HOUR, iso, MINUTE, NOW, query } from '../executions/execution-test-support'
import { call, expectProblem, get } from '../mock-api-test-support'
import { tenantEnvironmentIds } from '../topology/tenants'
import { bucketSecondsFor } from './overview-data'

const tokens = { acme: '', beta: '', default: '', dev: '' }

beforeAll(async () => {
  tokens.acme = await signDemoToken('admin@acme')
  tokens.beta = await signDemoToken('admin@beta')
  tokens.default = await signDemoToken('user@default')
  tokens.dev = await signDemoToken('dev@acme')
})
beforeEach(() => setMockNow(NOW))
afterEach(() => setMockNow(null))

const DAY = 24 * HOUR

const overviewOf = (params: Record<string, string | number | undefined>, token = tokens.acme) =>
  get('Overview', `/stats/overview?${query(params)}`, token)

/** The mock's other endpoints over the same range, summed per application. */
async function otherEndpoints(
  token: string,
  environment: string,
  range: { from: string; to: string },
) {
  const routes = await get(
    'RouteStatsList',
    `/stats/routes?${query({ environment, ...range })}`,
    token,
  )
  const agents = await get('AgentList', `/agents?${query({ environment })}`, token)
  const byApp = new Map<string, { exchanges: number; failed: number; routes: number }>()
  for (const row of routes.items) {
    const app = byApp.get(row.applicationId) ?? { exchanges: 0, failed: 0, routes: 0 }
    app.exchanges += row.exchanges
    app.failed += row.failed
    app.routes++
    byApp.set(row.applicationId, app)
  }
  return { byApp, agents: agents.items }
}

const RANGES: [string, number, number][] = [
  ['the last 15 minutes', NOW - 15 * MINUTE, NOW],
  ['the last hour', NOW - HOUR, NOW],
  ['six hours ending yesterday', NOW - 30 * HOUR, NOW - DAY],
  ['the last 24 hours', NOW - DAY, NOW],
  ['the last 7 days (sampled)', NOW - 7 * DAY, NOW],
]

describe('GET /stats/overview', () => {
  it.each(RANGES)(
    'agrees with /stats/routes, /stats/timeseries and /agents over %s',
    async (_name, from, to) => {
      const range = { from: iso(from), to: iso(to) }
      const answer = await overviewOf({ environment: 'prod', ...range, buckets: 12 })
      const { byApp, agents } = await otherEndpoints(tokens.acme, 'prod', range)

      expect(answer).toMatchObject({ tenantId: 'acme', environment: 'prod', ...range })
      expect(answer.bucketSeconds).toBe(bucketSecondsFor({ from, to }, 12))
      const ids = answer.items.map((item) => item.applicationId)
      expect(ids).toEqual([...ids].sort())
      // Every application with agents or traffic, and nothing else.
      const expected = new Set([...agents.map((a) => a.applicationId), ...byApp.keys()])
      expect(new Set(ids)).toEqual(expected)

      for (const item of answer.items) {
        const routes = byApp.get(item.applicationId) ?? { exchanges: 0, failed: 0, routes: 0 }
        expect(item.exchanges, item.applicationId).toBe(routes.exchanges)
        expect(item.failed, item.applicationId).toBe(routes.failed)
        expect(item.routes).toBeGreaterThanOrEqual(routes.routes)
        const mine = agents.filter((agent) => agent.applicationId === item.applicationId)
        expect(item.agents).toEqual({
          live: mine.filter((agent) => agent.status === 'LIVE').length,
          stale: mine.filter((agent) => agent.status === 'STALE').length,
          dead: mine.filter((agent) => agent.status === 'DEAD').length,
        })
        if (item.exchanges === 0) expect(item.p99Ms).toBeNull()
      }
      expect(answer.items.reduce((sum, item) => sum + item.exchanges, 0)).toBe(
        [...byApp.values()].reduce((sum, app) => sum + app.exchanges, 0),
      )
    },
  )

  it.each(RANGES.slice(1, 4))(
    "gives each application's buckets as /stats/timeseries gives its points (%s)",
    async (_name, from, to) => {
      const range = { from: iso(from), to: iso(to) }
      const answer = await overviewOf({ environment: 'prod', ...range, buckets: 24 })
      expect(answer.items.length).toBeGreaterThan(3)
      for (const item of answer.items.slice(0, 4)) {
        const series = await get(
          'Timeseries',
          `/stats/timeseries?${query({ environment: 'prod', ...range, step: answer.bucketSeconds, applicationId: item.applicationId })}`,
          tokens.acme,
        )
        expect(series.step).toBe(answer.bucketSeconds)
        expect(item.buckets.map(({ t, exchanges, failed }) => ({ t, exchanges, failed }))).toEqual(
          series.points.map(({ t, exchanges, failed }) => ({ t, exchanges, failed })),
        )
        // The same p99, null where /stats/timeseries says 0 (no finished execution).
        expect(item.buckets.map((bucket) => bucket.p99Ms ?? 0)).toEqual(
          series.points.map((point) => point.p99Ms),
        )
        // Without sampling, the buckets add up to the totals.
        expect(item.buckets.reduce((sum, bucket) => sum + bucket.exchanges, 0)).toBe(item.exchanges)
        expect(item.buckets.reduce((sum, bucket) => sum + bucket.failed, 0)).toBe(item.failed)
      }
    },
  )

  it('answers for every tenant and environment, in production volumes where there are', async () => {
    for (const [tenant, token] of [
      ['acme', tokens.acme],
      ['beta', tokens.beta],
      ['default', tokens.default],
    ] as const) {
      for (const environment of tenantEnvironmentIds(tenant)) {
        const answer = await overviewOf({ environment }, token)
        expect(answer.items.length, `${tenant}/${environment}`).toBeGreaterThan(0)
        for (const item of answer.items) {
          expect(item).toMatchObject({ tenantId: tenant, environment })
          expect(item.buckets.length).toBeLessThanOrEqual(12)
        }
      }
    }
    const prod = await overviewOf({ environment: 'prod' })
    const perHour = prod.items.reduce((sum, item) => sum + item.exchanges, 0)
    expect(perHour).toBeGreaterThan(5_000)
  })

  it('lists an application that has agents but no traffic in the range with zeros', async () => {
    // A ten-second range: the scheduled and quiet applications have no execution in it.
    const range = { from: iso(NOW - 10_000), to: iso(NOW) }
    const answer = await overviewOf({ environment: 'prod', ...range, buckets: 1 })
    const quiet = answer.items.filter((item) => item.exchanges === 0)
    expect(quiet.length).toBeGreaterThan(0)
    for (const item of quiet) {
      expect(item).toMatchObject({ failed: 0, p99Ms: null, inflight: 0 })
      expect(item.agents.live + item.agents.stale + item.agents.dead).toBeGreaterThan(0)
      expect(item.buckets).toEqual([
        { t: expect.any(String) as string, exchanges: 0, failed: 0, p99Ms: null },
      ])
    }
  })

  it('counts running executions as in flight', async () => {
    const answer = await overviewOf({
      environment: 'prod',
      from: iso(NOW - 5 * MINUTE),
      to: iso(NOW),
    })
    expect(answer.items.some((item) => item.inflight > 0)).toBe(true)
  })

  it('answers 400, 401 and 403 as every data endpoint does', async () => {
    await expectProblem(call('/stats/overview', tokens.acme), 400, /environment/)
    await expectProblem(
      call('/stats/overview?environment=prod&buckets=61', tokens.acme),
      400,
      /buckets/,
    )
    await expectProblem(
      call('/stats/overview?environment=prod&buckets=0', tokens.acme),
      400,
      /buckets/,
    )
    await expectProblem(
      call(
        `/stats/overview?${query({ environment: 'prod', from: iso(NOW), to: iso(NOW - HOUR) })}`,
        tokens.acme,
      ),
      400,
    )
    await expectProblem(call('/stats/overview?environment=prod'), 401)
    await expectProblem(call('/stats/overview?environment=prod', tokens.dev), 403)
  })
})

describe('bucketSecondsFor', () => {
  it('gives at most the buckets asked for, aligned as /stats/timeseries aligns its points', () => {
    for (const [span, buckets] of [
      [HOUR, 12],
      [HOUR, 60],
      [DAY, 12],
      [7 * DAY, 60],
      [10_000, 1],
    ] as const) {
      const range = { from: NOW - span - 7_777, to: NOW - 7_777 }
      const step = bucketSecondsFor(range, buckets)
      expect(step % 10).toBe(0)
      const count =
        Math.floor((range.to - 1) / (step * 1000)) - Math.floor(range.from / (step * 1000)) + 1
      expect(count).toBeLessThanOrEqual(buckets)
      expect(count).toBeGreaterThanOrEqual(Math.min(buckets, 2) - 1)
    }
  })
})
