import { useId, useState } from 'react'
import { CopyButton } from '@/components/copy-button'
import { pluralize } from '@/lib/format'

/** The exception's stack trace, whole, behind a disclosure button (it is long and rarely read first). */
export function StackTrace({ stackTrace }: { stackTrace: string }) {
  const [open, setOpen] = useState(false)
  const preId = useId()
  const lines = stackTrace.split('\n').length
  return (
    <div className="ed-stack">
      <div className="ed-body-head">
        <button
          type="button"
          className="button"
          aria-expanded={open}
          aria-controls={preId}
          onClick={() => setOpen((value) => !value)}
        >
          Stack trace ({pluralize(lines, 'line')})
        </button>
        <CopyButton text={stackTrace} label="Copy stack trace" />
      </div>
      {/* Focusable so a keyboard can scroll long frames sideways. */}
      <pre id={preId} className="ed-pre ed-stack-pre" hidden={!open} tabIndex={0}>
        {stackTrace}
      </pre>
    </div>
  )
}
