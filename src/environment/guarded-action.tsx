import { useId, type ReactNode } from 'react'
import type { Action } from './permissions'
import { usePermissions } from './use-permissions'

/**
 * A control for an action the role in the active environment may not allow. Allowed: the
 * button. Not allowed: nothing, unless users would look for it here (`showWhenDenied`), then a
 * disabled button that says which role is needed and where ("Requires the operator role in
 * Production").
 */
export function GuardedAction({
  action,
  onClick,
  children,
  showWhenDenied = false,
  className = 'button',
}: {
  action: Action
  onClick: () => void
  children: ReactNode
  showWhenDenied?: boolean
  className?: string
}) {
  const { me, can, whyNot } = usePermissions()
  const noteId = useId()
  if (can(action)) {
    return (
      <button type="button" className={className} onClick={onClick}>
        {children}
      </button>
    )
  }
  if (!showWhenDenied) return null
  if (!me) {
    // Roles not read yet: nothing to say, and nothing to click.
    return (
      <button type="button" className={className} disabled>
        {children}
      </button>
    )
  }
  return (
    <span className="guarded-action">
      <button type="button" className={className} disabled aria-describedby={noteId}>
        {children}
      </button>
      <span id={noteId} className="guarded-action-note">
        {whyNot(action)}
      </span>
    </span>
  )
}
