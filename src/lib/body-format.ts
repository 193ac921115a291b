/**
 * How a message body is shown: JSON and XML pretty-printed without changing a single value,
 * anything else as captured, and how long bodies are measured and previewed. Pure functions,
 * no React; `MessageBody` renders what they return.
 */

/** Bodies longer than this start collapsed (lines or UTF-8 bytes). */
export const COLLAPSE_LINES = 40
export const COLLAPSE_BYTES = 4_096

export type BodyKind = 'json' | 'xml' | 'text'

export interface FormattedBody {
  kind: BodyKind
  /** Pretty-printed text, or the body as captured when it is neither JSON nor XML. */
  text: string
  /** Whether `text` differs from the body as captured. */
  reformatted: boolean
}

export function formatBody(body: string): FormattedBody {
  const trimmed = body.trim()
  const first = trimmed[0]
  if (first === '{' || first === '[') {
    const json = prettyJson(trimmed)
    if (json !== null) return { kind: 'json', text: json, reformatted: json !== body }
  }
  if (first === '<' && trimmed.endsWith('>')) {
    const xml = prettyXml(trimmed)
    if (xml !== null) return { kind: 'xml', text: xml, reformatted: xml !== body }
  }
  return { kind: 'text', text: body, reformatted: false }
}

/**
 * Re-indents JSON token by token instead of `JSON.stringify(JSON.parse(…))`: a round trip
 * through numbers loses digits of big ids (12345678901234567890), drops duplicate keys and
 * rewrites escapes, and a debugging view must show exactly what was sent. `JSON.parse` only
 * decides whether the text is JSON. `null` when it is not.
 */
export function prettyJson(text: string, indentUnit = '  '): string | null {
  try {
    JSON.parse(text)
  } catch {
    return null
  }
  let out = ''
  let depth = 0
  let inString = false
  const newline = () => '\n' + indentUnit.repeat(depth)
  for (let i = 0; i < text.length; i++) {
    const char = text.charAt(i)
    if (inString) {
      out += char
      if (char === '\\') {
        out += text[i + 1] ?? ''
        i++
      } else if (char === '"') {
        inString = false
      }
      continue
    }
    switch (char) {
      case '"':
        inString = true
        out += char
        break
      case '{':
      case '[': {
        const close = char === '{' ? '}' : ']'
        const next = nextNonSpace(text, i + 1)
        if (text[next] === close) {
          out += char + close
          i = next
        } else {
          depth++
          out += char + newline()
        }
        break
      }
      case '}':
      case ']':
        depth--
        out += newline() + char
        break
      case ',':
        out += ',' + newline()
        break
      case ':':
        out += ': '
        break
      case ' ':
      case '\t':
      case '\n':
      case '\r':
        break
      default:
        out += char
    }
  }
  return out
}

function nextNonSpace(text: string, from: number): number {
  let i = from
  while (i < text.length && /\s/.test(text.charAt(i))) i++
  return i
}

type XmlToken =
  | { type: 'open'; name: string; text: string }
  | { type: 'close'; name: string; text: string }
  | { type: 'leaf'; text: string }
  | { type: 'text'; text: string }

/**
 * A small, safe XML pretty-printer: it tokenizes tags, comments, CDATA, processing instructions
 * and text, and indents by element depth. Text stays text (the caller renders it in a <pre>);
 * nothing is interpreted. `null` when the text is not well-formed enough to indent (then the
 * body is shown as captured).
 */
