// @vitest-environment node
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { ExecutionSummary } from '@/lib/api/types'
import { signDemoToken } from '../auth/auth-tokens'
import { setMockNow } from '../clock'
import { server } from '../node'
import { executionId } from './execution-buckets'
import { findExecution, findSampleExecutionIds } from './execution-data'
import { getEnvironmentModel } from './execution-model'
import { executionHandlers } from './execution-handlers'
import { call, expectProblem, get } from '../mock-api-test-support'
import {
  checkTrace,
  HOUR,
  iso,
  mean,
  MINUTE,
  nearestRank,
  NOW,
  query,
  walkExecutions,
} from './execution-test-support'

let acme: string
let beta: string

beforeAll(async () => {
  acme = await signDemoToken('admin@acme')
  beta = await signDemoToken('admin@beta')
})
beforeEach(() => {
  server.use(...executionHandlers)
  setMockNow(NOW)
})
afterEach(() => setMockNow(null))

const byNewest = (a: ExecutionSummary, b: ExecutionSummary) =>
  b.startTime.localeCompare(a.startTime) || b.executionId.localeCompare(a.executionId)

const detailOf = (id: string, environment = 'prod', token = acme) =>
  get('ExecutionDetail', `/executions/${id}?environment=${environment}`, token)

describe('GET /executions', () => {
  it('walks pages newest first, without duplicates or gaps, and the estimate is exact', async () => {
    const range = { environment: 'prod', from: iso(NOW - 6 * MINUTE), to: iso(NOW) }
    const small = await walkExecutions(acme, { ...range, limit: 97 })
    const large = await walkExecutions(acme, { ...range, limit: 500 })
    expect(small.pages.length).toBeGreaterThan(3)
    const ids = small.items.map((item) => item.executionId)
    expect(new Set(ids).size).toBe(ids.length)
    // The same sequence whatever the page size: no gap at page boundaries.
    expect(ids).toEqual(large.items.map((item) => item.executionId))
    expect([...small.items].sort(byNewest)).toEqual(small.items)
    for (const item of small.items) {
      expect(Date.parse(item.startTime)).toBeGreaterThanOrEqual(NOW - 6 * MINUTE)
      expect(Date.parse(item.startTime)).toBeLessThan(NOW)
      expect(item).toMatchObject({ tenantId: 'acme', environment: 'prod' })
    }
    for (const page of small.pages) expect(page.totalEstimate).toBe(ids.length)
  })

  it('defaults to the last hour and 50 items', async () => {
    const page = await get('ExecutionPage', '/executions?environment=prod', acme)
    expect(page.items).toHaveLength(50)
    const oldest = Date.parse(page.items[page.items.length - 1]?.startTime ?? '')
    expect(oldest).toBeGreaterThan(NOW - HOUR)
    // acme/prod carries ~70 executions a minute at this time of day.
    expect(page.totalEstimate).toBeGreaterThan(3000)
  })

  it('applies status, application, route, agent and duration filters on every page', async () => {
    const range = { environment: 'prod', from: iso(NOW - HOUR), to: iso(NOW), limit: 40 }
    const failed = await walkExecutions(acme, {
      ...range,
      from: iso(NOW - 3 * HOUR),
      status: 'FAILED',
      applicationId: 'payment-gateway',
    })
    expect(failed.items.length).toBeGreaterThan(0)
    for (const item of failed.items) {
      expect(item).toMatchObject({ status: 'FAILED', applicationId: 'payment-gateway' })
      expect(item.errorMessage).toBeTruthy()
    }
    expect(failed.pages[0]?.totalEstimate).toBe(failed.items.length)

    const route = await walkExecutions(acme, { ...range, routeId: 'order-validate', limit: 200 })
    expect(route.items.length).toBeGreaterThan(40)
    expect(new Set(route.items.map((item) => item.routeId))).toEqual(new Set(['order-validate']))

    const agentId = route.items[0]?.agentId ?? ''
    const agent = await walkExecutions(acme, { ...range, agentId, limit: 200 })
    expect(agent.items.length).toBeGreaterThan(0)
    expect(agent.items.every((item) => item.agentId === agentId)).toBe(true)
    // Exactly the agent's share of its application's executions.
    const ofApplication = await walkExecutions(acme, {
      ...range,
      applicationId: agent.items[0]?.applicationId,
      limit: 500,
    })
    expect(agent.items.map((item) => item.executionId)).toEqual(
      ofApplication.items
        .filter((item) => item.agentId === agentId)
        .map((item) => item.executionId),
    )

    const slow = await walkExecutions(acme, { ...range, minDurationMs: 5000, limit: 500 })
    expect(slow.items.length).toBeGreaterThan(0)
    for (const item of slow.items) {
      expect(item.status).not.toBe('RUNNING')
      expect(item.durationMs ?? 0).toBeGreaterThanOrEqual(5000)
    }
  })

  it('lists running executions (no end, no duration) in the last minute, never with minDurationMs', async () => {
    const range = { environment: 'prod', from: iso(NOW - 5 * MINUTE), to: iso(NOW + MINUTE) }
    const running = await walkExecutions(acme, { ...range, status: 'RUNNING' })
    expect(running.items.length).toBeGreaterThanOrEqual(1)
    for (const item of running.items) {
      expect(item).toMatchObject({
        status: 'RUNNING',
        endTime: null,
        durationMs: null,
        errorMessage: null,
      })
      expect(Date.parse(item.startTime)).toBeLessThanOrEqual(NOW)
    }
    const timed = await walkExecutions(acme, { ...range, status: 'RUNNING', minDurationMs: 0 })
    expect(timed.items).toEqual([])
    // Nothing starts after "now", even when `to` lies in the future.
    const all = await walkExecutions(acme, { ...range, limit: 500 })
    expect(all.items.every((item) => Date.parse(item.startTime) <= NOW)).toBe(true)
  })

  it('finds the executions of a business id across its flow, case-insensitively', async () => {
    const range = { environment: 'prod', from: iso(NOW - HOUR), to: iso(NOW) }
    const intake = await get(
      'ExecutionPage',
      `/executions?${query({ ...range, routeId: 'order-intake', status: 'COMPLETED', limit: 50 })}`,
      acme,
    )
    // An intake that started a flow: its correlation id is its own exchange id.
    const seed = intake.items.find((item) => item.correlationId === item.exchangeId)
    expect(seed).toBeDefined()
    const detail = await detailOf(seed?.executionId ?? '')
    const orderId = detail.headers.orderId ?? ''
    expect(orderId).toMatch(/^ORD-\d+$/)

    const found = await walkExecutions(acme, { ...range, q: orderId.toLowerCase() })
    expect(found.items.map((item) => item.executionId)).toContain(seed?.executionId)
    for (const item of found.items) {
      const other = findExecution('acme', 'prod', item.executionId, NOW)
      expect(other).toBeDefined()
      if (!other) continue
      const text = [JSON.stringify(other.headers), other.inputBody, other.outputBody].join(' ')
      expect(text).toContain(orderId)
    }
    // The routes downstream of the intake (same correlation id) carry the same order.
    const flow = found.items.filter((item) => item.correlationId === seed?.correlationId)
    expect(new Set(flow.map((item) => item.routeId)).size).toBeGreaterThan(1)

    const byExchange = await walkExecutions(acme, { ...range, q: detail.exchangeId })
    expect(byExchange.items.map((item) => item.executionId)).toContain(seed?.executionId)
    // Terms are ANDed.
    const none = await walkExecutions(acme, { ...range, q: `${orderId} no-such-term-xyz` })
    expect(none.items).toEqual([])
  })

  it('answers a rare text search over a long range in slices, with a cursor to go on', async () => {
    const params = {
      environment: 'prod',
      from: iso(NOW - 7 * 24 * HOUR),
      to: iso(NOW),
      q: 'no-such-order-anywhere',
    }
    const first = await get('ExecutionPage', `/executions?${query(params)}`, acme)
    expect(first.items).toEqual([])
    expect(first.nextCursor).not.toBeNull()
    const second = await get(
      'ExecutionPage',
      `/executions?${query({ ...params, cursor: first.nextCursor ?? '' })}`,
      acme,
    )
    expect(second.items).toEqual([])
    expect(second.nextCursor).not.toBeNull()
    expect(second.nextCursor).not.toBe(first.nextCursor)
  })

  it('rejects bad ranges, parameters and cursors with 400', async () => {
    const bad = [
      `from=${iso(NOW)}&to=${iso(NOW - HOUR)}`,
      `from=${iso(NOW - 32 * 24 * HOUR)}&to=${iso(NOW)}`,
      'from=yesterday',
      'status=DONE',
      'limit=0',
      'limit=501',
      'minDurationMs=-1',
      'minDurationMs=fast',
      'cursor=not-a-cursor',
    ]
    for (const params of bad) {
      await expectProblem(call(`/executions?environment=prod&${params}`, acme), 400)
    }
    await expectProblem(call('/executions', acme), 400, /environment/)
    await expectProblem(call('/executions?environment=prod'), 401)

    const first = await get('ExecutionPage', '/executions?environment=prod&limit=5', acme)
    const cursor = encodeURIComponent(first.nextCursor ?? '')
    await expectProblem(
      call(`/executions?environment=prod&limit=5&status=FAILED&cursor=${cursor}`, acme),
      400,
      /other filters/,
    )
    await expectProblem(call(`/executions?environment=dev&limit=5&cursor=${cursor}`, acme), 400)
  })

  it('is empty for a well-formed environment without data', async () => {
    const page = await get('ExecutionPage', '/executions?environment=qa', acme)
    expect(page).toEqual({ items: [], nextCursor: null, totalEstimate: 0 })
  })
})

