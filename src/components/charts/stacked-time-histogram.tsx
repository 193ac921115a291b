import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts'
import type { TimeZonePreference } from '@/lib/preferences-store'
import { formatInstant } from '@/lib/time-format'
import { TICK_STYLE, TOOLTIP_STYLE } from './chart-layout'

/**
 * Stacked bars over time, one bar per bucket (the executions and log volume histograms, the
 * usage charts): the chart family's bar body. It imports recharts: import it only from a
 * module that is itself loaded with React.lazy, so the chart library stays off every first
 * visit. The chart is decoration for sighted mouse users: the figure around it gives the same
 * content as text.
 */
export interface StackedSeries {
  /** The field of a bar this series stacks. */
  key: string
  /** Its name in the tooltip (and the legend). */
  name: string
  /** A colour token, e.g. `var(--bad-fg)`. */
  fill: string
}

const MARGIN = { top: 4, right: 8, bottom: 0, left: 0 }

export function StackedTimeHistogram<B extends { t: number }>({
  bars,
  series,
  stepSeconds,
  timeZone,
  height,
  yAxisWidth,
  onSelectBucket,
  formatTick,
  formatLabel = (t) => formatInstant(new Date(t), timeZone),
  formatValue,
  legend = false,
}: {
  bars: readonly B[]
  series: readonly StackedSeries[]
  stepSeconds: number
  timeZone: TimeZonePreference
  height: number
  yAxisWidth: number
  /** Clicking a bar narrows the view to that bucket. */
  onSelectBucket?: (from: Date, to: Date) => void
  /** An x-axis tick (default: the time, without zone and seconds; with the date over days). */
  formatTick?: (t: number, spansDays: boolean) => string
  /** A bucket in the tooltip (default: its start instant). */
  formatLabel?: (t: number) => string
  /** A value on the y axis and in the tooltip (default: whole numbers as they are). */
  formatValue?: { axis: (value: number) => string; exact: (value: number) => string }
  /** Name the series under the chart. */
  legend?: boolean
}) {
  const first = bars[0]
  const last = bars.at(-1)
  const spansDays = first !== undefined && last !== undefined && last.t - first.t > 86_400_000
  // Drop the zone name and seconds on ticks: the summary and tooltip carry the full time.
  const tick = (value: number) =>
    formatTick
      ? formatTick(value, spansDays)
      : formatInstant(new Date(value), timeZone, { withDate: spansDays }).replace(
          /:\d{2}(\s|$).*$/,
          '',
        )
  return (
    <ResponsiveContainer width="100%" height={height} initialDimension={{ width: 800, height }}>
      <BarChart
        data={bars as B[]}
        accessibilityLayer={false}
        margin={MARGIN}
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
        <XAxis dataKey="t" tickFormatter={tick} minTickGap={48} tick={TICK_STYLE} />
        <YAxis
          allowDecimals={false}
          width={yAxisWidth}
          tick={TICK_STYLE}
          tickFormatter={formatValue?.axis}
        />
        <Tooltip
          labelFormatter={(value) => formatLabel(Number(value))}
          formatter={
            formatValue
              ? (value, name) => [formatValue.exact(Number(value)), String(name)]
              : undefined
          }
          contentStyle={TOOLTIP_STYLE}
        />
        {legend ? <Legend wrapperStyle={{ fontSize: 12 }} /> : null}
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
