import { lazy, Suspense, useId, useMemo, useState } from 'react'
import { ChartSummaryTable } from '@/components/chart-summary-table'
import { environmentLabelMarkingProduction } from '@/environment/environment-info'
import { useEnvironmentLookup } from '@/environment/use-environment-info'
import { downsampleMinMax, type TimePoint } from '@/lib/downsample'
import { formatMetricValue } from '@/lib/metric-units'
import { useTimeZonePreference } from '@/lib/preferences-store'
import { useElementWidth } from '@/components/use-element-width'

// recharts (~115 kB gzipped) arrives with the first overlay chart that has data.
const OverlayChartBody = lazy(() =>
  import('./overlay-chart-body').then((module) => ({ default: module.OverlayChartBody })),
)

/** Must match overlay-chart-body.tsx (kept here so this module does not import recharts). */
const Y_AXIS_WIDTH = 76
const HORIZONTAL_MARGIN = 12
const CHART_HEIGHT = 180

/**
 * The two sides' styles: colour, and also line style and words, so neither colour vision nor
 * a greyscale print is needed to tell the environments apart.
 */
export const SIDE_STYLES = [
  { colour: '#4e79a7', dashed: false, line: 'solid line' },
  { colour: '#e15759', dashed: true, line: 'dashed line' },
] as const

export interface OverlaySide {
  env: string
  /** `null` while the side loads (or failed): the other side is drawn alone meanwhile. */
  points: TimePoint[] | null
  status: string | null
}

interface Props {
  title: string
  subtitle?: string
  unit: string
  sides: readonly [OverlaySide, OverlaySide]
  domain: { from: number; to: number }
  stepMs: number
  emptyText: string
}

function summarize(points: readonly TimePoint[]) {
  if (points.length === 0) return null
  let min = Number.POSITIVE_INFINITY
  let max = Number.NEGATIVE_INFINITY
  let sum = 0
  for (const point of points) {
    min = Math.min(min, point.v)
    max = Math.max(max, point.v)
    sum += point.v
  }
  return { latest: points.at(-1)?.v ?? null, min, max, mean: sum / points.length }
}

/** "Production (prod, production)": the side's environment, production said in words. */
function useSideName(): (env: string) => string {
  const lookup = useEnvironmentLookup()
  return (env) => environmentLabelMarkingProduction(lookup(env), env)
}

/**
 * One overlay chart as a `figure`: both environments on one plot, a legend naming each side
 * with its line style, and a text alternative (latest, min, max, mean per environment).
 */
export function OverlayChart({ title, subtitle, unit, sides, domain, stepMs, emptyText }: Props) {
  const titleId = useId()
  const sideName = useSideName()
  const [plot, setPlot] = useState<HTMLDivElement | null>(null)
  const width = useElementWidth(plot)
  const timeZone = useTimeZonePreference()
  const plotWidth = Math.max(0, width - Y_AXIS_WIDTH - HORIZONTAL_MARGIN)

  const lines = useMemo(
    () =>
      sides.flatMap((side, index) => {
        const style = SIDE_STYLES[index] ?? SIDE_STYLES[0]
        if (!side.points || plotWidth === 0) return []
        return [
          {
            id: `${index}:${side.env}`,
            colour: style.colour,
            dashed: style.dashed,
            points: downsampleMinMax(side.points, {
              width: plotWidth,
              from: domain.from,
              to: domain.to,
              gapMs: stepMs * 1.5,
            }),
          },
        ]
      }),
    [sides, plotWidth, domain.from, domain.to, stepMs],
  )
  const hasData = sides.some((side) => (side.points?.length ?? 0) > 0)
  const allLoaded = sides.every((side) => side.points !== null)

  return (
    <figure className="compare-figure" aria-labelledby={titleId}>
      <figcaption className="compare-figure-caption">
        <span id={titleId} className="compare-figure-title">
          {title}
        </span>
        {subtitle ? <span className="compare-figure-subtitle">{subtitle}</span> : null}
      </figcaption>
      <ul className="compare-legend" aria-label={`Environments of ${title}`}>
        {sides.map((side, index) => {
          const style = SIDE_STYLES[index] ?? SIDE_STYLES[0]
          const latest = side.points?.at(-1)?.v
          return (
            <li key={`${index}:${side.env}`}>
              <svg width="28" height="10" aria-hidden="true" className="compare-legend-swatch">
                <line
                  x1="1"
                  y1="5"
                  x2="27"
                  y2="5"
                  stroke={style.colour}
                  strokeWidth="2.5"
                  strokeDasharray={style.dashed ? '6 4' : undefined}
                />
              </svg>
              <span className="compare-legend-name">{sideName(side.env)}</span>
              <span className="compare-legend-style">({style.line})</span>
              <span className="compare-legend-value">
                {side.status ??
                  (latest === undefined ? 'no data' : formatMetricValue(latest, unit))}
              </span>
            </li>
          )
        })}
      </ul>
      {!hasData ? (
        <p className="compare-figure-empty">{allLoaded ? emptyText : 'Loading…'}</p>
      ) : (
        <>
          <div ref={setPlot} className="compare-figure-plot" aria-hidden="true">
            {plotWidth > 0 ? (
              <Suspense fallback={<div className="compare-figure-placeholder" />}>
                <OverlayChartBody
                  lines={lines}
                  width={width}
                  height={CHART_HEIGHT}
                  from={domain.from}
                  to={domain.to}
                  unit={unit}
                  timeZone={timeZone}
                />
              </Suspense>
            ) : (
              <div className="compare-figure-placeholder" />
            )}
          </div>
          <TextAlternative title={title} sides={sides} unit={unit} />
        </>
      )}
    </figure>
  )
}

function TextAlternative({
  title,
  sides,
  unit,
}: {
  title: string
  sides: readonly OverlaySide[]
  unit: string
}) {
  const sideName = useSideName()
  const rows = sides.map((side, index) => {
    const summary = side.points ? summarize(side.points) : null
    const cell = (value: number | null | undefined) =>
      side.points === null ? (side.status ?? 'loading') : formatMetricValue(value, unit)
    return {
      key: `${index}:${side.env}`,
      label: sideName(side.env),
      latest: cell(summary?.latest),
      min: cell(summary?.min),
      max: cell(summary?.max),
      mean: cell(summary?.mean),
    }
  })
  return (
    <ChartSummaryTable
      className="compare-table-alt"
      title={title}
      rowHeader="Environment"
      each="in each environment"
      rows={rows}
    />
  )
}
