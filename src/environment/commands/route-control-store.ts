import { create } from 'zustand'
import type { RouteAction } from '@/lib/commands/route-actions'
import type { Scope } from '@/lib/query/query-scope'
import type { Command } from '@/lib/resources/commands'

/** A route-control action asked for in place (a button, a menu item), before it is confirmed. */
export interface RouteControlRequest {
  scope: Scope
  applicationId: string
  routeId: string
  action: RouteAction
  /** One agent (its page), or null: every LIVE agent of the application. */
  agentId: string | null
  /** How many LIVE agents of the application run the route now (for the wording). */
  liveAgents: number
}

/** A command sent from this page, followed until no target is pending. */
export interface FollowedCommand {
  scope: Scope
  commandId: string
  /** What it did, as the confirmation said it: "Stop route orders-in on 5 agents in Production". */
  label: string
  applicationId: string
  initial: Command
  /** No target pending any more, or no longer followed (switched away, left the page). */
  settled?: boolean
}

interface RouteControlState {
  request: RouteControlRequest | null
  followed: FollowedCommand[]
}

/**
 * Between the controls that ask for an action (table cells, menus) and the one host on the
 * page that shows its confirmation and its progress (`RouteControlHost`): a cell cannot hold a
 * dialog's or a progress panel's place in the page.
 */
export const useRouteControlStore = create<RouteControlState>()(() => ({
  request: null,
  followed: [],
}))

export function requestRouteControl(request: RouteControlRequest): void {
  useRouteControlStore.setState({ request })
}

export function endRouteControlRequest(): void {
  useRouteControlStore.setState({ request: null })
}

export function followCommand(command: FollowedCommand): void {
  useRouteControlStore.setState((state) => ({
    followed: [command, ...state.followed.filter((c) => c.commandId !== command.commandId)],
  }))
}

export function dismissCommand(commandId: string): void {
  useRouteControlStore.setState((state) => ({
    followed: state.followed.filter((c) => c.commandId !== commandId),
  }))
}

export function settleCommand(commandId: string): void {
  useRouteControlStore.setState((state) =>
    state.followed.some((c) => c.commandId === commandId && !c.settled)
      ? {
          followed: state.followed.map((c) =>
            c.commandId === commandId ? { ...c, settled: true } : c,
          ),
        }
      : state,
  )
}

/**
 * Whether an action on this route, sent from this page, still waits for agents to answer:
 * until it settles the route offers no other action, so a second click at 3 a.m. does not
 * stack a "Start" on a "Stop" that has not landed yet.
 */
export function useRouteAwaitingAgents(scope: Scope, applicationId: string, routeId: string) {
  return useRouteControlStore((state) =>
    state.followed.some(
      (c) =>
        !c.settled &&
        c.scope.tenant === scope.tenant &&
        c.scope.env === scope.env &&
        c.applicationId === applicationId &&
        c.initial.request.type === 'route-control' &&
        c.initial.request.routeId === routeId,
    ),
  )
}
