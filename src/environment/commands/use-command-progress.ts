import { useQuery, useQueryClient } from '@tanstack/react-query'
import { useEffect, useEffectEvent } from 'react'
import {
  commandProgress,
  isPending,
  targetStatusText,
  type CommandProgress,
  type CommandTarget,
} from '@/lib/commands/command-progress'
import type { Scope } from '@/lib/query/query-scope'
import { polling } from '@/lib/query/retry-policy'
import { commandResources, commandScopeKey, type Command } from '@/lib/resources/commands'
import { useScope } from '../use-scope'

/** How often a command with a pending target is read again. */
export const COMMAND_POLL_MS = 1000

export interface TargetProgress extends CommandTarget {
  /** "Pending", "Acknowledged", "Failed: <message>", "Expired: the agent did not answer within 60 s". */
  text: string
}

export interface CommandProgressState {
  command: Command | undefined
  /** Counts and a summary sentence; null until the command is known. */
  progress: CommandProgress | null
  targets: TargetProgress[]
  /** Known, and no target pending: polling has stopped. */
  done: boolean
  /** The active environment or tenant is no longer the command's: it is not followed any more. */
  leftScope: boolean
  /** The last read failed (polling backs off meanwhile). */
  error: unknown
}

/**
 * Follows one command (the scope it was sent in) until no target is pending: GET
 * /commands/{id} about every second while one is, then no more. It stops on a switch of
 * environment or tenant (no request of the old scope after it: the query is disabled and the
 * app cancels what is in flight) and while the tab is hidden; a failing read backs off
 * (`polling`). `initial` is the command as POST answered it, shown at once. When it is done,
 * the scope's command lists are refreshed and `onDone` is called once.
 */
export function useCommandProgress(
  commandId: string | null,
  scope: Scope,
  options: { initial?: Command; onDone?: (command: Command) => void } = {},
): CommandProgressState {
  const active = useScope()
  const leftScope = active.tenant !== scope.tenant || active.env !== scope.env
  const queryClient = useQueryClient()
  const initial = options.initial?.commandId === commandId ? options.initial : undefined
  const query = useQuery({
    ...commandResources.detail(scope, commandId ?? ''),
    enabled: commandId !== null && !leftScope,
    initialData: initial,
    // The answer to POST is as fresh as a read: the first poll comes a second later.
    staleTime: COMMAND_POLL_MS,
    refetchInterval: (current) =>
      isPending(current.state.data) ? polling(COMMAND_POLL_MS)(current) : false,
    refetchIntervalInBackground: false,
  })
  const command = query.data
  const done = command !== undefined && !isPending(command)
  const finished = useEffectEvent(() => {
    if (!command) return
    void queryClient.invalidateQueries({
      queryKey: [{ ...commandScopeKey(scope)[0], entity: 'list' }],
    })
    options.onDone?.(command)
  })
  const doneId = done ? command.commandId : null
  useEffect(() => {
    if (doneId) finished()
  }, [doneId])
  return {
    command,
    progress: command ? commandProgress(command) : null,
    targets: (command?.targets ?? []).map((target) => ({
      ...target,
      text: targetStatusText(target),
    })),
    done,
    leftScope,
    error: query.error,
  }
}
