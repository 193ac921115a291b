// @vitest-environment node
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { signDemoToken } from '../auth/auth-tokens'
import { setMockNow } from '../clock'
import { HOUR, iso, NOW, query, walkExecutions } from '../executions/execution-test-support'
import { call, expectProblem, get } from '../mock-api-test-support'
import { server } from '../node'
import {
  bucketOf,
  clearBucketCache,
  countBucketExecutions,
  getBucket,
} from '../executions/execution-buckets'
import { getEnvironmentModel } from '../executions/execution-model'
import { usageHandlers } from './usage-handlers'
import { logHandlers } from '../logs/log-handlers'
import { countLogLines } from '../logs/log-volume'
import { countMetricPoints } from '../metrics/metric-volume'
import { inFullBodyWeek, usageResponse } from './usage-data'

let acme: string
let devAcme: string

beforeAll(async () => {
  acme = await signDemoToken('admin@acme')
  devAcme = await signDemoToken('dev@acme')
})
beforeEach(() => {
  server.use(...usageHandlers, ...logHandlers)
  setMockNow(NOW)
})
afterEach(() => setMockNow(null))

const DAY = 24 * HOUR
const usage = (params: Record<string, string>, token = acme) =>
  get('UsageResponse', `/usage?${query(params)}`, token)

describe('GET /usage', () => {
  it('answers every UTC day of a range, oldest first, totals the sum of the points', async () => {
    const body = await usage({
      environment: 'prod',
      from: '2026-11-01T00:00:00Z',
      to: '2026-11-25T00:00:00Z',
      granularity: 'day',
    })
    expect(body).toMatchObject({ tenantId: 'acme', environment: 'prod', granularity: 'day' })
    expect(body.points).toHaveLength(24)
    expect(body.points[0]?.t).toBe('2026-11-01T00:00:00.000Z')
    expect(body.points.at(-1)?.t).toBe('2026-11-24T00:00:00.000Z')
    for (const key of ['executions', 'processorRecords', 'bytesIngested'] as const) {
      expect(body.totals[key]).toBe(body.points.reduce((sum, point) => sum + point[key], 0))
    }
    expect(body.points.every((point) => point.executions > 100_000)).toBe(true)
  })

  it('buckets by hour by default and zero-fills what lies after now', async () => {
    const body = await usage({
      environment: 'dev',
      from: iso(NOW - 2 * HOUR - 30 * 60_000),
      to: iso(NOW + 3 * HOUR),
    })
    expect(body.granularity).toBe('hour')
    // 12:00 (partial) … 17:00: six UTC hours.
    expect(body.points.map((point) => point.t.slice(11, 16))).toEqual([
      '12:00',
      '13:00',
      '14:00',
      '15:00',
      '16:00',
      '17:00',
    ])
    expect(body.points[2]?.executions).toBeGreaterThan(0)
    expect(body.points.slice(3).every((point) => point.executions === 0)).toBe(true)
    expect(body.points.slice(3).every((point) => point.bytesIngested === 0)).toBe(true)
  })

  it('counts exactly the executions /executions lists for a range, and their processor records', async () => {
    const from = NOW - 3 * HOUR
    const to = NOW - HOUR
    const [body, listed] = await Promise.all([
      usage({ environment: 'dev', from: iso(from), to: iso(to), granularity: 'hour' }),
      walkExecutions(acme, { environment: 'dev', from: iso(from), to: iso(to), limit: 500 }),
    ])
    expect(listed.items.length).toBeGreaterThan(100)
    expect(body.totals.executions).toBe(listed.items.length)
    const records = listed.items.reduce((sum, item) => sum + item.processorCount, 0)
    // Records come from each route's mean trace length, not from tracing every execution.
    expect(Math.abs(body.totals.processorRecords - records) / records).toBeLessThan(0.15)
  })

  it('meters exactly the log lines and metric points of the logs and metrics mocks', async () => {
    const from = NOW - 26 * HOUR - 17 * 60_000
    const to = NOW - 2 * HOUR
    const body = await usage({
      environment: 'prod',
      from: iso(from),
      to: iso(to),
      granularity: 'hour',
    })
    const window = { tenant: 'acme', env: 'prod', from: new Date(from), to: new Date(to) }
    expect(body.totals.logLines).toBeGreaterThan(0)
    expect(body.totals.logLines).toBe(countLogLines(window))
    expect(body.totals.metricPoints).toBeGreaterThan(0)
    expect(body.totals.metricPoints).toBe(countMetricPoints(window))
  })

  it('meters the lines /logs/stats counts for the same range', async () => {
    const from = iso(NOW - 3 * HOUR)
    const to = iso(NOW - HOUR)
    const [body, stats] = await Promise.all([
      usage({ environment: 'staging', from, to }),
      get(
        'LogStats',
        `/logs/stats?${query({ environment: 'staging', from, to, step: 3600 })}`,
        acme,
      ),
    ])
    expect(body.totals.logLines).toBe(stats.total)
  })

  it('gives prod far more usage than dev', async () => {
    const range = { from: iso(NOW - 7 * DAY), to: iso(NOW), granularity: 'day' }
    const [prod, dev] = await Promise.all([
      usage({ environment: 'prod', ...range }),
      usage({ environment: 'dev', ...range }),
    ])
    expect(prod.totals.executions).toBeGreaterThan(10 * dev.totals.executions)
    expect(prod.totals.bytesIngested).toBeGreaterThan(10 * dev.totals.bytesIngested)
  })

  it('has a week in which bytes per execution spike', async () => {
    const body = await usage({
      environment: 'prod',
      from: iso(NOW - 31 * DAY),
      to: iso(NOW),
      granularity: 'day',
    })
    const perExecution = body.points
      .filter((point) => point.executions > 0)
      .map((point) => point.bytesIngested / point.executions)
    const spiking = perExecution.filter((value) => value > 2 * Math.min(...perExecution))
    expect(spiking.length).toBeGreaterThanOrEqual(5)
    expect(spiking.length).toBeLessThanOrEqual(8)
  })

  it('is deterministic', async () => {
    const params = { environment: 'staging', from: iso(NOW - DAY), to: iso(NOW) }
    expect(await usage(params)).toEqual(await usage(params))
  })

  it('refuses ranges over 31 days, an unknown granularity and another environment', async () => {
    await expectProblem(
      call(
        `/usage?${query({ environment: 'prod', from: iso(NOW - 32 * DAY), to: iso(NOW) })}`,
        acme,
      ),
      400,
      /31 days/,
    )
    await expectProblem(
      call(`/usage?${query({ environment: 'prod', granularity: 'minute' })}`, acme),
      400,
      /granularity/,
    )
    await expectProblem(call(`/usage?${query({ environment: 'prod' })}`, devAcme), 403)
    await expectProblem(call('/usage', acme), 400, /environment/)
  })

  it('answers zeros for a well-formed environment the tenant has no data in', async () => {
    const body = await usage({ environment: 'qa', from: iso(NOW - 2 * HOUR), to: iso(NOW) })
    expect(body.points).toHaveLength(3)
    expect(body.totals.executions).toBe(0)
  })
})

