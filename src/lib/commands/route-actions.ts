import type { Schemas } from '@/lib/api/types'

/**
 * What route control may do to a route in each state, and a route's state across the agents of
 * an application, in words.
 */

export type RouteState = Schemas['RouteState']
export type RouteAction = Schemas['RouteAction']

/** Always in this order, so buttons and menu items keep their places. */
const ACTION_ORDER: readonly RouteAction[] = ['start', 'resume', 'stop', 'suspend']

const ALLOWED: Record<RouteState, readonly RouteAction[]> = {
  Started: ['stop', 'suspend'],
  Suspended: ['resume', 'stop'],
  Stopped: ['start'],
}

/** The actions a route in this state allows: Started → Stop, Suspend; Suspended → Resume, Stop; Stopped → Start. */
export function allowedActions(state: RouteState): RouteAction[] {
  return ACTION_ORDER.filter((action) => ALLOWED[state].includes(action))
}

/** The actions that apply to at least one of the states (a route acted on across agents). */
export function allowedActionsAcross(states: readonly RouteState[]): RouteAction[] {
  return ACTION_ORDER.filter((action) => states.some((state) => ALLOWED[state].includes(action)))
}

const LABELS: Record<RouteAction, string> = {
  start: 'Start',
  stop: 'Stop',
  suspend: 'Suspend',
  resume: 'Resume',
}

/** "Stop", "Suspend", "Resume", "Start". */
export const actionLabel = (action: RouteAction): string => LABELS[action]

/**
 * What the confirmation says, e.g. "Stop route orders-in on 5 agents in Production" (one agent:
 * "on 1 agent"). `environment` is the environment's label as the UI names it.
 */
export function routeActionSentence(
  action: RouteAction,
  routeId: string,
  agentCount: number,
  environment: string,
): string {
  const agents = `${agentCount} agent${agentCount === 1 ? '' : 's'}`
  return `${actionLabel(action)} route ${routeId} on ${agents} in ${environment}`
}

/** The states every route is shown in, in the order a summary names them. */
const STATE_ORDER: readonly RouteState[] = ['Started', 'Stopped', 'Suspended']

/**
 * A route's state across agents (one state per agent) in words: the state when all agree
 * ("Started"); otherwise the states that differ from Started with their counts ("Stopped on 1
 * of 5 agents", "Stopped on 1 and Suspended on 2 of 5 agents"). `null` for no agent.
 */
export function summarizeRouteStates(states: readonly RouteState[]): string | null {
  if (states.length === 0) return null
  const counts = STATE_ORDER.map((state) => ({
    state,
    count: states.filter((candidate) => candidate === state).length,
  })).filter(({ count }) => count > 0)
  const [only] = counts
  if (counts.length === 1 && only) return only.state
  const parts = counts
    .filter(({ state }) => state !== 'Started')
    .map(({ state, count }) => `${state} on ${count}`)
  const listed =
    parts.length > 1 ? `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}` : parts[0]
  return `${listed} of ${states.length} agents`
}

/** One agent's state of one route; Started when the agent has not reported it. */
export function routeStateOf(
  agent: { routeStates?: Readonly<Record<string, RouteState>> },
  routeId: string,
): RouteState {
  return agent.routeStates?.[routeId] ?? 'Started'
}
