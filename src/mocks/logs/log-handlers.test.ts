// @vitest-environment node
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { LogEntry, LogPage } from '@/lib/api/types'
import { signDemoToken } from '../auth/auth-tokens'
import { setMockNow } from '../clock'
import { findSampleExecutionIds } from '../executions/execution-data'
import { call, expectProblem, get } from '../mock-api-test-support'
import { resetMockSettings, setMockSettings } from '../mock-settings'
import { countLogLines } from './log-volume'

const NOW = Date.parse('2026-11-28T07:00:00.000Z') + 4_321
const MINUTE = 60_000
const iso = (ms: number) => new Date(ms).toISOString()
const range = (minutes: number) => `from=${iso(NOW - minutes * MINUTE)}&to=${iso(NOW)}`

let acme: string
beforeEach(async () => {
  setMockNow(NOW)
  acme = await signDemoToken('admin@acme')
})
afterEach(() => {
  setMockNow(null)
  resetMockSettings()
})

async function walk(token: string, query: string, limit = 500): Promise<LogEntry[]> {
  const items: LogEntry[] = []
  let cursor: string | null = null
  for (let page = 0; page < 500; page++) {
    const body: LogPage = await get(
      'LogPage',
      `/logs?environment=prod&${query}&limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
      token,
    )
    items.push(...body.items)
    cursor = body.nextCursor
    if (!cursor) return items
  }
  throw new Error('too many pages')
}

describe('GET /logs', () => {
  it('pages newest first through every line of the range, as many as the stats and countLogLines say', async () => {
    const query = range(6)
    const items = await walk(acme, query)
    const times = items.map((item) => Date.parse(item.timestamp))
    expect(times).toEqual([...times].sort((a, b) => b - a))
    expect(new Set(items.map((item) => item.id)).size).toBe(items.length)
    const stats = await get('LogStats', `/logs/stats?environment=prod&${query}`, acme)
    expect(stats.total).toBe(items.length)
    expect(
      countLogLines({
        tenant: 'acme',
        env: 'prod',
        from: new Date(NOW - 6 * MINUTE),
        to: new Date(NOW),
      }),
    ).toBe(items.length)
    expect(items.length).toBeGreaterThan(6 * 200)
    for (const item of items) {
      expect(item.tenantId).toBe('acme')
      expect(item.environment).toBe('prod')
    }
  })

  it('filters by minimum level, text, application and agent', async () => {
    const warn = await walk(acme, `${range(10)}&level=WARN`)
    expect(warn.length).toBeGreaterThan(0)
    expect(warn.every((item) => item.level === 'WARN' || item.level === 'ERROR')).toBe(true)

    const text = await walk(
      acme,
      `${range(10)}&q=${encodeURIComponent('HIKARIPOOL-1 - pool stats')}`,
    )
    expect(text.length).toBeGreaterThan(0)
    expect(text.every((item) => item.message.includes('HikariPool-1 - Pool stats'))).toBe(true)

    const agentId = text[0]?.agentId ?? ''
    const byAgent = await walk(acme, `${range(10)}&agentId=${agentId}`)
    expect(byAgent.length).toBeGreaterThan(0)
    expect(byAgent.every((item) => item.agentId === agentId)).toBe(true)
    const app = await walk(acme, `${range(10)}&applicationId=payment-gateway`)
    expect(app.every((item) => item.applicationId === 'payment-gateway')).toBe(true)
  })

  it("lists an execution's lines with its ids, and a failed one's ERROR with its stack trace", async () => {
    const { failed } = findSampleExecutionIds('acme', 'prod', NOW)
    const id = failed ?? ''
    expect(id).not.toBe('')
    const detail = await get('ExecutionDetail', `/executions/${id}?environment=prod`, acme)
    const lines = await walk(
      acme,
      `from=${iso(Date.parse(detail.startTime) - MINUTE)}&to=${iso(NOW)}&executionId=${id}`,
    )
    expect(lines.length).toBe(4)
    for (const line of lines) {
      expect(line.executionId).toBe(id)
      expect(line.exchangeId).toBe(detail.exchangeId)
      expect(line.agentId).toBe(detail.agentId)
      const time = Date.parse(line.timestamp)
      expect(time).toBeGreaterThanOrEqual(Date.parse(detail.startTime))
      expect(time).toBeLessThanOrEqual(Date.parse(detail.endTime ?? ''))
    }
    const error = lines.find((line) => line.level === 'ERROR')
    expect(error?.stackTrace).toBe(detail.errorStackTrace)
    expect(error?.message).toContain(detail.errorMessage ?? '')
  })

  it('tails with after: oldest first, no duplicates, no gaps across full pages', async () => {
    const newest = await get('LogPage', `/logs?environment=prod&${range(5)}&limit=1`, acme)
    const start = newest.items[0]
    expect(start).toBeDefined()
    setMockNow(NOW + 30_000)
    const later = `from=${iso(NOW - 5 * MINUTE)}`
    const tailed: LogEntry[] = []
    let after = start?.id ?? ''
    for (let poll = 0; poll < 100; poll++) {
      const page = await get(
        'LogPage',
        `/logs?environment=prod&${later}&after=${after}&limit=50`,
        acme,
      )
      expect(page.nextCursor).toBeNull()
      tailed.push(...page.items)
      if (page.items.length < 50) break
      after = page.items[page.items.length - 1]?.id ?? after
    }
    const expected = (await walk(acme, `from=${start?.timestamp ?? ''}&to=${iso(NOW + 30_001)}`))
      .filter((item) => item.id !== start?.id && item.timestamp >= (start?.timestamp ?? ''))
      .reverse()
    expect(tailed.map((item) => item.id)).toEqual(expected.map((item) => item.id))
    expect(tailed.length).toBeGreaterThan(50)
  })

  it('answers 400 for after with cursor, an unknown after id, and a bad level', async () => {
    const page = await get('LogPage', `/logs?environment=prod&${range(5)}&limit=2`, acme)
    const id = page.items[0]?.id ?? ''
    await expectProblem(
      call(
        `/logs?environment=prod&after=${id}&cursor=${encodeURIComponent(page.nextCursor ?? '')}`,
        acme,
      ),
      400,
      /after.*cursor/,
    )
    await expectProblem(call(`/logs?environment=prod&after=000000-0000-zzzz`, acme), 400, /after/)
    // An id of prod does not resolve in dev.
    await expectProblem(call(`/logs?environment=dev&after=${id}`, acme), 400, /after/)
    await expectProblem(call(`/logs?environment=prod&level=LOUD`, acme), 400)
    await expectProblem(
      call(
        `/logs?environment=prod&${range(5)}&cursor=${encodeURIComponent(page.nextCursor ?? '')}&level=ERROR`,
        acme,
      ),
      400,
      /other filters/,
    )
  })

  it('produces the bench load when told to: 200 lines a second', async () => {
    setMockSettings({ logLinesPerSecond: 200 })
    const stats = await get('LogStats', `/logs/stats?environment=dev&${range(2)}&step=60`, acme)
    expect(stats.total).toBeGreaterThanOrEqual(2 * 60 * 200)
  })

  it('holds large JSON payloads and over-1-MB lines', async () => {
    const payloads = await walk(acme, `${range(30)}&q=sampled+payload`)
    expect(payloads.length).toBeGreaterThan(0)
    for (const item of payloads) {
      expect(item.message.length).toBeGreaterThanOrEqual(5_000)
      expect(item.message.length).toBeLessThan(21_000)
    }
    const huge = await walk(
      acme,
      `from=${iso(NOW - 3 * 60 * MINUTE)}&to=${iso(NOW)}&q=reconciliation+report`,
    )
    expect(huge.length).toBeGreaterThan(0)
    expect(huge.every((item) => item.message.length > 1_000_000)).toBe(true)
  })
})

describe('GET /logs/stats', () => {
  it('has every bucket, by level, summing to total', async () => {
    const stats = await get('LogStats', `/logs/stats?environment=prod&${range(60)}&step=60`, acme)
    expect(stats.step).toBe(60)
    expect(stats.points.length).toBe(61)
    const sum = stats.points.reduce(
      (all, point) => all + Object.values(point.counts).reduce((a, b) => a + b, 0),
      0,
    )
    expect(sum).toBe(stats.total)
    const errors = stats.points.reduce((all, point) => all + point.counts.ERROR, 0)
    expect(errors).toBeGreaterThan(0)
    expect(errors).toBeLessThan(stats.total * 0.1)
  })

  it('rejects a step under 10 s', async () => {
    await expectProblem(call(`/logs/stats?environment=prod&step=5`, acme), 400)
  })
})
