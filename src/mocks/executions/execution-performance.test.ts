// @vitest-environment node
import { afterAll, afterEach, beforeAll, beforeEach, expect, it } from 'vitest'
import type { SchemaName, Schemas } from '@/lib/api/types'
import { validateResponse } from '@/lib/api/response-validation'
import { signDemoToken } from '../auth/auth-tokens'
import { setMockNow } from '../clock'
import { server } from '../node'
import { clearBucketCache } from './execution-buckets'
import { findSampleExecutionIds } from './execution-data'
import { executionHandlers } from './execution-handlers'
import { call, get } from '../mock-api-test-support'
import { HOUR, iso, NOW, query } from './execution-test-support'
import { schemaNamed } from '@/lib/api/schema-registry'

/**
 * Measures, does not judge: prints how long the expensive requests take through MSW in Node
 * (request to parsed JSON; the test's schema validation comes after the clock stops), as wall
 * clock and as this process's CPU time (what counts on a busy machine).
 * - "first of the process": nothing generated and nothing compiled by V8's optimizing JIT yet;
 * - "cold": no bucket cached, the code already optimized (a mock that has served a while);
 * - "warm": buckets cached by an earlier request.
 * Run: `npx vitest run src/mocks/executions/execution-performance`.
 */

let token: string
const figures: string[] = []

beforeAll(async () => {
  token = await signDemoToken('admin@acme')
})
beforeEach(() => {
  server.use(...executionHandlers)
  setMockNow(NOW)
})
afterEach(() => setMockNow(null))
afterAll(() => {
  console.log(`execution mock, measured in Node:\n${figures.join('\n')}`)
})

async function measure<N extends SchemaName>(
  label: string,
  schema: N,
  path: string,
  { cold }: { cold: boolean },
): Promise<Schemas[N]> {
  if (cold) clearBucketCache()
  const cpuBefore = process.cpuUsage()
  const started = performance.now()
  const { status, body } = await call(path, token)
  const wall = performance.now() - started
  const cpu = process.cpuUsage(cpuBefore)
  figures.push(
    `  ${label.padEnd(58)} ${wall.toFixed(1).padStart(8)} ms wall ${((cpu.user + cpu.system) / 1000).toFixed(1).padStart(8)} ms CPU`,
  )
  expect(status, JSON.stringify(body)).toBe(200)
  return validateResponse(schemaNamed(schema), body, path)
}

it('measures the expensive requests', async () => {
  // Build the environment's model (topology, agents) outside the figures: it happens once.
  await get('RouteDiagram', '/diagrams/order-service/order-intake?environment=prod', token)
  const hour = { environment: 'prod' }
  const day = { environment: 'prod', from: iso(NOW - 24 * HOUR), to: iso(NOW) }
  const rare = { environment: 'prod', from: iso(NOW - 7 * 24 * HOUR), to: iso(NOW), q: 'ORD-0' }

  // First of the process: on other time ranges, so the figures below start cache-cold.
  await measure(
    'GET /executions, last hour, first of the process',
    'ExecutionPage',
    `/executions?${query(hour)}`,
    { cold: true },
  )
  const earlier = { environment: 'prod', from: iso(NOW - 72 * HOUR), to: iso(NOW - 48 * HOUR) }
  await measure(
    'GET /stats/timeseries, 24 h, first of the process',
    'Timeseries',
    `/stats/timeseries?${query(earlier)}`,
    { cold: true },
  )
  await measure(
    'GET /executions, rare q, one slice, first of the process',
    'ExecutionPage',
    `/executions?${query({ ...rare, to: iso(NOW - 48 * HOUR) })}`,
    { cold: true },
  )

  const lastHour = `/executions?${query(hour)}`
  const page = await measure(
    'GET /executions, last hour, first page (cold)',
    'ExecutionPage',
    lastHour,
    { cold: true },
  )
  expect(page.items).toHaveLength(50)
  await measure('GET /executions, last hour, first page (warm)', 'ExecutionPage', lastHour, {
    cold: false,
  })
  await measure(
    'GET /executions, last hour, second page (warm)',
    'ExecutionPage',
    `${lastHour}&cursor=${encodeURIComponent(page.nextCursor ?? '')}`,
    { cold: false },
  )

  const series = await measure(
    'GET /stats/timeseries, 24 h, default step (cold)',
    'Timeseries',
    `/stats/timeseries?${query(day)}`,
    { cold: true },
  )
  expect(series.points.reduce((sum, point) => sum + point.exchanges, 0)).toBeGreaterThan(100_000)
  await measure(
    'GET /stats/timeseries, 24 h, 60 s step (warm)',
    'Timeseries',
    `/stats/timeseries?${query({ ...day, step: 60 })}`,
    { cold: false },
  )
  await measure('GET /stats/routes, 24 h (warm)', 'RouteStatsList', `/stats/routes?${query(day)}`, {
    cold: false,
  })
  await measure(
    'GET /stats/processors, 24 h, order-intake (warm)',
    'ProcessorStatsList',
    `/stats/processors?${query({ ...day, applicationId: 'order-service', routeId: 'order-intake' })}`,
    { cold: false },
  )
  await measure(
    'GET /executions, 24 h, FAILED, first page (warm)',
    'ExecutionPage',
    `/executions?${query({ ...day, status: 'FAILED' })}`,
    { cold: false },
  )
  const slice = await measure(
    'GET /executions, 7 days, rare q, one slice (cold)',
    'ExecutionPage',
    `/executions?${query(rare)}`,
    { cold: true },
  )
  expect(slice.nextCursor).not.toBeNull()
  await measure(
    'GET /stats/timeseries, 31 days, staging, sampled (cold)',
    'Timeseries',
    `/stats/timeseries?${query({ environment: 'staging', from: iso(NOW - 31 * 24 * HOUR), to: iso(NOW) })}`,
    { cold: true },
  )

  const { manyProcessors } = findSampleExecutionIds('acme', 'prod', NOW)
  const detail = await measure(
    'GET /executions/{id}, 500+ processors (warm)',
    'ExecutionDetail',
    `/executions/${manyProcessors ?? ''}?environment=prod`,
    { cold: false },
  )
  expect(detail.processorCount).toBeGreaterThanOrEqual(500)
})
