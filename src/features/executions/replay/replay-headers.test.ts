import { describe, expect, it } from 'vitest'
import { headersFromRows, newHeaderRow, rowsFromHeaders } from './replay-headers'

describe('replay headers', () => {
  it('round-trips a header map through rows', () => {
    const headers = { 'Content-Type': 'application/json', 'kafka.KEY': 'order-1' }
    const rows = rowsFromHeaders(headers)
    expect(rows.map(({ name, value }) => [name, value])).toEqual(Object.entries(headers))
    expect(new Set(rows.map((row) => row.id)).size).toBe(2)
    expect(headersFromRows(rows)).toEqual({ ok: true, headers })
  })

  it('drops rows left empty and trims names, keeping values as typed', () => {
    expect(
      headersFromRows([newHeaderRow(' X-Trace ', ' a b '), newHeaderRow('', ''), newHeaderRow()]),
    ).toEqual({ ok: true, headers: { 'X-Trace': ' a b ' } })
    expect(headersFromRows([newHeaderRow('X-Empty', '')])).toEqual({
      ok: true,
      headers: { 'X-Empty': '' },
    })
  })

  it('refuses a value without a name and a header named twice (any case)', () => {
    expect(
      headersFromRows([
        newHeaderRow('', 'orphan'),
        newHeaderRow('Content-Type', 'a'),
        newHeaderRow('content-type', 'b'),
      ]),
    ).toEqual({
      ok: false,
      problems: [
        'Header row 1 has a value but no name.',
        'Header content-type is named twice (also as Content-Type).',
      ],
    })
  })
})
