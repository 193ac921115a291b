import { describe, expect, it } from 'vitest'
import { formatBody, previewOf, prettyJson, prettyXml, utf8Length } from './body-format'

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
