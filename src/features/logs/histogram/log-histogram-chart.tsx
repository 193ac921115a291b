import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts'
import type { TimeZonePreference } from '@/lib/preferences-store'
import { formatInstant } from '@/lib/time-format'
import type { LogVolumeBar } from './log-volume-bars'

/**
 * The stacked bars. The only file of the logs view that imports recharts; loaded with
 * React.lazy after the lines, so the chart library never delays them. Decoration for mouse
 * users: the figure around it gives the same content as text.
 */
const SERIES = [
  { key: 'ERROR', fill: 'var(--bad-fg)' },
  { key: 'WARN', fill: 'var(--warn-fg)' },
  { key: 'INFO', fill: 'var(--ok-fg)' },
  { key: 'DEBUG', fill: 'var(--text-muted)' },
  { key: 'TRACE', fill: 'var(--border)' },
] as const

export function LogHistogramChart({
  bars,
  stepSeconds,
  timeZone,
  onSelectBucket,
}: {
  bars: readonly LogVolumeBar[]
  stepSeconds: number
  timeZone: TimeZonePreference
  onSelectBucket: (from: Date, to: Date) => void
}) {
  const first = bars[0]
  const last = bars.at(-1)
  const spansDays = first !== undefined && last !== undefined && last.t - first.t > 86_400_000
  const tick = (value: number) =>
    formatInstant(new Date(value), timeZone, { withDate: spansDays }).replace(/:\d{2}(\s|$).*$/, '')
  return (
    <ResponsiveContainer width="100%" height={110} initialDimension={{ width: 800, height: 110 }}>
      <BarChart
        data={bars as LogVolumeBar[]}
        accessibilityLayer={false}
        margin={{ top: 4, right: 8, bottom: 0, left: 0 }}
        barCategoryGap={1}
        cursor="pointer"
        onClick={(state) => {
          const index = Number(state.activeIndex)
          const bar = Number.isInteger(index) ? bars[index] : undefined
          if (bar) onSelectBucket(new Date(bar.t), new Date(bar.t + stepSeconds * 1000))
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
          width={48}
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
        {SERIES.map((series) => (
          <Bar
            key={series.key}
            dataKey={series.key}
            name={series.key}
            stackId="levels"
            fill={series.fill}
            isAnimationActive={false}
          />
        ))}
      </BarChart>
    </ResponsiveContainer>
  )
}