export function prettyXml(text: string, indentUnit = '  '): string | null {
  const tokens = tokenizeXml(text)
  if (!tokens) return null
  const lines: string[] = []
  const stack: string[] = []
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]
    if (!token) break
    const indent = indentUnit.repeat(stack.length)
    switch (token.type) {
      case 'open': {
        const next = tokens[i + 1]
        const afterNext = tokens[i + 2]
        // <name>text</name> and <name></name> stay on one line.
        if (next?.type === 'close' && next.name === token.name) {
          lines.push(indent + token.text + next.text)
          i += 1
        } else if (
          next?.type === 'text' &&
          !next.text.includes('\n') &&
          afterNext?.type === 'close' &&
          afterNext.name === token.name
        ) {
          lines.push(indent + token.text + next.text.trim() + afterNext.text)
          i += 2
        } else {
          lines.push(indent + token.text)
          stack.push(token.name)
        }
        break
      }
      case 'close': {
        if (stack.pop() !== token.name) return null
        lines.push(indentUnit.repeat(stack.length) + token.text)
        break
      }
      case 'leaf':
        lines.push(indent + token.text)
        break
      case 'text': {
        const trimmed = token.text.trim()
        if (trimmed) lines.push(indent + trimmed)
        break
      }
    }
  }
  if (stack.length > 0) return null
  return lines.join('\n')
}

function tokenizeXml(text: string): XmlToken[] | null {
  const tokens: XmlToken[] = []
  let i = 0
  const until = (terminator: string, from: number): number | null => {
    const at = text.indexOf(terminator, from)
    return at === -1 ? null : at + terminator.length
  }
  while (i < text.length) {
    if (text[i] !== '<') {
      const next = text.indexOf('<', i)
      const end = next === -1 ? text.length : next
      tokens.push({ type: 'text', text: text.slice(i, end) })
      i = end
      continue
    }
    let end: number | null
    if (text.startsWith('<!--', i)) end = until('-->', i + 4)
    else if (text.startsWith('<![CDATA[', i)) end = until(']]>', i + 9)
    else if (text.startsWith('<?', i)) end = until('?>', i + 2)
    else if (text.startsWith('<!', i)) {
      // A DOCTYPE may carry an internal subset in brackets, which holds '>' characters.
      const bracket = text.indexOf('[', i)
      const close = text.indexOf('>', i)
      end =
        bracket !== -1 && bracket < close ? until(']>', bracket) : close === -1 ? null : close + 1
    } else {
      end = tagEnd(text, i)
      if (end !== null) {
        const raw = text.slice(i, end)
        const match = /^<\/?\s*([^\s/>]+)/.exec(raw)
        if (!match) return null
        const name = match[1] ?? ''
        if (raw.startsWith('</')) tokens.push({ type: 'close', name, text: raw })
        else if (raw.endsWith('/>')) tokens.push({ type: 'leaf', text: raw })
        else tokens.push({ type: 'open', name, text: raw })
        i = end
        continue
      }
    }
    if (end === null) return null
    tokens.push({ type: 'leaf', text: text.slice(i, end) })
    i = end
  }
  return tokens
}

/** Where a start or end tag ends, skipping '>' inside quoted attribute values. */
function tagEnd(text: string, from: number): number | null {
  let quote: string | null = null
  for (let i = from + 1; i < text.length; i++) {
    const char = text[i]
    if (quote) {
      if (char === quote) quote = null
    } else if (char === '"' || char === "'") {
      quote = char
    } else if (char === '>') {
      return i + 1
    } else if (char === '<') {
      return null
    }
  }
  return null
}

/** UTF-8 size without encoding a copy of a possibly huge body. */
export function utf8Length(text: string): number {
  let bytes = 0
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    if (code < 0x80) bytes += 1
    else if (code < 0x800) bytes += 2
    else if (code >= 0xd800 && code <= 0xdbff) {
      bytes += 4
      i++
    } else bytes += 3
  }
  return bytes
}

/** The start of a long text: its first `maxLines` lines, at most `maxChars` characters. */
export function previewOf(
  text: string,
  maxLines = COLLAPSE_LINES,
  maxChars = COLLAPSE_BYTES,
): string {
  let end = 0
  for (let line = 0; line < maxLines; line++) {
    const next = text.indexOf('\n', end)
    if (next === -1) {
      end = text.length
      break
    }
    end = next + 1
  }
  return text.slice(0, Math.min(end, maxChars)).replace(/\n$/, '')
}

export function countLines(text: string): number {
  let lines = 1
  for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) lines++
  return lines
}
