import type { LogStats } from '@/lib/api/types'
import { formatCount, plural } from '@/lib/format'

/** One bar per stats point: counts by level, `t` as epoch ms (the bar's x). */
export interface LogVolumeBar {
  t: number
  TRACE: number
  DEBUG: number
  INFO: number
  WARN: number
  ERROR: number
}

export function toLogVolumeBars(points: LogStats['points']): LogVolumeBar[] {
  return points.map((point) => ({ t: Date.parse(point.t), ...point.counts }))
}

/** "48,210 lines, 312 errors, 1,024 warnings": the totals come from the stats, not the list. */
export function summarizeLogVolume(stats: Pick<LogStats, 'points' | 'total'>): string {
  let errors = 0
  let warnings = 0
  for (const point of stats.points) {
    errors += point.counts.ERROR
    warnings += point.counts.WARN
  }
  const count = (n: number, one: string) => `${formatCount(n)} ${plural(n, one)}`
  return `${count(stats.total, 'line')}, ${count(errors, 'error')}, ${count(warnings, 'warning')}`
}
