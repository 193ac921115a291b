import { diffLines } from 'diff'
import { formatBody, type BodyKind } from '@/lib/body-format'

/**
 * "What changed" between the body a step received and the one it passed on: a line diff
 * (jsdiff) of both bodies as the page shows them (JSON and XML pretty-printed, so a step that
 * only re-serialises shows no change). Bounded: past `DIFF_LIMIT_CHARS` on either side it is
 * refused as too large, and jsdiff gives up past `DIFF_TIMEOUT_MS` or a huge edit distance;
 * it runs in a task of its own after the click that asked for it has painted.
 */

export const DIFF_LIMIT_CHARS = 100_000
/** One task at most this long (a long task is 50 ms): past it, jsdiff gives up. */
const DIFF_TIMEOUT_MS = 40
const MAX_EDIT_LENGTH = 5_000
/** Unchanged lines kept around each change. */
const CONTEXT_LINES = 3

export type BodyComparison =
  | { kind: 'no-bodies' }
  | { kind: 'identical'; formattingOnly: boolean }
  | { kind: 'too-large'; chars: number }
  | { kind: 'gave-up' }
  | { kind: 'diff'; text: string; added: number; removed: number; format: BodyKind }

export function compareBodies(
  before: string | null,
  after: string | null,
  signal?: AbortSignal,
): Promise<BodyComparison> {
  if (before === null && after === null) return Promise.resolve({ kind: 'no-bodies' })
  if (before === after) return Promise.resolve({ kind: 'identical', formattingOnly: false })
  const chars = Math.max(before?.length ?? 0, after?.length ?? 0)
  if (chars > DIFF_LIMIT_CHARS) return Promise.resolve({ kind: 'too-large', chars })
  const left = before === null ? null : formatBody(before)
  const right = after === null ? null : formatBody(after)
  const leftText = left?.text ?? ''
  const rightText = right?.text ?? ''
  if (leftText === rightText) return Promise.resolve({ kind: 'identical', formattingOnly: true })
  const format = right?.kind ?? left?.kind ?? 'text'
  return new Promise((resolve, reject) => {
    // After the click has painted; the diff itself gives up past its time budget.
    const timer = setTimeout(() => {
      const changes = diffLines(withNewline(leftText), withNewline(rightText), {
        timeout: DIFF_TIMEOUT_MS,
        maxEditLength: MAX_EDIT_LENGTH,
      })
      resolve(changes ? { kind: 'diff', format, ...unified(changes) } : { kind: 'gave-up' })
    }, 0)
    signal?.addEventListener('abort', () => {
      clearTimeout(timer)
      reject(signal.reason as Error)
    })
  })
}

const withNewline = (text: string) => (text === '' || text.endsWith('\n') ? text : `${text}\n`)

/** `+ `/`- `/`  ` prefixed lines, long unchanged runs folded to a line that says how many. */
function unified(changes: readonly { value: string; added: boolean; removed: boolean }[]): {
  text: string
  added: number
  removed: number
} {
  const out: string[] = []
  let added = 0
  let removed = 0
  changes.forEach((change, index) => {
    const lines = change.value.replace(/\n$/, '').split('\n')
    if (change.added || change.removed) {
      const prefix = change.added ? '+ ' : '- '
      for (const line of lines) out.push(prefix + line)
      if (change.added) added += lines.length
      else removed += lines.length
      return
    }
    const head = index === 0 ? 0 : CONTEXT_LINES
    const tail = index === changes.length - 1 ? 0 : CONTEXT_LINES
    if (lines.length <= head + tail + 1) {
      for (const line of lines) out.push(`  ${line}`)
      return
    }
    for (const line of lines.slice(0, head)) out.push(`  ${line}`)
    out.push(`  … ${lines.length - head - tail} unchanged lines`)
    for (const line of lines.slice(lines.length - tail)) out.push(`  ${line}`)
  })
  return { text: out.join('\n'), added, removed }
}
