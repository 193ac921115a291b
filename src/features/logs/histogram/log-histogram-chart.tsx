import {
  StackedTimeHistogram,
  type StackedSeries,
} from '@/components/charts/stacked-time-histogram'
import type { TimeZonePreference } from '@/lib/preferences-store'
import type { LogVolumeBar } from './log-volume-bars'

/**
 * The stacked bars by level. Loaded with React.lazy after the lines (it brings the chart code),
 * so the chart library never delays them.
 */
const SERIES: readonly StackedSeries[] = [
  { key: 'ERROR', name: 'ERROR', fill: 'var(--bad-fg)' },
  { key: 'WARN', name: 'WARN', fill: 'var(--warn-fg)' },
  { key: 'INFO', name: 'INFO', fill: 'var(--ok-fg)' },
  { key: 'DEBUG', name: 'DEBUG', fill: 'var(--text-muted)' },
  { key: 'TRACE', name: 'TRACE', fill: 'var(--border)' },
]

export function LogHistogramChart(props: {
  bars: readonly LogVolumeBar[]
  stepSeconds: number
  timeZone: TimeZonePreference
  onSelectBucket: (from: Date, to: Date) => void
}) {
  return <StackedTimeHistogram {...props} series={SERIES} height={110} yAxisWidth={48} />
}
