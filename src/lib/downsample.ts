/**
 * Downsampling of time series for charts: min/max per pixel column. Each series is cut into
 * the chart's width in columns over the x domain; a column keeps its lowest and its highest
 * point (in time order), so every peak and every trough is still drawn, and a series never
 * has more than two points per pixel. A gap (consecutive points further apart than `gapMs`)
 * becomes an explicit `null` point, so a line ends where the data ends instead of being drawn
 * across the silence.
 *
 * Why not a library: `downsample` (LTTB) neither keeps every extreme nor handles gaps, and
 * both are what an operator reading a GC spike or a dead agent needs.
 */
import type { SeriesColumns } from './time-series'

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

/**
 * At most `2 × width` points plus one `null` per gap. Columns sorted by time; a `null` value
 * is no point (a gap when it lasts).
 */
export function downsampleColumns(
  { times, values }: SeriesColumns,
  options: DownsampleOptions,
): ChartPoint[] {
  const columns = Math.max(1, Math.floor(options.width))
  const count = Math.min(times.length, values.length)
  if (count === 0) return []
  const from = options.from ?? (times[0] as number)
  const to = options.to ?? (times[count - 1] as number)
  const span = Math.max(1, to - from)
  const out: ChartPoint[] = []
  let column = Number.NaN
  // Indices of the current column's lowest and highest point (-1: none yet).
  let min = -1
  let max = -1
  let previous = -1

  const flush = () => {
    if (min < 0 || max < 0) return
    const first = Math.min(min, max)
    const second = Math.max(min, max)
    out.push({ t: times[first] as number, v: values[first] as number })
    if (second !== first) out.push({ t: times[second] as number, v: values[second] as number })
    min = -1
    max = -1
  }

  for (let i = 0; i < count; i++) {
    const t = times[i] as number
    const v = values[i]
    if (v === null || v === undefined || !Number.isFinite(v)) continue
    const gap = previous >= 0 && t - (times[previous] as number) > options.gapMs
    const at = Math.min(columns - 1, Math.max(0, Math.floor(((t - from) / span) * columns)))
    if (gap || at !== column) {
      flush()
      if (gap) out.push({ t: Math.round(((times[previous] as number) + t) / 2), v: null })
      column = at
    }
    if (min < 0 || v < (values[min] as number)) min = i
    if (max < 0 || v > (values[max] as number)) max = i
    previous = i
  }
  flush()
  return out
}
