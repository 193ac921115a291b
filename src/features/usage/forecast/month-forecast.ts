import type { UsagePoint, UsageTotals } from '@/lib/api/types'
import { MEASURE_KEYS, zeroTotals, type Measure } from '../usage-measures'
import { startOfUtcDay, startOfUtcMonth } from '../period/usage-period'

/**
 * Month to date and a forecast to the end of the UTC month (the billing month), from the
 * recent daily rate: the mean of the last `FORECAST_WINDOW_DAYS` complete UTC days, which may
 * reach back into the previous month (so the 2nd of a month still has a week to go on).
 *
 *   estimate = month to date + daily rate × days left in the month (fractional, from now)
 *
 * Pure: the page fetches the daily buckets of `forecastRange(now)` and hands them in.
 */
export const FORECAST_WINDOW_DAYS = 7
const DAY_MS = 86_400_000

export interface ForecastRange {
  from: string
  to: string
}

/**
 * The daily buckets the forecast needs: the month so far and the window before today, up to
 * the end of today (the server counts nothing after now). At most 31 days: from the 1st to
 * the end of the 31st, or eight days early in a month.
 */
export function forecastRange(now: Date): ForecastRange {
  const today = startOfUtcDay(now).getTime()
  const from = Math.min(startOfUtcMonth(now).getTime(), today - FORECAST_WINDOW_DAYS * DAY_MS)
  return { from: new Date(from).toISOString(), to: new Date(today + DAY_MS).toISOString() }
}

export interface MonthForecast {
  monthStart: string
  /** The first instant of the next month (exclusive end). */
  monthEnd: string
  daysInMonth: number
  monthToDate: UsageTotals
  /** Mean per complete UTC day over `basis`; `null` when no complete day was answered. */
  dailyRate: UsageTotals | null
  /** The complete days the rate is the mean of (first day's start, last day's end). */
  basis: { from: string; to: string; days: number } | null
  /** Days from now to the end of the month, fractional. */
  daysLeft: number
  /** Month to date + rate × days left, rounded; `null` without a rate. */
  estimate: UsageTotals | null
}

export function computeMonthForecast(
  points: readonly UsagePoint[],
  now: Date,
  windowDays = FORECAST_WINDOW_DAYS,
): MonthForecast {
  const monthStart = startOfUtcMonth(now).getTime()
  const monthEnd = startOfUtcMonth(now, 1).getTime()
  const today = startOfUtcDay(now).getTime()
  const windowStart = today - windowDays * DAY_MS

  const monthToDate = zeroTotals()
  const windowSum = zeroTotals()
  const windowDaysSeen = new Set<number>()
  for (const point of points) {
    const t = Date.parse(point.t)
    if (!Number.isFinite(t)) continue
    if (t >= monthStart && t < monthEnd && t <= now.getTime()) addTo(monthToDate, point)
    // A complete day: it started in the window and ended before today began.
    if (t >= windowStart && t < today) {
      addTo(windowSum, point)
      windowDaysSeen.add(startOfUtcDay(t).getTime())
    }
  }

  const days = windowDaysSeen.size
  const daysLeft = Math.max(0, (monthEnd - now.getTime()) / DAY_MS)
  const dailyRate = days > 0 ? mapTotals(windowSum, (value) => value / days) : null
  const estimate = dailyRate
    ? mapTotals(monthToDate, (value, key) => Math.round(value + dailyRate[key] * daysLeft))
    : null
  const sortedDays = [...windowDaysSeen].sort((a, b) => a - b)
  const firstDay = sortedDays[0]
  const lastDay = sortedDays.at(-1)
  return {
    monthStart: new Date(monthStart).toISOString(),
    monthEnd: new Date(monthEnd).toISOString(),
    daysInMonth: Math.round((monthEnd - monthStart) / DAY_MS),
    monthToDate,
    dailyRate,
    basis:
      firstDay !== undefined && lastDay !== undefined
        ? {
            from: new Date(firstDay).toISOString(),
            to: new Date(lastDay + DAY_MS).toISOString(),
            days,
          }
        : null,
    daysLeft,
    estimate,
  }
}

function addTo(totals: UsageTotals, point: UsageTotals): void {
  for (const key of MEASURE_KEYS) totals[key] += point[key]
}

function mapTotals(totals: UsageTotals, map: (value: number, key: Measure) => number): UsageTotals {
  const out = zeroTotals()
  for (const key of MEASURE_KEYS) out[key] = map(totals[key], key)
  return out
}
