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

  it('answers columns: start is from rounded down to the step, one value per bucket to `to`', async () => {
    const from = NOW - HOUR + 25_000
    const body = await get(
      'MetricsResponse',
      `/metrics?environment=prod&names=jvm.threads.live&from=${iso(from)}&to=${iso(NOW)}&step=60`,
      token,
    )
    const start = Math.floor(from / 60_000) * 60_000
    expect(body.start).toBe(iso(start))
    expect(body.step).toBe(60)
    const buckets = Math.ceil((NOW - start) / 60_000)
    expect(buckets).toBe(60)
    for (const series of body.series) expect(series.values).toHaveLength(buckets)
  })

  it("filters by applicationId and names each series' application", async () => {
    const agents = listAgentRecords('acme', 'prod')
    const application = agents[0]?.applicationId ?? ''
    const body = await get(
      'MetricsResponse',
      `/metrics?environment=prod&names=process.cpu.usage&applicationId=${application}&${range}&step=60`,
      token,
    )
    const expected = agents.filter((agent) => agent.applicationId === application)
    expect(body.series.map((one) => one.agentId).sort()).toEqual(
      expected.map((agent) => agent.agentId).sort(),
    )
    expect(body.series.every((one) => one.applicationId === application)).toBe(true)
  })

  it('has nulls after a DEAD agent died, a gap for a STALE one, and lists all-null series', async () => {
    const agents = listAgentRecords('acme', 'prod')
    const dead = agents.find(
      (agent) => agent.status === 'DEAD' && agent.lastHeartbeatAgoMs < 5 * HOUR,
    )
    const stale = agents.find((agent) => agent.status === 'STALE')
    const from = NOW - 6 * HOUR
    const body = await get(
      'MetricsResponse',
      `/metrics?environment=prod&names=jvm.threads.live&from=${iso(from)}&to=${iso(NOW)}&step=10`,
      token,
    )
    const start = Date.parse(body.start)
    const timesOf = (agentId: string | undefined) =>
      (body.series.find((one) => one.agentId === agentId)?.values ?? []).flatMap((value, i) =>
        value === null ? [] : [start + i * body.step * 1000],
      )
    expect(dead).toBeDefined()
    if (dead) {
      const times = timesOf(dead.agentId)
      expect(times.length).toBeGreaterThan(0)
      for (const time of times) expect(time).toBeLessThan(NOW - dead.lastHeartbeatAgoMs)
    }
    expect(stale).toBeDefined()
    const times = timesOf(stale?.agentId)
    const gaps = times.slice(1).filter((time, i) => time - (times[i] ?? time) > 5 * 60_000)
    expect(gaps.length).toBe(1)
    // Every agent is listed, even one that reported nothing in the range.
    expect(new Set(body.series.map((one) => one.agentId)).size).toBe(agents.length)
    const silent = agents.find(
      (agent) => agent.status === 'DEAD' && agent.lastHeartbeatAgoMs > 6 * HOUR,
    )
    if (silent) {
      const values = body.series.find((one) => one.agentId === silent.agentId)?.values ?? []
      expect(values.length).toBeGreaterThan(0)
      expect(values.every((value) => value === null)).toBe(true)
    }
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
    const values = heap?.values ?? []
    const drops = values.flatMap((value, i) => {
      const before = values[i - 1]
      return i > 0 && value !== null && before != null && value < before * 0.8 ? [i] : []
    })
    expect(drops.length).toBeGreaterThan(3)
    for (const i of drops) expect(pause?.values[i]).toBeGreaterThan(5)
  })

  it('raises the step to at most 1,000 buckets and refuses bad requests', async () => {
    const day = await get(
      'MetricsResponse',
      `/metrics?environment=prod&names=camel.routes.running&from=${iso(NOW - 24 * HOUR)}&to=${iso(NOW)}&step=10`,
      token,
    )
    expect(day.step).toBe(90)
    expect(day.start).toBe(iso(Math.floor((NOW - 24 * HOUR) / 90_000) * 90_000))
    for (const series of day.series) expect(series.values.length).toBeLessThanOrEqual(1000)
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
