import { scopedGet } from '@/lib/api/api-client'
import { commandPageSchema } from '@/lib/api/generated/response-schemas/command-page'
import { commandSchema } from '@/lib/api/generated/response-schemas/command'
import type { Schemas } from '@/lib/api/types'
import { sendWrite } from '@/lib/api/write'
import { scopedInfiniteQuery, scopedKey, scopedQuery, type Scope } from '@/lib/query/query-scope'

/**
 * Commands sent to an environment's agents (route control, replay): one command and its
 * progress (`commands/detail`, what progress polls), and what was done there, newest first
 * (`commands/list`, "Recent actions"), for everyone who may read the environment.
 */

export type Command = Schemas['Command']
export type CommandInput = Schemas['CommandInput']

export interface CommandFilters {
  /** Only commands acting on this application (route control of it, replays of its executions). */
  applicationId?: string
}

export const COMMAND_PAGE_SIZE = 20

export const commandResources = {
  detail: (scope: Scope, commandId: string) =>
    scopedQuery(scopedKey(scope, 'commands', 'detail', { commandId }), (key, signal) =>
      scopedGet('/commands/{commandId}', {
        scope: key,
        schema: commandSchema,
        signal,
        path: { commandId: key.commandId },
      }),
    ),

  list: (scope: Scope, filters: CommandFilters = {}) =>
    scopedInfiniteQuery(scopedKey(scope, 'commands', 'list', filters), {
      fetch: (key, cursor: string | null, signal) =>
        scopedGet('/commands', {
          scope: key,
          schema: commandPageSchema,
          signal,
          query: {
            applicationId: key.applicationId,
            limit: COMMAND_PAGE_SIZE,
            cursor: cursor ?? undefined,
          },
        }),
      initialPageParam: null,
      getNextPageParam: (last) => last.nextCursor ?? undefined,
    }),
}

/** The key prefix of every command query in one scope: what a new command invalidates. */
export const commandScopeKey = (scope: Scope) =>
  [{ tenant: scope.tenant, env: scope.env, resource: 'commands' }] as const

/**
 * Sends one command. `idempotencyKey` is chosen once per intended command and sent again,
 * unchanged, on every retry of that same confirmation (the WriteDialog hands its own to
 * `send`): the server then answers with the first command instead of sending it twice.
 * Resolves to the command (202, or 200 for a repeat); rejects with the API's error.
 */
export async function sendCommand(request: {
  scope: Scope
  input: CommandInput
  idempotencyKey: string
  signal?: AbortSignal
}): Promise<Command> {
  const { data } = await sendWrite({
    method: 'POST',
    path: '/commands',
    tenant: request.scope.tenant,
    env: request.scope.env,
    body: request.input,
    idempotencyKey: request.idempotencyKey,
    schema: commandSchema,
    signal: request.signal,
  })
  return data
}
