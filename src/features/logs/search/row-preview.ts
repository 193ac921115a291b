/**
 * A row shows a bounded preview of its message, never the whole of a 1 MB line: slicing first
 * keeps every row O(1). (Apart from the detail's formatting, which the list does not load.)
 */

/** Characters of a message in a row: more than a wide screen shows on one line. */
export const ROW_PREVIEW_CHARS = 240
/** The start of the message on one line: no line breaks, at most `max` characters. */
export function rowPreview(message: string, max = ROW_PREVIEW_CHARS): string {
  const head = message.length > max ? message.slice(0, max) : message
  const flat = head.replace(/\s*[\r\n]+\s*/g, ' ⏎ ')
  return message.length > max ? `${flat}…` : flat
}
