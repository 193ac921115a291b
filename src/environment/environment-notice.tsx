import { environmentLabel } from './environment-info'
import type { EnvironmentRejection } from './resolve-environment'
import { useEnvironmentInfo } from './use-environment-info'

/** Tells the user that the link's environment was not used, and which one is shown instead. */
export function EnvironmentNotice({
  rejected,
  shown,
  onDismiss,
}: {
  rejected: { value: string; why: EnvironmentRejection }
  shown: string
  onDismiss: () => void
}) {
  const shownLabel = environmentLabel(useEnvironmentInfo(shown), shown)
  // Cut hostile or huge values short; React escapes the text itself.
  const value = rejected.value.length > 40 ? `${rejected.value.slice(0, 40)}…` : rejected.value
  const reason =
    rejected.why === 'malformed'
      ? 'is not a valid environment id'
      : 'is not an environment you can see in this tenant'
  return (
    <div className="notice" role="alert">
      {rejected.why === 'revoked' ? (
        <span>
          You no longer have access to environment “{value}” (the server refused it). Showing{' '}
          <strong>{shownLabel}</strong> instead.
        </span>
      ) : (
        <span>
          The link’s environment “{value}” {reason}. Showing <strong>{shownLabel}</strong> instead.
        </span>
      )}
      <button type="button" className="button button-quiet" onClick={onDismiss}>
        Dismiss
      </button>
    </div>
  )
}
