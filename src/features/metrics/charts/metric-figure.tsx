import { lazy, memo, Suspense, useId, useMemo, useReducer, useRef, useState } from 'react'
import { ChartSummaryTable } from '@/components/chart-summary-table'
import { downsampleColumns, type ChartPoint } from '@/lib/downsample'
import type { LineChartBodyProps } from './line-chart-body'
import { pluralize } from '@/lib/format'
import { formatMetricValue } from '@/lib/metric-units'
import { useTimeZonePreference } from '@/lib/preferences-store'
import { formatInstant } from '@/lib/time-format'
import { nearestIndex } from '@/lib/time-series'
import { colourFor, topKeys, type ChartSeries } from './chart-series'
import { initialLegendState, isShown, legendReducer } from './legend-state'
import { useElementWidth } from '@/components/use-element-width'
import { useInView } from './use-in-view'
import { useValueInTurn } from './use-render-turn'

// recharts (~115 kB gzipped) is not part of the page's first load: it arrives with the first
// chart, or earlier when a view knows charts are coming (preloadChartBody).
type ChartBodyModule = typeof import('./line-chart-body')
let chartBody: Promise<ChartBodyModule> | null = null
/** The module once loaded: charts then render it directly, without suspending. */
let loadedChartBody: ChartBodyModule | null = null

/** Starts fetching the drawing code, e.g. while a chart's data is on its way. */
export function preloadChartBody(): Promise<ChartBodyModule> {
  chartBody ??= import('./line-chart-body').then(
    (module) => (loadedChartBody = module),
    (error: unknown) => {
      chartBody = null // not fetched (offline, a new deploy): the next chart tries again
      throw error
    },
  )
  return chartBody
}
// Only for a chart drawn before the code has arrived. (Suspending is not free even when the
// code is there: React holds a revealed boundary back for up to 300 ms to batch reveals.)
const LazyLineChartBody = lazy(() =>
  preloadChartBody().then((module) => ({ default: module.LineChartBody })),
)

/** Must match line-chart-body.tsx (kept here so this module does not import recharts). The
 * plot's height (180 px) is in metrics.css. */
const Y_AXIS_WIDTH = 76
const HORIZONTAL_MARGIN = 12
const CHART_HEIGHT = 180
/** Series listed in the hover read-out under the chart. */
const READOUT_SERIES = 4

export interface MetricFigureProps {
  /** The figure's accessible name: the metric's label (or its name when the UI has none). */
  title: string
  /** Shown under the title, outside the name: the metric name, the unit, what it measures. */
  subtitle?: string
  unit: string
  series: readonly ChartSeries[]
  domain: { from: number; to: number }
  stepMs: number
  /** Every key the page may colour, so a key has the same colour on every chart. */
  colourKeys: readonly string[]
  /** What a legend key is: `agent`, `series`. */
  noun: string
  /** Draw only the top N keys by latest value unless `showAll`; `null` draws all. */
  topLimit: number | null
  showAll?: boolean
  onShowAllChange?: (showAll: boolean) => void
  /** Extra words for a key in the legend and the table (e.g. "DEAD"). */
  describeKey?: (key: string) => string | null
  emptyText: string
}

/**
 * One chart as a `figure`: title, plot (drawn once scrolled into view, reduced to its pixel
 * width), a legend beside it that scrolls instead of covering the plot, the top-N notice, and
 * a text alternative (latest, min, max and mean per series) behind a keyboard-reachable
 * disclosure.
 */
