import { scaleLinear, scaleTime, scaleUtc } from 'd3-scale'
import { line } from 'd3-shape'
import { useDeferredValue, useMemo } from 'react'
import {
  CartesianGrid,
  LineChart,
  ReferenceArea,
  ReferenceLine,
  useXAxisScale,
  useYAxisScale,
  XAxis,
  YAxis,
} from 'recharts'
import type { ChartPoint } from '@/lib/downsample'
import { formatMetricValue } from '@/lib/metric-units'
import type { TimeZonePreference } from '@/lib/preferences-store'
import { formatInstant } from '@/lib/time-format'
import { CHART_MARGIN, TICK_STYLE, Y_AXIS_WIDTH } from './chart-layout'

/**
 * The drawing itself, loaded lazily by time-series-figure.tsx, so a view shows its tables and
 * controls before the chart library has arrived. Points come already reduced to the plot's width. Decoration for
 * sighted users: the figure around it carries the same content as text.
 *
 * recharts draws the frame (axes, grid, the cursor line) and owns the scales; the series are
 * drawn by SeriesLines from those scales, one path each. A recharts `<Line>` per series costs
 * more than the drawing: each one registers in recharts' store on mount and every
 * registration re-runs every line's selectors over every line's points (quadratic in lines:
 * ~70 ms for the 16 lines of a heap chart, seconds for eighty), and the store deep-freezes
 * each line's data on the way in.
 */
export interface DrawnSeries {
  id: string
  points: readonly ChartPoint[]
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
  /** Time intervals shaded behind the lines (e.g. when an alert rule would have fired). */
  bands?: readonly { from: number; to: number }[]
}

const Y_TICKS = 5
const NO_LINES: readonly DrawnSeries[] = []

export function LineChartBody({
  series,
  width,
  height,
  from,
  to,
  unit,
  timeZone,
  cursor,
  bands,
}: LineChartBodyProps) {
  const spansDays = to - from > 86_400_000
  const tick = (value: number) =>
    formatInstant(new Date(value), timeZone, { withDate: spansDays }).replace(/:\d{2}(\s|$).*$/, '')
  const xTicks = useMemo(
    () => timeTicks(from, to, width - Y_AXIS_WIDTH - CHART_MARGIN.right, timeZone, spansDays),
    [from, to, width, timeZone, spansDays],
  )
  const y = useMemo(() => valueAxis(series), [series])
  // The lines in a render of their own, after recharts has set up the frame: mounting the
  // frame (its store, axes and grid) and building every path in one task is a long task.
  const lines = useDeferredValue(series, NO_LINES)
  return (
    <LineChart width={width} height={height} margin={CHART_MARGIN} accessibilityLayer={false}>
      <CartesianGrid vertical={false} stroke="var(--border)" />
      <XAxis
        type="number"
        dataKey="t"
        scale="time"
        domain={[from, to]}
        allowDataOverflow
        ticks={xTicks}
        interval={0}
        tick={(props: TickProps) => tickLabel(props, tick)}
      />
      <YAxis
        type="number"
        width={Y_AXIS_WIDTH}
        domain={y.domain}
        allowDataOverflow
        ticks={y.ticks}
        interval={0}
        tick={(props: TickProps) => tickLabel(props, (value) => formatMetricValue(value, unit))}
      />
      {bands?.map((band) => (
        <ReferenceArea
          key={band.from}
          x1={Math.max(band.from, from)}
          x2={Math.min(band.to, to)}
          fill="var(--bad-bg)"
          fillOpacity={0.8}
          ifOverflow="hidden"
        />
      ))}
      <SeriesLines series={lines} />
      {cursor !== null ? (
        <ReferenceLine x={cursor} stroke="var(--text-muted)" strokeDasharray="2 2" />
      ) : null}
    </LineChart>
  )
}

/** What recharts hands a `tick` function: where the label goes and its value. */
interface TickProps {
  x: number | string
  y: number | string
  textAnchor?: 'start' | 'middle' | 'end' | 'inherit'
  verticalAnchor?: 'start' | 'middle' | 'end'
  className?: string
  payload: { value: unknown }
}

/** How far below (or, for `middle`, around) its anchor a line of text sits, as recharts puts it. */
const DY = { start: '0.71em', middle: '0.355em', end: undefined } as const

