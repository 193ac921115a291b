import { useEffect, useId, useRef } from 'react'
import { CommandProgressView } from '@/environment/commands/command-progress'
import { useCommandProgress } from '@/environment/commands/use-command-progress'
import { ScopedLink } from '@/environment/scoped-link'
import type { ExecutionDetail } from '@/lib/api/types'
import type { Scope } from '@/lib/query/query-scope'
import type { Command } from '@/lib/resources/commands'

/**
 * After a replay is confirmed: the dialog, under the same name, follows the command until its
 * agent answers, and ends with "Open the replay" (the new execution, in the same environment).
 */
export default function ReplayFollow({
  execution,
  command,
  scope,
  onClose,
}: {
  execution: ExecutionDetail
  command: Command
  /** The scope the command was sent in. */
  scope: Scope
  onClose: () => void
}) {
  const dialogRef = useRef<HTMLDialogElement>(null)
  const titleId = useId()
  useEffect(() => {
    const dialog = dialogRef.current
    if (dialog && !dialog.open) dialog.showModal()
  }, [])
  const state = useCommandProgress(command.commandId, scope, { initial: command })
  const replayId = state.targets.find((target) => target.resultExecutionId)?.resultExecutionId
  return (
    <dialog
      ref={dialogRef}
      className="workspace-dialog"
      aria-labelledby={titleId}
      // Escape or Close: the replay goes on; only following it stops.
      onClose={onClose}
    >
      <h2 id={titleId}>Replay execution {execution.executionId}</h2>
      <CommandProgressView state={state} />
      {replayId ? (
        <p>
          <ScopedLink to={`/executions/${encodeURIComponent(replayId)}`}>
            Open the replay
          </ScopedLink>
        </p>
      ) : state.done ? (
        <p>The replay did not run: no new execution was made.</p>
      ) : null}
      <div className="workspace-dialog-actions">
        <button type="button" className="button" onClick={() => dialogRef.current?.close()}>
          Close
        </button>
      </div>
    </dialog>
  )
}
