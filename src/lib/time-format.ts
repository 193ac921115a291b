import { INVALID } from './format'
import type { TimeZonePreference } from './preferences-store'

/**
 * An epoch-milliseconds value as ISO-8601, or `null` when it is no instant a Date can hold
 * (NaN, or beyond ±8.64e15 ms: `toISOString` would throw). For times computed from server
 * numbers, such as an execution's start plus a processor's `startOffsetMs`.
 */
export function isoFromEpochMs(ms: number): string | null {
  const date = new Date(ms)
  return Number.isNaN(date.getTime()) ? null : date.toISOString()
}

/** Formatting of instants, in the browser's zone or UTC per the user's preference. */
const formatters = new Map<string, Intl.DateTimeFormat>()

function formatter(timeZone: TimeZonePreference, withDate: boolean, withMillis: boolean) {
  const cacheKey = `${timeZone}|${withDate}|${withMillis}`
  let format = formatters.get(cacheKey)
  if (!format) {
    format = new Intl.DateTimeFormat(undefined, {
      timeZone: timeZone === 'utc' ? 'UTC' : undefined,
      year: withDate ? 'numeric' : undefined,
      month: withDate ? '2-digit' : undefined,
      day: withDate ? '2-digit' : undefined,
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      fractionalSecondDigits: withMillis ? 3 : undefined,
      hourCycle: 'h23',
      timeZoneName: 'short',
    })
    formatters.set(cacheKey, format)
  }
  return format
}

export function formatInstant(
  iso: string | Date,
  timeZone: TimeZonePreference,
  { withDate = true, withMillis = false } = {},
): string {
  const date = typeof iso === 'string' ? new Date(iso) : iso
  if (Number.isNaN(date.getTime())) return INVALID
  return formatter(timeZone, withDate, withMillis).format(date)
}

/**
 * A chart's axis tick: the time without its seconds and zone ("14:30"), with the date when the
 * range spans days. The figure around the chart says the zone and the full time.
 */
export function formatTimeTick(t: number, timeZone: TimeZonePreference, withDate: boolean): string {
  return formatInstant(new Date(t), timeZone, { withDate }).replace(/:\d{2}(\s|$).*$/, '')
}

const relativeUnits: ReadonlyArray<readonly [Intl.RelativeTimeFormatUnit, number]> = [
  ['year', 365 * 86_400_000],
  ['month', 30 * 86_400_000],
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
  ['second', 1_000],
]
let relativeFormat: Intl.RelativeTimeFormat | undefined

/**
 * "12 seconds ago", "3 minutes ago", "in 2 hours": the largest whole unit, rounded. The
 * platform's Intl.RelativeTimeFormat does the wording (and localisation) at no bundle cost.
 */
export function formatRelative(iso: string | Date, now: Date = new Date()): string {
  const date = typeof iso === 'string' ? new Date(iso) : iso
  if (Number.isNaN(date.getTime())) return INVALID
  const diff = date.getTime() - now.getTime()
  if (Math.abs(diff) < 1000) return 'just now'
  relativeFormat ??= new Intl.RelativeTimeFormat(undefined, { numeric: 'always' })
  const [unit, size] = relativeUnits.find(([, unitMs]) => Math.abs(diff) >= unitMs) ?? [
    'second',
    1_000,
  ]
  return relativeFormat.format(Math.round(diff / size), unit)
}
