import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts'
import type { TimeZonePreference } from '@/lib/preferences-store'
import { formatInstant } from '@/lib/time-format'
import type { HistogramBar } from './histogram-bars'

/**
 * The bars themselves. This file is the only one that imports recharts, and it is loaded with
 * React.lazy, so the chart library is downloaded only when the execution search is opened.
 * The chart is decoration for sighted mouse users: its content is also given as text by the
 * surrounding figure.
 */
export interface ExecutionHistogramChartProps {
  bars: readonly HistogramBar[]
  stepSeconds: number
  timeZone: TimeZonePreference
  /** Clicking a bar narrows the view to that bucket. */
  onSelectBucket?: (from: Date, to: Date) => void
}

export function ExecutionHistogramChart({
  bars,
  stepSeconds,
  timeZone,
  onSelectBucket,
}: ExecutionHistogramChartProps) {
  const first = bars[0]
  const last = bars.at(-1)
  const spansDays = first !== undefined && last !== undefined && last.t - first.t > 86_400_000
  const tick = (value: number) => {
    const text = formatInstant(new Date(value), timeZone, { withDate: spansDays })
    // Drop the zone name and seconds on ticks: the summary and tooltip carry the full time.
    return text.replace(/:\d{2}(\s|$).*$/, '')
  }
  return (
    <ResponsiveContainer width="100%" height={140} initialDimension={{ width: 800, height: 140 }}>
      <BarChart
        data={bars as HistogramBar[]}
        accessibilityLayer={false}
        margin={{ top: 4, right: 8, bottom: 0, left: 0 }}
        barCategoryGap={1}
        cursor={onSelectBucket ? 'pointer' : undefined}
        onClick={(state) => {
          const index = Number(state.activeIndex)
          const bar = Number.isInteger(index) ? bars[index] : undefined
          if (bar && onSelectBucket)
            onSelectBucket(new Date(bar.t), new Date(bar.t + stepSeconds * 1000))
        }}
      >
        <CartesianGrid vertical={false} stroke="var(--border)" />
        <XAxis
          dataKey="t"
          tickFormatter={tick}
          minTickGap={48}
          tick={{ fontSize: 11, fill: 'var(--text-muted)' }}
        />
        <YAxis
          allowDecimals={false}
          width={44}
          tick={{ fontSize: 11, fill: 'var(--text-muted)' }}
        />
        <Tooltip
          labelFormatter={(value) => formatInstant(new Date(Number(value)), timeZone)}
          contentStyle={{
            background: 'var(--surface)',
            border: '1px solid var(--border)',
            color: 'var(--text)',
          }}
        />
        <Bar
          dataKey="ok"
          name="Completed or running"
          stackId="executions"
          fill="var(--ok-fg)"
          isAnimationActive={false}
        />
        <Bar
          dataKey="failed"
          name="Failed"
          stackId="executions"
          fill="var(--bad-fg)"
          isAnimationActive={false}
        />
      </BarChart>
    </ResponsiveContainer>
  )
}
