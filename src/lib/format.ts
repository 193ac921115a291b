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
