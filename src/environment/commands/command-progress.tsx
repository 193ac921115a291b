import type { ReactNode } from 'react'
import { ErrorState, LoadingState } from '@/components/query-states'
import type { Scope } from '@/lib/query/query-scope'
import type { Command } from '@/lib/resources/commands'
import {
  useCommandProgress,
  type CommandProgressState,
  type TargetProgress,
} from './use-command-progress'

/** Colour repeats what the words say. */
const TONES: Record<TargetProgress['status'], string> = {
  PENDING: 'info',
  ACKNOWLEDGED: 'ok',
  FAILED: 'bad',
  EXPIRED: 'warn',
}

/**
 * A command's progress per agent, the same for route control and replay: a sentence in a
 * polite live region ("Waiting for 2 of 5 agents", then "Acknowledged by 5 of 5 agents") and a
 * table named "Progress" with each agent's status in words.
 */
export function CommandProgressView({
  state,
  targetExtra,
}: {
  state: CommandProgressState
  /** More for a target's row, e.g. a link to the execution a replay produced. */
  targetExtra?: (target: TargetProgress) => ReactNode
}) {
  const { progress, targets, leftScope, error } = state
  return (
    <div className="command-progress">
      <p className="command-progress-summary" role="status" aria-live="polite">
        {leftScope
          ? 'No longer followed: the environment was switched.'
          : (progress?.summary ?? '')}
      </p>
      {progress === null ? (
        leftScope ? null : error ? (
          <ErrorState error={error} title="The command's progress could not be read" />
        ) : (
          <LoadingState label="Reading the command's progress…" />
        )
      ) : (
        <div className="table-scroll">
          <table className="data-table command-progress-table" aria-label="Progress">
            <thead>
              <tr>
                <th scope="col">Agent</th>
                <th scope="col">Status</th>
              </tr>
            </thead>
            <tbody>
              {targets.map((target) => (
                <tr key={target.agentId}>
                  <td>{target.agentId}</td>
                  <td>
                    <span className={`badge badge-${TONES[target.status]}`}>{target.text}</span>
                    {targetExtra ? <> {targetExtra(target)}</> : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  )
}

/** Follows the command (see useCommandProgress) and shows its progress. */
export function CommandProgress({
  commandId,
  scope,
  initial,
  onDone,
  targetExtra,
}: {
  commandId: string
  /** The scope the command was sent in. */
  scope: Scope
  /** The command as POST answered it, shown until the first poll. */
  initial?: Command
  onDone?: (command: Command) => void
  targetExtra?: (target: TargetProgress) => ReactNode
}) {
  const state = useCommandProgress(commandId, scope, { initial, onDone })
  return <CommandProgressView state={state} targetExtra={targetExtra} />
}
