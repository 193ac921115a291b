/**
 * How a message body is shown: JSON and XML pretty-printed without changing a single value,
 * anything else as captured, and how long bodies are measured and previewed. Pure functions,
 * no React; `MessageBody` renders what they return.
 */

/** Bodies longer than this start collapsed (lines or UTF-8 bytes). */
export const COLLAPSE_LINES = 40
export const COLLAPSE_BYTES = 4_096

/**
 * Bodies are untrusted: a crafted one must not freeze the tab. Formatting is linear in the
 * body's length (no rescans), indentation stops growing past MAX_INDENT_DEPTH (so the output
 * of `[[[[…` ten thousand deep stays linear too), nothing over MAX_FORMAT_CHARS is formatted
 * at all (it is shown as captured, which is always available), and bodies over
 * SYNC_FORMAT_CHARS are formatted in slices of a few milliseconds (`formatBodyGradually`),
 * yielding to the browser between them.
 */
export const MAX_INDENT_DEPTH = 32
export const MAX_FORMAT_CHARS = 2_000_000
export const SYNC_FORMAT_CHARS = 64_000
/** How many characters a formatter handles between checks of its time budget. */
const STEP_CHARS = 8_192

export type BodyKind = 'json' | 'xml' | 'text'

export interface FormattedBody {
  kind: BodyKind
  /** Pretty-printed text, or the body as captured when it is neither JSON nor XML. */
  text: string
  /** Whether `text` differs from the body as captured. */
  reformatted: boolean
  /** Set when the body looks like JSON or XML but was not formatted, and why. */
  notFormatted?: 'too-large'
}

/** The formatters are generators: they yield now and then so a caller can pause them. */
type Steps<T> = Generator<void, T, void>

function* formatBodySteps(body: string): Steps<FormattedBody> {
  const trimmed = body.trim()
  const first = trimmed[0]
  const looksJson = first === '{' || first === '['
  const looksXml = first === '<' && trimmed.endsWith('>')
  if ((looksJson || looksXml) && body.length > MAX_FORMAT_CHARS) {
    return { kind: 'text', text: body, reformatted: false, notFormatted: 'too-large' }
  }
  if (looksJson) {
    const json = yield* prettyJsonSteps(trimmed, '  ')
    if (json !== null) return { kind: 'json', text: json, reformatted: json !== body }
  }
  if (looksXml) {
    const xml = yield* prettyXmlSteps(trimmed, '  ')
    if (xml !== null) return { kind: 'xml', text: xml, reformatted: xml !== body }
  }
  return { kind: 'text', text: body, reformatted: false }
}

function runToEnd<T>(steps: Steps<T>): T {
  for (;;) {
    const step = steps.next()
    if (step.done) return step.value
  }
}

/** At once: for bodies up to SYNC_FORMAT_CHARS (any size works, but blocks while it runs). */
export function formatBody(body: string): FormattedBody {
  return runToEnd(formatBodySteps(body))
}

/**
 * The same result, computed in slices of at most `budgetMs` of main-thread time with a
 * macrotask between them, so a large body never makes one long task. Rejects with an
 * AbortError when `signal` aborts (the body left the screen).
 */
export async function formatBodyGradually(
  body: string,
  { signal, budgetMs = 8 }: { signal?: AbortSignal; budgetMs?: number } = {},
): Promise<FormattedBody> {
  const steps = formatBodySteps(body)
  for (;;) {
    const sliceStart = performance.now()
    for (;;) {
      if (signal?.aborted) throw new DOMException('Formatting was cancelled', 'AbortError')
      const step = steps.next()
      if (step.done) return step.value
      if (performance.now() - sliceStart >= budgetMs) break
    }
    await new Promise((resolve) => setTimeout(resolve, 0))
  }
}

/** Indentation strings, made once per unit: depth is capped, so there are few. */
function indenter(unit: string): (depth: number) => string {
  const cache: string[] = []
  return (depth) => {
    const capped = Math.min(depth, MAX_INDENT_DEPTH)
    return (cache[capped] ??= unit.repeat(capped))
  }
}

