import { describe, expect, it } from 'vitest'
import { bucketsForWidth, stepForBuckets, toSeriesAnswer } from './metrics'

const HOUR = 3_600_000
const range = (hours: number) => ({
  from: new Date(Date.UTC(2026, 10, 25, 14) - hours * HOUR).toISOString(),
  to: new Date(Date.UTC(2026, 10, 25, 14)).toISOString(),
})

describe('the step a chart asks for', () => {
  it('gives about one bucket per pixel of the plot, never more', () => {
    expect(bucketsForWidth(329)).toBe(300)
    expect(bucketsForWidth(349)).toBe(300)
    expect(bucketsForWidth(350)).toBe(350)
    // 24 hours over 300 px: 288 s, rounded up to a nice 5 minutes, 288 buckets.
    const day = stepForBuckets(range(24), bucketsForWidth(329))
    expect(day).toBe(300)
    expect((24 * 3600) / day).toBeLessThanOrEqual(300)
    expect(stepForBuckets(range(6), 400)).toBe(60)
  })

  it('keeps within the contract: at least 10 s, at most 1,000 buckets', () => {
    expect(bucketsForWidth(0)).toBe(50)
    expect(bucketsForWidth(4000)).toBe(1000)
    expect(stepForBuckets(range(1), bucketsForWidth(800))).toBe(10)
    expect(stepForBuckets(range(24), bucketsForWidth(4000))).toBe(120)
    expect(stepForBuckets(range(31 * 24), 50)).toBe(86_400)
  })
})

describe('a /metrics answer as charts read it', () => {
  it('puts a time on each bucket and summarises each series from its columns', () => {
    const answer = toSeriesAnswer(
      {
        tenantId: 'acme',
        environment: 'prod',
        start: '2026-11-25T13:00:00.000Z',
        step: 60,
        series: [
          {
            agentId: 'a-1',
            applicationId: 'orders',
            name: 'jvm.threads.live',
            unit: 'count',
            values: [40, null, 44, 42, null],
          },
          {
            agentId: 'a-2',
            applicationId: 'orders',
            name: 'jvm.threads.live',
            unit: 'count',
            values: [null, null, null, null, null],
          },
        ],
      },
      { from: '2026-11-25T13:00:20.000Z', to: '2026-11-25T13:04:30.000Z' },
    )
    const start = Date.parse('2026-11-25T13:00:00.000Z')
    expect([...answer.times]).toEqual([0, 1, 2, 3, 4].map((i) => start + i * 60_000))
    expect(answer.series[0]?.summary).toEqual({ latest: 42, min: 40, max: 44, mean: 42 })
    expect(answer.series[1]?.summary).toEqual({ latest: null, min: null, max: null, mean: null })
  })
})
