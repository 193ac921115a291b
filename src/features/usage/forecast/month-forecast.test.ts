import { describe, expect, it } from 'vitest'
import type { UsagePoint } from '@/lib/api/types'
import { computeMonthForecast, forecastRange } from './month-forecast'

const DAY = 86_400_000

/** Daily points from `from` (inclusive) to `to` (exclusive), `value(day)` for every measure. */
function days(from: string, to: string, value: (t: Date) => number): UsagePoint[] {
  const points: UsagePoint[] = []
  for (let t = Date.parse(from); t < Date.parse(to); t += DAY) {
    const v = value(new Date(t))
    points.push({
      t: new Date(t).toISOString(),
      executions: v,
      processorRecords: v * 10,
      logLines: v * 3,
      metricPoints: v * 2,
      bytesIngested: v * 1000,
    })
  }
  return points
}

describe('forecastRange', () => {
  it('covers the month so far when the week before today lies inside it', () => {
    expect(forecastRange(new Date('2026-11-28T07:00:00Z'))).toEqual({
      from: '2026-11-01T00:00:00.000Z',
      to: '2026-11-29T00:00:00.000Z',
    })
  })

  it('reaches back into the previous month early in a month, across a year end', () => {
    expect(forecastRange(new Date('2027-01-03T12:00:00Z'))).toEqual({
      from: '2026-12-27T00:00:00.000Z',
      to: '2027-01-04T00:00:00.000Z',
    })
  })

  it('spans at most the 31 days the server allows, on the last day of a long month', () => {
    const range = forecastRange(new Date('2026-12-31T23:59:59Z'))
    expect(range).toEqual({ from: '2026-12-01T00:00:00.000Z', to: '2027-01-01T00:00:00.000Z' })
    expect(Date.parse(range.to) - Date.parse(range.from)).toBeLessThanOrEqual(31 * DAY)
  })

  it('is never empty, even in the first instant of a month', () => {
    const range = forecastRange(new Date('2026-12-01T00:00:00Z'))
    expect(range).toEqual({ from: '2026-11-24T00:00:00.000Z', to: '2026-12-02T00:00:00.000Z' })
  })
})

describe('computeMonthForecast', () => {
  it('adds the mean of the last seven complete days times the days left', () => {
    const now = new Date('2026-11-28T12:00:00Z')
    // 100 a day, but 200 a day over the last week: the recent rate is what counts.
    const points = days('2026-11-01T00:00:00Z', '2026-11-29T00:00:00Z', (t) =>
      t.getTime() >= Date.parse('2026-11-21T00:00:00Z') ? 200 : 100,
    )
    const forecast = computeMonthForecast(points, now)
    expect(forecast.monthStart).toBe('2026-11-01T00:00:00.000Z')
    expect(forecast.monthEnd).toBe('2026-12-01T00:00:00.000Z')
    expect(forecast.daysInMonth).toBe(30)
    // 20 days of 100, 8 of 200 (today's bucket, whatever it holds so far, is month to date).
    expect(forecast.monthToDate.executions).toBe(20 * 100 + 8 * 200)
    expect(forecast.basis).toEqual({
      from: '2026-11-21T00:00:00.000Z',
      to: '2026-11-28T00:00:00.000Z',
      days: 7,
    })
    expect(forecast.dailyRate?.executions).toBe(200)
    expect(forecast.daysLeft).toBeCloseTo(2.5)
    expect(forecast.estimate?.executions).toBe(3600 + 500)
    expect(forecast.estimate?.bytesIngested).toBe((3600 + 500) * 1000)
  })

  it('on the 2nd of a month takes its rate from the last days of the month before', () => {
    const now = new Date('2027-01-02T00:00:00Z')
    const points = [
      ...days('2026-12-26T00:00:00Z', '2027-01-01T00:00:00Z', () => 70),
      ...days('2027-01-01T00:00:00Z', '2027-01-02T00:00:00Z', () => 140),
    ]
    const forecast = computeMonthForecast(points, now)
    // December's days are not this month's usage, only the basis of the rate.
    expect(forecast.monthToDate.executions).toBe(140)
    expect(forecast.basis?.from).toBe('2026-12-26T00:00:00.000Z')
    expect(forecast.basis?.days).toBe(7)
    expect(forecast.dailyRate?.executions).toBe(80)
    expect(forecast.daysLeft).toBe(30)
    expect(forecast.estimate?.executions).toBe(140 + 80 * 30)
  })

  it('forecasts a month with no data yet from the rate alone', () => {
    const now = new Date('2026-12-01T00:00:00Z')
    const points = days('2026-11-24T00:00:00Z', '2026-12-01T00:00:00Z', () => 10)
    const forecast = computeMonthForecast(points, now)
    expect(forecast.monthToDate.executions).toBe(0)
    expect(forecast.daysInMonth).toBe(31)
    expect(forecast.estimate?.executions).toBe(310)
  })

  it('has no estimate when no complete day was answered, and says so', () => {
    const forecast = computeMonthForecast([], new Date('2026-11-15T08:00:00Z'))
    expect(forecast.monthToDate.executions).toBe(0)
    expect(forecast.dailyRate).toBeNull()
    expect(forecast.basis).toBeNull()
    expect(forecast.estimate).toBeNull()
  })

  it('knows February has 29 days in a leap year and 28 otherwise', () => {
    const flat = (from: string, to: string) => days(from, to, () => 1)
    const leap = computeMonthForecast(
      flat('2028-02-01T00:00:00Z', '2028-02-11T00:00:00Z'),
      new Date('2028-02-11T00:00:00Z'),
    )
    expect(leap.daysInMonth).toBe(29)
    expect(leap.monthEnd).toBe('2028-03-01T00:00:00.000Z')
    expect(leap.daysLeft).toBe(19)
    expect(leap.estimate?.executions).toBe(29)

    const common = computeMonthForecast(
      flat('2027-02-01T00:00:00Z', '2027-02-11T00:00:00Z'),
      new Date('2027-02-11T00:00:00Z'),
    )
    expect(common.daysInMonth).toBe(28)
    expect(common.estimate?.executions).toBe(28)

    // 2100 is not a leap year (divisible by 100, not by 400).
    expect(computeMonthForecast([], new Date('2100-02-10T00:00:00Z')).daysInMonth).toBe(28)
  })

  it('on the last day of a month forecasts only the rest of that day', () => {
    const now = new Date('2026-10-31T18:00:00Z')
    const points = days('2026-10-01T00:00:00Z', '2026-11-01T00:00:00Z', () => 24)
    const forecast = computeMonthForecast(points, now)
    expect(forecast.daysLeft).toBeCloseTo(0.25)
    expect(forecast.estimate?.executions).toBe(31 * 24 + 6)
  })
})
