import { CartesianGrid, Line, LineChart, XAxis, YAxis } from 'recharts'
import type { ChartPoint } from '@/lib/downsample'
import { formatMetricValue } from '@/lib/metric-units'
import type { TimeZonePreference } from '@/lib/preferences-store'
import { formatInstant } from '@/lib/time-format'

/**
 * The drawing: the only module of the compare view that imports recharts, loaded lazily once
 * an overlay chart has data. Points come already reduced to the plot's width. Decoration for
 * sighted users: the figure around it says the same in text (legend and table).
 */
export interface OverlayLine {
  id: string
  points: ChartPoint[]
  colour: string
  dashed: boolean
}

export const Y_AXIS_WIDTH = 76
export const CHART_MARGIN = { top: 6, right: 12, bottom: 0, left: 0 }

export function OverlayChartBody({
  lines,
  width,
  height,
  from,
  to,
  unit,
  timeZone,
}: {
  lines: readonly OverlayLine[]
  width: number
  height: number
  from: number
  to: number
  unit: string
  timeZone: TimeZonePreference
}) {
  const spansDays = to - from > 86_400_000
  const tick = (value: number) =>
    formatInstant(new Date(value), timeZone, { withDate: spansDays }).replace(/:\d{2}(\s|$).*$/, '')
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
        domain={[0, 'auto']}
        tickFormatter={(value: number) => formatMetricValue(value, unit)}
        tick={{ fontSize: 11, fill: 'var(--text-muted)' }}
      />
      {lines.map((line) => (
        <Line
          key={line.id}
          data={line.points}
          dataKey="v"
          type="linear"
          stroke={line.colour}
          strokeWidth={2}
          strokeDasharray={line.dashed ? '6 4' : undefined}
          dot={false}
          activeDot={false}
          connectNulls={false}
          isAnimationActive={false}
        />
      ))}
    </LineChart>
  )
}
