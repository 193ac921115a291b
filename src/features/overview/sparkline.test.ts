import { describe, expect, it } from 'vitest'
import { sparklinePath } from './sparkline'

describe('sparklinePath', () => {
  it('spans the width, the highest value at the top and zero at the bottom', () => {
    expect(sparklinePath([0, 5, 10], 100, 24)).toBe('M0 22L50 12L100 2')
  })

  it('draws a flat line for nothing, one value, or only zeros', () => {
    expect(sparklinePath([], 100, 24)).toBe('M0 22H100')
    expect(sparklinePath([7], 100, 24)).toBe('M0 2H100')
    expect(sparklinePath([0, 0, 0], 100, 24)).toBe('M0 22L50 22L100 22')
  })

  it('puts a value that is not a number on the bottom line instead of breaking the path', () => {
    expect(sparklinePath([Number.NaN, 10], 100, 24)).toBe('M0 22L100 2')
  })
})
