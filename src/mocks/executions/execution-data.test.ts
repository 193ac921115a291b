// @vitest-environment node
import { beforeAll, describe, expect, it } from 'vitest'
import type { ExecutionDetail } from '@/lib/api/types'
import { validateResponse } from '@/lib/api/response-validation'
import { listAgentRecords } from '../agents/agent-data'
import { hashString } from '../random'
import { getRouteDefinition, listRoutes, walkProcessors } from '../topology/topology'
import {
  bucketOf,
  bucketSize,
  clearBucketCache,
  countExecutionsInBuckets,
  getBucket,
} from './execution-buckets'
import {
  findExecution,
  findSampleExecutionIds,
  searchExecutions,
  type ExecutionQuery,
  type SampleExecutionIds,
} from './execution-data'
import { BUCKET_MS, getEnvironmentModel, trafficFactor } from './execution-model'
import { timeseries } from './execution-stats'
import { checkTrace, HOUR, MINUTE, nearestRank, NOW } from './execution-test-support'
import { executionDetailSchema } from '@/lib/api/generated/response-schemas/execution-detail'

const DAY = 24 * HOUR

/** Every execution of a search, following its positions like a client follows cursors. */
function walk(tenant: string, environment: string, query: Omit<ExecutionQuery, 'limit'>) {
  const items = []
  let after = null
  for (let page = 0; page < 200; page++) {
    const result = searchExecutions(tenant, environment, { ...query, limit: 500, after }, NOW)
    items.push(...result.items)
    after = result.next
    if (!after) return items
  }
  throw new Error('too many pages')
}

function detail(id: string, environment = 'prod', tenant = 'acme'): ExecutionDetail {
  const found = findExecution(tenant, environment, id, NOW)
  expect(found, id).toBeDefined()
  return validateResponse(executionDetailSchema, found, id)
}

function diagramOf(execution: ExecutionDetail) {
  const route = getRouteDefinition(
    execution.tenantId,
    execution.environment,
    execution.applicationId,
    execution.routeId,
  )
  expect(route).toBeDefined()
  const parents = new Map(
    [...walkProcessors(route?.tree ?? [])].map(({ node, parentId }) => [node.id, parentId]),
  )
  return { nodes: route?.nodes ?? [], parents }
}

describe('volumes and shape of acme/prod over the last 24 h', () => {
  const model = getEnvironmentModel('acme', 'prod')
  if (!model) throw new Error('acme/prod has no model')
  const last = bucketOf(NOW) - 1
  const perRoute = new Map<string, { count: number; failed: number }>()
  const failedPerMinute: number[] = []
  const durations: number[] = []
  let total = 0

  beforeAll(() => {
    for (let b = last - 24 * 60 + 1; b <= last; b++) {
      const bucket = getBucket(model, b)
      total += bucket.size
      let failed = 0
      for (let i = 0; i < bucket.size; i++) {
        const routeId = model.routes[bucket.route[i] ?? 0]?.routeId ?? ''
        const stats = perRoute.get(routeId) ?? { count: 0, failed: 0 }
        stats.count++
        stats.failed += bucket.failed[i] ?? 0
        failed += bucket.failed[i] ?? 0
        perRoute.set(routeId, stats)
        durations.push(bucket.duration[i] ?? 0)
      }
      failedPerMinute.push(failed)
    }
  })

  it('holds over 100,000 executions on over 20 routes, some of them hot', () => {
    expect(total).toBeGreaterThan(100_000)
    expect(perRoute.size).toBeGreaterThanOrEqual(20)
    const counts = [...perRoute.values()].map((stats) => stats.count).sort((a, b) => b - a)
    // The three busiest routes carry over a third of the traffic; the quietest a trickle.
    expect((counts[0] ?? 0) + (counts[1] ?? 0) + (counts[2] ?? 0)).toBeGreaterThan(total / 3)
    expect(counts[counts.length - 1]).toBeLessThan(total / 1000)
    // The cheap per-bucket count agrees with the generated bucket.
    clearBucketCache()
    expect(bucketSize(model, last)).toBe(getBucket(model, last).size)
  })

  it('fails about 2 % overall, far more on a couple of flaky routes, with a burst', () => {
    const failed = [...perRoute.values()].reduce((sum, stats) => sum + stats.failed, 0)
    expect(failed / total).toBeGreaterThan(0.015)
    expect(failed / total).toBeLessThan(0.03)
    const flaky = [...perRoute.values()].filter((stats) => stats.failed / stats.count > 0.04)
    expect(flaky.length).toBeGreaterThanOrEqual(2)
    // The incident: some minute fails at several times the day's rate.
    const meanPerMinute = failed / failedPerMinute.length
    expect(Math.max(...failedPerMinute)).toBeGreaterThan(4 * meanPerMinute)
  })

  it('has log-normal durations with a long tail', () => {
    const p50 = nearestRank(durations, 50)
    const p99 = nearestRank(durations, 99)
    expect(p50).toBeGreaterThan(10)
    expect(p99).toBeGreaterThan(10 * p50)
  })

  it('runs a few executions at "now", and much less traffic in dev', () => {
    const running = walk('acme', 'prod', { from: NOW - MINUTE, to: NOW + 1, status: 'RUNNING' })
    expect(running.length).toBeGreaterThanOrEqual(1)
    const dev = walk('acme', 'dev', { from: NOW - HOUR, to: NOW })
    expect(dev.length / 60).toBeGreaterThan(1)
    expect(dev.length / 60).toBeLessThan(8)
  })
})

