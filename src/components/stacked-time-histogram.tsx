import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts'
import type { TimeZonePreference } from '@/lib/preferences-store'
import { formatInstant } from '@/lib/time-format'

/**
 * Stacked bars over time, one bar per bucket (the executions and the log volume histograms).
 * It imports recharts: import it only from a module that is itself loaded with React.lazy, so
 * the chart library stays off every first visit. The chart is decoration for sighted mouse
 * users: the figure around it gives the same content as text.
 */
export interface StackedSeries {
  /** The field of a bar this series stacks. */
  key: string
  /** Its name in the tooltip. */
  name: string
  /** A colour token, e.g. `var(--bad-fg)`. */
  fill: string
}

export function StackedTimeHistogram<B extends { t: number }>({
  bars,
  series,
  stepSeconds,
  timeZone,
  height,
  yAxisWidth,
  onSelectBucket,
}: {
  bars: readonly B[]
  series: readonly StackedSeries[]
  stepSeconds: number
  timeZone: TimeZonePreference
  height: number
  yAxisWidth: number
  /** Clicking a bar narrows the view to that bucket. */
  onSelectBucket?: (from: Date, to: Date) => void
}) {
  const first = bars[0]
  const last = bars.at(-1)
  const spansDays = first !== undefined && last !== undefined && last.t - first.t > 86_400_000
  // Drop the zone name and seconds on ticks: the summary and tooltip carry the full time.
  const tick = (value: number) =>
    formatInstant(new Date(value), timeZone, { withDate: spansDays }).replace(/:\d{2}(\s|$).*$/, '')
  return (
    <ResponsiveContainer width="100%" height={height} initialDimension={{ width: 800, height }}>
      <BarChart
        data={bars as B[]}
        accessibilityLayer={false}
        margin={{ top: 4, right: 8, bottom: 0, left: 0 }}
        barCategoryGap={1}
        cursor={onSelectBucket ? 'pointer' : undefined}
        onClick={(state) => {
          const index = Number(state.activeIndex)
          const bar = Number.isInteger(index) ? bars[index] : undefined
          if (bar && onSelectBucket) {
            onSelectBucket(new Date(bar.t), new Date(bar.t + stepSeconds * 1000))
          }
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
          width={yAxisWidth}
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
        {series.map((one) => (
          <Bar
            key={one.key}
            dataKey={one.key}
            name={one.name}
            stackId="stack"
            fill={one.fill}
            isAnimationActive={false}
          />
        ))}
      </BarChart>
    </ResponsiveContainer>
  )
}
