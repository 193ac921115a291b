import { useQuery } from '@tanstack/react-query'
import { useMemo } from 'react'
import { summarizeRouteStates } from '@/lib/commands/route-actions'
import type { Scope } from '@/lib/query/query-scope'
import { agentResources } from '@/lib/resources/agents'
import { useScope } from '../use-scope'
import { countedAgents, statesOf } from './route-agents'

/**
 * The agents of an application whose state of a route counts (see `countedAgents`), from the
 * environment's one agent list (shared with every other view; its page's own query keeps it
 * fresh). Apart from the route's actions (route-state-cell.tsx), so a page that only shows
 * states does not load the menu and the route-control store.
 */
export function useRouteAgents(scope: Scope, applicationId: string, routeId: string) {
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
