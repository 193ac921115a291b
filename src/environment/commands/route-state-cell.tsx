import { MenuButton } from '@/components/menu-button'
import {
  actionLabel,
  allowedActionsAcross,
  summarizeRouteStates,
} from '@/lib/commands/route-actions'
import { useScope } from '../use-scope'
import { usePermissions } from '../use-permissions'
import { requestRouteControl, useRouteAwaitingAgents } from './route-control-store'
import { statesOf } from './route-agents'
import { useRouteAgents } from './route-state-text'
import './commands.css'

/** Said where a route's actions were while its last action waits for the agents. */
export const AWAITING_AGENTS = 'Waiting for the agents to answer'

/**
 * An application's route: its state, and for operators the menu "Actions for <route>" whose
 * actions go to every LIVE agent of the application (confirmed on the safe path first).
 */
export function ApplicationRouteState({
  applicationId,
  routeId,
}: {
  applicationId: string
  routeId: string
}) {
  const scope = useScope()
  const { can } = usePermissions()
  const agents = useRouteAgents(scope, applicationId, routeId)
  const liveAgents = agents.filter((agent) => agent.status === 'LIVE').length
  const states = statesOf(agents, routeId)
  const awaiting = useRouteAwaitingAgents(scope, applicationId, routeId)
  const actions = liveAgents > 0 && can('route-control') ? allowedActionsAcross(states) : []
  return (
    <span className="route-state">
      <span>{summarizeRouteStates(states) ?? '—'}</span>
      {actions.length && awaiting ? (
        <span className="muted">{AWAITING_AGENTS}</span>
      ) : actions.length ? (
        <MenuButton
          label={`Actions for ${routeId}`}
          text="Actions"
          className="button"
          items={actions.map((action) => ({
            text: actionLabel(action),
            label: `${actionLabel(action)} ${routeId}`,
            onSelect: () =>
              requestRouteControl({
                scope,
                applicationId,
                routeId,
                action,
                agentId: null,
                liveAgents,
              }),
          }))}
        />
      ) : null}
    </span>
  )
}