describe('GET /executions/{id}', () => {
  it('returns details consistent with the summary and with the route diagram', async () => {
    const samples = findSampleExecutionIds('acme', 'prod', NOW)
    const page = await get(
      'ExecutionPage',
      `/executions?${query({ environment: 'prod', from: iso(NOW - 10 * MINUTE), to: iso(NOW), limit: 6 })}`,
      acme,
    )
    const failed = await get(
      'ExecutionPage',
      '/executions?environment=prod&status=FAILED&limit=3',
      acme,
    )
    const running = await get(
      'ExecutionPage',
      '/executions?environment=prod&status=RUNNING&limit=2',
      acme,
    )
    const summaries = [...page.items, ...failed.items, ...running.items]
    expect(new Set(summaries.map((item) => item.status))).toEqual(
      new Set(['COMPLETED', 'FAILED', 'RUNNING']),
    )
    for (const summary of summaries) {
      const detail = await detailOf(summary.executionId)
      const summaryFields = Object.fromEntries(
        Object.keys(summary).map((key) => [key, detail[key as keyof ExecutionSummary]]),
      )
      expect(summaryFields).toEqual(summary)
      const diagram = await get(
        'RouteDiagram',
        `/diagrams/${summary.applicationId}/${summary.routeId}?environment=prod`,
        acme,
      )
      checkTrace(detail, diagram)
    }

    const failure = await detailOf(samples.failed ?? '')
    expect(failure.errorStackTrace).toContain(failure.errorMessage ?? '')
    expect(failure.errorStackTrace).toMatch(/\n\tat org\.apache\.camel\./)
    expect(failure.errorStackTrace).toMatch(/\nCaused by: [\w.$]+: /)
    const big = await detailOf(samples.largeBody ?? '')
    expect(big.inputBody?.length ?? 0).toBeGreaterThan(50_000)
    const many = await detailOf(samples.manyProcessors ?? '')
    expect(many.processorCount).toBeGreaterThanOrEqual(500)
    checkTrace(
      many,
      await get(
        'RouteDiagram',
        `/diagrams/${many.applicationId}/${many.routeId}?environment=prod`,
        acme,
      ),
    )
  })

  it('answers 404 for an id of another environment or tenant, never the execution', async () => {
    const dev = await get('ExecutionPage', '/executions?environment=dev&limit=3', acme)
    const devId = dev.items[0]?.executionId ?? ''
    expect((await detailOf(devId, 'dev')).environment).toBe('dev')
    await expectProblem(
      call(`/executions/${devId}?environment=prod`, acme),
      404,
      new RegExp(`^Execution ${devId} not found in environment prod`),
    )
    const prod = await get('ExecutionPage', '/executions?environment=prod&limit=1', acme)
    const prodId = prod.items[0]?.executionId ?? ''
    await expectProblem(call(`/executions/${prodId}?environment=prod`, beta), 404)
    await expectProblem(call('/executions/not-an-id?environment=prod', acme), 404)
    // A well-formed id of this environment that starts after "now" does not exist yet.
    const model = getEnvironmentModel('acme', 'prod')
    const future = model ? executionId(model, NOW / MINUTE + 10, 0) : ''
    expect(findExecution('acme', 'prod', future, NOW + 11 * MINUTE)).toBeDefined()
    await expectProblem(call(`/executions/${future}?environment=prod`, acme), 404)
  })

  it('is deterministic', async () => {
    const path = `/executions?${query({ environment: 'prod', from: iso(NOW - HOUR), to: iso(NOW), status: 'FAILED', limit: 5 })}`
    const first = await get('ExecutionPage', path, acme)
    const again = await get('ExecutionPage', path, acme)
    expect(again).toEqual(first)
    const id = first.items[0]?.executionId ?? ''
    expect(await detailOf(id)).toEqual(await detailOf(id))
  })
})

