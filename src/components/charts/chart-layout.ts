/**
 * The chart family's shared measures and colours, in a module of their own: the figure needs
 * them to measure its plot, the lazily loaded body to draw it, and the figure must not import
 * the body (the drawing code comes with the body only).
 */

/** Width of the value axis, left of the plot. */
export const Y_AXIS_WIDTH = 76
export const CHART_MARGIN = { top: 6, right: 12, bottom: 0, left: 0 } as const
/** The plot's height in pixels (also `.chart-figure-plot` in charts.css). */
export const CHART_HEIGHT = 180
export const TICK_STYLE = { fontSize: 11, fill: 'var(--text-muted)' } as const

/** The plot's width inside a chart of `width` pixels (axis and margin taken off). */
export function plotWidthOf(width: number): number {
  return Math.max(0, width - Y_AXIS_WIDTH - CHART_MARGIN.right)
}

/**
 * Series colours: the design tokens of app/styles.css (light and dark sets), ten hues that
 * stay apart for common colour-vision deficiencies. Legends and text alternatives say which
 * line is which in words, so colour is never the only cue.
 */
const SERIES_COLOURS: readonly string[] = Array.from(
  { length: 10 },
  (_, index) => `var(--series-${index + 1})`,
)

/** The colour of the series at `index`, cycling through the tokens. */
export function seriesColour(index: number): string {
  return SERIES_COLOURS[Math.max(0, index) % SERIES_COLOURS.length] ?? 'var(--series-1)'
}
