import { describe, expect, it } from 'vitest'
import { summarizeValues } from './series-summary'

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

  it('skips gaps in a column: latest is the last value reported, the mean is over values', () => {
    expect(summarizeValues([null, 4, null, 2, null])).toEqual({
      latest: 2,
      min: 2,
      max: 4,
      mean: 3,
    })
    expect(summarizeValues(new Float64Array([Number.NaN, 6, Number.NaN]))).toEqual({
      latest: 6,
      min: 6,
      max: 6,
      mean: 6,
    })
    expect(summarizeValues([null, null])).toEqual({
      latest: null,
      min: null,
      max: null,
      mean: null,
    })
  })
})
