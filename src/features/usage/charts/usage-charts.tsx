import { memo, useMemo } from 'react'
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
import type { UsagePoint } from '@/lib/api/types'
import type { TimeZonePreference } from '@/lib/preferences-store'
import type { Granularity } from '../period/usage-period'
import type { MeasureDefinition } from '../usage-measures'
import { bucketLabel, bucketTick } from './bucket-labels'

/**
 * The only module of the usage page that imports recharts; it is loaded with React.lazy, so
 * the page's totals and tables arrive without the chart library. The charts are for sighted
 * users: each has a table of the same buckets beside it.
 */

/** Colours per environment, in the order the table lists them; from the theme's series tokens. */
// Theme tokens (app/styles.css): the charts follow light and dark like the rest of the page.
export const ENVIRONMENT_COLOURS = [1, 2, 3, 4, 5, 6].map((index) => `var(--series-${index})`)

/** Production (the server's flag) always in the app's production colour, in every chart. */
function colourOf(production: boolean, index: number): string {
  if (production) return 'var(--prod)'
  return ENVIRONMENT_COLOURS[index % ENVIRONMENT_COLOURS.length] ?? 'var(--series-1)'
}

const axisTick = { fontSize: 11, fill: 'var(--text-muted)' }
const tooltipStyle = {
  background: 'var(--surface)',
  border: '1px solid var(--border)',
  color: 'var(--text)',
}

function ticks(
  points: readonly { t: number }[],
  granularity: Granularity,
  timeZone: TimeZonePreference,
) {
  const first = points[0]?.t ?? 0
  const last = points.at(-1)?.t ?? 0
  const spansDays = last - first >= 86_400_000
  return (value: number) => bucketTick(value, granularity, timeZone, spansDays)
}

/**
 * The page re-renders as each of its other requests settles (every environment, the period
 * before, the forecast); the charts only when their own buckets or options change: a month
 * of hours is 744 bars for recharts to lay out again.
 */
export const UsageBucketChart = memo(function UsageBucketChart({
  points,
  measure,
  granularity,
  timeZone,
}: {
  points: readonly UsagePoint[]
  measure: MeasureDefinition
  granularity: Granularity
  timeZone: TimeZonePreference
}) {
  const data = useMemo(
    () => points.map((point) => ({ t: Date.parse(point.t), value: point[measure.key] })),
    [points, measure.key],
  )
  return (
    <ResponsiveContainer width="100%" height={180} initialDimension={{ width: 800, height: 180 }}>
      <BarChart
        data={data}
        accessibilityLayer={false}
        margin={{ top: 4, right: 8, bottom: 0, left: 0 }}
        barCategoryGap={1}
      >
        <CartesianGrid vertical={false} stroke="var(--border)" />
        <XAxis
          dataKey="t"
          tickFormatter={ticks(data, granularity, timeZone)}
          minTickGap={40}
          tick={axisTick}
        />
        <YAxis width={64} tick={axisTick} tickFormatter={(value: number) => measure.short(value)} />
        <Tooltip
          labelFormatter={(value) => bucketLabel(Number(value), granularity, timeZone)}
          formatter={(value) => [measure.exact(Number(value)), measure.label]}
          contentStyle={tooltipStyle}
        />
        <Bar dataKey="value" name={measure.label} fill="var(--accent)" isAnimationActive={false} />
      </BarChart>
    </ResponsiveContainer>
  )
})

interface StackedChartProps {
  series: ReadonlyArray<{
    environment: string
    /** "Production (prod)" */
    label: string
    production: boolean
    points: readonly UsagePoint[]
  }>
  measure: MeasureDefinition
  granularity: Granularity
  timeZone: TimeZonePreference
}

/** The same series: the same environments in the same order, each with the same answer. */
function sameSeries(a: StackedChartProps['series'], b: StackedChartProps['series']): boolean {
  return (
    a.length === b.length &&
    a.every(
      (entry, i) =>
        entry.environment === b[i]?.environment &&
        entry.label === b[i]?.label &&
        entry.production === b[i]?.production &&
        entry.points === b[i]?.points,
    )
  )
}

/** Memoised like UsageBucketChart; its series array is rebuilt by every render of the table. */
export const UsageStackedChart = memo(
  function UsageStackedChart({ series, measure, granularity, timeZone }: StackedChartProps) {
    const data = useMemo(() => {
      const rows = new Map<number, Record<string, number>>()
      for (const { environment, points } of series) {
        for (const point of points) {
          const t = Date.parse(point.t)
          const row = rows.get(t) ?? { t }
          row[environment] = point[measure.key]
          rows.set(t, row)
        }
      }
      return [...rows.values()].sort((a, b) => (a.t ?? 0) - (b.t ?? 0)) as Array<{ t: number }>
    }, [series, measure.key])
    return (
      <ResponsiveContainer width="100%" height={220} initialDimension={{ width: 800, height: 220 }}>
        <BarChart
          data={data}
          accessibilityLayer={false}
          margin={{ top: 4, right: 8, bottom: 0, left: 0 }}
          barCategoryGap={1}
        >
          <CartesianGrid vertical={false} stroke="var(--border)" />
          <XAxis
            dataKey="t"
            tickFormatter={ticks(data, granularity, timeZone)}
            minTickGap={40}
            tick={axisTick}
          />
          <YAxis
            width={64}
            tick={axisTick}
            tickFormatter={(value: number) => measure.short(value)}
          />
          <Tooltip
            labelFormatter={(value) => bucketLabel(Number(value), granularity, timeZone)}
            formatter={(value, name) => [measure.exact(Number(value)), String(name)]}
            contentStyle={tooltipStyle}
          />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          {series.map(({ environment, label, production }, index) => (
            <Bar
              key={environment}
              dataKey={environment}
              name={label}
              stackId="environments"
              fill={colourOf(production, index)}
              isAnimationActive={false}
            />
          ))}
        </BarChart>
      </ResponsiveContainer>
    )
  },
  (before, after) =>
    sameSeries(before.series, after.series) &&
    before.measure === after.measure &&
    before.granularity === after.granularity &&
    before.timeZone === after.timeZone,
)
