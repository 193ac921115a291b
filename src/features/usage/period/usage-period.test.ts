import { describe, expect, it } from 'vitest'
import {
  defaultGranularity,
  periodSlug,
  previousPeriod,
  readUsagePeriod,
  resolveUsagePeriod,
  writeUsagePeriod,
} from './usage-period'

const now = new Date('2026-11-28T07:13:00.000Z')

describe('resolveUsagePeriod', () => {
  it('this month is the UTC month to date', () => {
    expect(resolveUsagePeriod({ month: 'this-month' }, now)).toEqual({
      from: '2026-11-01T00:00:00.000Z',
      to: '2026-11-28T07:13:00.000Z',
    })
  })

  it('last month is the whole previous UTC month, across a year end', () => {
    expect(resolveUsagePeriod({ month: 'last-month' }, new Date('2027-01-10T00:00:00Z'))).toEqual({
      from: '2026-12-01T00:00:00.000Z',
      to: '2027-01-01T00:00:00.000Z',
    })
  })

  it('resolves the shared relative ranges', () => {
    expect(resolveUsagePeriod({ range: { from: 'now-7d', to: 'now' } }, now)).toEqual({
      from: '2026-11-21T07:13:00.000Z',
      to: '2026-11-28T07:13:00.000Z',
    })
  })
})

describe('previousPeriod', () => {
  it('is the period of the same length just before', () => {
    expect(
      previousPeriod({ from: '2026-11-01T00:00:00.000Z', to: '2026-11-28T00:00:00.000Z' }),
    ).toEqual({ from: '2026-10-05T00:00:00.000Z', to: '2026-11-01T00:00:00.000Z' })
    expect(
      previousPeriod({ from: '2026-11-28T06:00:00.000Z', to: '2026-11-28T07:00:00.000Z' }),
    ).toEqual({ from: '2026-11-28T05:00:00.000Z', to: '2026-11-28T06:00:00.000Z' })
  })
})

describe('defaultGranularity', () => {
  it('is hourly up to two days and daily beyond', () => {
    expect(defaultGranularity({ from: '2026-11-26T07:00:00Z', to: '2026-11-28T07:00:00Z' })).toBe(
      'hour',
    )
    expect(defaultGranularity({ from: '2026-11-26T06:00:00Z', to: '2026-11-28T07:00:00Z' })).toBe(
      'day',
    )
  })
})

describe('readUsagePeriod', () => {
  const read = (search: string) => readUsagePeriod(new URLSearchParams(search), now)

  it('defaults to this month', () => {
    expect(read('')).toEqual({
      period: { month: 'this-month' },
      granularity: null,
      measure: 'executions',
      rangeProblem: null,
      ignored: [],
    })
  })

  it('reads a month, a range and a granularity', () => {
    expect(read('period=last-month&granularity=hour&measure=logLines')).toEqual({
      period: { month: 'last-month' },
      granularity: 'hour',
      measure: 'logLines',
      rangeProblem: null,
      ignored: [],
    })
    expect(read('from=now-24h&to=now').period).toEqual({ range: { from: 'now-24h', to: 'now' } })
  })

  it('falls back with a message on hostile or unusable values', () => {
    const unknown = read(`period=${'x'.repeat(500)}&granularity=minute&measure=bogus`)
    expect(unknown.period).toEqual({ month: 'this-month' })
    expect(unknown.granularity).toBeNull()
    expect(unknown.measure).toBe('executions')
    expect(unknown.ignored.map((value) => value.param)).toEqual([
      'period',
      'granularity',
      'measure',
    ])
    expect(unknown.ignored[0]?.message.length).toBeLessThan(120)
    expect(read('from=now-40d&to=now').rangeProblem).toMatch(/at most 31 days/)
    expect(read('to=now').rangeProblem).toMatch(/no start/)
  })
})

describe('writeUsagePeriod', () => {
  it('writes one form of period and keeps every other parameter', () => {
    const params = new URLSearchParams('env=prod&from=now-1h&to=now&granularity=hour')
    expect(writeUsagePeriod(params, { month: 'last-month' }).toString()).toBe(
      'env=prod&granularity=hour&period=last-month',
    )
    expect(writeUsagePeriod(params, { range: { from: 'now-7d', to: 'now' } }).toString()).toBe(
      'env=prod&granularity=hour&from=now-7d&to=now',
    )
  })
})

describe('periodSlug', () => {
  it('names a month by its UTC month and a range by its instants', () => {
    expect(
      periodSlug(
        { month: 'this-month' },
        { from: '2026-11-01T00:00:00.000Z', to: now.toISOString() },
      ),
    ).toBe('2026-11')
    expect(
      periodSlug(
        { range: { from: 'now-1h', to: 'now' } },
        { from: '2026-11-28T06:13:00.000Z', to: '2026-11-28T07:13:00.000Z' },
      ),
    ).toBe('20261128T0613Z-20261128T0713Z')
  })
})
