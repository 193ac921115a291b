// @vitest-environment node
import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import { setMockNow } from '../clock'
import { resetMockSettings, setMockSettings } from '../mock-settings'
import { bucketStart } from '../executions/execution-buckets'
import {
  agentCounts,
  BUCKET_MS,
  BUCKETS_PER_HOUR,
  clearLogBucketCache,
  clearLogCountCaches,
  getLogBucket,
  getLogModel,
  hourTotals,
  lineExists,
  logCountCacheSizes,
} from './log-model'
import { countLogLines } from './log-volume'

const NOW = Date.parse('2026-11-28T07:00:00.000Z') + 12_345
const MINUTE = 60_000
const HOUR = 60 * MINUTE

/** Every line of the range, one by one: what countLogLines must equal. */
function bruteCount(tenant: string, env: string, from: number, to: number): number {
  const model = getLogModel(tenant, env)
  if (!model) return 0
  let count = 0
  for (let b = Math.floor(from / BUCKET_MS); bucketStart(b) < to; b++) {
    const bucket = getLogBucket(model, b)
    for (let j = 0; j < bucket.size; j++) {
      const time = bucketStart(b) + (bucket.offset[j] ?? 0)
      if (time >= from && time < to && lineExists(model, bucket, j, NOW)) count++
    }
  }
  return count
}

