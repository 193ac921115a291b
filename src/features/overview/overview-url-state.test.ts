import { describe, expect, it } from 'vitest'
import {
  OVERVIEW_SORT_COLUMNS,
  readOverviewState,
  writeOverviewState,
  type OverviewViewState,
} from './overview-url-state'

describe('the Overview URL state', () => {
  it('reads worst first when the link has no sort', () => {
    expect(readOverviewState(new URLSearchParams('env=prod'))).toEqual({
      state: { sort: null },
      problems: [],
    })
  })

  it('round-trips every sort, keeping env, range and refresh', () => {
    const states: OverviewViewState[] = [
      { sort: null },
      ...OVERVIEW_SORT_COLUMNS.flatMap((column) => [
        { sort: { column, desc: true } },
        { sort: { column, desc: false } },
      ]),
    ]
    for (const state of states) {
      const params = new URLSearchParams('env=prod&from=now-6h&to=now&refresh=30s&sort=p99.asc')
      const written = writeOverviewState(params, state)
      const read = readOverviewState(new URLSearchParams(written.toString()))
      expect(read).toEqual({ state, problems: [] })
      expect(written.get('env')).toBe('prod')
      expect(written.get('from')).toBe('now-6h')
      expect(written.get('to')).toBe('now')
      expect(written.get('refresh')).toBe('30s')
    }
  })

  it.each(['nope.desc', 'errorRate', 'errorRate.sideways', 'p99.desc.x', '__proto__.asc'])(
    'drops the unusable sort %s with a message',
    (sort) => {
      const { state, problems } = readOverviewState(new URLSearchParams({ sort }))
      expect(state).toEqual({ sort: null })
      expect(problems).toHaveLength(1)
    },
  )
})
