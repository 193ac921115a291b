import { canonicalUtc, readCanonicalUtc } from './canonical-utc'

/**
 * A time series as columns: the times (epoch ms, oldest first) and the values, one index per
 * point. Typed arrays fit (a worker hands them over without copying: see
 * lib/agent-metrics/metric-columns.ts), and so do plain arrays.
 */
export interface SeriesColumns {
  times: ArrayLike<number>
  values: ArrayLike<number>
}

/** What the text alternative of a chart says of each series, over all of its points. */
export interface SeriesSummary {
  latest: number | null
  min: number | null
  max: number | null
  mean: number | null
}

export function summarizeValues(values: ArrayLike<number>): SeriesSummary {
  if (values.length === 0) return { latest: null, min: null, max: null, mean: null }
  let min = Number.POSITIVE_INFINITY
  let max = Number.NEGATIVE_INFINITY
  let sum = 0
  for (let i = 0; i < values.length; i++) {
    const value = values[i] as number
    if (value < min) min = value
    if (value > max) max = value
    sum += value
  }
  return { latest: values[values.length - 1] as number, min, max, mean: sum / values.length }
}

/** The index of the point nearest to `t`, if one lies within `tolerance` ms of it. */
export function nearestIndex(times: ArrayLike<number>, t: number, tolerance: number): number {
  let low = 0
  let high = times.length - 1
  while (low < high) {
    const middle = (low + high) >> 1
    if ((times[middle] as number) < t) low = middle + 1
    else high = middle
  }
  let best = -1
  for (const index of [low - 1, low]) {
    if (index < 0 || index >= times.length) continue
    if (
      best < 0 ||
      Math.abs((times[index] as number) - t) < Math.abs((times[best] as number) - t)
    ) {
      best = index
    }
  }
  return best >= 0 && Math.abs((times[best] as number) - t) <= tolerance ? best : -1
}

/**
 * Epoch ms of a contract timestamp. The canonical form (`2026-11-28T07:00:00.000Z`) is read
 * by hand (canonical-utc.ts): several times faster than Date.parse, and allocation-free,
 * which matters over 300,000 points. Other forms go to Date.parse.
 */
export function instantMs(iso: string): number {
  if (!readCanonicalUtc(iso)) return Date.parse(iso)
  const { year, month, day, hour, minute, second, fractionDigits, millisecond } = canonicalUtc
  // Date.parse's own reading of more digits, of out-of-range fields and of years before 100
  // is left to it.
  if (fractionDigits > 3 || year < 100 || month < 1 || month > 12 || day < 1 || day > 31) {
    return Date.parse(iso)
  }
  if (hour > 23 || minute > 59 || second > 59) return Date.parse(iso)
  return Date.UTC(year, month - 1, day, hour, minute, second, millisecond)
}
