import { useQuery } from '@tanstack/react-query'
import { useEffect, useId, useRef } from 'react'
import { ScopedLink } from '@/environment/scoped-link'
import { useScope } from '@/environment/use-scope'
import { scopedGet } from '@/lib/api/api-client'
import { commandSchema } from '@/lib/api/generated/response-schemas/command'
import type { ExecutionDetail, Schemas } from '@/lib/api/types'
import { scopedKey, scopedQuery } from '@/lib/query/query-scope'
import { polling } from '@/lib/query/retry-policy'

type Command = Schemas['Command']

/**
 * After a replay is confirmed: the same dialog's name, following the command until its agent
 * answers, ending with "Open the replay" (the new execution, in the same environment).
 */
export default function ReplayFollow({
  execution,
  command: sent,
  onClose,
}: {
  execution: ExecutionDetail
  command: Command
  onClose: () => void
}) {
  const scope = useScope()
  const dialogRef = useRef<HTMLDialogElement>(null)
  const titleId = useId()
  useEffect(() => {
    const dialog = dialogRef.current
    if (dialog && !dialog.open) dialog.showModal()
  }, [])
  const pending = (command: Command) => command.targets.some((t) => t.status === 'PENDING')
  const followed = useQuery({
    ...scopedQuery(
      scopedKey(scope, 'commands', 'detail', { commandId: sent.commandId }),
      (key, signal) =>
        scopedGet('/commands/{commandId}', {
          scope: key,
          schema: commandSchema,
          path: { commandId: key.commandId },
          signal,
        }),
    ),
    initialData: sent,
    refetchInterval: (query) =>
      query.state.data && pending(query.state.data) ? polling(1_000)(query) : false,
  })
  const command = followed.data
  const target = command.targets[0]
  return (
    <dialog
      ref={dialogRef}
      className="workspace-dialog"
      aria-labelledby={titleId}
      onClose={onClose}
    >
      <h2 id={titleId}>Replay execution {execution.executionId}</h2>
      <ul className="replay-progress" aria-label="Progress per agent">
        {command.targets.map((t) => (
          <li key={t.agentId}>
            {t.agentId}:{' '}
            {t.status === 'PENDING'
              ? 'Waiting for the agent…'
              : t.status === 'ACKNOWLEDGED'
                ? 'Acknowledged'
                : t.status === 'FAILED'
                  ? `Failed: ${t.message ?? 'no reason given'}`
                  : 'Expired: the agent did not answer within 60 s'}
          </li>
        ))}
      </ul>
      {target?.resultExecutionId ? (
        <p>
          <ScopedLink to={`/executions/${encodeURIComponent(target.resultExecutionId)}`}>
            Open the replay
          </ScopedLink>
        </p>
      ) : null}
      <div className="workspace-dialog-actions">
        <button type="button" className="button" onClick={() => dialogRef.current?.close()}>
          Close
        </button>
      </div>
    </dialog>
  )
}
