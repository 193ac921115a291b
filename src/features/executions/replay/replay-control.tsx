import { lazy, Suspense, useId, useState } from 'react'
import { environmentName } from '@/environment/environment-info'
import { REQUIREMENTS } from '@/environment/permissions'
import { useEnvironmentInfo } from '@/environment/use-environment-info'
import { usePermissions } from '@/environment/use-permissions'
import { useScope } from '@/environment/use-scope'
import type { ExecutionDetail, Schemas } from '@/lib/api/types'
import type { Scope } from '@/lib/query/query-scope'

// The dialog (and, through it, the editor) loads when "Replay…" is pressed: the execution's
// page never carries them.
const ReplayDialog = lazy(() => import('./replay-dialog'))
const ReplayFollow = lazy(() => import('./replay-follow'))

type Phase =
  | { step: 'idle' }
  | { step: 'confirm' }
  | { step: 'follow'; command: Schemas['Command']; scope: Scope }

/**
 * "Replay…" on an execution's page. Operators open the dialog; anyone else sees the control
 * disabled (focusable, `aria-disabled`) with the reason beside it: "Replay needs the operator
 * role in Production".
 */
export function ReplayControl({ execution }: { execution: ExecutionDetail }) {
  const scope = useScope()
  const info = useEnvironmentInfo(scope.env)
  const { me, can } = usePermissions()
  const noteId = useId()
  const [phase, setPhase] = useState<Phase>({ step: 'idle' })

  // A follow-up belongs to the environment it was sent in: a switch drops it.
  const following =
    phase.step === 'follow' && phase.scope.tenant === scope.tenant && phase.scope.env === scope.env
      ? phase
      : null

  const allowed = can('replay')
  // Until the roles are read there is nothing to say, and nothing to open.
  const reason =
    !allowed && me
      ? `Replay needs the ${REQUIREMENTS.replay.role} role in ${environmentName(info, scope.env)}`
      : null
  return (
    <span className="guarded-action">
      <button
        type="button"
        className="button"
        aria-disabled={allowed ? undefined : true}
        aria-describedby={reason ? noteId : undefined}
        onClick={() => {
          if (allowed) setPhase({ step: 'confirm' })
        }}
      >
        Replay…
      </button>
      {reason ? (
        <span id={noteId} className="guarded-action-note">
          {reason}
        </span>
      ) : null}
      <Suspense fallback={null}>
        {phase.step === 'confirm' ? (
          <ReplayDialog
            execution={execution}
            onClose={(command) =>
              setPhase(command ? { step: 'follow', command, scope } : { step: 'idle' })
            }
          />
        ) : null}
        {following ? (
          <ReplayFollow
            execution={execution}
            command={following.command}
            scope={following.scope}
            onClose={() => setPhase({ step: 'idle' })}
          />
        ) : null}
      </Suspense>
    </span>
  )
}
