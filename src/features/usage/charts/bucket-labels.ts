import type { TimeZonePreference } from '@/lib/preferences-store'
import { formatInstant, formatTimeTick } from '@/lib/time-format'
import type { Granularity } from '@/lib/resources/usage'

const utcDay = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  timeZone: 'UTC',
})
const utcDayShort = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  timeZone: 'UTC',
})

/**
 * A bucket as a user reads it. A day bucket is a UTC calendar day, so it is named by its UTC
 * date ("28 Nov 2026", whatever the user's zone); an hour bucket starts at an instant, shown
 * in the user's UTC/local preference.
 */
export function bucketLabel(
  t: string | number,
  granularity: Granularity,
  timeZone: TimeZonePreference,
): string {
  const date = new Date(t)
  if (granularity === 'day') return utcDay.format(date)
  return formatInstant(date, timeZone).replace(/:00(\s)/, '$1')
}

/** Shorter, for chart axes. */
export function bucketTick(
  t: number,
  granularity: Granularity,
  timeZone: TimeZonePreference,
  spansDays: boolean,
): string {
  if (granularity === 'day') return utcDayShort.format(new Date(t))
  return formatTimeTick(t, timeZone, spansDays)
}
