import { scaleLinear } from 'd3-scale'
import { line } from 'd3-shape'
import { useId, useMemo } from 'react'
import type { ChartPoint } from '@/lib/downsample'
import { formatMetricValue } from '@/lib/metric-units'
import type { TimeZonePreference } from '@/lib/preferences-store'
import { formatTimeTick } from '@/lib/time-format'
import { ChartAxes, ChartGrid, timeTicks } from './chart-axes'
import { CHART_MARGIN, Y_AXIS_WIDTH } from './chart-layout'

/**
 * The drawing itself, loaded lazily by time-series-figure.tsx, so a view shows its tables and
 * controls before the drawing code has arrived. Points come already reduced to the plot's
 * width. Decoration for sighted users: the figure around it carries the same content as text.
 *
 * Plain SVG from d3's scales and line generator. Everything else recharts did here was
 * already ours (the ticks, their labels, the y domain, the lines); what remained (axes, grid,
 * shaded bands, the cursor line) cost most of a chart's first render: each part registered
 * in recharts' store from an effect, and every registration re-rendered the chart
 * synchronously, a 50–80 ms task per chart mounted (measured with long-animation-frame
 * attribution on /metrics; docs/benchmarks.md).
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
/** Room under the plot for the time axis: its tick marks and one line of labels. */
const X_AXIS_HEIGHT = 30
const TICK_SIZE = 6

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
  const clipId = useId()
  const left = Y_AXIS_WIDTH + CHART_MARGIN.left
  const right = width - CHART_MARGIN.right
  const top = CHART_MARGIN.top
  const bottom = height - CHART_MARGIN.bottom - X_AXIS_HEIGHT
  const spansDays = to - from > 86_400_000
  const plot = { left, right, top, bottom }
  const y = useMemo(() => valueAxis(series), [series])
  const xScale = useMemo(
    () => scaleLinear().domain([from, to]).range([left, right]),
    [from, to, left, right],
  )
  const yScale = useMemo(
    () => scaleLinear().domain(y.domain).range([bottom, top]),
    [y.domain, bottom, top],
  )
  const xTicks = useMemo(
    () =>
      timeTicks(from, to, right - left, timeZone, spansDays).map((t) => ({
        at: xScale(t),
        label: formatTimeTick(t, timeZone, spansDays),
      })),
    [from, to, right, left, timeZone, spansDays, xScale],
  )
  const yTicks = y.ticks.map((value) => ({
    at: yScale(value),
    label: formatMetricValue(value, unit),
  }))

  return (
    <svg className="chart-surface" width={width} height={height} aria-hidden="true">
      <defs>
        <clipPath id={clipId}>
          <rect
            x={left}
            y={top}
            width={Math.max(0, right - left)}
            height={Math.max(0, bottom - top)}
          />
        </clipPath>
      </defs>
      <ChartGrid plot={plot} yTicks={yTicks} />
      <g className="chart-bands" clipPath={`url(#${clipId})`}>
        {bands?.map((band) => {
          const x1 = xScale(Math.max(band.from, from))
          const x2 = xScale(Math.min(band.to, to))
          return x2 > x1 ? (
            <rect
              key={band.from}
              className="chart-band"
              x={x1}
              y={top}
              width={x2 - x1}
              height={bottom - top}
              fill="var(--bad-bg)"
              fillOpacity={0.8}
            />
          ) : null
        })}
      </g>
      <ChartAxes plot={plot} xTicks={xTicks} yTicks={yTicks} tickSize={TICK_SIZE} valueTickMarks />
      <SeriesLines series={series} x={xScale} y={yScale} clipId={clipId} />
      {cursor !== null && cursor >= from && cursor <= to ? (
        <line
          className="chart-cursor"
          x1={xScale(cursor)}
          x2={xScale(cursor)}
          y1={top}
          y2={bottom}
          stroke="var(--text-muted)"
          strokeDasharray="2 2"
        />
      ) : null}
    </svg>
  )
}

type Scale = (value: number) => number

/**
 * Each drawn points array's path, with the scales it was built for: a re-render (the cursor
 * moving, a series highlighted or isolated) builds no path again. Points arrays are the
 * figure's, made once per data and width, so they key the cache well (and let go of it).
 */
const pathCache = new WeakMap<readonly ChartPoint[], { x: Scale; y: Scale; d: string }>()

/** Every series as one path; a `null` point breaks the line. */
function SeriesLines({
  series,
  x,
  y,
  clipId,
}: {
  series: readonly DrawnSeries[]
  x: Scale
  y: Scale
  clipId: string
}) {
  const paths = useMemo(() => {
    // Tenths of a pixel are as sharp as a line gets; fewer digits, less string to build.
    const path = line<ChartPoint>()
      .digits(1)
      .defined((point) => point.v !== null)
      .x((point) => x(point.t))
      .y((point) => y(point.v ?? 0))
    return series.map((one) => {
      const cached = pathCache.get(one.points)
      if (cached && cached.x === x && cached.y === y) return { ...one, d: cached.d }
      const d = path(one.points as ChartPoint[]) ?? ''
      pathCache.set(one.points, { x, y, d })
      return { ...one, d }
    })
  }, [series, x, y])
  return (
    <g className="chart-lines" clipPath={`url(#${clipId})`}>
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
 * the highest, rounded out to five or so nice ticks.
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
