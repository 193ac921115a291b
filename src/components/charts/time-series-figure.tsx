import {
  lazy,
  memo,
  Suspense,
  useEffect,
  useId,
  useMemo,
  useReducer,
  useState,
  type ReactNode,
} from 'react'
import { downsampleColumns, type ChartPoint } from '@/lib/downsample'
import { pluralize } from '@/lib/format'
import { formatMetricValue } from '@/lib/metric-units'
import { useTimeZonePreference } from '@/lib/preferences-store'
import { formatInstant } from '@/lib/time-format'
import { nearestIndex } from '@/lib/time-series'
import { useElementWidth } from '@/components/use-element-width'
import { CHART_HEIGHT, CHART_MARGIN, plotWidthOf, Y_AXIS_WIDTH } from './chart-layout'
import { colourFor, topKeys, type ChartSeries } from './chart-series'
import { ChartSummaryTable } from './chart-summary-table'
import type { LineChartBodyProps } from './line-chart-body'
import { ChartLegend } from './chart-legend'
import { initialLegendState, isShown, legendReducer, type LegendState } from './legend-state'
import { useInView } from './use-in-view'
import { useValueInTurn } from './use-render-turn'
import './charts.css'

// The drawing code (d3's scales and shapes) is not part of a page's first load: a figure starts
// fetching it when it mounts, so it arrives while the chart's data is on its way.
type ChartBodyModule = typeof import('./line-chart-body')
let chartBody: Promise<ChartBodyModule> | null = null
/** The module once loaded: charts then render it directly, without suspending. */
let loadedChartBody: ChartBodyModule | null = null

