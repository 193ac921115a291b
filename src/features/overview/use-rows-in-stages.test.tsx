import { render } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { FIRST_ROWS, useRowsInStages } from './use-rows-in-stages'

/** The counts a table of `total` rows draws, render by render. */
function drawnCounts(total: number, rerenderWith?: number): number[] {
  const counts: number[] = []
  function Table({ rows }: { rows: number }) {
    counts.push(useRowsInStages(rows))
    return null
  }
  const { rerender } = render(<Table rows={total} />)
  if (rerenderWith !== undefined) rerender(<Table rows={rerenderWith} />)
  return counts
}

describe('useRowsInStages', () => {
  it('draws the first rows, then every row', () => {
    const counts = drawnCounts(60)
    expect(counts[0]).toBe(FIRST_ROWS)
    expect(counts.at(-1)).toBe(60)
  })

  it('draws a short table at once', () => {
    expect(new Set(drawnCounts(FIRST_ROWS))).toEqual(new Set([FIRST_ROWS]))
    expect(new Set(drawnCounts(3))).toEqual(new Set([3]))
  })

  it('once filled, follows the total without going back to the first rows', () => {
    const counts = drawnCounts(60, 45)
    expect(counts.at(-1)).toBe(45)
    expect(counts.slice(counts.indexOf(60))).not.toContain(FIRST_ROWS)
  })
})
