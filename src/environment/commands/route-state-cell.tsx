import { useQuery } from '@tanstack/react-query'
import { useMemo } from 'react'
import { MenuButton } from '@/components/menu-button'
import type { AgentInfo } from '@/lib/api/types'
import type { Scope } from '@/lib/query/query-scope'
import { agentResources } from '@/lib/resources/agents'
import { useScope } from '../use-scope'
import { usePermissions } from '../use-permissions'
import { requestRouteControl } from './route-control-store'
import { actionsAllowedOnAny, actionVerb, routeStateSummary } from './route-state-words'
import './commands.css'

/**
 * The agents of an application that report a route, from the environment's one agent list
 * (shared with every other view; its page's own query keeps it fresh).
 */
function useRouteAgents(scope: Scope, applicationId: string, routeId: string) {
  const agents = useQuery(agentResources.list(scope))
  return useMemo(
    () =>
      (agents.data?.items ?? []).filter(
        (agent: AgentInfo) =>
          agent.applicationId === applicationId && agent.routeStates[routeId] !== undefined,
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
  return <>{routeStateSummary(agents, routeId) ?? '—'}</>
}

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
  const actions = liveAgents > 0 && can('route-control') ? actionsAllowedOnAny(agents, routeId) : []
  return (
    <span className="route-state">
      <span>{routeStateSummary(agents, routeId) ?? '—'}</span>
      {actions.length ? (
        <MenuButton
          label={`Actions for ${routeId}`}
          text="Actions"
          className="button"
          items={actions.map((action) => ({
            text: actionVerb[action],
            label: `${actionVerb[action]} ${routeId}`,
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
