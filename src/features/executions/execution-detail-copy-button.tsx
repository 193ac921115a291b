import { Copy } from 'lucide-react'
import { useEffect, useState } from 'react'

const STATUS_VISIBLE_MS = 2_500

/**
 * "Copy" with a visible, announced outcome ("Copied" or why it failed) next to it: a copy that
 * silently did nothing is the worst kind of button. `label` is the accessible name
 * ("Copy exchange id"); the visible text is "Copy".
 */
export function CopyButton({ text, label }: { text: string; label: string }) {
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
    <span className="ed-copy">
      {/* The name starts with the visible text ("Copy"), so speech input finds it too. */}
      <button
        type="button"
        className="button button-quiet"
        aria-label={label}
        onClick={() => void copy()}
      >
        <Copy size={14} aria-hidden="true" />
        Copy
      </button>
      <span role="status" className={`ed-copy-status ed-copy-${outcome}`}>
        {outcome === 'copied'
          ? 'Copied'
          : outcome === 'failed'
            ? 'Copy failed: select the text instead'
            : ''}
      </span>
    </span>
  )
}
