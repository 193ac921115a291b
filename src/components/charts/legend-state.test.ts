import { describe, expect, it } from 'vitest'
import { initialLegendState, isShown, legendReducer, type LegendState } from './legend-state'

const keys = ['a', 'b', 'c', 'd']
const click = (state: LegendState, key: string, modified = false) =>
  legendReducer(state, { type: 'click', key, modified, keys })

describe('legend state', () => {
  it('shows every series at first', () => {
    expect(keys.every((key) => isShown(initialLegendState, key))).toBe(true)
  })

  it('a click isolates the series; a second click on it shows all again', () => {
    const isolated = click(initialLegendState, 'b')
    expect(keys.filter((key) => isShown(isolated, key))).toEqual(['b'])
    expect(click(isolated, 'b')).toEqual(initialLegendState)
    // A click on another entry isolates that one instead.
    expect(keys.filter((key) => isShown(click(isolated, 'c'), key))).toEqual(['c'])
  })

  it('a modified click adds or removes one series', () => {
    const isolated = click(initialLegendState, 'b')
    const two = click(isolated, 'd', true)
    expect(keys.filter((key) => isShown(two, key))).toEqual(['b', 'd'])
    const back = click(two, 'b', true)
    expect(keys.filter((key) => isShown(back, key))).toEqual(['d'])
    // From "all", a modified click hides just that one.
    const allButA = click(initialLegendState, 'a', true)
    expect(keys.filter((key) => isShown(allButA, key))).toEqual(['b', 'c', 'd'])
    // Adding the last hidden one back is "all" again.
    expect(click(allButA, 'a', true).shown).toBeNull()
  })

  it('can hide every series with modified clicks (and a plain click recovers)', () => {
    const none = click(click(initialLegendState, 'a'), 'a', true)
    expect(keys.some((key) => isShown(none, key))).toBe(false)
    expect(keys.filter((key) => isShown(click(none, 'c'), key))).toEqual(['c'])
  })

  it('hover highlights without changing what is shown', () => {
    const isolated = click(initialLegendState, 'b')
    const hovered = legendReducer(isolated, { type: 'hover', key: 'c' })
    expect(hovered.highlighted).toBe('c')
    expect(hovered.shown).toEqual(['b'])
    expect(legendReducer(hovered, { type: 'hover', key: null }).highlighted).toBeNull()
    expect(legendReducer(hovered, { type: 'reset' })).toEqual(initialLegendState)
  })
})
