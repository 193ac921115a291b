import { describe, expect, it } from 'vitest'
import { checkBody } from './body-check'
import { bodyFormatFor } from './body-format'

describe('checkBody', () => {
  it('accepts valid JSON and names the problem and its place in invalid JSON', () => {
    expect(checkBody('{"orderId": 42}', 'json')).toEqual({ ok: true, format: 'json', empty: false })
    const bad = checkBody('{"orderId": 42,}', 'json')
    expect(bad).toMatchObject({ ok: false, format: 'json', from: 15, to: 16 })
    expect(bad.ok ? '' : bad.message).toMatch(/^Input body is not valid JSON: .*position 15/)
  })

  it('marks the last character when JSON ends too early', () => {
    const text = '{"orderId": 42,'
    expect(checkBody(text, 'json')).toMatchObject({ ok: false, from: 14, to: 15 })
  })

  it('accepts well-formed XML and names the first error with its line and column', () => {
    expect(checkBody('<?xml version="1.0"?>\n<order id="1"><qty>2</qty></order>', 'xml').ok).toBe(
      true,
    )
    const bad = checkBody('<order>\n  <qty>2</order>', 'xml')
    expect(bad.ok).toBe(false)
    if (bad.ok) return
    expect(bad.message).toBe(
      'Input body is not valid XML: Missing end tag for element qty (line 2, column 9)',
    )
    expect(bad.message).not.toContain('\n')
    expect(bad.from).toBe('<order>\n  <qty>2'.length)
    expect(checkBody('<a/><b/>', 'xml').ok).toBe(false)
    expect(checkBody('<a>&undefined;</a>', 'xml').ok).toBe(false)
  })

  it('allows an empty body whatever the format, and says it is empty', () => {
    for (const format of ['json', 'xml', 'text'] as const) {
      expect(checkBody('', format)).toEqual({ ok: true, format, empty: true })
      expect(checkBody('  \n', format)).toMatchObject({ ok: true, empty: true })
    }
  })

  it('does not check plain text', () => {
    expect(checkBody('orderId=42&qty=2', 'text')).toEqual({
      ok: true,
      format: 'text',
      empty: false,
    })
  })

  it('checks huge bodies whole, and finds an error near their end', () => {
    const items = Array.from({ length: 40_000 }, (_, i) => ({ id: i, name: `item ${i}` }))
    const huge = JSON.stringify({ items })
    expect(huge.length).toBeGreaterThan(1_000_000)
    expect(checkBody(huge, 'json').ok).toBe(true)
    const broken = `${huge.slice(0, -2)},]}`
    expect(checkBody(broken, 'json')).toMatchObject({ ok: false, from: broken.length - 2 })

    const xml = `<items>${'<item id="1">x</item>'.repeat(50_000)}</items>`
    expect(checkBody(xml, 'xml').ok).toBe(true)
    const brokenXml = `${xml.slice(0, -'</items>'.length)}</item>`
    expect(checkBody(brokenXml, 'xml').ok).toBe(false)
  })
})

describe('bodyFormatFor', () => {
  it('follows the Content-Type header first, whatever its case and parameters', () => {
    expect(bodyFormatFor({ 'content-type': 'application/json; charset=utf-8' }, '<a/>', '')).toBe(
      'json',
    )
    expect(bodyFormatFor({ 'Content-Type': 'application/soap+xml' }, '{}', '')).toBe('xml')
    expect(bodyFormatFor({ 'Content-Type': 'text/xml' }, null, '')).toBe('xml')
  })

  it('else what the captured body looks like, else the typed text, else plain text', () => {
    expect(bodyFormatFor({ 'Content-Type': 'text/plain' }, '{"a":1}', 'x')).toBe('json')
    expect(bodyFormatFor({}, '  <order/>', '')).toBe('xml')
    // Typing a broken body over a JSON capture is still checked as JSON.
    expect(bodyFormatFor({}, '[1]', 'oops')).toBe('json')
    expect(bodyFormatFor({}, null, '[1, 2')).toBe('json')
    expect(bodyFormatFor({}, 'a=1', 'b=2')).toBe('text')
  })
})
