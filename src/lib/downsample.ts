/**
 * Downsampling of time series for charts: min/max per pixel column. Each series is cut into
 * the chart's width in columns over the x domain; a column keeps its lowest and its highest
 * point (in time order), so every peak and every trough is still drawn, and a series never
 * has more than two points per pixel. A gap (consecutive points further apart than `gapMs`)
 * becomes an explicit `null` point, so a line ends where the data ends instead of being drawn
 * across the silence (recharts' `connectNulls={false}`).
 *
 * Why not a library: `downsample` (LTTB) neither keeps every extreme nor handles gaps, and
 * both are what an operator reading a GC spike or a dead agent needs.
 */

export interface TimePoint {
  /** Epoch ms. */
  t: number
  v: number
}

export interface ChartPoint {
  t: number
  /** `null` marks a gap: the line is broken there. */
  v: number | null
}

export interface DownsampleOptions {
  /** The chart's plot width in pixels: columns to reduce to. */
  width: number
  /** The x domain (epoch ms); defaults to the series' own first and last time. */
  from?: number
  to?: number
  /** Points further apart than this are not joined. */
  gapMs: number
}

/** At most `2 × width` points plus one `null` per gap. Input sorted by time. */
export function downsampleMinMax(
  points: readonly TimePoint[],
  options: DownsampleOptions,
): ChartPoint[] {
  const columns = Math.max(1, Math.floor(options.width))
  const first = points[0]
  const last = points.at(-1)
  if (!first || !last) return []
  const from = options.from ?? first.t
  const to = options.to ?? last.t
  const span = Math.max(1, to - from)
  const out: ChartPoint[] = []
  let column = Number.NaN
  let min: TimePoint | null = null
  let max: TimePoint | null = null
  let previous: TimePoint | null = null

  const flush = () => {
    if (!min || !max) return
    if (min === max) out.push({ t: min.t, v: min.v })
    else if (min.t < max.t) out.push({ t: min.t, v: min.v }, { t: max.t, v: max.v })
    else out.push({ t: max.t, v: max.v }, { t: min.t, v: min.v })
    min = null
    max = null
  }

  for (const point of points) {
    if (!Number.isFinite(point.v)) continue
    const gap = previous !== null && point.t - previous.t > options.gapMs
    const at = Math.min(columns - 1, Math.max(0, Math.floor(((point.t - from) / span) * columns)))
    if (gap || at !== column) {
      flush()
      if (gap && previous) out.push({ t: Math.round((previous.t + point.t) / 2), v: null })
      column = at
    }
    if (!min || point.v < min.v) min = point
    if (!max || point.v > max.v) max = point
    previous = point
  }
  flush()
  return out
}
