import { useEffect, useId, useRef } from 'react'
import {
  acceptPendingHandoff,
  declinePendingHandoff,
  useClaims,
  usePendingHandoff,
} from './session-store'

/**
 * Asks before a hand-off of another user or tenant replaces the active session. A native
 * modal `<dialog>` (focus kept inside, Escape cancels) with the role of an alert dialog:
 * it interrupts on purpose, because "Switch" changes whose data every tab shows.
 */
export function HandoffDialog() {
  const pending = usePendingHandoff()
  const current = useClaims()
  const dialogRef = useRef<HTMLDialogElement>(null)
  const titleId = useId()
  const bodyId = useId()

  useEffect(() => {
    const dialog = dialogRef.current
    if (pending && dialog && !dialog.open) dialog.showModal()
  }, [pending])

  if (!pending || !current) return null
  const next = pending.claims
  return (
    <dialog
      ref={dialogRef}
      className="handoff-dialog"
      role="alertdialog"
      aria-modal="true"
      aria-labelledby={titleId}
      aria-describedby={bodyId}
      // Escape: the browser closes the dialog; treat it as Cancel.
      onCancel={() => declinePendingHandoff()}
    >
      <h2 id={titleId}>Switch to another account?</h2>
      <div id={bodyId}>
        <p>A sign-in link for another account was opened in this tab.</p>
        <dl className="handoff-accounts">
          <dt>Signed in now</dt>
          <dd>
            {current.name} ({current.userId}), tenant <strong>{current.tenant}</strong>
          </dd>
          <dt>The link signs in</dt>
          <dd>
            {next.name} ({next.userId}), tenant <strong>{next.tenant}</strong>
          </dd>
        </dl>
        <p>Switching ends the current session in every tab of this browser.</p>
      </div>
      <div className="handoff-actions">
        <button type="button" className="button" onClick={() => declinePendingHandoff()}>
          Cancel
        </button>
        <button
          type="button"
          className="button button-primary"
          onClick={() => acceptPendingHandoff()}
        >
          Switch
        </button>
      </div>
    </dialog>
  )
}
