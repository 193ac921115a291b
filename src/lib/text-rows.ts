/**
 * A long text cut into display rows: each line, and each line longer than `width` characters
 * cut into pieces of `width` (never between the two halves of a surrogate pair), so every row
 * has one height and a text of any size can be virtualized row by row. Rows are offsets into
 * the text (no copies): joining each line's pieces, and the lines with `\n`, gives the text
 * back exactly.
 */
export interface TextRows {
  count: number
  /** Offset of row i's first character. */
  starts: Uint32Array
  /** Offset just past row i's last character (its line break excluded). */
  ends: Uint32Array
  /** Whether row i continues the line of the row before it. */
  continues: Uint8Array
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff
}

export function splitTextRows(text: string, width: number): TextRows {
  if (!(width >= 2)) throw new Error('A row is at least 2 characters wide')
  let starts = new Uint32Array(1024)
  let ends = new Uint32Array(1024)
  let continues = new Uint8Array(1024)
  let count = 0
  const push = (start: number, end: number, continued: boolean) => {
    if (count === starts.length) {
      const grow = <T extends Uint32Array | Uint8Array>(array: T, make: (n: number) => T): T => {
        const bigger = make(array.length * 2)
        bigger.set(array)
        return bigger
      }
      starts = grow(starts, (n) => new Uint32Array(n))
      ends = grow(ends, (n) => new Uint32Array(n))
      continues = grow(continues, (n) => new Uint8Array(n))
    }
    starts[count] = start
    ends[count] = end
    continues[count] = continued ? 1 : 0
    count++
  }
  let lineStart = 0
  for (;;) {
    const newline = text.indexOf('\n', lineStart)
    const lineEnd = newline === -1 ? text.length : newline
    let start = lineStart
    do {
      let end = Math.min(start + width, lineEnd)
      if (end < lineEnd && isHighSurrogate(text.charCodeAt(end - 1))) end--
      push(start, end, start !== lineStart)
      start = end
    } while (start < lineEnd)
    if (newline === -1) break
    lineStart = newline + 1
  }
  return {
    count,
    starts: starts.subarray(0, count),
    ends: ends.subarray(0, count),
    continues: continues.subarray(0, count),
  }
}
