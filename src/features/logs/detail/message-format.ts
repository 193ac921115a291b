import { formatBody, type BodyKind } from '@/lib/body-format'

/**
 * How much of a log message is shown where. A row shows a bounded preview (never the whole of
 * a 1 MB line: slicing first keeps every row O(1)); the detail shows the whole message,
 * pretty-printed when that is cheap, as plain text when it is not.
 */

/** Characters of a message in a row: more than a wide screen shows on one line. */
export const ROW_PREVIEW_CHARS = 240
/** Beyond this size a message is shown as captured (re-indenting megabytes would freeze). */
export const FORMAT_LIMIT_CHARS = 256 * 1024
/** Messages longer than this open collapsed (the start shown, "Show all" for the rest). */
export const COLLAPSE_CHARS = 4 * 1024
/** Stack traces longer than this open collapsed. */
export const STACK_COLLAPSE_LINES = 30

/** The start of the message on one line: no line breaks, at most `max` characters. */
export function rowPreview(message: string, max = ROW_PREVIEW_CHARS): string {
  const head = message.length > max ? message.slice(0, max) : message
  const flat = head.replace(/\s*[\r\n]+\s*/g, ' ⏎ ')
  return message.length > max ? `${flat}…` : flat
}

export interface FormattedMessage {
  kind: BodyKind
  text: string
  /** Whether the message was too long to be re-indented. */
  tooLongToFormat: boolean
}

export function formatMessage(message: string): FormattedMessage {
  if (message.length > FORMAT_LIMIT_CHARS) {
    return { kind: 'text', text: message, tooLongToFormat: true }
  }
  // A log message is often a prefix and then a document: "Sampled payload {…}".
  const start = firstDocumentStart(message)
  if (start > 0) {
    const formatted = formatBody(message.slice(start))
    if (formatted.kind !== 'text') {
      return {
        kind: formatted.kind,
        text: `${message.slice(0, start).trimEnd()}\n${formatted.text}`,
        tooLongToFormat: false,
      }
    }
  }
  const formatted = formatBody(message)
  return { kind: formatted.kind, text: formatted.text, tooLongToFormat: false }
}

/** Where a JSON or XML document starts after a short prefix, or -1. */
function firstDocumentStart(message: string): number {
  const head = message.slice(0, 200)
  const candidates = [head.indexOf('{'), head.indexOf('['), head.indexOf('<')].filter((i) => i > 0)
  return candidates.length > 0 ? Math.min(...candidates) : -1
}
