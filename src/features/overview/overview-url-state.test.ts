import { describe, expect, it } from 'vitest'
import { OVERVIEW_SORT_COLUMNS, overviewView, type OverviewViewState } from './overview-url-state'

const read = (query: string) => overviewView.read(new URLSearchParams(query))

describe('the Overview URL state', () => {
  it('reads worst first when the link has no sort', () => {
    expect(read('env=prod')).toEqual({ values: { sort: null }, ignored: [] })
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
      const params = new URLSearchParams('env=prod&from=now-6h&to=now&refresh=30s&sort=p99&dir=asc')
      const written = overviewView.write(params, state)
      expect(read(written.toString())).toEqual({ values: state, ignored: [] })
      expect(written.get('env')).toBe('prod')
      expect(written.get('from')).toBe('now-6h')
      expect(written.get('to')).toBe('now')
      expect(written.get('refresh')).toBe('30s')
      if (!state.sort) expect(written.has('sort')).toBe(false)
    }
  })

  it.each(['sort=nope&dir=desc', 'sort=errorRate&dir=sideways', 'sort=__proto__'])(
    'ignores the unusable %s, naming the parameter',
    (query) => {
      const { ignored } = read(query)
      expect(ignored.length).toBeGreaterThan(0)
      expect(ignored.every((value) => value.param === 'sort' || value.param === 'dir')).toBe(true)
    },
  )
})
