import { lazy, Suspense } from 'react'
import { LoadingState } from './query-states'
import './long-text-view.css'

// The virtualizer (~10 kB gzipped) is needed only for a text too long for one <pre>.
const VirtualText = lazy(async () => ({
  default: (await import('./long-text-virtual')).VirtualText,
}))

/** Up to this size a text is one <pre>: the browser lays it out at once without a pause. */
const PLAIN_MAX_CHARS = 100_000
const PLAIN_MAX_LINES = 2_000

function countLinesUpTo(text: string, limit: number): number {
  let lines = 1
  for (let at = text.indexOf('\n'); at !== -1 && lines <= limit; at = text.indexOf('\n', at + 1)) {
    lines++
  }
  return lines
}

export interface LongTextViewProps {
  text: string
  id?: string
  /** The frame (border, background) of the view, as for the plain <pre>. */
  className: string
  /** The accessible name of the scrolling region a long text is shown in. */
  label: string
}

/**
 * Text of any size shown whole, as text (React escapes it). Up to ~100 kB or 2,000 lines it is
 * one <pre>, as before. Beyond, one <pre> of megabytes freezes the page while the browser lays
 * it out (a 4.8 MB body took 557 ms, 200,000 lines of XML 803 ms): the text is cut into rows
 * of one height (its lines, and pieces of 160 characters of longer ones, marked ↪) and only the
 * rows in view are in the DOM, however long the text. The browser's find-in-page sees only
 * those rows; Copy next to the text copies all of it.
 */
export function LongTextView({ text, id, className, label }: LongTextViewProps) {
  const plain =
    text.length <= PLAIN_MAX_CHARS && countLinesUpTo(text, PLAIN_MAX_LINES) <= PLAIN_MAX_LINES
  if (plain) {
    return (
      // Focusable so a keyboard can scroll a wide text sideways.
      <pre id={id} className={className} tabIndex={0}>
        {text}
      </pre>
    )
  }
  return (
    <Suspense fallback={<LoadingState label="Loading the text…" />}>
      <VirtualText text={text} id={id} className={className} label={label} />
    </Suspense>
  )
}
