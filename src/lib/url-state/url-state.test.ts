import { describe, expect, it } from 'vitest'
import {
  choice,
  choiceOr,
  defineUrlState,
  flag,
  id,
  integer,
  list,
  routeRef,
  sort,
  text,
  toApiParams,
} from './url-state'

const view = defineUrlState({
  status: choice('status', ['OPEN', 'CLOSED'], { label: 'status', upperCase: true }),
  app: id('app', 'application filter'),
  q: text('q', { label: 'search text', max: 5, whenLonger: 'cut' }),
  strict: text('strict', { label: 'filter', max: 5, whenLonger: 'drop', idLike: true }),
  min: integer('min', { label: 'minimum', min: 0, max: 999 }),
  agg: choiceOr('agg', ['mean', 'max'], 'mean', { label: 'aggregation' }),
  all: flag('agents', 'all', 'agents shown'),
  names: list('names', {
    fallback: ['a'],
    item: /^[a-z]+$/,
    max: 3,
    label: 'names',
    itemName: 'a name',
  }),
  route: routeRef(
    { applicationId: 'routeApp', routeId: 'route' },
    { applicationId: 'application', routeId: 'route' },
  ),
  sort: sort({ column: 'sort', dir: 'dir' }, ['name', 'size'], {
    label: 'sort column',
    fallback: null,
    defaultDesc: false,
  }),
})
const read = (query: string) => view.read(new URLSearchParams(query))

describe('a declared URL state', () => {
  it('reads defaults from an empty URL, writes nothing for them and keeps other parameters', () => {
    const { values, ignored } = read('env=prod&from=now-1h')
    expect(ignored).toEqual([])
    expect(values).toEqual(view.defaults)
    expect(view.isChanged(values)).toBe(false)
    expect(view.write(new URLSearchParams('env=prod&from=now-1h&q=x'), values).toString()).toBe(
      'env=prod&from=now-1h',
    )
  })

  it('round-trips every kind of value', () => {
    const values = {
      status: 'OPEN',
      app: 'order-service',
      q: 'abc',
      strict: 'gw-1',
      min: 500,
      agg: 'max',
      all: true,
      names: [],
      route: { applicationId: 'order-service', routeId: 'intake' },
      sort: { column: 'size', desc: true },
    } as const
    const params = view.write(new URLSearchParams('env=prod'), values)
    expect(params.get('env')).toBe('prod')
    expect(params.get('names')).toBe('')
    expect(read(params.toString())).toEqual({ values, ignored: [] })
    expect(view.isChanged(values, ['status'])).toBe(true)
  })

  it('ignores what it cannot use, naming the parameter, and never throws', () => {
    const { values, ignored } = read(
      [
        'status=bogus',
        `app=${'x'.repeat(300)}`,
        'q=abcdefgh',
        'strict=a%00b',
        'min=1e3',
        'agg=median',
        'agents=some',
        'names=a,B,c',
        'routeApp=only-half',
        'sort=constructor',
      ].join('&'),
    )
    expect(values).toEqual({ ...view.defaults, q: 'abcde', names: ['a', 'c'] })
    expect(ignored.map((value) => value.param)).toEqual([
      'status',
      'app',
      'q',
      'strict',
      'min',
      'agg',
      'agents',
      'names',
      'sort',
    ])
    expect(ignored[0]?.message).toBe('The status “bogus” is not one of OPEN, CLOSED.')
    expect(ignored[1]?.message).toMatch(/^The application filter “x{40}…” is not a valid id\.$/)
    expect(ignored[2]?.message).toBe(
      "The search text was cut to 5 characters (the server's limit).",
    )
    expect(ignored[4]?.message).toBe('The minimum “1e3” is not a whole number from 0 to 999.')
    expect(read('status=open').values.status).toBe('OPEN')
  })

  it('reads a sort direction it does not know as the default one', () => {
    expect(read('sort=name&dir=sideways').values.sort).toEqual({ column: 'name', desc: false })
  })

  it('maps the values to the API’s names, leaving out what is not set', () => {
    const { values } = read('app=order-service&min=0&q=')
    expect(
      toApiParams(values, { status: 'state', app: 'applicationId', q: 'q', min: 'minMs' }),
    ).toEqual({ applicationId: 'order-service', minMs: 0 })
  })
})
