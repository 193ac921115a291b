import { describe, expect, it } from 'vitest'
import { compareView, type CompareViewState } from './compare-url-state'

describe('compare view state in the URL', () => {
  it('writes nothing for the defaults', () => {
    const { values, ignored } = compareView.read(new URLSearchParams('env=prod&with=staging'))
    expect(ignored).toEqual([])
    expect(values.sort).toEqual({ key: 'p99', desc: true })
    expect(compareView.write(new URLSearchParams('env=prod&with=staging'), values).toString()).toBe(
      'env=prod&with=staging',
    )
  })

  it('round-trips every choice, with the parameter names links already use', () => {
    const state: CompareViewState = {
      route: { applicationId: 'order-service', routeId: 'order-intake' },
      metric: 'jvm.heap.used',
      aggregation: 'max',
      sort: { key: 'errorRate', desc: false },
      onlyDiffering: true,
    }
    const params = compareView.write(new URLSearchParams('env=prod&with=staging'), state)
    expect(params.toString()).toBe(
      'env=prod&with=staging&routeApp=order-service&route=order-intake&metric=jvm.heap.used&agg=max&sort=errorRate&dir=asc&apps=differing',
    )
    expect(compareView.read(params).values).toEqual(state)
  })

  it('reads a sort without a direction as descending, and ignores hostile values', () => {
    const { values, ignored } = compareView.read(
      new URLSearchParams('sort=route&agg=%3Cb%3E&metric=a%00b'),
    )
    expect(values.sort).toEqual({ key: 'route', desc: true })
    expect(values.aggregation).toBe('mean')
    expect(values.metric).toBeNull()
    expect(ignored.map((value) => value.param)).toEqual(['metric', 'agg'])
  })
})