describe('execution details', () => {
  let samples: SampleExecutionIds

  beforeAll(() => {
    samples = findSampleExecutionIds('acme', 'prod', NOW)
  })

  it('follow the route diagram for every status, route and size', () => {
    const page = searchExecutions(
      'acme',
      'prod',
      { from: NOW - 3 * HOUR, to: NOW, limit: 500 },
      NOW,
    )
    const failed = walk('acme', 'prod', { from: NOW - 3 * HOUR, to: NOW, status: 'FAILED' })
    const running = walk('acme', 'prod', { from: NOW - 10 * MINUTE, to: NOW, status: 'RUNNING' })
    const ids = [...page.items.filter((_, i) => i % 3 === 0), ...failed, ...running].map(
      (item) => item.executionId,
    )
    if (samples.manyProcessors) ids.push(samples.manyProcessors)
    const routes = new Set<string>()
    for (const id of ids) {
      const execution = detail(id)
      routes.add(execution.routeId)
      checkTrace(execution, diagramOf(execution))
    }
    expect(failed.length).toBeGreaterThan(50)
    expect(routes.size).toBeGreaterThanOrEqual(18)
  })

  it('include runs of hundreds of processor records', () => {
    const execution = detail(samples.manyProcessors ?? '')
    expect(execution.processorCount).toBeGreaterThanOrEqual(500)
    const split = execution.processors.find((record) => record.processorType === 'split')
    const items = execution.processors.filter(
      (record) => record.parentProcessorId === split?.processorId,
    )
    // Listed once each, with the size of the batch.
    expect(items[0]?.iterations).toBeGreaterThan(100)
  })

  it('carry Camel headers, JSON, XML, large and absent bodies, and Java stack traces', () => {
    const page = searchExecutions(
      'acme',
      'prod',
      { from: NOW - 2 * HOUR, to: NOW, limit: 300 },
      NOW,
    )
    const details = page.items.map((item) => detail(item.executionId))
    expect(details.find((d) => d.headers['kafka.TOPIC'])?.headers['kafka.KEY']).toBeTruthy()
    expect(details.find((d) => d.headers.CamelHttpMethod)?.headers.CamelHttpMethod).toMatch(
      /^(GET|POST)$/,
    )
    expect(details.find((d) => d.headers.JMSCorrelationID)).toBeDefined()
    expect(details.some((d) => d.inputBody === null)).toBe(true)
    const json = details.filter((d) => d.inputBody?.startsWith('{'))
    expect(json.length).toBeGreaterThan(details.length / 2)
    for (const d of json) expect(() => JSON.parse(d.inputBody ?? '')).not.toThrow()
    for (const d of details) {
      expect(d.exchangeId).toMatch(/^ID-[\w.-]+-\d{13}-0-\d+$/)
      if (d.status !== 'COMPLETED') expect(d.outputBody).toBeNull()
    }
    // Correlation ids are shared within a flow and absent for some lone executions.
    const counts = new Map<string, number>()
    for (const d of details)
      if (d.correlationId) counts.set(d.correlationId, (counts.get(d.correlationId) ?? 0) + 1)
    expect(details.some((d) => d.correlationId === null)).toBe(true)
    expect(Math.max(...counts.values())).toBeGreaterThanOrEqual(3)

    const invoice = walk('acme', 'prod', {
      from: NOW - 6 * HOUR,
      to: NOW,
      routeId: 'invoice-export-sftp',
    })[0]
    expect(detail(invoice?.executionId ?? '').inputBody).toMatch(/^<\?xml /)
    const bulk = detail(samples.largeBody ?? '')
    expect(bulk.inputBody?.length ?? 0).toBeGreaterThan(50_000)
    expect(() => JSON.parse(bulk.inputBody ?? '')).not.toThrow()

    const failure = detail(samples.failed ?? '')
    expect(failure.errorMessage).toBeTruthy()
    expect(failure.errorStackTrace?.split('\n')[0]).toContain(failure.errorMessage ?? '')
    expect(failure.errorStackTrace).toMatch(
      /\n\tat org\.apache\.camel\.[\w.$]+\([\w.]+\.java:\d+\)/,
    )
    expect(failure.errorStackTrace).toMatch(/\nCaused by: [\w.$]+: .+\n\tat /)
  })

  it('are run by an agent of their application that was alive at the time', () => {
    const agents = listAgentRecords('acme', 'prod')
    const items = walk('acme', 'prod', {
      from: NOW - 6 * HOUR,
      to: NOW,
      applicationId: 'order-service',
      minDurationMs: 2000,
    })
    expect(items.length).toBeGreaterThan(20)
    for (const item of items) {
      const agent = agents.find((candidate) => candidate.agentId === item.agentId)
      expect(agent?.applicationId).toBe(item.applicationId)
      expect(agent?.routeIds).toContain(item.routeId)
      if (agent?.status === 'DEAD') {
        expect(Date.parse(item.startTime)).toBeLessThanOrEqual(
          NOW - agent.lastHeartbeatAgoMs + MINUTE,
        )
      }
    }
  })

  it('are found by id only in their own tenant and environment', () => {
    const dev = searchExecutions('acme', 'dev', { from: NOW - HOUR, to: NOW, limit: 20 }, NOW)
    expect(dev.items.length).toBeGreaterThan(0)
    for (const item of dev.items) {
      expect(item.executionId).toMatch(/^[0-9a-z]{6}-[0-9a-z]{3}-[0-9a-z]{4}$/)
      expect(findExecution('acme', 'dev', item.executionId, NOW)?.executionId).toBe(
        item.executionId,
      )
      expect(findExecution('acme', 'prod', item.executionId, NOW)).toBeUndefined()
      expect(findExecution('acme', 'staging', item.executionId, NOW)).toBeUndefined()
      expect(findExecution('beta', 'dev', item.executionId, NOW)).toBeUndefined()
    }
  })
})

