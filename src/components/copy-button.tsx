import { Check, Copy } from 'lucide-react'
import { useEffect, useState, type ReactNode } from 'react'

const STATUS_VISIBLE_MS = 2_500

/**
 * "Copy" with a visible, announced outcome ("Copied" or why it failed) next to it: a copy that
 * silently did nothing is the worst kind of button. `label` is the accessible name when the
 * visible text alone is ambiguous ("Copy exchange id" for a "Copy" button); `children` is the
 * visible text.
 */
export function CopyButton({
  text,
  label,
  children = 'Copy',
  className = 'button button-quiet',
}: {
  text: string
  label?: string
  children?: ReactNode
  className?: string
}) {
  const [outcome, setOutcome] = useState<'idle' | 'copied' | 'failed'>('idle')

  useEffect(() => {
    if (outcome === 'idle') return
    const timer = setTimeout(() => setOutcome('idle'), STATUS_VISIBLE_MS)
    return () => clearTimeout(timer)
  }, [outcome])

  const copy = async () => {
    try {
      // Absent outside secure contexts (plain http on a non-localhost host).
      if (!navigator.clipboard) throw new Error('no clipboard')
      await navigator.clipboard.writeText(text)
      setOutcome('copied')
    } catch {
      setOutcome('failed')
    }
  }

  return (
    <span className="copy-button">
      {/* The name starts with the visible text ("Copy"), so speech input finds it too. */}
      <button type="button" className={className} aria-label={label} onClick={() => void copy()}>
        {outcome === 'copied' ? (
          <Check size={14} aria-hidden="true" />
        ) : (
          <Copy size={14} aria-hidden="true" />
        )}
        {children}
      </button>
      <span role="status" className={`copy-status copy-${outcome}`}>
        {outcome === 'copied'
          ? 'Copied'
          : outcome === 'failed'
            ? 'Copy failed: select the text instead'
            : ''}
      </span>
    </span>
  )
}
