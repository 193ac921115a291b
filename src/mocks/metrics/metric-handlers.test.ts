// @vitest-environment node
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { listAgentRecords } from '../agents/agent-data'
import { signDemoToken } from '../auth/auth-tokens'
import { setMockNow } from '../clock'
import { call, expectProblem, get } from '../mock-api-test-support'
import { metricHandlers } from './metric-handlers'
import { server } from '../node'

const NOW = Date.parse('2026-11-25T14:30:00.000Z')
const HOUR = 3_600_000
const iso = (time: number) => new Date(time).toISOString()
let token: string

beforeAll(async () => {
  token = await signDemoToken('admin@acme')
})
beforeEach(() => {
  server.use(...metricHandlers)
  setMockNow(NOW)
})
afterEach(() => setMockNow(null))

const range = `from=${iso(NOW - HOUR)}&to=${iso(NOW)}`

describe('GET /metrics/names', () => {
  it('lists the contract names plus one the UI does not know, sorted', async () => {
    const { items } = await get('MetricNameList', '/metrics/names?environment=prod', token)
    const names = items.map((item) => item.name)
    expect(names).toEqual([...names].sort())
    expect(names).toContain('jvm.memory.heap.used')
    expect(items.find((item) => item.name === 'kafka.consumer.records.lag')?.unit).toBe('records')
    const empty = await get('MetricNameList', '/metrics/names?environment=nowhere', token)
    expect(empty.items).toEqual([])
  })
})

describe('GET /metrics', () => {
  it('answers one series per agent without agentId, and only that agent with it', async () => {
    const agents = listAgentRecords('acme', 'prod')
    const all = await get(
      'MetricsResponse',
      `/metrics?environment=prod&names=process.cpu.usage,no.such.metric&${range}&step=60`,
      token,
    )
    expect(all).toMatchObject({ tenantId: 'acme', environment: 'prod', step: 60 })
    expect(new Set(all.series.map((one) => one.agentId)).size).toBeGreaterThan(agents.length / 2)
    expect(
      all.series.every((one) => one.name === 'process.cpu.usage' && one.unit === 'ratio'),
    ).toBe(true)
    const agentId = all.series[0]?.agentId ?? ''
    const one = await get(
      'MetricsResponse',
      `/metrics?environment=prod&names=process.cpu.usage&agentId=${agentId}&${range}`,
      token,
    )
    expect(one.series.map((series) => series.agentId)).toEqual([agentId])
  })

  it('draws no points after a DEAD agent died and leaves a gap for a STALE one', async () => {
    const agents = listAgentRecords('acme', 'prod')
    const dead = agents.find(
      (agent) => agent.status === 'DEAD' && agent.lastHeartbeatAgoMs < 5 * HOUR,
    )
    const stale = agents.find((agent) => agent.status === 'STALE')
    const body = await get(
      'MetricsResponse',
      `/metrics?environment=prod&names=jvm.threads.live&from=${iso(NOW - 6 * HOUR)}&to=${iso(NOW)}&step=10`,
      token,
    )
    expect(dead).toBeDefined()
    if (dead) {
      const points = body.series.find((one) => one.agentId === dead.agentId)?.points ?? []
      expect(points.length).toBeGreaterThan(0)
      for (const point of points) {
        expect(Date.parse(point.t)).toBeLessThan(NOW - dead.lastHeartbeatAgoMs)
      }
    }
    expect(stale).toBeDefined()
    const times = (body.series.find((one) => one.agentId === stale?.agentId)?.points ?? []).map(
      (point) => Date.parse(point.t),
    )
    const gaps = times.slice(1).filter((time, i) => time - (times[i] ?? time) > 5 * 60_000)
    expect(gaps.length).toBe(1)
  })

  it('drops heap at GC pauses: heap used falls where the pause spikes', async () => {
    const body = await get(
      'MetricsResponse',
      `/metrics?environment=prod&names=jvm.memory.heap.used,jvm.gc.pause&${range}&step=10`,
      token,
    )
    const agentId = body.series[0]?.agentId
    const heap = body.series.find(
      (one) => one.agentId === agentId && one.name === 'jvm.memory.heap.used',
    )
    const pause = body.series.find((one) => one.agentId === agentId && one.name === 'jvm.gc.pause')
    const drops = (heap?.points ?? []).flatMap((point, i, points) =>
      i > 0 && point.v < (points[i - 1]?.v ?? 0) * 0.8 ? [point.t] : [],
    )
    expect(drops.length).toBeGreaterThan(3)
    const pauseAt = new Map((pause?.points ?? []).map((point) => [point.t, point.v]))
    for (const t of drops) expect(pauseAt.get(t)).toBeGreaterThan(5)
  })

  it('raises the step to at most 1,000 points and refuses bad requests', async () => {
    const day = await get(
      'MetricsResponse',
      `/metrics?environment=prod&names=camel.routes.running&from=${iso(NOW - 24 * HOUR)}&to=${iso(NOW)}&step=10`,
      token,
    )
    expect(day.step).toBe(90)
    for (const series of day.series) expect(series.points.length).toBeLessThanOrEqual(1000)
    await expectProblem(call(`/metrics?environment=prod&${range}`, token), 400, /names/)
    await expectProblem(call(`/metrics?environment=prod&names=a%20b&${range}`, token), 400)
    await expectProblem(
      call(`/metrics?environment=prod&names=a&from=${iso(NOW)}&to=${iso(NOW - HOUR)}`, token),
      400,
      /before/,
    )
    await expectProblem(call(`/metrics?environment=prod&names=a&${range}&step=5`, token), 400)
    await expectProblem(
      call(
        `/metrics?environment=prod&names=a&from=${iso(NOW - 40 * 24 * HOUR)}&to=${iso(NOW)}`,
        token,
      ),
      400,
    )
  })
})
