import { render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import {
  formatBody,
  formatSize,
  MessageBody,
  previewOf,
  prettyJson,
  prettyXml,
  utf8Length,
} from './message-body'

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

  it('formats sizes', () => {
    expect(formatSize(512)).toBe('512 B')
    expect(formatSize(4_608)).toBe('4.5 kB')
    expect(formatSize(52_000)).toBe('51 kB')
    expect(formatSize(3 * 1024 * 1024)).toBe('3.0 MB')
  })

  it('previews the first lines, and at most a few kB of one long line', () => {
    const lines = Array.from({ length: 100 }, (_, i) => `line ${i + 1}`).join('\n')
    const preview = previewOf(lines)
    expect(preview.split('\n')).toHaveLength(40)
    expect(preview.endsWith('line 40')).toBe(true)
    expect(previewOf('x'.repeat(10_000))).toHaveLength(4_096)
  })
})

describe('MessageBody', () => {
  it('says when there is no body', () => {
    render(<MessageBody title="Output body" body={null} />)
    expect(screen.getByRole('region', { name: 'Output body' })).toHaveTextContent('No body')
    expect(screen.queryByRole('button', { name: 'Copy output body' })).toBeNull()
  })

  it('collapses a long body behind "Show full body", and shows all of it on demand', async () => {
    const user = userEvent.setup()
    const items = Array.from({ length: 300 }, (_, i) => ({ sku: `SKU-${i}`, qty: i }))
    const body = JSON.stringify({ items })
    render(<MessageBody title="Input body" body={body} />)

    const toggle = screen.getByRole('button', {
      name: `Show full body (${formatSize(utf8Length(body))})`,
    })
    expect(toggle).toHaveAttribute('aria-expanded', 'false')
    expect(screen.queryByText(/SKU-299/)).toBeNull()

    await user.click(toggle)
    expect(screen.getByRole('button', { name: 'Show less' })).toHaveAttribute(
      'aria-expanded',
      'true',
    )
    expect(screen.getByText(/"sku": "SKU-299"/)).toBeInTheDocument()
  })

  it('copies the body as captured, and can show it that way', async () => {
    const user = userEvent.setup()
    const body = '{"a":1}'
    render(<MessageBody title="Input body" body={body} />)
    expect(screen.getByText(/JSON, formatted/)).toBeInTheDocument()

    await user.click(screen.getByRole('button', { name: 'Copy input body' }))
    expect(await navigator.clipboard.readText()).toBe(body)
    expect(screen.getByRole('status')).toHaveTextContent('Copied')

    await user.click(screen.getByRole('button', { name: 'Show as captured' }))
    expect(screen.getByText(body)).toBeInTheDocument()
  })

  it('renders markup in a body as text, never as HTML', () => {
    render(<MessageBody title="Input body" body={'<img src=x onerror="alert(1)">'} />)
    expect(document.querySelector('img')).toBeNull()
    expect(screen.getByText('<img src=x onerror="alert(1)">')).toBeInTheDocument()
  })
})
