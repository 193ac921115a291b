import { describe, expect, it } from 'vitest'
import { compareWithPrevious } from './usage-change'

describe('compareWithPrevious', () => {
  it('states the relative change as signed text', () => {
    expect(compareWithPrevious(112, 100)).toEqual({ kind: 'change', ratio: 0.12, text: '+12 %' })
    expect(compareWithPrevious(75, 100).text).toBe('\u221225 %')
    expect(compareWithPrevious(100, 100).text).toBe('0 %')
    expect(compareWithPrevious(0, 100).text).toBe('\u2212100 %')
  })

  it('does not divide by zero when the previous period had nothing', () => {
    expect(compareWithPrevious(5, 0).kind).toBe('new')
    expect(compareWithPrevious(0, 0).kind).toBe('none')
  })
})