describe('countLogLines', () => {
  beforeAll(() => setMockNow(NOW))
  afterEach(() => resetMockSettings())

  it.each([
    ['acme', 'prod', NOW - 3 * HOUR - 17_123, NOW - HOUR + 5_000],
    ['acme', 'prod', NOW - 2 * HOUR, NOW + HOUR],
    ['acme', 'dev', NOW - 6 * HOUR + 1, NOW - 1],
    ['beta', 'prod', NOW - 40 * MINUTE, NOW - 39 * MINUTE - 1],
    ['default', 'default', NOW - 5 * HOUR, NOW],
  ])('equals the lines one by one in %s/%s', (tenant, env, from, to) => {
    const counted = countLogLines({ tenant, env, from: new Date(from), to: new Date(to) })
    expect(counted).toBe(bruteCount(tenant, env, from, to))
    expect(counted).toBeGreaterThan(0)
  })

  it('counts the dying and newly registered agents exactly', () => {
    const model = getLogModel('acme', 'prod')
    const dead = model?.agents.find((agent) => agent.status === 'DEAD')
    expect(dead).toBeDefined()
    const died = NOW - (dead?.lastHeartbeatAgoMs ?? 0)
    const from = died - 20 * MINUTE - 999
    const to = died + 20 * MINUTE + 7
    expect(
      countLogLines({ tenant: 'acme', env: 'prod', from: new Date(from), to: new Date(to) }),
    ).toBe(bruteCount('acme', 'prod', from, to))
  })

  it('counts exactly across the hours in which every agent of acme/dev registered or died', () => {
    // dev's agents registered 13 to 28 hours before NOW, one died 20 minutes before it: whole
    // hours, ragged hours and the minutes of registration and death all in one range.
    const from = NOW - 29 * HOUR - 7_001
    const to = NOW - 9 * MINUTE + 4_999
    const counted = countLogLines({
      tenant: 'acme',
      env: 'dev',
      from: new Date(from),
      to: new Date(to),
    })
    expect(counted).toBe(bruteCount('acme', 'dev', from, to))
  })

  it('counts exactly around the registration of an acme/prod agent', () => {
    const model = getLogModel('acme', 'prod')
    const agent = model?.agents.find((candidate) => candidate.status === 'STALE')
    expect(agent).toBeDefined()
    const registered = NOW - (agent?.registeredAgoMs ?? 0)
    const from = registered - 70 * MINUTE - 3_001
    const to = registered + 65 * MINUTE + 17
    expect(
      countLogLines({ tenant: 'acme', env: 'prod', from: new Date(from), to: new Date(to) }),
    ).toBe(bruteCount('acme', 'prod', from, to))
  })

  it("draws each hour's totals as the sum of its minutes' lines", () => {
    const model = getLogModel('acme', 'prod')
    if (!model) throw new Error('acme/prod')
    // An hour of the executions' incident (retries split over its minutes) and one without.
    const incidentBucket = Array.from(
      { length: 3 * 1440 },
      (_, k) => Math.floor(NOW / BUCKET_MS) - k,
    ).find((bucket) => model.executions.incidentAt(bucket) !== null)
    expect(incidentBucket).toBeDefined()
    for (const hour of [
      Math.floor((incidentBucket ?? 0) / BUCKETS_PER_HOUR),
      Math.floor(NOW / HOUR) - 30,
    ]) {
      const totals = hourTotals(model, hour)
      const summed = new Array<number>(model.agents.length).fill(0)
      let incidentLines = 0
      for (let b = hour * BUCKETS_PER_HOUR; b < (hour + 1) * BUCKETS_PER_HOUR; b++) {
        const counts = agentCounts(model, b)
        for (let a = 0; a < model.agents.length; a++) {
          summed[a] =
            (summed[a] ?? 0) +
            (counts.normal[a] ?? 0) +
            (counts.burst[a] ?? 0) +
            (counts.incident[a] ?? 0)
          incidentLines += counts.incident[a] ?? 0
        }
        summed[model.hugeAgent] = (summed[model.hugeAgent] ?? 0) + counts.huge
      }
      expect(Array.from(totals)).toEqual(summed)
      if (hour === Math.floor((incidentBucket ?? 0) / BUCKETS_PER_HOUR)) {
        expect(incidentLines).toBeGreaterThan(0)
      }
    }
  })

  it('answers the same from its caches as drawn afresh, and keeps them bounded', () => {
    const range = {
      tenant: 'acme',
      env: 'staging',
      from: new Date(NOW - 9 * 24 * HOUR - 1_234),
      to: new Date(NOW - 5 * MINUTE),
    }
    clearLogCountCaches()
    clearLogBucketCache()
    const cold = countLogLines(range)
    expect(logCountCacheSizes().hours).toBeGreaterThan(0)
    expect(countLogLines(range)).toBe(cold)
    clearLogCountCaches()
    clearLogBucketCache()
    expect(countLogLines(range)).toBe(cold)

    const model = getLogModel('acme', 'dev')
    if (!model) throw new Error('acme/dev')
    const first = Math.floor(NOW / HOUR) - 12_000
    for (let hour = first; hour < first + 12_000; hour++) hourTotals(model, hour)
    for (let b = 0; b < 100 * BUCKETS_PER_HOUR; b += BUCKETS_PER_HOUR)
      agentCounts(model, first * BUCKETS_PER_HOUR + b)
    const sizes = logCountCacheSizes()
    expect(sizes.hours).toBeLessThanOrEqual(sizes.hoursLimit)
    expect(sizes.splits).toBeLessThanOrEqual(sizes.splitsLimit)
    expect(sizes.hours).toBe(sizes.hoursLimit)
  })

  it('holds production volumes in acme/prod: at least 2,000,000 lines a day', () => {
    const day = countLogLines({
      tenant: 'acme',
      env: 'prod',
      from: new Date(NOW - 24 * HOUR),
      to: new Date(NOW),
    })
    expect(day).toBeGreaterThanOrEqual(2_000_000)
    expect(day).toBeLessThan(4_000_000)
  })

  it('counts a whole month (agents registered up to 28 days ago)', () => {
    const month = countLogLines({
      tenant: 'acme',
      env: 'prod',
      from: new Date(NOW - 31 * 24 * HOUR),
      to: new Date(NOW),
    })
    const lastWeek = countLogLines({
      tenant: 'acme',
      env: 'prod',
      from: new Date(NOW - 7 * 24 * HOUR),
      to: new Date(NOW),
    })
    expect(month).toBeGreaterThan(lastWeek * 2)
  })

  it('adds the bench lines when the mock is told to produce them', () => {
    const range = {
      tenant: 'acme',
      env: 'dev',
      from: new Date(NOW - 10 * MINUTE),
      to: new Date(NOW),
    }
    const quiet = countLogLines(range)
    setMockSettings({ logLinesPerSecond: 200 })
    expect(countLogLines(range) - quiet).toBe(
      bruteCount('acme', 'dev', NOW - 10 * MINUTE, NOW) - quiet,
    )
    expect(countLogLines(range) - quiet).toBeGreaterThanOrEqual(200 * 599)
  })

  it('is 0 for an unknown environment or an empty range', () => {
    expect(
      countLogLines({ tenant: 'acme', env: 'nope', from: new Date(NOW - HOUR), to: new Date(NOW) }),
    ).toBe(0)
    expect(
      countLogLines({ tenant: 'acme', env: 'prod', from: new Date(NOW), to: new Date(NOW) }),
    ).toBe(0)
  })
})
