import { scaleTime, scaleUtc } from 'd3-scale'
import type { TimeZonePreference } from '@/lib/preferences-store'
import { TICK_STYLE } from './chart-layout'

/**
 * The grid and axes both chart bodies draw (line-chart-body.tsx, stacked-time-histogram.tsx),
 * and where their time ticks fall.
 */

/** Room for one time label: "14:30", or "28/11, 14:30" when the range spans days. */
const TICK_SPACING_PX = 80
const DATED_TICK_SPACING_PX = 130

/**
 * The x ticks: round times (d3's time intervals, in the zone the user reads times in) spaced
 * so that their labels never collide.
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

/** The plot's edges inside the SVG, in pixels. */
export interface PlotBox {
  left: number
  right: number
  top: number
  bottom: number
}

/** A tick: where it is along its axis, in pixels, and what it says. */
export interface Tick {
  at: number
  label: string
}

/** Between a tick mark's end and its label. */
const LABEL_GAP = 2

/** A horizontal line across the plot at each value tick, drawn behind the data. */
export function ChartGrid({ plot, yTicks }: { plot: PlotBox; yTicks: readonly Tick[] }) {
  return (
    <g className="chart-grid" stroke="var(--border)">
      {yTicks.map((tick) => (
        <line key={tick.at} x1={plot.left} x2={plot.right} y1={tick.at} y2={tick.at} />
      ))}
    </g>
  )
}

/**
 * The frame: both axis lines, the time axis' tick marks (and the value axis' with
 * `valueTickMarks`), and every tick's label: times under the plot, values left of it.
 */
export function ChartAxes({
  plot: { left, right, top, bottom },
  xTicks,
  yTicks,
  tickSize,
  valueTickMarks = false,
}: {
  plot: PlotBox
  xTicks: readonly Tick[]
  yTicks: readonly Tick[]
  tickSize: number
  valueTickMarks?: boolean
}) {
  return (
    <>
      <g className="chart-axis" stroke="var(--text-muted)">
        <line x1={left} x2={right} y1={bottom} y2={bottom} />
        <line x1={left} x2={left} y1={top} y2={bottom} />
        {xTicks.map((tick) => (
          <line key={tick.at} x1={tick.at} x2={tick.at} y1={bottom} y2={bottom + tickSize} />
        ))}
        {valueTickMarks
          ? yTicks.map((tick) => (
              <line key={`v${tick.at}`} x1={left - tickSize} x2={left} y1={tick.at} y2={tick.at} />
            ))
          : null}
      </g>
      <g className="chart-tick-labels" fontSize={TICK_STYLE.fontSize} fill={TICK_STYLE.fill}>
        {xTicks.map((tick) => (
          <text
            key={`t${tick.at}`}
            x={tick.at}
            y={bottom + tickSize + LABEL_GAP}
            dy="0.71em"
            textAnchor="middle"
          >
            {tick.label}
          </text>
        ))}
        {yTicks.map((tick) => (
          <text
            key={`v${tick.at}`}
            x={left - tickSize - LABEL_GAP}
            y={tick.at}
            dy="0.355em"
            textAnchor="end"
          >
            {tick.label}
          </text>
        ))}
      </g>
    </>
  )
}
