import { formatInstant, formatRelative, isoFromEpochMs } from './time-format'
import { describe, expect, it } from 'vitest'
import { formatBytes, formatCount, formatRate, formatPercent, formatDuration } from './format'

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
