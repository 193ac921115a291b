import type { TimeseriesPoint } from '@/lib/api/types'
import type { TimeZonePreference } from '@/lib/preferences-store'
import { formatCount, plural } from '@/lib/format'
import { formatInstant } from '@/lib/time-format'

/** Histogram data and its text alternative; kept apart from the chart so neither pulls in the chart code. */
export interface HistogramBar {
  /** Bucket start, epoch ms. */
  t: number
  /** Executions that did not fail (completed, or still running). */
  ok: number
  failed: number
}

export function toHistogramBars(points: readonly TimeseriesPoint[]): HistogramBar[] {
  return points.map((point) => ({
    t: Date.parse(point.t),
    ok: Math.max(0, point.exchanges - point.failed),
    failed: point.failed,
  }))
}

export function formatStep(stepSeconds: number): string {
  if (stepSeconds % 86_400 === 0)
    return stepSeconds === 86_400 ? 'day' : `${stepSeconds / 86_400} days`
  if (stepSeconds % 3_600 === 0) return stepSeconds === 3_600 ? 'hour' : `${stepSeconds / 3_600} h`
  if (stepSeconds % 60 === 0) return stepSeconds === 60 ? 'minute' : `${stepSeconds / 60} min`
  return `${stepSeconds} s`
}

/** "12,340 executions, 245 failed; busiest 512 per 30 s at 14:05:00 UTC." */
export function summarizeHistogram(
  points: readonly TimeseriesPoint[],
  stepSeconds: number,
  timeZone: TimeZonePreference,
): string {
  let total = 0
  let failed = 0
  let peak: TimeseriesPoint | null = null
  for (const point of points) {
    total += point.exchanges
    failed += point.failed
    if (!peak || point.exchanges > peak.exchanges) peak = point
  }
  const head = `${formatCount(total)} ${plural(total, 'execution')}, ${formatCount(failed)} failed`
  if (!peak || peak.exchanges === 0) return `${head}.`
  return `${head}; busiest ${formatCount(peak.exchanges)} per ${formatStep(stepSeconds)} at ${formatInstant(peak.t, timeZone)}.`
}
