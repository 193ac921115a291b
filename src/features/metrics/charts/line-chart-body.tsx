import { CartesianGrid, Line, LineChart, ReferenceLine, XAxis, YAxis } from 'recharts'
import type { ChartPoint } from '@/lib/downsample'
import { formatMetricValue } from '@/lib/metric-units'
import type { TimeZonePreference } from '@/lib/preferences-store'
import { formatInstant } from '@/lib/time-format'

/**
 * The drawing itself: the only module of the metrics view that imports recharts, loaded with
 * React.lazy once a chart scrolls into view, so `/metrics` shows its tables and controls
 * before the chart library has arrived. Points come already reduced to the plot's width.
 * Decoration for sighted users: the figure around it carries the same content as text.
 */
export interface DrawnSeries {
  id: string
  points: ChartPoint[]
  colour: string
  dashed: boolean
  /** Another series is highlighted: this one fades. */
  dimmed: boolean
  emphasized: boolean
}

export interface LineChartBodyProps {
  series: readonly DrawnSeries[]
  width: number
  height: number
  from: number
  to: number
  unit: string
  timeZone: TimeZonePreference
  cursor: number | null
}

export const Y_AXIS_WIDTH = 76
export const CHART_MARGIN = { top: 6, right: 12, bottom: 0, left: 0 }

export function LineChartBody({
  series,
  width,
  height,
  from,
  to,
  unit,
  timeZone,
  cursor,
}: LineChartBodyProps) {
  const spansDays = to - from > 86_400_000
  const tick = (value: number) =>
    formatInstant(new Date(value), timeZone, { withDate: spansDays }).replace(/:\d{2}(\s|$).*$/, '')
  const negative = series.some((one) => one.points.some((point) => (point.v ?? 0) < 0))
  return (
    <LineChart width={width} height={height} margin={CHART_MARGIN} accessibilityLayer={false}>
      <CartesianGrid vertical={false} stroke="var(--border)" />
      <XAxis
        type="number"
        dataKey="t"
        scale="time"
        domain={[from, to]}
        allowDataOverflow
        tickFormatter={tick}
        minTickGap={56}
        tick={{ fontSize: 11, fill: 'var(--text-muted)' }}
      />
      <YAxis
        width={Y_AXIS_WIDTH}
        domain={negative ? ['auto', 'auto'] : [0, 'auto']}
        tickFormatter={(value: number) => formatMetricValue(value, unit)}
        tick={{ fontSize: 11, fill: 'var(--text-muted)' }}
      />
      {series.map((one) => (
        <Line
          key={one.id}
          data={one.points}
          dataKey="v"
          type="linear"
          stroke={one.colour}
          strokeWidth={one.emphasized ? 2.5 : 1.5}
          strokeOpacity={one.dimmed ? 0.2 : 1}
          strokeDasharray={one.dashed ? '5 4' : undefined}
          dot={false}
          activeDot={false}
          connectNulls={false}
          isAnimationActive={false}
        />
      ))}
      {cursor !== null ? (
        <ReferenceLine x={cursor} stroke="var(--text-muted)" strokeDasharray="2 2" />
      ) : null}
    </LineChart>
  )
}
