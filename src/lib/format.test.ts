import { formatInstant, formatRelative, isoFromEpochMs } from './time-format'
import { describe, expect, it } from 'vitest'
import {
  formatBinaryBytes,
  formatBytes,
  formatChangePercent,
  formatCompactCount,
  formatCount,
  formatDuration,
  formatPercent,
  formatRate,
} from './format'

describe('formatBytes', () => {
  it('formats sizes', () => {
    expect(formatBytes(512)).toBe('512 B')
    expect(formatBytes(4_608)).toBe('4.5 kB')
    expect(formatBytes(52_000)).toBe('51 kB')
    expect(formatBytes(3 * 1024 * 1024)).toBe('3.0 MB')
  })
})

describe('values no measurement has', () => {
  it('reads "invalid" in every number formatter, never throws', () => {
    for (const value of [Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY]) {
      expect(formatCount(value)).toBe('invalid')
      expect(formatRate(value)).toBe('invalid')
      expect(formatPercent(value)).toBe('invalid')
      expect(formatBytes(value)).toBe('invalid')
      expect(formatDuration(value)).toBe('invalid')
    }
    expect(formatBytes(-1)).toBe('invalid')
    expect(formatDuration(-5)).toBe('invalid')
    expect(formatDuration(Number.MAX_VALUE)).toMatch(/min/)
  })

  it('reads "invalid" for instants that cannot be, and gives no ISO string for them', () => {
    expect(formatInstant('not a time', 'utc')).toBe('invalid')
    expect(formatInstant(new Date(Number.NaN), 'local')).toBe('invalid')
    expect(formatRelative('2026-13-45T99:00:00Z')).toBe('invalid')
    expect(isoFromEpochMs(Date.parse('2026-12-01T00:00:00Z') + 1e308)).toBeNull()
    expect(isoFromEpochMs(8.64e15 + 1)).toBeNull()
    expect(isoFromEpochMs(0)).toBe('1970-01-01T00:00:00.000Z')
  })
})

describe('formatCompactCount', () => {
  it('keeps small counts exact and shortens large ones to a few digits', () => {
    expect(formatCompactCount(0)).toBe('0')
    expect(formatCompactCount(999)).toBe('999')
    expect(formatCompactCount(1_000)).toBe('1.0 k')
    expect(formatCompactCount(12_345)).toBe('12.3 k')
    expect(formatCompactCount(1_234_567)).toBe('1.2 M')
    expect(formatCompactCount(123_456_789)).toBe('123 M')
    expect(formatCompactCount(3_400_000_000)).toBe('3.4 G')
  })

  it('rounds into the next unit instead of writing 1000 k', () => {
    expect(formatCompactCount(999_960)).toBe('1.0 M')
    expect(formatCompactCount(999_499)).toBe('999 k')
  })
})

describe('formatBinaryBytes', () => {
  it('uses binary units with one decimal below 100', () => {
    expect(formatBinaryBytes(512)).toBe('512 B')
    expect(formatBinaryBytes(4_608)).toBe('4.5 KiB')
    expect(formatBinaryBytes(3.4 * 1024 ** 3)).toBe('3.4 GiB')
    expect(formatBinaryBytes(150 * 1024 ** 2)).toBe('150 MiB')
    expect(formatBinaryBytes(1.25 * 1024 ** 4)).toBe('1.3 TiB')
  })

  it('moves to the next unit rather than writing 1024 MiB', () => {
    expect(formatBinaryBytes(1024 ** 3 - 1)).toBe('1.0 GiB')
  })
})

describe('formatChangePercent', () => {
  it('writes a signed whole percentage with a space before the sign', () => {
    expect(formatChangePercent(0.12)).toBe('+12 %')
    expect(formatChangePercent(-0.034)).toBe('\u22123 %')
    expect(formatChangePercent(0)).toBe('0 %')
    expect(formatChangePercent(1.5)).toBe('+150 %')
  })

  it('keeps a decimal for changes under 1 % so they do not read as none', () => {
    expect(formatChangePercent(0.004)).toBe('+0.4 %')
    expect(formatChangePercent(-0.0049)).toBe('\u22120.5 %')
  })
})
