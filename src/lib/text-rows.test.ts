import { describe, expect, it } from 'vitest'
import { splitTextRows } from './text-rows'

/** The text rebuilt from its rows: pieces of a line joined, lines joined with `\n`. */
function rebuild(text: string, width: number): string {
  const rows = splitTextRows(text, width)
  let out = ''
  for (let i = 0; i < rows.count; i++) {
    if (i > 0 && !rows.continues[i]) out += '\n'
    out += text.slice(rows.starts[i], rows.ends[i])
  }
  return out
}

describe('splitTextRows', () => {
  it('gives one row per line, an empty line included', () => {
    const rows = splitTextRows('a\n\nbc\n', 10)
    expect(rows.count).toBe(4)
    expect([...rows.starts]).toEqual([0, 2, 3, 6])
    expect([...rows.ends]).toEqual([1, 2, 5, 6])
    expect([...rows.continues]).toEqual([0, 0, 0, 0])
  })

  it('cuts a line longer than the width into pieces of the width', () => {
    const text = 'x'.repeat(25)
    const rows = splitTextRows(text, 10)
    expect(rows.count).toBe(3)
    expect([...rows.ends].map((end, i) => end - (rows.starts[i] ?? 0))).toEqual([10, 10, 5])
    expect([...rows.continues]).toEqual([0, 1, 1])
  })

  it('never cuts between the halves of a surrogate pair', () => {
    const text = `${'a'.repeat(9)}😀${'b'.repeat(5)}`
    const rows = splitTextRows(text, 10)
    for (let i = 0; i < rows.count; i++) {
      const piece = text.slice(rows.starts[i], rows.ends[i])
      // No lone half at either end of a piece.
      expect(piece.charCodeAt(piece.length - 1)).not.toSatisfy(
        (code: number) => code >= 0xd800 && code <= 0xdbff,
      )
      expect(piece.charCodeAt(0)).not.toSatisfy((code: number) => code >= 0xdc00 && code <= 0xdfff)
    }
  })

  it('gives the text back exactly, whatever it holds', () => {
    for (const text of [
      '',
      '\n',
      'one line',
      'a\r\nb\n\n\nc',
      `${'{"k":1},'.repeat(5000)}\n${'z'.repeat(99)}`,
    ]) {
      expect(rebuild(text, 16)).toBe(text)
    }
  })

  it('holds a 5 MB line of JSON in 160-character rows', () => {
    const text = `[${'{"id":12345,"name":"order"},'.repeat(180_000)}{}]`
    const rows = splitTextRows(text, 160)
    expect(rows.count).toBe(Math.ceil(text.length / 160))
    expect(rows.ends[rows.count - 1]).toBe(text.length)
  })
})
