import { useQuery } from '@tanstack/react-query'
import { useMemo } from 'react'
import { MenuButton } from '@/components/menu-button'
import {
  actionLabel,
  allowedActionsAcross,
  summarizeRouteStates,
} from '@/lib/commands/route-actions'
import type { Scope } from '@/lib/query/query-scope'
import { agentResources } from '@/lib/resources/agents'
import { useScope } from '../use-scope'
import { usePermissions } from '../use-permissions'
import { requestRouteControl, useRouteAwaitingAgents } from './route-control-store'
import { countedAgents, statesOf } from './route-agents'
import './commands.css'

/**
 * The agents of an application whose state of a route counts (see `countedAgents`), from the
 * environment's one agent list
 * (shared with every other view; its page's own query keeps it fresh).
 */
function useRouteAgents(scope: Scope, applicationId: string, routeId: string) {
  const agents = useQuery(agentResources.list(scope))
  return useMemo(
    () =>
      countedAgents(
        (agents.data?.items ?? []).filter((agent) => agent.applicationId === applicationId),
        routeId,
      ),
    [agents.data, applicationId, routeId],
  )
}

/** A route's state over its application's agents, in words ("Stopped on 1 of 5 agents"). */
export function RouteStateText({
  applicationId,
  routeId,
}: {
  applicationId: string
  routeId: string
}) {
  const scope = useScope()
  const agents = useRouteAgents(scope, applicationId, routeId)
  return <>{summarizeRouteStates(statesOf(agents, routeId)) ?? '—'}</>
}

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
