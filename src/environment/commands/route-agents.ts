import type { AgentInfo } from '@/lib/api/types'
import { routeStateOf, type RouteState } from '@/lib/commands/route-actions'

/**
 * The agents whose state of a route counts for its application: the LIVE ones that run it (what
 * route control acts on), or, when none is LIVE, every one that runs it (their last report).
 */
export function countedAgents(agents: readonly AgentInfo[], routeId: string): AgentInfo[] {
  const running = agents.filter((agent) => agent.routeIds.includes(routeId))
  const live = running.filter((agent) => agent.status === 'LIVE')
  return live.length ? live : running
}

export const statesOf = (agents: readonly AgentInfo[], routeId: string): RouteState[] =>
  agents.map((agent) => routeStateOf(agent, routeId))
