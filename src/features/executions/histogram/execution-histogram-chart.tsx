import {
  StackedTimeHistogram,
  type StackedSeries,
} from '@/components/charts/stacked-time-histogram'
import type { TimeZonePreference } from '@/lib/preferences-store'
import type { HistogramBar } from './histogram-bars'

/**
 * The bars themselves. Loaded with React.lazy (it brings the chart code), so that code is
 * downloaded only when the execution search draws its histogram.
 */
export interface ExecutionHistogramChartProps {
  bars: readonly HistogramBar[]
  stepSeconds: number
  timeZone: TimeZonePreference
  /** Clicking a bar narrows the view to that bucket. */
  onSelectBucket?: (from: Date, to: Date) => void
}

const SERIES: readonly StackedSeries[] = [
  { key: 'ok', name: 'Completed or running', fill: 'var(--ok-fg)' },
  { key: 'failed', name: 'Failed', fill: 'var(--bad-fg)' },
]

export function ExecutionHistogramChart(props: ExecutionHistogramChartProps) {
  return <StackedTimeHistogram {...props} series={SERIES} height={140} yAxisWidth={44} />
}
