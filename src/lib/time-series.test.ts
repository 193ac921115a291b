import { describe, expect, it } from 'vitest'
import { nearestIndex } from './time-series'

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
