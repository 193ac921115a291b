import { useQueryClient } from '@tanstack/react-query'
import { useEffect, useId } from 'react'
import { CommandProgressView } from './command-progress'
import { dismissCommand, settleCommand, type FollowedCommand } from './route-control-store'
import { useCommandProgress } from './use-command-progress'

/**
 * A route-control command sent from this page, named as its confirmation named it, with its
 * progress per agent until no target is pending. Each agent that answers makes the page read
 * the agents again, so the route states follow their heartbeats at once.
 */
export function CommandProgressPanel({ followed }: { followed: FollowedCommand }) {
  const headingId = useId()
  const queryClient = useQueryClient()
  const { scope } = followed
  const state = useCommandProgress(followed.commandId, scope, { initial: followed.initial })
  const answered = state.progress ? state.progress.total - state.progress.pending : 0
  // The route offers actions again once nothing is pending, or once nobody follows it here.
  const { commandId } = followed
  useEffect(() => {
    if (state.done || state.leftScope) settleCommand(commandId)
  }, [state.done, state.leftScope, commandId])
  useEffect(() => () => settleCommand(commandId), [commandId])
  useEffect(() => {
    if (answered === 0) return
    void queryClient.invalidateQueries({
      queryKey: [{ tenant: scope.tenant, env: scope.env, resource: 'agents' }],
    })
  }, [answered, queryClient, scope])
  return (
    <section className="route-command" aria-labelledby={headingId}>
      <h3 id={headingId}>{followed.label}</h3>
      <CommandProgressView state={state} />
      {state.done ? (
        <button
          type="button"
          className="button button-quiet"
          aria-label={`Dismiss ${followed.label}`}
          onClick={() => dismissCommand(followed.commandId)}
        >
          Dismiss
        </button>
      ) : null}
    </section>
  )
}
