import { describe, expect, it } from 'vitest'
import { instantMs, nearestIndex, summarizeValues } from './time-series'

describe('summarizeValues', () => {
  it('gives latest, min, max and mean over every value', () => {
    expect(summarizeValues([])).toEqual({ latest: null, min: null, max: null, mean: null })
    expect(summarizeValues([3, 1, 5, 3])).toEqual({ latest: 3, min: 1, max: 5, mean: 3 })
    expect(summarizeValues(new Float64Array([-2, 0.5]))).toEqual({
      latest: 0.5,
      min: -2,
      max: 0.5,
      mean: -0.75,
    })
  })
})

describe('nearestIndex', () => {
  const times = [0, 10, 20, 40]

  it('finds the nearest point within the tolerance, the earlier one on a tie', () => {
    expect(nearestIndex(times, 11, 5)).toBe(1)
    expect(nearestIndex(times, 29, 10)).toBe(2)
    expect(nearestIndex(times, 30, 10)).toBe(2)
    expect(nearestIndex(times, -3, 5)).toBe(0)
    expect(nearestIndex(times, 44, 5)).toBe(3)
  })

  it('answers -1 when no point is close enough, or there are none', () => {
    expect(nearestIndex(times, 30, 5)).toBe(-1)
    expect(nearestIndex(times, 100, 5)).toBe(-1)
    expect(nearestIndex([], 0, 1_000)).toBe(-1)
  })
})

describe('instantMs', () => {
  it('reads contract timestamps like Date.parse', () => {
    for (const iso of [
      '2026-11-28T07:00:00.000Z',
      '2026-11-28T07:00:05Z',
      '2024-02-29T23:59:59.999Z',
      '2026-11-28T08:00:00+01:00',
      '2026-11-28T07:00:00.5Z',
      '2026-11-28T07:00:00.123456Z',
      '2026-02-30T07:00:00Z',
      '2026-11-28T24:00:00Z',
      '0099-01-01T00:00:00Z',
      'not a time',
    ]) {
      expect(instantMs(iso), iso).toBe(Date.parse(iso))
    }
  })
})
