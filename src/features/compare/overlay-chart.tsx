import { useCallback, useMemo } from 'react'
import type { ChartSeries } from '@/components/charts/chart-series'
import {
  TimeSeriesFigure,
  useChartView,
  type ChartView,
} from '@/components/charts/time-series-figure'
import { environmentLabelMarkingProduction } from '@/environment/environment-info'
import { useEnvironmentLookup } from '@/environment/use-environment-info'
import { summarizeValues } from '@/lib/series-summary'
import type { SeriesColumns } from '@/lib/time-series'

/**
 * The two sides' styles: colour (the first two series tokens), and also line style and words,
 * so neither colour vision nor a greyscale print is needed to tell the environments apart.
 */
const SIDE_STYLES = [
  { dashed: false, line: 'solid line' },
  { dashed: true, line: 'dashed line' },
] as const

export interface OverlaySide {
  env: string
  /** `null` while the side loads (or failed): the other side is drawn alone meanwhile. */
  columns: SeriesColumns | null
  status: string | null
}

interface Props {
  /** The chart's place on the page (useChartView), when the caller fetches by it. */
  view?: ChartView
  title: string
  subtitle?: string
  unit: string
  sides: readonly [OverlaySide, OverlaySide]
  domain: { from: number; to: number }
  stepMs: number
  emptyText: string
}

/** "Production (prod, production)": the side's environment, production said in words. */
function useSideName(): (env: string) => string {
  const lookup = useEnvironmentLookup()
  return useCallback((env) => environmentLabelMarkingProduction(lookup(env), env), [lookup])
}

const NO_VALUES: SeriesColumns = { times: [], values: [] }
const keyOf = (index: number) => `side-${index}`
const COLOUR_KEYS = [keyOf(0), keyOf(1)]

/**
 * One overlay chart: both environments on one time-series figure, one series per side (the
 * first solid, the second dashed), named in the legend with their line style, and a text
 * alternative with a row per environment.
 */
export function OverlayChart({ view, ...props }: Props) {
  const own = useChartView()
  return <OverlayFigure view={view ?? own} {...props} />
}

function OverlayFigure({
  view,
  title,
  subtitle,
  unit,
  sides,
  domain,
  stepMs,
  emptyText,
}: Props & { view: ChartView }) {
  const sideName = useSideName()
  const series = useMemo(
    () =>
      sides.map((side, index): ChartSeries => {
        const columns = side.columns ?? NO_VALUES
        return {
          id: keyOf(index),
          key: keyOf(index),
          label: sideName(side.env),
          primary: true,
          dashed: SIDE_STYLES[index]?.dashed ?? false,
          ...columns,
          summary: summarizeValues(columns.values),
          status: side.columns === null ? (side.status ?? 'loading…') : side.status,
        }
      }),
    [sides, sideName],
  )
  const names = useMemo(() => sides.map((side) => sideName(side.env)), [sides, sideName])
  return (
    <TimeSeriesFigure
      view={view}
      title={title}
      subtitle={subtitle}
      unit={unit}
      series={series}
      domain={domain}
      stepMs={stepMs}
      colourKeys={COLOUR_KEYS}
      noun="environment"
      legendOf="Environments of"
      keyName={(key) => names[COLOUR_KEYS.indexOf(key)] ?? key}
      legendNote={(key) => SIDE_STYLES[COLOUR_KEYS.indexOf(key)]?.line ?? null}
      table={{ rowHeader: 'Environment', each: 'in each environment' }}
      pending={sides.some((side) => side.columns === null && side.status === 'loading…')}
      emptyText={emptyText}
    />
  )
}