/**
 * Re-indents JSON token by token instead of `JSON.stringify(JSON.parse(…))`: a round trip
 * through numbers loses digits of big ids (12345678901234567890), drops duplicate keys and
 * rewrites escapes, and a debugging view must show exactly what was sent. `JSON.parse` only
 * decides whether the text is JSON. `null` when it is not.
 */
export function prettyJson(text: string, indentUnit = '  '): string | null {
  return runToEnd(prettyJsonSteps(text, indentUnit))
}

function* prettyJsonSteps(text: string, indentUnit: string): Steps<string | null> {
  try {
    JSON.parse(text)
  } catch {
    return null
  }
  yield
  const indent = indenter(indentUnit)
  // Pieces joined once at the end: linear, whatever the engine does with `+=` on huge strings.
  const out: string[] = []
  let depth = 0
  let inString = false
  let stringStart = 0
  for (let i = 0; i < text.length; i++) {
    if (i % STEP_CHARS === 0) yield
    const char = text.charAt(i)
    if (inString) {
      if (char === '\\') {
        i++
      } else if (char === '"') {
        inString = false
        out.push(text.slice(stringStart, i + 1))
      }
      continue
    }
    switch (char) {
      case '"':
        inString = true
        stringStart = i
        break
      case '{':
      case '[': {
        const close = char === '{' ? '}' : ']'
        const next = nextNonSpace(text, i + 1)
        if (text[next] === close) {
          out.push(char + close)
          i = next
        } else {
          depth++
          out.push(char, '\n', indent(depth))
        }
        break
      }
      case '}':
      case ']':
        depth--
        out.push('\n', indent(depth), char)
        break
      case ',':
        out.push(',\n', indent(depth))
        break
      case ':':
        out.push(': ')
        break
      case ' ':
      case '\t':
      case '\n':
      case '\r':
        break
      default: {
        // A number, true, false or null: copy the run at once.
        let end = i + 1
        while (end < text.length && !',:]} \t\n\r'.includes(text.charAt(end))) end++
        out.push(text.slice(i, end))
        i = end - 1
      }
    }
  }
  return out.join('')
}

function nextNonSpace(text: string, from: number): number {
  let i = from
  while (i < text.length && ' \t\n\r'.includes(text.charAt(i))) i++
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
  return runToEnd(prettyXmlSteps(text, indentUnit))
}

function* prettyXmlSteps(text: string, indentUnit: string): Steps<string | null> {
  const tokens = yield* tokenizeXmlSteps(text)
  if (!tokens) return null
  const indentOf = indenter(indentUnit)
  const lines: string[] = []
  const stack: string[] = []
  for (let i = 0; i < tokens.length; i++) {
    if (i % STEP_CHARS === 0) yield
    const token = tokens[i]
    if (!token) break
    const indent = indentOf(stack.length)
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
        lines.push(indentOf(stack.length) + token.text)
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

function* tokenizeXmlSteps(text: string): Steps<XmlToken[] | null> {
  const tokens: XmlToken[] = []
  let i = 0
  let nextYield = STEP_CHARS
  const until = (terminator: string, from: number): number | null => {
    const at = text.indexOf(terminator, from)
    return at === -1 ? null : at + terminator.length
  }
  while (i < text.length) {
    if (i >= nextYield) {
      nextYield = i + STEP_CHARS
      yield
    }
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
      // A DOCTYPE may carry an internal subset in brackets, which holds '>' characters. Look
      // only as far as this declaration reaches (never to the end of the body for every `<!`:
      // that made a body of repeated `<!a>` quadratic).
      let j = i + 2
      while (j < text.length && text[j] !== '>' && text[j] !== '[') j++
      end = text[j] === '[' ? until(']>', j) : j < text.length ? j + 1 : null
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