describe('usageResponse', () => {
  it('meters a month of days as the logs mock counts the month, each day adding up', async () => {
    const from = Date.parse('2026-11-01T00:00:00Z')
    const body = usageResponse('acme', 'prod', { from, to: NOW }, 'day', NOW)
    const month = { tenant: 'acme', env: 'prod', from: new Date(from), to: new Date(NOW) }
    expect(body.points).toHaveLength(25)
    expect(body.totals.logLines).toBe(countLogLines(month))
    expect(body.points.reduce((sum, point) => sum + point.logLines, 0)).toBe(body.totals.logLines)
    expect(body.totals.metricPoints).toBe(countMetricPoints(month))
  })
})

describe('countBucketExecutions', () => {
  it('equals the size of the generated bucket', () => {
    for (const env of ['prod', 'dev']) {
      const model = getEnvironmentModel('acme', env)
      if (!model) throw new Error(env)
      const first = bucketOf(NOW - DAY)
      clearBucketCache()
      const counted = []
      for (let b = first; b < first + 1440; b += 7) counted.push(countBucketExecutions(model, b))
      const generated = []
      for (let b = first; b < first + 1440; b += 7) generated.push(getBucket(model, b).size)
      expect(counted).toEqual(generated)
    }
  })
})

describe('inFullBodyWeek', () => {
  it('spans whole weeks starting on Mondays', () => {
    const model = getEnvironmentModel('acme', 'prod')
    if (!model) throw new Error('prod')
    const mondays = Array.from(
      { length: 10 },
      (_, k) => Date.parse('2026-09-07T00:00:00Z') + k * 7 * DAY,
    )
    const spiking = mondays.filter((monday) => inFullBodyWeek(model, monday))
    expect(spiking).toHaveLength(2)
    for (const monday of spiking) expect(inFullBodyWeek(model, monday + 7 * DAY - 1)).toBe(true)
  })
})
