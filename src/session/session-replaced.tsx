import { continueAsReplacement, useReplacedBy } from './session-store'

/**
 * Shown instead of every page when another user or tenant signed in in another tab: nothing
 * of the previous session stays on screen, and nothing is written for its tenant any more.
 */
export function SessionReplacedNotice() {
  const replacedBy = useReplacedBy()
  if (!replacedBy) return null
  return (
    <main className="login-page">
      <div className="login-card" role="alert">
        <h1>Signed in as someone else</h1>
        <p>
          In another tab, {replacedBy.name} ({replacedBy.userId}) of tenant{' '}
          <strong>{replacedBy.tenant}</strong> signed in. This tab no longer shows the previous
          session.
        </p>
        <button type="button" className="button button-primary" onClick={continueAsReplacement}>
          Continue as {replacedBy.name}
        </button>
      </div>
    </main>
  )
}
