import { formatCount, formatDuration, formatPercent, formatRate } from './format'
import { truncateId } from './ids'

/**
 * A metric value as text, by the unit the server gave it: `bytes` in B/KiB/MiB/GiB/TiB,
 * `ratio` (0–1) as a percentage, `ms` and `s` as durations, `1/s` as a rate, `count` plain.
 * The server's list of units is open ("more may come"): any other unit is the plain number
 * followed by the unit's own text, so a new metric is readable the day it appears.
 */

const plainFormat = new Intl.NumberFormat('en-US', { maximumFractionDigits: 3 })
const BINARY_UNITS = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB'] as const
/** A hostile or broken server could send a unit of any length; a label stays readable. */
const MAX_UNIT_LENGTH = 24

export type KnownUnit = 'bytes' | 'ratio' | 'ms' | 's' | 'count' | '1/s'
const KNOWN_UNITS: readonly string[] = ['bytes', 'ratio', 'ms', 's', 'count', '1/s']

export function isKnownUnit(unit: string): unit is KnownUnit {
  return KNOWN_UNITS.includes(unit)
}

/** `1.5 KiB`, `230 MiB`, `1.25 GiB` (1 KiB = 1024 B); three significant figures at most. */
export function formatBinaryBytes(bytes: number): string {
  const sign = bytes < 0 ? '-' : ''
  let value = Math.abs(bytes)
  let index = 0
  while (value >= 1024 && index < BINARY_UNITS.length - 1) {
    value /= 1024
    index++
  }
  if (index === 0) return `${sign}${Math.round(value)} B`
  const digits = value < 10 ? 2 : value < 100 ? 1 : 0
  return `${sign}${Number(value.toFixed(digits))} ${BINARY_UNITS[index]}`
}

export function formatMetricValue(value: number | null | undefined, unit: string): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—'
  switch (unit) {
    case 'bytes':
      return formatBinaryBytes(value)
    case 'ratio':
      return formatPercent(value)
    case 'ms':
      return value < 0 ? `-${formatDuration(-value)}` : formatDuration(value)
    case 's':
      return value < 0 ? `-${formatDuration(-value * 1000)}` : formatDuration(value * 1000)
    case '1/s':
      return `${formatRate(value)}/s`
    case 'count':
      return Number.isInteger(value) ? formatCount(value) : plainFormat.format(value)
    default: {
      const number = plainFormat.format(value)
      const text = unit.trim()
      return text ? `${number} ${truncateId(text, MAX_UNIT_LENGTH)}` : number
    }
  }
}

/** How the unit reads in a heading or a column: `bytes`, `%`, `per second`, or its own text. */
export function describeUnit(unit: string): string {
  switch (unit) {
    case 'ratio':
      return '%'
    case '1/s':
      return 'per second'
    case '':
      return 'no unit'
    default:
      return truncateId(unit, MAX_UNIT_LENGTH)
  }
}
