import { describe, expect, it } from 'vitest'
import {
  conditionHolds,
  conditionSentence,
  firingIntervals,
  formatSeconds,
} from './alert-conditions'

describe('conditionSentence', () => {
  it('says a route metric as people read it', () => {
    expect(
      conditionSentence(
        {
          kind: 'route-metric',
          applicationId: 'order-service',
          routeId: 'orders-in',
          metric: 'errorRate',
          comparator: '>',
          threshold: 0.05,
          windowSeconds: 300,
        },
        120,
      ),
    ).toBe('Error rate of order-service/orders-in above 5 % over 5 min, for 2 min')
    expect(
      conditionSentence(
        {
          kind: 'route-metric',
          applicationId: null,
          routeId: null,
          metric: 'exchangesPerMinute',
          comparator: '<',
          threshold: 10,
          windowSeconds: 3600,
        },
        0,
      ),
    ).toBe('Exchanges per minute of every application below 10 over 1 h')
    expect(
      conditionSentence(
        {
          kind: 'route-metric',
          applicationId: 'payment-gateway',
          routeId: null,
          metric: 'p99Ms',
          comparator: '>',
          threshold: 1500,
          windowSeconds: 86_400,
        },
        90,
      ),
    ).toBe('p99 latency of payment-gateway above 1,500 ms over 1 day, for 1 min 30 s')
  })

  it('says agent states and log patterns', () => {
    expect(
      conditionSentence(
        { kind: 'agent-state', applicationId: 'payment-gateway', state: 'DEAD', minAgents: 1 },
        60,
      ),
    ).toBe('At least 1 agent of payment-gateway DEAD, for 1 min')
    expect(
      conditionSentence(
        {
          kind: 'log-pattern',
          applicationId: null,
          level: 'WARN',
          q: 'timeout',
          threshold: 20,
          windowSeconds: 900,
        },
        0,
      ),
    ).toBe('At least 20 WARN lines or worse matching "timeout" from every application over 15 min')
  })

  it('formats durations the way a rule is written', () => {
    expect([30, 60, 90, 300, 3600, 5400, 86_400, 172_800].map(formatSeconds)).toEqual([
      '30 s',
      '1 min',
      '1 min 30 s',
      '5 min',
      '1 h',
      '1 h 30 min',
      '1 day',
      '2 days',
    ])
  })
})

describe('conditionHolds', () => {
  it('compares by kind, and never holds on nothing', () => {
    const above = {
      kind: 'route-metric',
      applicationId: null,
      routeId: null,
      metric: 'errorRate',
      comparator: '>',
      threshold: 0.05,
      windowSeconds: 300,
    } as const
    expect(conditionHolds(above, 0.06)).toBe(true)
    expect(conditionHolds(above, 0.05)).toBe(false)
    expect(conditionHolds(above, null)).toBe(false)
    expect(conditionHolds({ ...above, comparator: '<' }, 0.01)).toBe(true)
    const dead = { kind: 'agent-state', applicationId: null, state: 'DEAD', minAgents: 2 } as const
    expect(conditionHolds(dead, 2)).toBe(true)
    expect(conditionHolds(dead, 1)).toBe(false)
  })
})

describe('firingIntervals', () => {
  const M = 60_000
  const times = Array.from({ length: 20 }, (_, i) => i * M)
  const holdsAt = (...minutes: number[]) => times.map((_, i) => minutes.includes(i))

  it('fires once the condition has held for forSeconds, until it stops holding', () => {
    const holds = holdsAt(3, 4, 5, 6, 10, 11)
    expect(firingIntervals(times, holds, M, 0, 0, 20 * M)).toEqual([
      { from: 3 * M, to: 7 * M },
      { from: 10 * M, to: 12 * M },
    ])
    // 2 minutes: 3..6 held long enough (fires at 5), 10..11 did not (held 1 minute at 11).
    expect(firingIntervals(times, holds, M, 120, 0, 20 * M)).toEqual([{ from: 5 * M, to: 7 * M }])
    expect(firingIntervals(times, holds, M, 600, 0, 20 * M)).toEqual([])
  })

  it('counts a run from before the range, and leaves an open firing open to the end', () => {
    const holds = holdsAt(0, 1, 2, 3, 17, 18, 19)
    expect(firingIntervals(times, holds, M, 60, 2 * M, 20 * M)).toEqual([
      { from: 2 * M, to: 4 * M },
      { from: 18 * M, to: 20 * M },
    ])
  })
})
