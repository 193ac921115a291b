import { Link } from 'react-router'
import { create } from 'zustand'
import { useClaims } from '@/session/session-store'
import { useActiveEnvironment } from './environment-store'

/**
 * What the last write produced, announced in one status region (the app shell renders it):
 * "Environment qa created." with a link to it. One at a time; it belongs to the scope it was
 * made in: shown only there (a tenant-wide one, `env` null, in any environment of its tenant).
 */
export interface WriteOutcome {
  message: string
  link?: { to: string; text: string }
  scope: { tenant: string; env: string | null }
}

interface OutcomeState {
  outcome: (WriteOutcome & { id: number }) | null
}

const useOutcomeStore = create<OutcomeState>()(() => ({ outcome: null }))
let nextId = 1

export function announceWriteOutcome(outcome: WriteOutcome): void {
  useOutcomeStore.setState({ outcome: { ...outcome, id: nextId++ } })
}

export function clearWriteOutcome(): void {
  useOutcomeStore.setState({ outcome: null })
}

/** The status region: always in the page, so a screen reader hears each new outcome. */
export function WriteOutcomeRegion() {
  const stored = useOutcomeStore((state) => state.outcome)
  const env = useActiveEnvironment()
  const tenant = useClaims()?.tenant
  const outcome =
    stored &&
    stored.scope.tenant === tenant &&
    (stored.scope.env === null || stored.scope.env === env)
      ? stored
      : null
  return (
    <div className="write-outcome" role="status" aria-live="polite">
      {outcome ? (
        <p key={outcome.id} className="write-outcome-message">
          {outcome.message}
          {outcome.link ? (
            <>
              {' '}
              <Link to={outcome.link.to}>{outcome.link.text}</Link>
            </>
          ) : null}{' '}
          <button type="button" className="button button-quiet" onClick={clearWriteOutcome}>
            Dismiss
          </button>
        </p>
      ) : null}
    </div>
  )
}
