import { describe, expect, it } from 'vitest'
import { countChanges, diffHeaders } from './header-diff'

describe('diffHeaders', () => {
  it('marks headers added, removed, changed and unchanged, input order first', () => {
    const rows = diffHeaders(
      { orderId: 'ORD-1', 'Content-Length': '120', 'Content-Type': 'application/json' },
      { orderId: 'ORD-1', 'Content-Type': 'application/xml', CamelHttpResponseCode: '200' },
    )
    expect(rows).toEqual([
      { name: 'orderId', before: 'ORD-1', after: 'ORD-1', change: 'unchanged' },
      { name: 'Content-Length', before: '120', after: null, change: 'removed' },
      {
        name: 'Content-Type',
        before: 'application/json',
        after: 'application/xml',
        change: 'changed',
      },
      { name: 'CamelHttpResponseCode', before: null, after: '200', change: 'added' },
    ])
    expect(countChanges(rows)).toEqual({ added: 1, removed: 1, changed: 1, unchanged: 1 })
  })

  it('keeps an empty value apart from an absent header, and ignores inherited names', () => {
    const rows = diffHeaders({ a: '' }, { a: '', toString: 'x' })
    expect(rows.map((row) => [row.name, row.change])).toEqual([
      ['a', 'unchanged'],
      ['toString', 'added'],
    ])
    expect(diffHeaders({ constructor: 'y' }, {})[0]?.change).toBe('removed')
  })
})
