/**
 * Numbers as the UI writes them, in every view: counts, rates, percentages, byte sizes,
 * durations and plural words. Each `Intl` formatter is made once, here. (Instants and relative
 * times are in `time-format.ts`.)
 */

const countFormat = new Intl.NumberFormat('en-US')
const rateFormat = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 })
const percentFormat = new Intl.NumberFormat('en-US', {
  style: 'percent',
  minimumFractionDigits: 0,
  maximumFractionDigits: 2,
})
const pluralRules = new Intl.PluralRules('en-US')

/**
 * What every formatter shows for a value no real measurement has (NaN, ±Infinity, a negative
 * size or duration): numbers come from servers, and one broken value must read as broken,
 * not throw or pass for a number.
 */
export const INVALID = 'invalid'

/** A whole number with digit grouping: `12,340`. */
export function formatCount(value: number): string {
  if (!Number.isFinite(value)) return INVALID
  return countFormat.format(value)
}

/** A rate such as exchanges per second, to two decimals at most: `12.35`. */
export function formatRate(perSecond: number): string {
  if (!Number.isFinite(perSecond)) return INVALID
  return rateFormat.format(perSecond)
}

/** A ratio (0.125) as a percentage, to two decimals at most: `12.5%`. */
export function formatPercent(ratio: number): string {
  if (!Number.isFinite(ratio)) return INVALID
  return percentFormat.format(ratio)
}

/** A size in bytes: `512 B`, `4.5 kB`, `51 kB`, `3.0 MB` (1 kB = 1024 B). */
export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes) || bytes < 0) return INVALID
  if (bytes < 1024) return `${bytes} B`
  const kb = bytes / 1024
  if (kb < 1024) return `${kb < 10 ? kb.toFixed(1) : Math.round(kb)} kB`
  return `${(kb / 1024).toFixed(1)} MB`
}

/** `0.42 ms`, `340 ms`, `2.35 s`, `12.5 s`, `3 min 5 s`; `—` when there is none (yet). */
export function formatDuration(ms: number | null | undefined): string {
  if (ms === null || ms === undefined) return '—'
  if (!Number.isFinite(ms) || ms < 0) return INVALID
  if (ms < 1) return `${ms.toFixed(2)} ms`
  if (ms < 1000) return `${Math.round(ms)} ms`
  if (ms < 60_000) return `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`
  const minutes = Math.floor(ms / 60_000)
  const seconds = Math.round((ms % 60_000) / 1000)
  return `${minutes} min ${seconds} s`
}

/** The word for `count` things: `plural(1, 'row')` is `row`, `plural(3, 'row')` is `rows`. */
export function plural(count: number, one: string, other = `${one}s`): string {
  return pluralRules.select(count) === 'one' ? one : other
}

/** The count and its word: `pluralize(1, 'agent')` is `1 agent`, `pluralize(0, 'agent')` is `0 agents`. */
export function pluralize(count: number, one: string, other = `${one}s`): string {
  return `${count} ${plural(count, one, other)}`
}

const COMPACT_STEPS: ReadonlyArray<readonly [number, string]> = [
  [1e12, 'T'],
  [1e9, 'G'],
  [1e6, 'M'],
  [1e3, 'k'],
]

/**
 * A large count in a few digits, for totals read at a glance: `999`, `12.3 k`, `1.2 M`,
 * `3.4 G`. One decimal below 100 of the unit, none above (`123 M`). Exact counts belong in
 * tables and exports (`formatCount`).
 */
export function formatCompactCount(value: number): string {
  const magnitude = Math.abs(value)
  for (const [size, suffix] of COMPACT_STEPS) {
    // Rounded first, so 999,960 reads `1.0 M`, not `1000 k`.
    const scaled = magnitude / size
    if (scaled >= 0.9995) {
      const text = scaled < 99.95 ? scaled.toFixed(1) : String(Math.round(scaled))
      return `${value < 0 ? '-' : ''}${text} ${suffix}`
    }
  }
  return formatCount(Math.round(value))
}

const BINARY_UNITS = ['KiB', 'MiB', 'GiB', 'TiB', 'PiB'] as const

/**
 * A volume of data in binary units, for ingest and quotas: `512 B`, `4.5 KiB`, `3.4 GiB`,
 * `1.2 TiB` (1 KiB = 1024 B). One decimal below 100 of the unit, none above.
 */
export function formatBinaryBytes(bytes: number): string {
  if (Math.abs(bytes) < 1024) return `${Math.round(bytes)} B`
  let scaled = bytes
  let unit: (typeof BINARY_UNITS)[number] = 'KiB'
  for (const candidate of BINARY_UNITS) {
    scaled /= 1024
    unit = candidate
    if (Math.abs(scaled) < 1023.95) break
  }
  return `${Math.abs(scaled) < 99.95 ? scaled.toFixed(1) : Math.round(scaled)} ${unit}`
}

const signedPercentFormat = new Intl.NumberFormat('en-US', {
  maximumFractionDigits: 0,
  signDisplay: 'exceptZero',
})

/**
 * A relative change as text: `+12 %`, `−3 %`, `0 %`; below 1 % either way one decimal
 * (`+0.4 %`) so a small move does not read as none. The minus is U+2212.
 */
export function formatChangePercent(ratio: number): string {
  const percent = ratio * 100
  const rounded = Math.abs(percent) < 1 && percent !== 0 ? Math.round(percent * 10) / 10 : percent
  const text =
    Math.abs(rounded) < 1 && rounded !== 0
      ? `${rounded > 0 ? '+' : '-'}${Math.abs(rounded).toFixed(1)}`
      : signedPercentFormat.format(rounded)
  return `${text.replace('-', '\u2212')} %`
}
