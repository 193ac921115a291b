import { parser as jsonParser } from '@lezer/json'
import { parseXml, XmlError } from '@rgrove/parse-xml'
import type { BodyFormat } from './body-format'

/**
 * The replay's input body, checked as it is typed: JSON with `JSON.parse`, XML with a strict
 * well-formedness parser (`@rgrove/parse-xml`, not `DOMParser`: under the production policy's
 * Trusted Types, `DOMParser.parseFromString` takes only TrustedHTML, and a policy that lets any
 * string through would defeat it). Plain text is not checked. An empty body is allowed: an
 * exchange may carry none.
 */

export type BodyCheck =
  | { ok: true; format: BodyFormat; empty: boolean }
  | {
      ok: false
      format: 'json' | 'xml'
      /** "Input body is not valid JSON: Expected ',' or '}' … (line 1 column 13)". */
      message: string
      /** Where the problem is, 0-based offsets into the text (for the editor's diagnostic). */
      from: number
      to: number
    }

const formatNames = { json: 'JSON', xml: 'XML' } as const

/** `JSON.parse`'s message names a position on V8 ("at position 12"); others may not. */
function jsonErrorOffset(message: string, text: string): number {
  const position = /at position (\d+)/.exec(message)
  if (position) return Number(position[1])
  const lineColumn = /line (\d+) column (\d+)/.exec(message)
  if (lineColumn) {
    const lines = text.split('\n').slice(0, Number(lineColumn[1]) - 1)
    return lines.reduce((sum, line) => sum + line.length + 1, 0) + Number(lineColumn[2]) - 1
  }
  if (/end of (JSON )?(input|data)/i.test(message)) return text.length
  // "Unexpected token ']', …" names no place: the JSON grammar's error recovery finds it.
  let offset: number | null = null
  jsonParser.parse(text).iterate({
    enter: (node) => {
      if (offset !== null) return false
      if (node.type.isError) offset = node.from
      return offset === null
    },
  })
  return offset ?? 0
}

/** One character to mark: the one at `offset`, or the last one when it is the end. */
function around(offset: number, text: string): { from: number; to: number } {
  const from = Math.max(0, Math.min(offset, text.length - 1))
  return { from, to: Math.min(text.length, from + 1) }
}

export function checkBody(text: string, format: BodyFormat): BodyCheck {
  if (format === 'text' || text.trim() === '') {
    return { ok: true, format, empty: text.trim() === '' }
  }
  const prefix = `Input body is not valid ${formatNames[format]}: `
  if (format === 'json') {
    try {
      JSON.parse(text)
      return { ok: true, format, empty: false }
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error)
      return {
        ok: false,
        format,
        message: prefix + detail,
        ...around(jsonErrorOffset(detail, text), text),
      }
    }
  }
  try {
    parseXml(text)
    return { ok: true, format, empty: false }
  } catch (error) {
    if (!(error instanceof XmlError)) throw error
    // Its message carries an excerpt on further lines; the editor marks the place instead.
    const detail = error.message.split('\n')[0] ?? error.message
    return { ok: false, format, message: prefix + detail, ...around(error.pos, text) }
  }
}
