import {
  relativeRangeLabel,
  resolveTimeRange,
  validateTimeRange,
  type TimeRange,
} from '@/lib/time-range/time-range'
import {
  choice,
  choiceOr,
  defineUrlState,
  shown,
  type IgnoredLinkValue,
} from '@/lib/url-state/url-state'
import { MEASURE_KEYS, type Measure } from '../usage-measures'
import type { Granularity } from '@/lib/resources/usage'

/**
 * The usage page's period: a UTC calendar month (what the platform bills) or any of the
 * shared time ranges. In the URL as `?period=this-month|last-month` or `?from=&to=` (the
 * shared range wins when both are there), with `?granularity=hour|day`.
 *
 * Keys hold the period as written (`this-month`, `now-7d`), and query functions resolve it
 * to instants when they fetch, so "this month" moves with time on every refetch.
 */
export type MonthPeriod = 'this-month' | 'last-month'
export type UsagePeriod = { month: MonthPeriod } | { range: TimeRange }

export const defaultUsagePeriod: UsagePeriod = { month: 'this-month' }
const MONTH_PERIODS = ['this-month', 'last-month'] as const satisfies readonly MonthPeriod[]
const GRANULARITIES = ['hour', 'day'] as const satisfies readonly Granularity[]

const DAY_MS = 86_400_000
/** Over this span a period is shown per day unless the URL says otherwise. */
const HOURLY_UP_TO_MS = 2 * DAY_MS

export interface ResolvedPeriod {
  /** ISO-8601 UTC instants, `from` inclusive, `to` exclusive. */
  from: string
  to: string
}

export function startOfUtcMonth(time: Date | number, monthOffset = 0): Date {
  const date = new Date(time)
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + monthOffset, 1))
}

export function startOfUtcDay(time: Date | number): Date {
  const date = new Date(time)
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()))
}

/** The instants a period means at `now`. */
export function resolveUsagePeriod(period: UsagePeriod, now: Date = new Date()): ResolvedPeriod {
  if ('range' in period) return resolveTimeRange(period.range, now)
  if (period.month === 'last-month') {
    return {
      from: startOfUtcMonth(now, -1).toISOString(),
      to: startOfUtcMonth(now).toISOString(),
    }
  }
  const from = startOfUtcMonth(now)
  // Month to date. In the first second of a month there is nothing yet, but a range must not
  // be empty (the server answers 400): ask for the first second.
  const to = new Date(Math.max(now.getTime(), from.getTime() + 1_000))
  return { from: from.toISOString(), to: to.toISOString() }
}

/** The period of the same length just before: what "+12 %" is measured against. */
export function previousPeriod(resolved: ResolvedPeriod): ResolvedPeriod {
  const from = Date.parse(resolved.from)
  const to = Date.parse(resolved.to)
  return { from: new Date(from - (to - from)).toISOString(), to: resolved.from }
}

export function spanMs(resolved: ResolvedPeriod): number {
  return Date.parse(resolved.to) - Date.parse(resolved.from)
}

export function defaultGranularity(resolved: ResolvedPeriod): Granularity {
  return spanMs(resolved) > HOURLY_UP_TO_MS ? 'day' : 'hour'
}

/**
 * The usage view's own parameters: the billing month (`period`), the bucket size
 * (`granularity`) and the measure charted (`measure`). The shared range (`from`, `to`) is read
 * with the other views' rules, below.
 */
export const usageView = defineUrlState({
  period: choice('period', MONTH_PERIODS, {
    label: 'period',
    message: (raw) => `The period ${shown(raw)} is unknown. Showing this month instead.`,
  }),
  granularity: choice('granularity', GRANULARITIES, {
    label: 'granularity',
    message: (raw) => `The granularity ${shown(raw)} is neither hour nor day. Showing the default.`,
  }),
  measure: choiceOr('measure', MEASURE_KEYS, 'executions', { label: 'measure' }),
})

export interface UsagePeriodReading {
  period: UsagePeriod
  /** Explicit in the URL, else the period's default (`null` until resolved by the caller). */
  granularity: Granularity | null
  measure: Measure
  /** Why `from`/`to` could not be used, worded for the user; `null` when they could. */
  rangeProblem: string | null
  /** The usage parameters that were ignored. */
  ignored: IgnoredLinkValue[]
}

/**
 * What a URL asks for; anything unusable falls back with a message. The shared range wins
 * over `period` when both are there.
 */
export function readUsagePeriod(
  params: URLSearchParams,
  now: Date = new Date(),
): UsagePeriodReading {
  const { values, ignored } = usageView.read(params)
  const from = params.get('from')
  const to = params.get('to')
  let period: UsagePeriod = values.period ? { month: values.period } : defaultUsagePeriod
  let rangeProblem: string | null = null
  if (from !== null || to !== null) {
    const range: TimeRange = { from: from ?? '', to: to === null || to === '' ? 'now' : to }
    const problem =
      from === null || from === ''
        ? 'The time range has no start (from).'
        : validateTimeRange(range, now)
    if (problem) {
      rangeProblem = `${problem} Showing this month instead.`
      period = defaultUsagePeriod
    } else period = { range }
  }
  return { period, granularity: values.granularity, measure: values.measure, rangeProblem, ignored }
}

/** Writes the period into `params` (mutating and returning them), leaving every other key. */
export function writeUsagePeriod(params: URLSearchParams, period: UsagePeriod): URLSearchParams {
  if ('range' in period) {
    params.delete('period')
    params.set('from', period.range.from)
    params.set('to', period.range.to)
  } else {
    params.delete('from')
    params.delete('to')
    params.set('period', period.month)
  }
  return params
}

/** What the key holds: the period as written, never instants computed from it. */
export type UsagePeriodKey = { period: MonthPeriod } | { from: string; to: string }

export function usagePeriodKey(period: UsagePeriod): UsagePeriodKey {
  return 'range' in period ? { ...period.range } : { period: period.month }
}

export function periodFromKey(key: UsagePeriodKey): UsagePeriod {
  return 'period' in key ? { month: key.period } : { range: { from: key.from, to: key.to } }
}

const monthName = new Intl.DateTimeFormat('en-GB', {
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
})

/** "This month (November 2026, UTC)", "Last 7 days", or `null` for an absolute range. */
export function describeUsagePeriod(period: UsagePeriod, now: Date = new Date()): string | null {
  if ('month' in period) {
    const start = startOfUtcMonth(now, period.month === 'last-month' ? -1 : 0)
    return `${period.month === 'last-month' ? 'Last month' : 'This month'} (${monthName.format(start)})`
  }
  return relativeRangeLabel(period.range)
}

/** For file names: `2026-11` for a month, else `20261101T0000Z-20261128T0713Z`. */
export function periodSlug(period: UsagePeriod, resolved: ResolvedPeriod): string {
  if ('month' in period) return resolved.from.slice(0, 7)
  const compact = (iso: string) => iso.slice(0, 16).replace(/[-:]/g, '') + 'Z'
  return `${compact(resolved.from)}-${compact(resolved.to)}`
}