export const MetricFigure = memo(function MetricFigure({
  title,
  subtitle,
  unit,
  series,
  domain,
  stepMs,
  colourKeys,
  noun,
  topLimit,
  showAll = false,
  onShowAllChange,
  describeKey,
  emptyText,
}: MetricFigureProps) {
  const titleId = useId()
  const figureRef = useRef<HTMLElement>(null)
  const [plot, setPlot] = useState<HTMLDivElement | null>(null)
  const inView = useInView(figureRef)
  const width = useElementWidth(plot)
  const timeZone = useTimeZonePreference()
  const [legend, dispatch] = useReducer(legendReducer, initialLegendState)
  const [cursor, setCursor] = useState<number | null>(null)

  const { keys, hidden } = useMemo(
    () =>
      topLimit === null || showAll
        ? topKeys(series, Number.POSITIVE_INFINITY)
        : topKeys(series, topLimit),
    [series, topLimit, showAll],
  )
  const keySet = useMemo(() => new Set(keys), [keys])
  const plotWidth = Math.max(0, width - Y_AXIS_WIDTH - HORIZONTAL_MARGIN)
  const hasData = series.some((one) => one.times.length > 0)

  // What the plot is drawn from. A change (new data, a new width, the agents shown) waits
  // for this chart's turn (use-render-turn.ts); until then the plot shows what it had.
  const plotInput = useMemo(
    () => ({ series, keySet, plotWidth, from: domain.from, to: domain.to, stepMs }),
    [series, keySet, plotWidth, domain.from, domain.to, stepMs],
  )
  const drawnInput = useValueInTurn(plotInput, inView && plotWidth > 0 && hasData)

  // Reduced once per drawn input; highlighting and isolating only restyle.
  const reduced = useMemo(() => {
    const out = new Map<string, readonly ChartPoint[]>()
    if (!drawnInput) return out
    for (const one of drawnInput.series) {
      if (!drawnInput.keySet.has(one.key)) continue
      out.set(
        one.id,
        downsampleColumns(one, {
          width: drawnInput.plotWidth,
          from: drawnInput.from,
          to: drawnInput.to,
          gapMs: drawnInput.stepMs * 1.5,
        }),
      )
    }
    return out
  }, [drawnInput])

  const drawn = useMemo(
    () =>
      (drawnInput?.series ?? [])
        .filter((one) => reduced.has(one.id) && isShown(legend, one.key))
        .map((one) => ({
          id: one.id,
          points: reduced.get(one.id) ?? [],
          colour: colourFor(one.key, colourKeys),
          dashed: !one.primary,
          dimmed: legend.highlighted !== null && legend.highlighted !== one.key,
          emphasized: legend.highlighted === one.key,
        })),
    [drawnInput, reduced, legend, colourKeys],
  )

  const legendEntries = keys.map((key) => {
    const primary = series.find((one) => one.key === key && one.primary)
    return { key, latest: primary?.summary.latest ?? null, extra: describeKey?.(key) ?? null }
  })

  const onPointerMove = (event: React.PointerEvent<HTMLDivElement>) => {
    const box = event.currentTarget.getBoundingClientRect()
    const x = event.clientX - box.left - Y_AXIS_WIDTH
    if (x < 0 || x > plotWidth || plotWidth === 0) {
      setCursor(null)
      return
    }
    const t = domain.from + (x / plotWidth) * (domain.to - domain.from)
    setCursor(Math.round(t / stepMs) * stepMs)
  }

  return (
    <figure ref={figureRef} className="metric-figure" aria-labelledby={titleId}>
      <figcaption className="metric-figure-caption">
        <span id={titleId} className="metric-figure-title">
          {title}
        </span>
        {subtitle ? <span className="metric-figure-subtitle">{subtitle}</span> : null}
      </figcaption>
      {!hasData ? (
        <p className="metric-figure-empty">{emptyText}</p>
      ) : (
        <>
          <div className="metric-figure-body">
            <div
              ref={setPlot}
              className="metric-figure-plot"
              aria-hidden="true"
              onPointerMove={onPointerMove}
              onPointerLeave={() => setCursor(null)}
            >
              {drawnInput ? (
                <ChartBody
                  series={drawn}
                  width={drawnInput.plotWidth + Y_AXIS_WIDTH + HORIZONTAL_MARGIN}
                  height={CHART_HEIGHT}
                  from={drawnInput.from}
                  to={drawnInput.to}
                  unit={unit}
                  timeZone={timeZone}
                  cursor={cursor}
                />
              ) : (
                <div className="metric-figure-placeholder" />
              )}
            </div>
            <ul className="metric-legend" aria-label={`Series of ${title}`}>
              {legendEntries.map((entry) => (
                <li key={entry.key}>
                  <button
                    type="button"
                    className="metric-legend-entry"
                    aria-pressed={isShown(legend, entry.key)}
                    title="Click to show only this series; Ctrl- or ⌘-click to add or remove it"
                    onClick={(event) =>
                      dispatch({
                        type: 'click',
                        key: entry.key,
                        modified: event.ctrlKey || event.metaKey || event.shiftKey,
                        keys,
                      })
                    }
                    onPointerEnter={() => dispatch({ type: 'hover', key: entry.key })}
                    onPointerLeave={() => dispatch({ type: 'hover', key: null })}
                    onFocus={() => dispatch({ type: 'hover', key: entry.key })}
                    onBlur={() => dispatch({ type: 'hover', key: null })}
                  >
                    <span
                      className="metric-legend-swatch"
                      aria-hidden="true"
                      style={{ background: colourFor(entry.key, colourKeys) }}
                    />
                    <span className="metric-legend-name">{entry.key}</span>
                    {entry.extra ? (
                      <span className="metric-legend-extra">{entry.extra}</span>
                    ) : null}
                    <span className="metric-legend-value">
                      {formatMetricValue(entry.latest, unit)}
                    </span>
                  </button>
                </li>
              ))}
            </ul>
          </div>
          <Readout
            cursor={cursor}
            series={series.filter(
              (one) => one.primary && keySet.has(one.key) && isShown(legend, one.key),
            )}
            highlighted={legend.highlighted}
            unit={unit}
            timeZone={timeZone}
            stepMs={stepMs}
          />
          {hidden > 0 || (showAll && topLimit !== null && keys.length > topLimit) ? (
            <p className="metric-figure-hidden">
              {hidden > 0
                ? `${pluralize(hidden, noun)} hidden: showing the top ${topLimit} by latest value.`
                : `Showing all ${pluralize(keys.length, noun)}.`}{' '}
              {onShowAllChange ? (
                <button
                  type="button"
                  className="button button-quiet"
                  onClick={() => onShowAllChange(hidden > 0)}
                >
                  {hidden > 0
                    ? `Show all ${pluralize(keys.length + hidden, noun)}`
                    : `Show the top ${topLimit} only`}
                </button>
              ) : null}
            </p>
          ) : null}
          <TextAlternative title={title} series={series} unit={unit} describeKey={describeKey} />
        </>
      )}
    </figure>
  )
})

