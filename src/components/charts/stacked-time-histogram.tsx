import { scaleLinear } from 'd3-scale'
import { useMemo, useState, type MouseEvent } from 'react'
import type { TimeZonePreference } from '@/lib/preferences-store'
import { formatInstant, formatTimeTick } from '@/lib/time-format'
import { useElementWidth } from '@/components/use-element-width'
import { ChartAxes, ChartGrid, timeTicks } from './chart-axes'
import './charts.css'

/**
 * Stacked bars over time, one bar per bucket (the executions and log volume histograms, the
 * usage charts): the chart family's bar body, plain SVG from d3's scales like the line body.
 * Import it only from a module that is itself loaded with React.lazy, so it stays off every
 * first visit. The chart is decoration for sighted mouse users: the figure around it gives the
 * same content as text.
 *
 * (recharts drew it until its mount, each axis, grid and bar set registering in its store
 * from an effect and re-rendering the chart synchronously, was measured as a 90–140 ms task
 * on the logs page; docs/benchmarks.md.)
 */
export interface StackedSeries {
  /** The field of a bar this series stacks. */
  key: string
  /** Its name in the tooltip (and the legend). */
  name: string
  /** A colour token, e.g. `var(--bad-fg)`. */
  fill: string
}

const MARGIN = { top: 4, right: 8 } as const
/** Room under the plot for the time axis: tick marks and one line of labels. */
const X_AXIS_HEIGHT = 24
const TICK_SIZE = 5
const Y_TICKS = 4
/** The gap between two bars, in pixels (while bars are wider than twice that). */
const BAR_GAP = 1

/** Each bar's series stacked in order: where each part starts and ends, and its value. */
export function stackBars(
  bars: readonly object[],
  series: readonly Pick<StackedSeries, 'key'>[],
): { y0: number; y1: number; value: number }[][] {
  return bars.map((bar) => {
    let sum = 0
    return series.map((one) => {
      const value = Number((bar as Record<string, unknown>)[one.key] ?? 0) || 0
      const y0 = sum
      sum += Math.max(0, value)
      return { y0, y1: sum, value }
    })
  })
}