/** Starts fetching the drawing code. */
function preloadChartBody(): Promise<ChartBodyModule> {
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

/** Series listed in the hover read-out under the chart. */
const READOUT_SERIES = 4

/**
 * Where a chart is on the page, for the caller to fetch what it draws: whether it has come
 * near the viewport (`inView`, and then stays so) and its plot's width in pixels (about one
 * bucket per pixel is what to ask for). Pass it to the figure as `view`.
 */
export interface ChartView {
  setFigure: (element: HTMLElement | null) => void
  setPlot: (element: HTMLDivElement | null) => void
  inView: boolean
  plotWidth: number
}

export function useChartView(): ChartView {
  const [figure, setFigure] = useState<HTMLElement | null>(null)
  const [plot, setPlot] = useState<HTMLDivElement | null>(null)
  const inView = useInView(figure)
  // Kept while the plot is not shown (an empty answer): the next request asks for as much.
  const plotWidth = plotWidthOf(useElementWidth(plot))
  // One object while nothing changed: the figure is memoized on its props.
  return useMemo(() => ({ setFigure, setPlot, inView, plotWidth }), [inView, plotWidth])
}

export interface TimeSeriesFigureProps {
  view: ChartView
  /** The figure's accessible name. */
  title: string
  /** Shown under the title, outside the name: the metric name, the unit, what it measures. */
  subtitle?: string
  unit: string
  series: readonly ChartSeries[]
  domain: { from: number; to: number }
  stepMs: number
  /** Every key the page may colour, so a key has the same colour on every chart. */
  colourKeys: readonly string[]
  /** What a legend key is: `agent`, `series`, `environment`. */
  noun: string
  /** The legend's name before the title: "Series of" (default), "Environments of". */
  legendOf?: string
  /** How a key reads in the legend (default: the key itself). */
  keyName?: (key: string) => string
  /** Extra words for a key in the legend and the table (e.g. "DEAD"). */
  describeKey?: (key: string) => string | null
  /** Words for a key's line in the legend only (e.g. "dashed line"). */
  legendNote?: (key: string) => string | null
  /** Draw only the top N keys by latest value unless `showAll`; `null` (default) draws all. */
  topLimit?: number | null
  showAll?: boolean
  onShowAllChange?: (showAll: boolean) => void
  /** The text alternative's first column and what a row is ("of each series"). */
  table?: { rowHeader: string; each: string }
  /** Nothing to draw yet: the plot keeps its place (and is measured) meanwhile. */
  pending?: boolean
  /** Shown instead of the chart, e.g. the error of the chart's request. */
  problem?: ReactNode
  emptyText: string
  /** Time intervals shaded behind the lines; say them in words beside the figure too. */
  bands?: LineChartBodyProps['bands']
}

/**
 * One time-series chart as a `figure`: title, plot (drawn once scrolled into view, reduced to
 * its pixel width), a legend beside it that scrolls instead of covering the plot (a click
 * isolates a series), a read-out of what the pointer is over, the top-N notice, and a text
 * alternative (latest, min, max and mean per series) behind a keyboard-reachable disclosure.
 */
export const TimeSeriesFigure = memo(function TimeSeriesFigure({
  view,
  title,
  subtitle,
  unit,
  series,
  domain,
  stepMs,
  colourKeys,
  noun,
  legendOf = 'Series of',
  keyName = (key) => key,
  describeKey,
  legendNote,
  topLimit = null,
  showAll = false,
  onShowAllChange,
  table = { rowHeader: 'Series', each: 'of each series' },
  pending = false,
  problem,
  emptyText,
  bands,
}: TimeSeriesFigureProps) {
  const titleId = useId()
  const timeZone = useTimeZonePreference()
  const [legend, dispatch] = useReducer(legendReducer, initialLegendState)
  const [cursor, setCursor] = useState<number | null>(null)
  const { plotWidth, inView, setFigure, setPlot } = view
  useEffect(() => {
    // Not fetched (offline, a new deploy): the chart tries again when it draws.
    preloadChartBody().catch(() => {})
  }, [])

  const { keys, hidden } = useMemo(
    () =>
      topLimit === null || showAll
        ? topKeys(series, Number.POSITIVE_INFINITY)
        : topKeys(series, topLimit),
    [series, topLimit, showAll],
  )
  const keySet = useMemo(() => new Set(keys), [keys])
  const hasData = series.some((one) => one.summary.latest !== null)

  // What the plot is drawn from, in this chart's turn (use-render-turn.ts).
  const { drawnInput, drawn } = useDrawnSeries({
    plotInput: { series, keySet, plotWidth, from: domain.from, to: domain.to, stepMs, bands },
    ready: inView && plotWidth > 0 && hasData,
    legend,
    colourKeys,
  })

  const legendEntries = keys.map((key) => {
    const primary = series.find((one) => one.key === key && one.primary)
    return {
      key,
      dashed: primary?.dashed ?? false,
      value: primary?.status ?? formatMetricValue(primary?.summary.latest ?? null, unit),
      extra: describeKey?.(key) ?? null,
      note: legendNote?.(key) ?? null,
    }
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

  const plot = (
    <div
      ref={setPlot}
      className="chart-figure-plot"
      aria-hidden="true"
      onPointerMove={onPointerMove}
      onPointerLeave={() => setCursor(null)}
    >
      {drawnInput && hasData ? (
        <ChartBody
          series={drawn}
          width={drawnInput.plotWidth + Y_AXIS_WIDTH + CHART_MARGIN.right}
          height={CHART_HEIGHT}
          from={drawnInput.from}
          to={drawnInput.to}
          unit={unit}
          timeZone={timeZone}
          cursor={cursor}
          bands={drawnInput.bands}
        />
      ) : (
        <div className="chart-figure-placeholder" />
      )}
    </div>
  )

  return (
    <figure ref={setFigure} className="chart-figure" aria-labelledby={titleId} aria-busy={pending}>
      <figcaption className="chart-figure-caption">
        <span id={titleId} className="chart-figure-title">
          {title}
        </span>
        {subtitle ? <span className="chart-figure-subtitle">{subtitle}</span> : null}
      </figcaption>
      {problem ? (
        problem
      ) : !hasData && !pending ? (
        <p className="chart-figure-empty">{emptyText}</p>
      ) : (
        <>
          <div className="chart-figure-body">
            {plot}
            <ChartLegend
              label={`${legendOf} ${title}`}
              entries={legendEntries}
              keys={keys}
              legend={legend}
              dispatch={dispatch}
              colourKeys={colourKeys}
              keyName={keyName}
            />
          </div>
          <Readout
            cursor={cursor}
            series={series.filter(
              (one) => one.primary && keySet.has(one.key) && isShown(legend, one.key),
            )}
            keyName={keyName}
            highlighted={legend.highlighted}
            unit={unit}
            timeZone={timeZone}
            stepMs={stepMs}
          />
          <TopNotice
            hidden={hidden}
            shown={keys.length}
            topLimit={topLimit}
            showAll={showAll}
            noun={noun}
            onShowAllChange={onShowAllChange}
          />
          {hasData ? (
            <TextAlternative
              title={title}
              series={series}
              unit={unit}
              table={table}
              describeKey={describeKey}
            />
          ) : null}
        </>
      )}
    </figure>
  )
})

function ChartBody(props: LineChartBodyProps) {
  const LineChartBody = loadedChartBody?.LineChartBody
  if (LineChartBody) return <LineChartBody {...props} />
  return (
    <Suspense fallback={<div className="chart-figure-placeholder" />}>
      <LazyLineChartBody {...props} />
    </Suspense>
  )
}

/** What the pointer is over, under the chart (a tooltip over 40 lines would hide them). */
function Readout({
  cursor,
  series,
  keyName,
  highlighted,
  unit,
  timeZone,
  stepMs,
}: {
  cursor: number | null
  series: readonly ChartSeries[]
  keyName: (key: string) => string
  highlighted: string | null
  unit: string
  timeZone: ReturnType<typeof useTimeZonePreference>
  stepMs: number
}) {
  if (cursor === null) return <p className="chart-readout" aria-hidden="true" />
  const values = series
    .map((one) => {
      const index = nearestIndex(one.times, cursor, stepMs)
      return { key: one.key, value: index < 0 ? null : (one.values[index] ?? null) }
    })
    .filter((entry) => entry.value !== null)
    .sort((a, b) =>
      a.key === highlighted ? -1 : b.key === highlighted ? 1 : (b.value ?? 0) - (a.value ?? 0),
    )
    .slice(0, READOUT_SERIES)
  return (
    <p className="chart-readout" aria-hidden="true">
      <strong>{formatInstant(new Date(cursor), timeZone)}</strong>
      {values.length === 0 ? ' · no data' : null}
      {values.map((entry) => (
        <span key={entry.key}>
          {' · '}
          {keyName(entry.key)} {formatMetricValue(entry.value, unit)}
        </span>
      ))}
    </p>
  )
}

function TextAlternative({
  title,
  series,
  unit,
  table,
  describeKey,
}: {
  title: string
  series: readonly ChartSeries[]
  unit: string
  table: { rowHeader: string; each: string }
  describeKey?: (key: string) => string | null
}) {
  const rows = () =>
    series.map((one) => {
      const { summary, status } = one
      const extra = describeKey?.(one.key)
      const cell = (value: number | null) => status ?? formatMetricValue(value, unit)
      return {
        key: one.id,
        label: `${one.label}${extra ? ` (${extra})` : ''}`,
        latest: cell(summary.latest),
        min: cell(summary.min),
        max: cell(summary.max),
        mean: cell(summary.mean),
      }
    })
  return (
    <ChartSummaryTable
      className="chart-table"
      title={title}
      rowHeader={table.rowHeader}
      each={table.each}
      rows={rows}
    />
  )
}

/** Says how many series the top-N limit hides (or that all are shown), with the switch. */
function TopNotice({
  hidden,
  shown,
  topLimit,
  showAll,
  noun,
  onShowAllChange,
}: {
  hidden: number
  shown: number
  topLimit: number | null
  showAll: boolean
  noun: string
  onShowAllChange?: (showAll: boolean) => void
}) {
  if (!(hidden > 0 || (showAll && topLimit !== null && shown > topLimit))) return null
  return (
    <p className="chart-figure-hidden">
      {hidden > 0
        ? `${pluralize(hidden, noun)} hidden: showing the top ${topLimit} by latest value.`
        : `Showing all ${pluralize(shown, noun)}.`}{' '}
      {onShowAllChange ? (
        <button
          type="button"
          className="button button-quiet"
          onClick={() => onShowAllChange(hidden > 0)}
        >
          {hidden > 0
            ? `Show all ${pluralize(shown + hidden, noun)}`
            : `Show the top ${topLimit} only`}
        </button>
      ) : null}
    </p>
  )
}

interface PlotInput {
  series: readonly ChartSeries[]
  keySet: ReadonlySet<string>
  plotWidth: number
  from: number
  to: number
  stepMs: number
  bands: TimeSeriesFigureProps['bands']
}

/**
 * The lines a chart draws: its series reduced to about one point per pixel of the plot, styled
 * by the legend. A change of input (new data, a new width, the series shown) waits for this
 * chart's turn (use-render-turn.ts); until then the plot keeps what it had.
 */
function useDrawnSeries({
  plotInput: input,
  ready,
  legend,
  colourKeys,
}: {
  plotInput: PlotInput
  ready: boolean
  legend: LegendState
  colourKeys: readonly string[]
}) {
  const { series, keySet, plotWidth, from, to, stepMs, bands } = input
  const plotInput = useMemo(
    () => ({ series, keySet, plotWidth, from, to, stepMs, bands }),
    [series, keySet, plotWidth, from, to, stepMs, bands],
  )
  const drawnInput = useValueInTurn(plotInput, ready)

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
          dashed: one.dashed ?? !one.primary,
          dimmed: legend.highlighted !== null && legend.highlighted !== one.key,
          emphasized: legend.highlighted === one.key,
        })),
    [drawnInput, reduced, legend, colourKeys],
  )
  return { drawnInput, drawn }
}
