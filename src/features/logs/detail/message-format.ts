import { formatBody, type BodyKind } from '@/lib/body-format'

/**
 * How much of a log message the detail shows: the whole message, pretty-printed when that is
 * cheap, as plain text when it is not (a row's preview is search/row-preview.ts).
 */

/** Beyond this size a message is shown as captured (re-indenting megabytes would freeze). */
export const FORMAT_LIMIT_CHARS = 256 * 1024
/** Messages longer than this open collapsed (the start shown, "Show all" for the rest). */
export const COLLAPSE_CHARS = 4 * 1024
/** Stack traces longer than this open collapsed. */
export const STACK_COLLAPSE_LINES = 30

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
