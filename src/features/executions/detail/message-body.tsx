import { useEffect, useId, useMemo, useState } from 'react'
import { CopyButton } from '@/components/copy-button'
import { LongTextView } from '@/components/long-text-view'
import { formatBytes, pluralize } from '@/lib/format'
import {
  COLLAPSE_BYTES,
  COLLAPSE_LINES,
  countLines,
  formatBody,
  formatBodyGradually,
  previewOf,
  SYNC_FORMAT_CHARS,
  type FormattedBody,
  utf8Length,
  type BodyKind,
} from '@/lib/body-format'

/**
 * A message body IN FULL: pretty-printed when it is JSON or XML, always rendered as text (never
 * as HTML), with Copy. A long body starts collapsed behind "Show full body (N kB)"; nothing is
 * ever cut off.
 */

const kindLabels: Record<BodyKind, string> = { json: 'JSON', xml: 'XML', text: 'Text' }

/**
 * The body formatted: at once when it is small; in budgeted slices when it is large, showing
 * it as captured meanwhile (`pending`), so opening a huge body never blocks the page.
 */
function useFormattedBody(body: string | null): {
  formatted: FormattedBody | null
  pending: boolean
} {
  const small = body === null || body.length <= SYNC_FORMAT_CHARS
  const immediate = useMemo(
    () => (body === null ? null : small ? formatBody(body) : null),
    [body, small],
  )
  const [gradual, setGradual] = useState<{ body: string; formatted: FormattedBody } | null>(null)
  useEffect(() => {
    if (small || body === null) return
    const controller = new AbortController()
    formatBodyGradually(body, { signal: controller.signal }).then(
      (formatted) => setGradual({ body, formatted }),
      () => {}, // aborted: the body changed or left the screen
    )
    return () => controller.abort()
  }, [body, small])
  if (body === null) return { formatted: null, pending: false }
  if (immediate) return { formatted: immediate, pending: false }
  if (gradual?.body === body) return { formatted: gradual.formatted, pending: false }
  return { formatted: { kind: 'text', text: body, reformatted: false }, pending: true }
}

export function MessageBody({ title, body }: { title: string; body: string | null }) {
  const headingId = useId()
  const preId = useId()
  const [expanded, setExpanded] = useState(false)
  const [showCaptured, setShowCaptured] = useState(false)
  const { formatted, pending } = useFormattedBody(body)
  const stats = useMemo(() => {
    if (body === null || formatted === null) return null
    const shownText = showCaptured ? body : formatted.text
    const bytes = utf8Length(body)
    const lines = countLines(shownText)
    return { shownText, bytes, lines, long: lines > COLLAPSE_LINES || bytes > COLLAPSE_BYTES }
  }, [body, formatted, showCaptured])

  return (
    <section className="ed-body" aria-labelledby={headingId}>
      <div className="ed-body-head">
        <h3 id={headingId}>{title}</h3>
        {body !== null && formatted && stats ? (
          <>
            <span className="ed-muted">
              {pending ? 'Formatting…' : kindLabels[formatted.kind]}
              {formatted.reformatted && !showCaptured ? ', formatted' : ''}
              {formatted.notFormatted === 'too-large'
                ? ', too large to format: shown as captured'
                : ''}{' '}
              · {formatBytes(stats.bytes)} · {pluralize(stats.lines, 'line')}
            </span>
            {formatted.reformatted ? (
              <button
                type="button"
                className="button button-quiet"
                onClick={() => setShowCaptured((v) => !v)}
              >
                {showCaptured ? 'Show formatted' : 'Show as captured'}
              </button>
            ) : null}
            <CopyButton text={body} label={`Copy ${title.toLowerCase()}`} />
          </>
        ) : null}
      </div>
      {body === null || !stats ? (
        <p className="ed-muted">No body</p>
      ) : body === '' ? (
        <p className="ed-muted">Empty body (0 bytes)</p>
      ) : (
        <>
          <LongTextView
            id={preId}
            className="ed-pre"
            label={title}
            text={stats.long && !expanded ? previewOf(stats.shownText) : stats.shownText}
          />
          {stats.long ? (
            <button
              type="button"
              className="button"
              aria-expanded={expanded}
              aria-controls={preId}
              onClick={() => setExpanded((value) => !value)}
            >
              {expanded ? 'Show less' : `Show full body (${formatBytes(stats.bytes)})`}
            </button>
          ) : null}
        </>
      )}
    </section>
  )
}