describe('determinism', () => {
  it('regenerates the same executions from scratch', () => {
    const query = { from: NOW - 30 * MINUTE, to: NOW, limit: 200 }
    const before = searchExecutions('acme', 'prod', query, NOW)
    const details = before.items
      .slice(0, 20)
      .map((item) => findExecution('acme', 'prod', item.executionId, NOW))
    clearBucketCache()
    expect(searchExecutions('acme', 'prod', query, NOW)).toEqual(before)
    clearBucketCache()
    // Generated out of order, one bucket at a time: still the same executions.
    expect(
      before.items.slice(0, 20).map((item) => findExecution('acme', 'prod', item.executionId, NOW)),
    ).toEqual(details)
    // Across runs and machines too: nothing depends on the wall clock or Math.random.
    expect({
      count: before.totalEstimate,
      digest: hashString(JSON.stringify(before.items)).toString(16),
      newest: before.items[0],
    }).toMatchSnapshot()
  })

  it('every tenant and environment produces executions on its own routes', () => {
    for (const [tenant, environment] of [
      ['acme', 'dev'],
      ['acme', 'staging'],
      ['beta', 'dev'],
      ['beta', 'prod'],
      ['default', 'default'],
    ] as const) {
      const routes = new Set(listRoutes(tenant, environment).map((route) => route.routeId))
      const page = searchExecutions(
        tenant,
        environment,
        { from: NOW - 6 * HOUR, to: NOW, limit: 100 },
        NOW,
      )
      expect(page.items.length, `${tenant}/${environment}`).toBeGreaterThan(0)
      for (const item of page.items) {
        expect(item).toMatchObject({ tenantId: tenant, environment })
        expect(routes.has(item.routeId)).toBe(true)
      }
    }
  })
})

