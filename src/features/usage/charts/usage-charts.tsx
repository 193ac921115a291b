import { memo, useMemo } from 'react'
import { seriesColour } from '@/components/charts/chart-layout'
import { StackedTimeHistogram } from '@/components/charts/stacked-time-histogram'
import type { UsagePoint } from '@/lib/api/types'
import type { TimeZonePreference } from '@/lib/preferences-store'
import type { Granularity } from '@/lib/resources/usage'
import type { MeasureDefinition } from '../usage-measures'
import { bucketLabel, bucketTick } from './bucket-labels'

/**
 * The usage page's charts, drawn by the chart family's bar body; this module is loaded with
 * React.lazy, so the page's totals and tables arrive without the chart library. The charts are
 * for sighted users: each has a table of the same buckets beside it.
 */

/** Production (the server's flag) always in the app's production colour, in every chart. */
function colourOf(production: boolean, index: number): string {
  return production ? 'var(--prod)' : seriesColour(index)
}

const Y_AXIS_WIDTH = 64

function bucketStepSeconds(granularity: Granularity): number {
  return granularity === 'day' ? 86_400 : 3_600
}

function formats(
  measure: MeasureDefinition,
  granularity: Granularity,
  timeZone: TimeZonePreference,
) {
  return {
    formatTick: (t: number, spansDays: boolean) => bucketTick(t, granularity, timeZone, spansDays),
    formatLabel: (t: number) => bucketLabel(t, granularity, timeZone),
    formatValue: { axis: measure.short, exact: measure.exact },
  }
}

/**
 * The page re-renders as each of its other requests settles (every environment, the period
 * before, the forecast); the charts only when their own buckets or options change: a month
 * of hours is 744 bars to draw again.
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
  const bars = useMemo(
    () => points.map((point) => ({ t: Date.parse(point.t), value: point[measure.key] })),
    [points, measure.key],
  )
  const series = useMemo(
    () => [{ key: 'value', name: measure.label, fill: 'var(--accent)' }],
    [measure.label],
  )
  return (
    <StackedTimeHistogram
      bars={bars}
      series={series}
      stepSeconds={bucketStepSeconds(granularity)}
      timeZone={timeZone}
      height={180}
      yAxisWidth={Y_AXIS_WIDTH}
      {...formats(measure, granularity, timeZone)}
    />
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
    const bars = useMemo(() => {
      const rows = new Map<number, { t: number } & Record<string, number>>()
      for (const { environment, points } of series) {
        for (const point of points) {
          const t = Date.parse(point.t)
          const row = rows.get(t) ?? { t }
          row[environment] = point[measure.key]
          rows.set(t, row)
        }
      }
      return [...rows.values()].sort((a, b) => a.t - b.t)
    }, [series, measure.key])
    const stacks = useMemo(
      () =>
        series.map(({ environment, label, production }, index) => ({
          key: environment,
          name: label,
          fill: colourOf(production, index),
        })),
      [series],
    )
    return (
      <StackedTimeHistogram
        bars={bars}
        series={stacks}
        stepSeconds={bucketStepSeconds(granularity)}
        timeZone={timeZone}
        height={220}
        yAxisWidth={Y_AXIS_WIDTH}
        legend
        {...formats(measure, granularity, timeZone)}
      />
    )
  },
  (before, after) =>
    sameSeries(before.series, after.series) &&
    before.measure === after.measure &&
    before.granularity === after.granularity &&
    before.timeZone === after.timeZone,
)