export function StackedTimeHistogram<B extends { t: number }>({
  bars,
  series,
  stepSeconds,
  timeZone,
  height,
  yAxisWidth,
  onSelectBucket,
  formatTick,
  formatLabel = (t) => formatInstant(new Date(t), timeZone),
  formatValue,
  legend = false,
}: {
  bars: readonly B[]
  series: readonly StackedSeries[]
  stepSeconds: number
  timeZone: TimeZonePreference
  height: number
  yAxisWidth: number
  /** Clicking a bar narrows the view to that bucket. */
  onSelectBucket?: (from: Date, to: Date) => void
  /** An x-axis tick (default: the time, without zone and seconds; with the date over days). */
  formatTick?: (t: number, spansDays: boolean) => string
  /** A bucket in the tooltip (default: its start instant). */
  formatLabel?: (t: number) => string
  /** A value on the y axis and in the tooltip (default: whole numbers as they are). */
  formatValue?: { axis: (value: number) => string; exact: (value: number) => string }
  /** Name the series under the chart. */
  legend?: boolean
}) {
  const [box, setBox] = useState<HTMLDivElement | null>(null)
  const width = useElementWidth(box)
  const [hovered, setHovered] = useState<number | null>(null)

  const stepMs = stepSeconds * 1000
  const from = bars[0]?.t ?? 0
  const to = (bars.at(-1)?.t ?? 0) + stepMs
  const spansDays = to - stepMs - from > 86_400_000
  const left = yAxisWidth
  const right = Math.max(left, width - MARGIN.right)
  const top = MARGIN.top
  const bottom = height - X_AXIS_HEIGHT

  const stacks = useMemo(() => stackBars(bars, series), [bars, series])
  const y = useMemo(() => {
    const max = Math.max(1, ...stacks.map((stack) => stack.at(-1)?.y1 ?? 0))
    const scale = scaleLinear().domain([0, max]).nice(Y_TICKS).range([bottom, top])
    // Counts are whole: no tick between two of them.
    return { scale, ticks: scale.ticks(Y_TICKS).filter((tick) => Number.isInteger(tick)) }
  }, [stacks, bottom, top])
  const x = useMemo(
    () => scaleLinear().domain([from, to]).range([left, right]),
    [from, to, left, right],
  )
  const plot = { left, right, top, bottom }
  // Where buckets start; not the end of the last one, which no bar starts at.
  const tickTimes = useMemo(
    () => timeTicks(from, to, right - left, timeZone, spansDays).filter((t) => t < to),
    [from, to, right, left, timeZone, spansDays],
  )
  const barWidth = bars.length ? (right - left) / bars.length : 0
  const gap = barWidth > 2 * BAR_GAP ? BAR_GAP : 0

  const tick = formatTick ?? ((t: number) => formatTimeTick(t, timeZone, spansDays))
  const axisValue = formatValue?.axis ?? String
  const exactValue = formatValue?.exact ?? String
  const xTicks = tickTimes.map((t) => ({ at: x(t), label: tick(t, spansDays) }))
  const yTicks = y.ticks.map((value) => ({ at: y.scale(value), label: axisValue(value) }))

  const bucketAt = (event: MouseEvent<SVGSVGElement>): number | null => {
    const offset = event.clientX - event.currentTarget.getBoundingClientRect().left - left
    const index = Math.floor(offset / barWidth)
    return barWidth > 0 && index >= 0 && index < bars.length ? index : null
  }
  const hoveredBar = hovered === null ? undefined : bars[hovered]

  return (
    <div ref={setBox} className="chart-bars">
      {width > 0 ? (
        <svg
          className="chart-surface"
          width={width}
          height={height}
          aria-hidden="true"
          cursor={onSelectBucket ? 'pointer' : undefined}
          onPointerMove={(event) => setHovered(bucketAt(event))}
          onPointerLeave={() => setHovered(null)}
          onClick={(event) => {
            const index = bucketAt(event)
            const bar = index === null ? undefined : bars[index]
            if (bar && onSelectBucket) onSelectBucket(new Date(bar.t), new Date(bar.t + stepMs))
          }}
        >
          <ChartGrid plot={plot} yTicks={yTicks} />
          {hovered !== null ? (
            <rect
              className="chart-bars-hover"
              x={left + hovered * barWidth}
              y={top}
              width={barWidth}
              height={bottom - top}
              fill="var(--surface-2)"
            />
          ) : null}
          {series.map((one, index) => (
            <g key={one.key} className="chart-bar-series" fill={one.fill}>
              {stacks.map((stack, bucket) => {
                const part = stack[index]
                if (!part || part.y1 <= part.y0) return null
                return (
                  <rect
                    key={bucket}
                    className="chart-bar"
                    x={left + bucket * barWidth + gap / 2}
                    y={y.scale(part.y1)}
                    width={Math.max(0.5, barWidth - gap)}
                    height={Math.max(0, y.scale(part.y0) - y.scale(part.y1))}
                  />
                )
              })}
            </g>
          ))}
          <ChartAxes plot={plot} xTicks={xTicks} yTicks={yTicks} tickSize={TICK_SIZE} />
        </svg>
      ) : (
        <div className="chart-bars-placeholder" style={{ height }} />
      )}
      {hoveredBar && hovered !== null ? (
        <BarsTooltip
          // Beside the bar, on the side with room.
          place={
            left + hovered * barWidth > width / 2
              ? { right: width - (left + hovered * barWidth) + 8, top: MARGIN.top }
              : { left: left + (hovered + 1) * barWidth + 8, top: MARGIN.top }
          }
          label={formatLabel(hoveredBar.t)}
          lines={series.map((one, index) => ({
            ...one,
            value: exactValue(stacks[hovered]?.[index]?.value ?? 0),
          }))}
        />
      ) : null}
      {legend ? <BarsLegend series={series} /> : null}
    </div>
  )
}

function BarsTooltip({
  place,
  label,
  lines,
}: {
  place: { left?: number; right?: number; top: number }
  label: string
  lines: readonly (StackedSeries & { value: string })[]
}) {
  return (
    <div className="chart-bars-tooltip" style={place}>
      <p>{label}</p>
      <ul>
        {lines.map((one) => (
          <li key={one.key}>
            <span className="chart-bars-swatch" style={{ background: one.fill }} />
            {one.name}: {one.value}
          </li>
        ))}
      </ul>
    </div>
  )
}

function BarsLegend({ series }: { series: readonly StackedSeries[] }) {
  return (
    <ul className="chart-bars-legend">
      {series.map((one) => (
        <li key={one.key}>
          <span className="chart-bars-swatch" style={{ background: one.fill }} />
          {one.name}
        </li>
      ))}
    </ul>
  )
}
