import { scaleTime, scaleUtc } from 'd3-scale'
import type { TimeZonePreference } from '@/lib/preferences-store'

/** The time axis both chart bodies draw (line-chart-body.tsx, stacked-time-histogram.tsx). */

/** Room for one time label: "14:30", or "28/11, 14:30" when the range spans days. */
const TICK_SPACING_PX = 80
const DATED_TICK_SPACING_PX = 130

/**
 * The x ticks: round times (d3's time intervals, in the zone the user reads times in) spaced
 * so that their labels never collide.
 */
export function timeTicks(
  from: number,
  to: number,
  plotWidth: number,
  timeZone: TimeZonePreference,
  withDate: boolean,
): number[] {
  const most = Math.max(
    1,
    Math.floor(plotWidth / (withDate ? DATED_TICK_SPACING_PX : TICK_SPACING_PX)),
  )
  const scale = (timeZone === 'utc' ? scaleUtc : scaleTime)().domain([from, to])
  for (let count = most; count >= 1; count--) {
    const ticks = scale.ticks(count).map((date) => date.getTime())
    if (ticks.length <= most) return ticks
  }
  return [from]
}
