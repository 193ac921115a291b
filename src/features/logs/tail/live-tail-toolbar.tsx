import { formatCount, pluralize } from '@/lib/format'

/**
 * The live tail's switch and what it is doing (following, paused with the lines received
 * since, waiting for a hidden tab, retrying), "Jump to newest" while paused, and, once lines
 * fell out of the tail's window, how many and a way to page through them.
 */
export function LiveTailToolbar({
  on,
  visible,
  paused,
  newWhilePaused,
  failing,
  searchSummary,
  dropped,
  kept,
  onToggle,
  onJumpToNewest,
  onShowDropped,
}: {
  on: boolean
  visible: boolean
  paused: boolean
  newWhilePaused: number
  failing: boolean
  /** What the search loaded, said while the tail is off. */
  searchSummary: string | null
  /** Lines dropped from the tail's window, and how many it keeps. */
  dropped: number
  kept: number
  onToggle: () => void
  onJumpToNewest: () => void
  onShowDropped: () => void
}) {
  return (
    <>
      <div className="logs-toolbar">
        <button type="button" className="button" aria-pressed={on} onClick={onToggle}>
          Live tail
        </button>
        <p className="logs-tail-status" aria-live="polite">
          {on
            ? !visible
              ? 'Live tail waits while the tab is hidden.'
              : paused
                ? `Paused — ${pluralize(newWhilePaused, 'new line')}`
                : failing
                  ? 'Live tail: the last poll failed, retrying…'
                  : 'Following new lines'
            : searchSummary}
        </p>
        {paused ? (
          <button type="button" className="button" onClick={onJumpToNewest}>
            Jump to newest
          </button>
        ) : null}
      </div>
      {dropped ? (
        <p className="notice" role="status">
          {formatCount(dropped)} older lines were dropped from the view (it keeps the{' '}
          {formatCount(kept)} newest).{' '}
          <button type="button" className="button" onClick={onShowDropped}>
            Page through the older lines
          </button>
        </p>
      ) : null}
    </>
  )
}