function ChartBody(props: LineChartBodyProps) {
  const LineChartBody = loadedChartBody?.LineChartBody
  if (LineChartBody) return <LineChartBody {...props} />
  return (
    <Suspense fallback={<div className="metric-figure-placeholder" />}>
      <LazyLineChartBody {...props} />
    </Suspense>
  )
}

/** What the pointer is over, under the chart (a tooltip over 40 lines would hide them). */
function Readout({
  cursor,
  series,
  highlighted,
  unit,
  timeZone,
  stepMs,
}: {
  cursor: number | null
  series: readonly ChartSeries[]
  highlighted: string | null
  unit: string
  timeZone: ReturnType<typeof useTimeZonePreference>
  stepMs: number
}) {
  if (cursor === null) return <p className="metric-readout" aria-hidden="true" />
  const values = series
    .map((one) => {
      const index = nearestIndex(one.times, cursor, stepMs)
      return { key: one.key, value: index < 0 ? null : (one.values[index] as number) }
    })
    .filter((entry) => entry.value !== null)
    .sort((a, b) =>
      a.key === highlighted ? -1 : b.key === highlighted ? 1 : (b.value ?? 0) - (a.value ?? 0),
    )
    .slice(0, READOUT_SERIES)
  return (
    <p className="metric-readout" aria-hidden="true">
      <strong>{formatInstant(new Date(cursor), timeZone)}</strong>
      {values.length === 0 ? ' · no data' : null}
      {values.map((entry) => (
        <span key={entry.key}>
          {' · '}
          {entry.key} {formatMetricValue(entry.value, unit)}
        </span>
      ))}
    </p>
  )
}

function TextAlternative({
  title,
  series,
  unit,
  describeKey,
}: {
  title: string
  series: readonly ChartSeries[]
  unit: string
  describeKey?: (key: string) => string | null
}) {
  const rows = series.map((one) => {
    const { summary } = one
    const extra = describeKey?.(one.key)
    return {
      key: one.id,
      label: `${one.label}${extra ? ` (${extra})` : ''}`,
      latest: formatMetricValue(summary.latest, unit),
      min: formatMetricValue(summary.min, unit),
      max: formatMetricValue(summary.max, unit),
      mean: formatMetricValue(summary.mean, unit),
    }
  })
  return (
    <ChartSummaryTable
      className="metric-table"
      title={title}
      rowHeader="Series"
      each="of each series"
      rows={rows}
    />
  )
}
