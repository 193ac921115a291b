import { useId, useMemo, useState } from 'react'
import { CopyButton } from '@/components/copy-button'
import { pluralize } from '@/lib/format'

/** Frames of the top of a trace shown at once: the exception and where it was thrown. */
export const TOP_FRAMES = 5

export interface StackTraceParts {
  /** The exception line and its first frames. */
  head: string
  /** `Caused by:` lines below the head: the root cause is usually the last of them. */
  causes: string[]
  /** Everything after the head, as captured. */
  rest: string
  restLines: number
}

/**
 * The part of a Java stack trace an on-call engineer reads first: the exception with its top
 * frames, and every `Caused by:` below them; the rest waits behind a button.
 */
export function splitStackTrace(stackTrace: string, topFrames = TOP_FRAMES): StackTraceParts {
  const lines = stackTrace.split('\n')
  const headLength = Math.min(lines.length, 1 + topFrames)
  const restLines = lines.slice(headLength)
  return {
    head: lines.slice(0, headLength).join('\n'),
    causes: restLines.map((line) => line.trim()).filter((line) => line.startsWith('Caused by:')),
    rest: restLines.join('\n'),
    restLines: restLines.length,
  }
}

/**
 * The exception's stack trace: its top (exception and first frames) and its causes visible
 * without a click, the remaining frames behind a disclosure button; Copy takes it whole.
 */
export function StackTrace({ stackTrace }: { stackTrace: string }) {
  const [open, setOpen] = useState(false)
  const restId = useId()
  const headingId = useId()
  const parts = useMemo(() => splitStackTrace(stackTrace), [stackTrace])
  return (
    <section className="ed-stack" aria-labelledby={headingId}>
      <div className="ed-body-head">
        <h3 id={headingId}>Stack trace</h3>
        <span className="ed-muted">{pluralize(stackTrace.split('\n').length, 'line')}</span>
        <CopyButton text={stackTrace} label="Copy stack trace" />
      </div>
      {/* Focusable so a keyboard can scroll long frames sideways. */}
      <pre className="ed-pre ed-stack-pre" tabIndex={0} aria-label="Top of the stack trace">
        {parts.head}
      </pre>
      {parts.causes.length > 0 && !open ? (
        <ul className="ed-stack-causes" aria-label="Causes">
          {parts.causes.map((cause, index) => (
            <li key={index}>
              <code>{cause}</code>
            </li>
          ))}
        </ul>
      ) : null}
      {parts.restLines > 0 ? (
        <>
          <pre id={restId} className="ed-pre ed-stack-pre" hidden={!open} tabIndex={0}>
            {parts.rest}
          </pre>
          <button
            type="button"
            className="button"
            aria-expanded={open}
            aria-controls={restId}
            onClick={() => setOpen((value) => !value)}
          >
            {open
              ? 'Show less'
              : `Show the full stack trace (${pluralize(parts.restLines, 'more line')})`}
          </button>
        </>
      ) : null}
    </section>
  )
}
