// @vitest-environment node
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { setMockNow } from '../clock'
import { listAgentRecords } from '../agents/agent-data'
import { METRICS } from './metric-catalog'
import { resolveMetricStep } from './metric-handlers'
import { metricSeries } from './metric-data'
import { countMetricPoints } from './metric-volume'

const NOW = Date.parse('2026-11-25T14:30:00.000Z')
const HOUR = 3_600_000

beforeEach(() => setMockNow(NOW))
afterEach(() => setMockNow(null))

describe('countMetricPoints', () => {
  it('counts every name every 10 s for every agent that was reporting', () => {
    const agents = listAgentRecords('acme', 'prod')
    const live = agents.filter((agent) => agent.status === 'LIVE')
    const from = new Date(NOW - 10 * 60_000)
    const to = new Date(NOW)
    const count = countMetricPoints({ tenant: 'acme', env: 'prod', from, to })
    // LIVE agents report all 60 samples of the last 10 minutes; STALE agents stopped a few
    // minutes ago; agents dead for longer report none.
    expect(count).toBeGreaterThanOrEqual(live.length * 60 * METRICS.length)
    expect(count).toBeLessThan(agents.length * 60 * METRICS.length)
    expect(count % METRICS.length).toBe(0)
  })

  it('is additive over adjacent ranges and zero for an unknown environment', () => {
    const a = new Date(NOW - 24 * HOUR)
    const b = new Date(NOW - 7 * HOUR - 1234)
    const c = new Date(NOW)
    const whole = countMetricPoints({ tenant: 'acme', env: 'prod', from: a, to: c })
    const parts =
      countMetricPoints({ tenant: 'acme', env: 'prod', from: a, to: b }) +
      countMetricPoints({ tenant: 'acme', env: 'prod', from: b, to: c })
    expect(parts).toBe(whole)
    expect(countMetricPoints({ tenant: 'acme', env: 'nope', from: a, to: c })).toBe(0)
  })

  it('agrees with the samples behind the series (a 10 s step: one sample per point)', () => {
    const from = NOW - HOUR
    const series = metricSeries(
      'acme',
      'prod',
      { names: METRICS.map((metric) => metric.name), from, to: NOW, stepSeconds: 10 },
      NOW,
    )
    const points = series.reduce(
      (sum, one) => sum + one.values.filter((value) => value !== null).length,
      0,
    )
    expect(points).toBe(
      countMetricPoints({ tenant: 'acme', env: 'prod', from: new Date(from), to: new Date(NOW) }),
    )
  })
})

describe('resolveMetricStep', () => {
  it('keeps a step that gives at most 1,000 points and raises one that gives more', () => {
    expect(resolveMetricStep({ from: NOW - HOUR, to: NOW }, 10)).toBe(10)
    expect(resolveMetricStep({ from: NOW - 24 * HOUR, to: NOW }, 10)).toBe(90)
    expect(resolveMetricStep({ from: NOW - 24 * HOUR, to: NOW }, 600)).toBe(600)
  })
})
