import { describe, expect, it } from 'vitest'
import {
  formatBody,
  previewOf,
  prettyJson,
  prettyXml,
  utf8Length,
  MAX_INDENT_DEPTH,
  MAX_FORMAT_CHARS,
  formatBodyGradually,
} from './body-format'

describe('formatBody', () => {
  it('pretty-prints JSON without changing a single value', () => {
    const body =
      '{"id":12345678901234567890,"name":"caf\\u00e9","tags":[],"nested":{"ok":true,"n":[1,2.50]},"s":"a,b:{c}"}'
    const formatted = formatBody(body)

    expect(formatted).toMatchObject({ kind: 'json', reformatted: true })
    expect(formatted.text).toBe(
      [
        '{',
        '  "id": 12345678901234567890,',
        '  "name": "caf\\u00e9",',
        '  "tags": [],',
        '  "nested": {',
        '    "ok": true,',
        '    "n": [',
        '      1,',
        '      2.50',
        '    ]',
        '  },',
        '  "s": "a,b:{c}"',
        '}',
      ].join('\n'),
    )
    // Same tokens, only whitespace differs: nothing was rounded, unescaped or dropped.
    expect(formatted.text.replace(/\s+(?=(?:[^"\\]|\\.|"(?:[^"\\]|\\.)*")*$)/g, '')).toBe(body)
  })

  it('keeps escaped quotes and backslashes inside strings', () => {
    expect(prettyJson('{"a":"say \\"hi\\", \\\\ {x}"}')).toBe(
      '{\n  "a": "say \\"hi\\", \\\\ {x}"\n}',
    )
  })

  it('shows text that only looks like JSON as captured', () => {
    expect(formatBody('{not json')).toEqual({ kind: 'text', text: '{not json', reformatted: false })
    expect(formatBody('plain text')).toMatchObject({ kind: 'text', text: 'plain text' })
  })

  it('pretty-prints XML by element depth, keeping leaf text on one line', () => {
    const body =
      '<?xml version="1.0"?><!-- order --><order id="1" note="a > b"><line sku="A"/><qty>2</qty><empty></empty><![CDATA[<raw>]]></order>'
    expect(formatBody(body)).toEqual({
      kind: 'xml',
      reformatted: true,
      text: [
        '<?xml version="1.0"?>',
        '<!-- order -->',
        '<order id="1" note="a > b">',
        '  <line sku="A"/>',
        '  <qty>2</qty>',
        '  <empty></empty>',
        '  <![CDATA[<raw>]]>',
        '</order>',
      ].join('\n'),
    })
  })

  it('leaves XML that is not well-formed as captured', () => {
    expect(prettyXml('<a><b></a>')).toBeNull()
    expect(prettyXml('<a>')).toBeNull()
    expect(prettyXml('<a attr="unterminated></a>')).toBeNull()
    expect(formatBody('<a><b></a>')).toMatchObject({ kind: 'text', text: '<a><b></a>' })
  })
})

describe('sizes and previews', () => {
  it('counts UTF-8 bytes', () => {
    expect(utf8Length('abc')).toBe(3)
    expect(utf8Length('é')).toBe(2)
    expect(utf8Length('€')).toBe(3)
    expect(utf8Length('😀')).toBe(4)
    expect(utf8Length('a😀é')).toBe(new TextEncoder().encode('a😀é').length)
  })

  it('previews the first lines, and at most a few kB of one long line', () => {
    const lines = Array.from({ length: 100 }, (_, i) => `line ${i + 1}`).join('\n')
    const preview = previewOf(lines)
    expect(preview.split('\n')).toHaveLength(40)
    expect(preview.endsWith('line 40')).toBe(true)
    expect(previewOf('x'.repeat(10_000))).toHaveLength(4_096)
  })
})

describe('hostile bodies', () => {
  it('keeps the output of deeply nested JSON linear in its size (indentation is capped)', () => {
    const depth = 10_000
    const body = '['.repeat(depth) + '1' + ']'.repeat(depth)
    const { kind, text } = formatBody(body)
    expect(kind).toBe('json')
    const lines = text.split('\n')
    expect(lines).toHaveLength(2 * depth + 1)
    // Uncapped, the middle lines would be 20,000 characters of indentation each.
    expect(Math.max(...lines.map((line) => line.length))).toBeLessThanOrEqual(
      2 * MAX_INDENT_DEPTH + 1,
    )
    expect(text.replace(/\s/g, '')).toBe(body)
  })

  it('formats a body of many <!…> declarations (once quadratic) and keeps each on its line', () => {
    const body = `<a>${'<!x>'.repeat(200_000)}</a>`
    const { kind, text } = formatBody(body)
    expect(kind).toBe('xml')
    expect(text.split('\n')).toHaveLength(200_002)
  })

  it('does not format what is larger than it may, and says why', () => {
    const body = `[${'1,'.repeat(MAX_FORMAT_CHARS / 2)}1]`
    const formatted = formatBody(body)
    expect(formatted).toEqual({
      kind: 'text',
      text: body,
      reformatted: false,
      notFormatted: 'too-large',
    })
  })

  it('formats gradually to the same result, yielding to the browser between slices', async () => {
    const body = JSON.stringify(
      Array.from({ length: 20_000 }, (_, i) => ({ id: i, name: `item ${i}` })),
    )
    let otherTaskRan = false
    setTimeout(() => (otherTaskRan = true), 0)
    const gradual = await formatBodyGradually(body, { budgetMs: 0 })
    expect(otherTaskRan).toBe(true)
    expect(gradual).toEqual(formatBody(body))
  })

  it('stops formatting gradually when told to', async () => {
    const controller = new AbortController()
    const body = JSON.stringify(Array.from({ length: 50_000 }, (_, i) => i))
    const pending = formatBodyGradually(body, { signal: controller.signal, budgetMs: 0 })
    controller.abort()
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' })
  })
})
