/**
 * A small line of a series, as an inline SVG path: no chart library on the Overview's first
 * view. Presentation is SVG attributes and CSS classes only (the production CSP forbids
 * injected styles).
 */
export const SPARKLINE_WIDTH = 96
export const SPARKLINE_HEIGHT = 24
const PAD = 2

/**
 * The path of `values` across `width` × `height` (y grows downwards, the lowest value at the
 * bottom when the series varies; a flat series lies on the bottom line; 0 or 1 value: a
 * horizontal line). Coordinates are rounded to 0.1 px.
 */
export function sparklinePath(
  values: readonly number[],
  width = SPARKLINE_WIDTH,
  height = SPARKLINE_HEIGHT,
): string {
  const r = (n: number) => Math.round(n * 10) / 10
  const bottom = height - PAD
  if (values.length === 0) return `M0 ${r(bottom)}H${r(width)}`
  const max = Math.max(0, ...values.filter(Number.isFinite))
  const y = (value: number) =>
    max > 0 && Number.isFinite(value) ? bottom - (value / max) * (height - 2 * PAD) : bottom
  if (values.length === 1) return `M0 ${r(y(values[0] ?? 0))}H${r(width)}`
  const stepX = width / (values.length - 1)
  return values.map((value, i) => `${i === 0 ? 'M' : 'L'}${r(i * stepX)} ${r(y(value))}`).join('')
}

export function Sparkline({
  values,
  label,
  tone,
}: {
  values: readonly number[]
  /** What the line shows, in words (the image's accessible name). */
  label: string
  tone: 'throughput' | 'errors'
}) {
  return (
    <svg
      className={`sparkline sparkline-${tone}`}
      width={SPARKLINE_WIDTH}
      height={SPARKLINE_HEIGHT}
      viewBox={`0 0 ${SPARKLINE_WIDTH} ${SPARKLINE_HEIGHT}`}
      role="img"
      aria-label={label}
    >
      <path d={sparklinePath(values)} fill="none" strokeWidth={1.5} strokeLinejoin="round" />
    </svg>
  )
}