describe('sampled long-range statistics', () => {
  it('stay within a few per cent of the exact counts', () => {
    const range = { from: NOW - 3 * DAY, to: NOW }
    const points = timeseries('acme', 'staging', range, 3600, {}, NOW)
    const model = getEnvironmentModel('acme', 'staging')
    if (!model) throw new Error('acme/staging has no model')
    let exact = 0
    for (let b = bucketOf(range.from); b < bucketOf(range.to); b++) exact += bucketSize(model, b)
    const sampled = points.reduce((sum, point) => sum + point.exchanges, 0)
    expect(Math.abs(sampled - exact) / exact).toBeLessThan(0.03)
  })
})

describe('traffic and counts over long ranges', () => {
  it('follows the day (trough at 02:00 UTC, peak at 14:00) and dips at weekends', () => {
    const formula = (bucket: number) => {
      const time = bucket * BUCKET_MS
      const hour = (time % 86_400_000) / 3_600_000
      const diurnal = 0.45 + 0.55 * ((1 + Math.cos((2 * Math.PI * (hour - 14)) / 24)) / 2)
      const weekday = new Date(time).getUTCDay()
      return diurnal * (weekday === 0 || weekday === 6 ? 0.92 : 1)
    }
    // A week from a Friday, every 7th minute, and buckets that are not whole minutes.
    const friday = bucketOf(Date.parse('2026-11-27T00:00:00Z'))
    for (let b = friday; b < friday + 7 * 1440; b += 7) expect(trafficFactor(b)).toBe(formula(b))
    for (const b of [0, 1439.5, friday + 0.25]) expect(trafficFactor(b)).toBe(formula(b))
    expect(trafficFactor(friday + 14 * 60)).toBe(1)
    expect(trafficFactor(friday + 24 * 60 + 14 * 60)).toBe(0.92)
  })

  it('counts the executions of a range of buckets as their sizes add up, cached or not', () => {
    const model = getEnvironmentModel('acme', 'staging')
    if (!model) throw new Error('acme/staging')
    // From the middle of one hour to the middle of another, two days later.
    const first = bucketOf(NOW - 50 * HOUR) + 17
    const end = bucketOf(NOW - 2 * HOUR) + 41
    let summed = 0
    for (let b = first; b < end; b++) summed += bucketSize(model, b)
    clearBucketCache()
    expect(countExecutionsInBuckets(model, first, end)).toBe(summed)
    expect(countExecutionsInBuckets(model, first, end)).toBe(summed)
    expect(countExecutionsInBuckets(model, first + 60, end - 60)).toBeLessThan(summed)
  })
})
