import { useEffect, useState } from 'react'
import { useTimeZonePreference } from '@/lib/preferences-store'
import { formatInstant, formatRelative } from '@/lib/time-format'

/** A relative time ("12 seconds ago") that shows the exact instant on hover and to AT. */
export function RelativeTime({ iso, now }: { iso: string; now?: Date }) {
  const timeZone = useTimeZonePreference()
  const exact = formatInstant(iso, timeZone, { withMillis: true })
  return (
    <time dateTime={iso} title={exact}>
      {formatRelative(iso, now)}
    </time>
  )
}

export function ExactTime({ iso, withMillis = false }: { iso: string; withMillis?: boolean }) {
  const timeZone = useTimeZonePreference()
  return (
    <time dateTime={iso} title={iso}>
      {formatInstant(iso, timeZone, { withMillis })}
    </time>
  )
}

/** The current time, refreshed every `intervalMs`, so relative times in a table stay true. */
export function useNow(intervalMs = 10_000): Date {
  const [now, setNow] = useState(() => new Date())
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), intervalMs)
    return () => clearInterval(timer)
  }, [intervalMs])
  return now
}
