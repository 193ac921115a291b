import type { AgentInfo, Schemas } from '@/lib/api/types'

export type RouteState = Schemas['RouteState']
export type RouteAction = Schemas['RouteAction']

/** What each route state allows: a started route stops or suspends, a suspended one resumes or stops. */
export function actionsAllowed(state: RouteState): RouteAction[] {
  if (state === 'Started') return ['stop', 'suspend']
  if (state === 'Suspended') return ['resume', 'stop']
  return ['start']
}

export const actionVerb: Readonly<Record<RouteAction, string>> = {
  start: 'Start',
  stop: 'Stop',
  suspend: 'Suspend',
  resume: 'Resume',
}

/** The agents whose states count: the LIVE ones reporting the route, else every one reporting it. */
function reporting(agents: readonly AgentInfo[], routeId: string): AgentInfo[] {
  const all = agents.filter((agent) => agent.routeStates[routeId] !== undefined)
  const live = all.filter((agent) => agent.status === 'LIVE')
  return live.length ? live : all
}

/**
 * A route's state over an application's agents, in words: "Started" when all agree, else the
 * states that differ from the most common ("Stopped on 1 of 5 agents"); null when none reports it.
 */
export function routeStateSummary(agents: readonly AgentInfo[], routeId: string): string | null {
  const counted = reporting(agents, routeId)
  if (!counted.length) return null
  const counts = new Map<RouteState, number>()
  for (const agent of counted) {
    const state = agent.routeStates[routeId]
    if (state) counts.set(state, (counts.get(state) ?? 0) + 1)
  }
  if (counts.size === 1) return [...counts.keys()][0] ?? null
  return [...counts.entries()]
    .sort((a, b) => a[1] - b[1])
    .slice(0, -1)
    .map(([state, count]) => `${state} on ${count} of ${counted.length} agents`)
    .join(', ')
}

/** Every action some agent's state of the route allows, in a stable order. */
export function actionsAllowedOnAny(agents: readonly AgentInfo[], routeId: string): RouteAction[] {
  const allowed = new Set(
    reporting(agents, routeId).flatMap((agent) => {
      const state = agent.routeStates[routeId]
      return state ? actionsAllowed(state) : []
    }),
  )
  return (['stop', 'suspend', 'resume', 'start'] as const).filter((action) => allowed.has(action))
}
