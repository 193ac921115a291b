import { formatDistanceStrict } from 'date-fns'
import type { TimeZonePreference } from './preferences-store'

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
  if (Number.isNaN(date.getTime())) return String(iso)
  return formatter(timeZone, withDate, withMillis).format(date)
}

/** "12 s ago", "3 min ago", "in 2 h": compact enough for a table cell. */
export function formatRelative(iso: string | Date, now: Date = new Date()): string {
  const date = typeof iso === 'string' ? new Date(iso) : iso
  if (Number.isNaN(date.getTime())) return String(iso)
  if (Math.abs(now.getTime() - date.getTime()) < 1000) return 'just now'
  return formatDistanceStrict(date, now, { addSuffix: true })
}

export function formatDuration(ms: number | null | undefined): string {
  if (ms === null || ms === undefined) return '—'
  if (ms < 1) return `${ms.toFixed(2)} ms`
  if (ms < 1000) return `${Math.round(ms)} ms`
  if (ms < 60_000) return `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`
  const minutes = Math.floor(ms / 60_000)
  const seconds = Math.round((ms % 60_000) / 1000)
  return `${minutes} min ${seconds} s`
}