/**
 * An axis label as plain SVG text. recharts' own `<Text>` measures every new label's words in
 * the DOM to wrap them, a forced layout each, most of a chart's first render; these labels
 * are a few characters and never wrap.
 */
function tickLabel(props: TickProps, format: (value: number) => string) {
  return (
    <text
      x={props.x}
      y={props.y}
      dy={DY[props.verticalAnchor ?? 'end']}
      textAnchor={props.textAnchor}
      className={props.className}
      fontSize={TICK_STYLE.fontSize}
      fill={TICK_STYLE.fill}
    >
      {format(Number(props.payload.value))}
    </text>
  )
}

/**
 * Each drawn points array's path, with the scales it was built for: a re-render (the cursor
 * moving, a series highlighted or isolated) builds no path again. Points arrays are the
 * figure's, made once per data and width, so they key the cache well (and let go of it).
 */
const pathCache = new WeakMap<readonly ChartPoint[], { x: unknown; y: unknown; d: string }>()

/** Every series as one path, in recharts' scales; a `null` point breaks the line. */
function SeriesLines({ series }: { series: readonly DrawnSeries[] }) {
  const x = useXAxisScale()
  const y = useYAxisScale()
  const paths = useMemo(() => {
    if (!x || !y) return []
    // Tenths of a pixel are as sharp as a line gets; fewer digits, less string to build.
    const path = line<ChartPoint>()
      .digits(1)
      .defined((point) => point.v !== null)
      .x((point) => x(point.t) ?? 0)
      .y((point) => y(point.v) ?? 0)
    return series.map((one) => {
      const cached = pathCache.get(one.points)
      if (cached && cached.x === x && cached.y === y) return { ...one, d: cached.d }
      const d = path(one.points as ChartPoint[]) ?? ''
      pathCache.set(one.points, { x, y, d })
      return { ...one, d }
    })
  }, [series, x, y])
  return (
    <g className="chart-lines">
      {paths.map((one) => (
        <g key={one.id} className="chart-line">
          <path
            d={one.d}
            fill="none"
            stroke={one.colour}
            strokeWidth={one.emphasized ? 2.5 : 1.5}
            strokeOpacity={one.dimmed ? 0.2 : 1}
            strokeDasharray={one.dashed ? '5 4' : undefined}
            strokeLinejoin="round"
          />
        </g>
      ))}
    </g>
  )
}

/**
 * The y axis from the points drawn: from zero (or the lowest value, when one is negative) to
 * the highest, rounded out to five or so nice ticks. (Without `<Line>`s recharts has no data
 * of its own to derive it from.)
 */
export function valueAxis(series: readonly DrawnSeries[]): { domain: number[]; ticks: number[] } {
  let min = 0
  let max = Number.NEGATIVE_INFINITY
  for (const one of series) {
    for (const point of one.points) {
      if (point.v === null) continue
      if (point.v < min) min = point.v
      if (point.v > max) max = point.v
    }
  }
  if (!Number.isFinite(max) || max <= min) max = min + 1
  const scale = scaleLinear().domain([min, max]).nice(Y_TICKS)
  return { domain: scale.domain(), ticks: scale.ticks(Y_TICKS) }
}

/** Room for one time label: "14:30", or "28/11, 14:30" when the range spans days. */
const TICK_SPACING_PX = 80
const DATED_TICK_SPACING_PX = 130

/**
 * The x ticks: round times (d3's time intervals, in the zone the user reads times in) spaced
 * so that their labels never collide. Every one is drawn (`interval={0}`): left to choose,
 * recharts takes every data point of a `scale="time"` axis as a candidate and measures each
 * label in the DOM, hundreds of forced layouts per chart.
 */
export function timeTicks(
  from: number,
  to: number,
  plotWidth: number,
  timeZone: TimeZonePreference,
  withDate: boolean,
): number[] {
  const most = Math.max(
    1,
    Math.floor(plotWidth / (withDate ? DATED_TICK_SPACING_PX : TICK_SPACING_PX)),
  )
  const scale = (timeZone === 'utc' ? scaleUtc : scaleTime)().domain([from, to])
  for (let count = most; count >= 1; count--) {
    const ticks = scale.ticks(count).map((date) => date.getTime())
    if (ticks.length <= most) return ticks
  }
  return [from]
}