describe('GET /diagrams/{applicationId}/{routeId}', () => {
  it('returns the route diagram with a version, or 404 where the route is not deployed', async () => {
    const diagram = await get(
      'RouteDiagram',
      '/diagrams/order-service/order-intake?environment=prod',
      acme,
    )
    expect(diagram).toMatchObject({
      tenantId: 'acme',
      environment: 'prod',
      routeId: 'order-intake',
    })
    expect(diagram.version).toMatch(/^[0-9a-f]{8}$/)
    expect(diagram.nodes[0]?.id).toBe('from1')
    // Dev adds a debug log: another shape, another version.
    const dev = await get(
      'RouteDiagram',
      '/diagrams/order-service/order-intake?environment=dev',
      acme,
    )
    expect(dev.version).not.toBe(diagram.version)
    await get('RouteDiagram', '/diagrams/order-service/order-intake-v2?environment=dev', acme)
    await expectProblem(call('/diagrams/order-service/order-intake-v2?environment=prod', acme), 404)
    await expectProblem(call('/diagrams/order-service/order-intake?environment=prod', beta), 404)
    await expectProblem(call('/diagrams/nope/order-intake?environment=prod', acme), 404)
  })
})

describe('statistics agree with the executions', () => {
  const range = { environment: 'prod', from: iso(NOW - 10 * MINUTE), to: iso(NOW) }

  it('GET /stats/routes', async () => {
    const { items } = await walkExecutions(acme, { ...range, limit: 500 })
    const stats = await get('RouteStatsList', `/stats/routes?${query(range)}`, acme)
    const routes = new Set(items.map((item) => `${item.applicationId}/${item.routeId}`))
    expect(stats.items.map((row) => `${row.applicationId}/${row.routeId}`).sort()).toEqual(
      [...routes].sort(),
    )
    for (const row of stats.items) {
      const mine = items.filter(
        (item) => item.routeId === row.routeId && item.applicationId === row.applicationId,
      )
      const durations = mine.flatMap((item) => (item.durationMs === null ? [] : [item.durationMs]))
      expect(row).toEqual({
        tenantId: 'acme',
        environment: 'prod',
        applicationId: row.applicationId,
        routeId: row.routeId,
        exchanges: mine.length,
        failed: mine.filter((item) => item.status === 'FAILED').length,
        meanMs: mean(durations),
        p50Ms: nearestRank(durations, 50),
        p95Ms: nearestRank(durations, 95),
        p99Ms: nearestRank(durations, 99),
      })
    }
    const payments = await get(
      'RouteStatsList',
      `/stats/routes?${query({ ...range, applicationId: 'payment-gateway' })}`,
      acme,
    )
    expect(payments.items.length).toBeGreaterThan(0)
    expect(payments.items.every((row) => row.applicationId === 'payment-gateway')).toBe(true)
  })

  it('GET /stats/processors', async () => {
    // payment-authorize is one of acme's flaky routes: the window holds failures to count.
    const params = {
      environment: 'prod',
      from: iso(NOW - 30 * MINUTE),
      to: iso(NOW),
      applicationId: 'payment-gateway',
      routeId: 'payment-authorize',
    }
    const { items } = await walkExecutions(acme, { ...params, limit: 500 })
    const finished = items.filter((item) => item.status !== 'RUNNING')
    expect(finished.length).toBeGreaterThan(10)
    expect(finished.some((item) => item.status === 'FAILED')).toBe(true)
    const records = finished.flatMap(
      (item) => findExecution('acme', 'prod', item.executionId, NOW)?.processors ?? [],
    )
    const stats = await get('ProcessorStatsList', `/stats/processors?${query(params)}`, acme)
    const ids = new Set(records.map((record) => record.processorId))
    expect(stats.items.map((row) => row.processorId).sort()).toEqual([...ids].sort())
    for (const row of stats.items) {
      const mine = records.filter((record) => record.processorId === row.processorId)
      const durations = mine.map((record) => record.durationMs)
      expect(row).toEqual({
        tenantId: 'acme',
        environment: 'prod',
        processorId: row.processorId,
        count: mine.length,
        failed: mine.filter((record) => record.status === 'FAILED').length,
        meanMs: mean(durations),
        p99Ms: nearestRank(durations, 99),
      })
    }
    expect(stats.items.some((row) => row.failed > 0)).toBe(true)
    await expectProblem(call(`/stats/processors?${query(range)}`, acme), 400, /applicationId/)
    const unknown = await get(
      'ProcessorStatsList',
      `/stats/processors?${query({ ...range, applicationId: 'order-service', routeId: 'nope' })}`,
      acme,
    )
    expect(unknown.items).toEqual([])
  })

  it('GET /stats/timeseries: every point equals what /executions returns for it', async () => {
    const params = { environment: 'prod', from: iso(NOW - 20 * MINUTE), to: iso(NOW + 2 * MINUTE) }
    const series = await get(
      'Timeseries',
      `/stats/timeseries?${query({ ...params, step: 120 })}`,
      acme,
    )
    expect(series).toMatchObject({ tenantId: 'acme', environment: 'prod', step: 120 })
    expect(series.points).toHaveLength(11)
    for (const point of series.points) {
      const from = Date.parse(point.t)
      const within = { environment: 'prod', from: iso(from), to: iso(from + 120_000), limit: 500 }
      const { items } = await walkExecutions(acme, within)
      const durations = items.flatMap((item) => (item.durationMs === null ? [] : [item.durationMs]))
      expect(point).toEqual({
        t: point.t,
        exchanges: items.length,
        failed: items.filter((item) => item.status === 'FAILED').length,
        p50Ms: nearestRank(durations, 50),
        p99Ms: nearestRank(durations, 99),
      })
    }
    expect(series.points[series.points.length - 1]?.exchanges).toBe(0)

    const filtered = await get(
      'Timeseries',
      `/stats/timeseries?${query({ ...params, step: 600, routeId: 'order-enrich', applicationId: 'order-service' })}`,
      acme,
    )
    for (const point of filtered.points) {
      const from = Date.parse(point.t)
      const page = await get(
        'ExecutionPage',
        `/executions?${query({ environment: 'prod', routeId: 'order-enrich', applicationId: 'order-service', from: iso(from), to: iso(from + 600_000), limit: 1 })}`,
        acme,
      )
      expect(point.exchanges).toBe(page.totalEstimate)
    }
  })

  it('GET /stats/timeseries raises the step to at most 1,000 aligned points', async () => {
    const day = { environment: 'prod', from: iso(NOW - 24 * HOUR), to: iso(NOW) }
    const fine = await get('Timeseries', `/stats/timeseries?${query({ ...day, step: 10 })}`, acme)
    expect(fine.step).toBeGreaterThanOrEqual(87)
    expect(fine.points.length).toBeLessThanOrEqual(1000)
    const month = { environment: 'staging', from: iso(NOW - 31 * 24 * HOUR), to: iso(NOW) }
    const long = await get('Timeseries', `/stats/timeseries?${query({ ...month, step: 60 })}`, acme)
    expect(long.points.length).toBeLessThanOrEqual(1000)
    expect(long.step).toBeGreaterThanOrEqual(2679)
    for (const series of [fine, long]) {
      for (const point of series.points) expect(Date.parse(point.t) % (series.step * 1000)).toBe(0)
    }
    const kept = await get('Timeseries', `/stats/timeseries?${query({ ...day, step: 900 })}`, acme)
    expect(kept.step).toBe(900)
    expect(kept.points).toHaveLength(96)
    const byDefault = await get('Timeseries', '/stats/timeseries?environment=prod', acme)
    expect(byDefault.step).toBe(60)
    expect(byDefault.points.length).toBeLessThanOrEqual(61)
    await expectProblem(call('/stats/timeseries?environment=prod&step=5', acme), 400)
    await expectProblem(
      call(`/stats/routes?environment=prod&from=${iso(NOW)}&to=${iso(NOW)}`, acme),
      400,
    )
  })
})
