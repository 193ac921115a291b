import type { AuditEntry, SchemaName, Schemas } from '@/lib/api/types'
import { ContractError } from '@/lib/api/errors'
import { validateResponse } from '@/lib/api/response-validation'
import { schemaNamed } from '@/lib/api/schema-registry'
import { auditedWrite, readJsonObject } from '../admin/write-request'
import { findAgentRecord, listAgentRecords, type AgentRecord } from '../agents/agent-data'
import { apiGet, apiPost, ok } from '../api-route'
import { mockNow } from '../clock'
import { findAnyExecution } from '../executions/execution-replays'
import { getMockSettings } from '../mock-settings'
import { decodeCursor, encodeCursor } from '../pagination'
import { badRequest, conflict, forbiddenRole, notFound } from '../problem'
import { optionalParam, parseLimit, requireScope, type RequestScope } from '../scope-guard'
import { accessOf } from '../tenant-state/access'
import { recordReplay, replayExecutionId } from '../tenant-state/replays'
import { recordRouteStateChange } from '../tenant-state/route-states'
import { logAgentEvents } from '../agents/agent-event-log'
import { getTopology } from '../topology/topology'
import {
  ackDelay,
  commandAt,
  EXPIRE_AFTER_MS,
  EXPIRED_MESSAGE,
  IDEMPOTENCY_MS,
  readCommands,
  storeCommand,
  type PlannedTarget,
  type StoredCommand,
} from './command-state'

/**
 * `/commands`: route control and replay, sent to the environment's agents. Checked in the
 * order a server would: token (401), environment, role (403), Idempotency-Key (400; a repeat
 * answers 200 with the first command), body (415, 400 naming the member), what it names (404,
 * 400 for agents that do not run it), targets (409 when none is LIVE). Every request with a
 * valid token is audited, allowed or refused. State per environment: command-state.ts.
 */

type RouteControlInput = Schemas['RouteControlInput']
type ReplayInput = Schemas['ReplayInput']
type RouteState = Schemas['RouteState']

const RESOURCE_ID_MAX = 256
const KEY_MAX = 64

const NEW_STATE: Record<RouteControlInput['action'], RouteState> = {
  start: 'Started',
  resume: 'Started',
  stop: 'Stopped',
  suspend: 'Suspended',
}

const PAST: Record<RouteControlInput['action'], string> = {
  start: 'started',
  resume: 'resumed',
  stop: 'stopped',
  suspend: 'suspended',
}

/** What agents answer when the mock's `failCommands` setting is on. */
function failureMessage(request: Schemas['CommandInput']): string {
  return request.type === 'route-control'
    ? `Route ${request.routeId} could not be ${PAST[request.action]}: in-flight exchanges did not complete within 30 s`
    : 'The exchange could not be rebuilt: the route refused the message'
}

/** Validate against the document's schema; the first issue (naming the member) is the 400. */
function validated<N extends SchemaName>(name: N, body: unknown): Schemas[N] {
  try {
    return validateResponse(schemaNamed(name), body, name)
  } catch (error) {
    if (error instanceof ContractError) {
      throw badRequest(`${error.issues[0] ?? 'invalid body'}`.replace('(root)', 'body'))
    }
    throw error
  }
}

/** The audit action and target a body names, read leniently (a refused body is audited too). */
function auditNoteOf(body: unknown): { action: AuditEntry['action']; target: string } {
  const record = (body && typeof body === 'object' ? body : {}) as Record<string, unknown>
  const text = (value: unknown) => (typeof value === 'string' ? value.slice(0, 100) : '')
  if (record.type === 'replay')
    return { action: 'execution.replay', target: text(record.executionId) }
  const action = ['start', 'stop', 'suspend', 'resume'].includes(record.action as string)
    ? (record.action as RouteControlInput['action'])
    : 'start'
  const target = [text(record.applicationId), text(record.routeId)].filter(Boolean).join('/')
  return { action: `route.${action}`, target }
}

async function peekBody(request: Request): Promise<unknown> {
  try {
    return JSON.parse(await request.clone().text()) as unknown
  } catch {
    return null
  }
}

function requireOperator(scope: RequestScope): void {
  const role = accessOf(scope.principal).roleIn(scope.environment)
  if (role !== 'operator' && role !== 'admin') {
    throw forbiddenRole(`operator role required in ${scope.environment}`)
  }
}

function idempotencyKeyOf(request: Request): string {
  const key = request.headers.get('Idempotency-Key')
  if (key === null || key === '') {
    throw badRequest('Idempotency-Key is required: one per intended command.')
  }
  if (key.length > KEY_MAX) throw badRequest(`Idempotency-Key: at most ${KEY_MAX} characters.`)
  return key
}

function findRepeat(scope: RequestScope, key: string, now: number): StoredCommand | undefined {
  return readCommands(scope.tenant, scope.environment).commands.find(
    (command) =>
      command.idempotencyKey === key &&
      command.createdBy.userId === scope.principal.userId &&
      now - command.createdAt < IDEMPOTENCY_MS,
  )
}

interface Resolved {
  applicationId: string
  /** The agents sent to, in the order named (or of the registry). */
  agents: AgentRecord[]
  /** Set for a replay: its route and original. */
  replay?: { routeId: string; executionId: string }
}

function resolveRouteControl(scope: RequestScope, input: RouteControlInput): Resolved {
  const { tenant, environment } = scope
  const application = getTopology(tenant, environment)?.applications.find(
    (candidate) => candidate.applicationId === input.applicationId,
  )
  if (!application) {
    throw notFound(`No application ${input.applicationId} in environment ${environment}.`)
  }
  if (!application.routes.some((route) => route.routeId === input.routeId)) {
    throw notFound(
      `Application ${input.applicationId} has no route ${input.routeId} in ${environment}.`,
    )
  }
  const runsIt = (agent: AgentRecord) =>
    agent.applicationId === input.applicationId && agent.routeIds.includes(input.routeId)
  if (input.agentIds === null) {
    const agents = listAgentRecords(tenant, environment).filter(
      (agent) => runsIt(agent) && agent.status === 'LIVE',
    )
    return { applicationId: input.applicationId, agents }
  }
  const agents = [...new Set(input.agentIds)].map((agentId) => {
    const agent = findAgentRecord(tenant, environment, agentId)
    if (!agent) throw notFound(`agentIds: no agent ${agentId} in environment ${environment}.`)
    if (!runsIt(agent)) {
      throw badRequest(
        `agentIds: agent ${agentId} does not run ${input.applicationId}/${input.routeId}.`,
      )
    }
    return agent
  })
  return { applicationId: input.applicationId, agents }
}

function resolveReplay(scope: RequestScope, input: ReplayInput, now: number): Resolved {
  const { tenant, environment } = scope
  const execution = findAnyExecution(tenant, environment, input.executionId, now)
  if (!execution) {
    throw notFound(`No execution ${input.executionId} in environment ${environment}.`)
  }
  const replay = { routeId: execution.routeId, executionId: execution.executionId }
  const applicationId = execution.applicationId
  if (input.agentId !== null) {
    const agent = findAgentRecord(tenant, environment, input.agentId)
    if (!agent) throw notFound(`agentId: no agent ${input.agentId} in environment ${environment}.`)
    if (agent.applicationId !== applicationId || !agent.routeIds.includes(execution.routeId)) {
      throw badRequest(
        `agentId: agent ${input.agentId} does not run ${applicationId}/${execution.routeId}.`,
      )
    }
    return { applicationId, agents: [agent], replay }
  }
  const ranIt = findAgentRecord(tenant, environment, execution.agentId)
  if (ranIt?.status === 'LIVE') return { applicationId, agents: [ranIt], replay }
  const other = listAgentRecords(tenant, environment).find(
    (agent) =>
      agent.applicationId === applicationId &&
      agent.routeIds.includes(execution.routeId) &&
      agent.status === 'LIVE',
  )
  return { applicationId, agents: other ? [other] : [], replay }
}

/** Decides each target's answer and stores what it changes (route states, replays) for then. */
function send(
  scope: RequestScope,
  input: Schemas['CommandInput'],
  resolved: Resolved,
  key: string,
  now: number,
): StoredCommand {
  const { tenant, environment, principal } = scope
  const fail = getMockSettings().failCommands
  return storeCommand(tenant, environment, (commandId) => {
    const targets = resolved.agents.map((agent): PlannedTarget => {
      if (agent.status !== 'LIVE') {
        return {
          agentId: agent.agentId,
          outcome: 'EXPIRED',
          at: now + EXPIRE_AFTER_MS,
          message: EXPIRED_MESSAGE,
          resultExecutionId: null,
        }
      }
      const at = now + ackDelay(commandId, agent.agentId)
      if (fail) {
        return {
          agentId: agent.agentId,
          outcome: 'FAILED',
          at,
          message: failureMessage(input),
          resultExecutionId: null,
        }
      }
      let resultExecutionId: string | null = null
      if (input.type === 'route-control') {
        const state = NEW_STATE[input.action]
        recordRouteStateChange(tenant, environment, {
          agentId: agent.agentId,
          routeId: input.routeId,
          state,
          at,
        })
        logAgentEvents(tenant, environment, [
          {
            agentId: agent.agentId,
            type: state === 'Started' ? 'ROUTE_STARTED' : 'ROUTE_STOPPED',
            at,
            message: `Route ${input.routeId} ${state.toLowerCase()} by route control`,
          },
        ])
      } else if (resolved.replay) {
        resultExecutionId = replayExecutionId(tenant, environment, commandId)
        recordReplay(tenant, environment, {
          executionId: resultExecutionId,
          originalId: resolved.replay.executionId,
          applicationId: resolved.applicationId,
          routeId: resolved.replay.routeId,
          agentId: agent.agentId,
          commandId,
          startTime: at,
          inputBody: input.inputBody,
          headers: input.headers,
        })
      }
      return {
        agentId: agent.agentId,
        outcome: 'ACKNOWLEDGED',
        at,
        message: null,
        resultExecutionId,
      }
    })
    return {
      commandId,
      createdAt: now,
      createdBy: { userId: principal.userId, name: principal.name },
      request: input,
      applicationId: resolved.applicationId,
      idempotencyKey: key,
      targets,
    }
  })
}

function validInput(body: Record<string, unknown>): Schemas['CommandInput'] {
  if (body.type === 'route-control') return validated('RouteControlInput', body)
  if (body.type === 'replay') return validated('ReplayInput', body)
  throw badRequest('type must be route-control or replay.')
}

export const commandHandlers = [
  apiPost('/commands', async ({ request }) => {
    const peeked = auditNoteOf(await peekBody(request))
    const environment = new URL(request.url).searchParams.get('environment')
    return auditedWrite(
      request,
      peeked.action,
      { environment, target: peeked.target },
      async (_principal, note) => {
        const scope = await requireScope(request)
        const now = mockNow()
        requireOperator(scope)
        const key = idempotencyKeyOf(request)
        const repeat = findRepeat(scope, key, now)
        if (repeat) {
          note.detail = `repeated Idempotency-Key: ${repeat.commandId}, nothing sent again`
          return ok('Command', commandAt(repeat, scope.tenant, scope.environment, now))
        }
        const input = validInput(await readJsonObject(request))
        const resolved =
          input.type === 'route-control'
            ? resolveRouteControl(scope, input)
            : resolveReplay(scope, input, now)
        if (!resolved.agents.some((agent) => agent.status === 'LIVE')) {
          throw conflict(
            'no-live-agent',
            `No LIVE agent of ${resolved.applicationId} in ${scope.environment} to send it to.`,
          )
        }
        const stored = send(scope, input, resolved, key, now)
        const count = stored.targets.length
        note.detail = `${stored.commandId} to ${count} agent${count === 1 ? '' : 's'}`
        return ok('Command', commandAt(stored, scope.tenant, scope.environment, now), 202)
      },
    )
  }),

  apiGet('/commands/:commandId', async ({ request, params }) => {
    const scope = await requireScope(request)
    const id = params.commandId ?? ''
    const stored = readCommands(scope.tenant, scope.environment).commands.find(
      (command) => command.commandId === id,
    )
    if (!stored) throw notFound(`No command ${id} in environment ${scope.environment}.`)
    return ok('Command', commandAt(stored, scope.tenant, scope.environment, mockNow()))
  }),

  apiGet('/commands', async ({ request }) => {
    const scope = await requireScope(request)
    const { url } = scope
    const applicationId = optionalParam(url, 'applicationId', RESOURCE_ID_MAX)
    const limit = parseLimit(url)
    const filters = `commands/${scope.tenant}/${scope.environment}/${applicationId ?? ''}`
    const position = decodeCursor(url.searchParams.get('cursor'), filters)
    if (position && typeof position.seq !== 'number') {
      throw badRequest('The cursor is malformed: pass nextCursor from the previous page verbatim.')
    }
    const before = typeof position?.seq === 'number' ? position.seq : Infinity
    // Ids carry the environment's sequence: newest first is the reverse of the stored order.
    const matching = readCommands(scope.tenant, scope.environment)
      .commands.map((command) => ({ command, seq: Number(command.commandId.slice(-6)) }))
      .filter(({ command }) => !applicationId || command.applicationId === applicationId)
      .filter(({ seq }) => seq < before)
      .reverse()
    const page = matching.slice(0, limit)
    const last = page[page.length - 1]
    const now = mockNow()
    return ok('CommandPage', {
      items: page.map(({ command }) => commandAt(command, scope.tenant, scope.environment, now)),
      nextCursor: matching.length > limit && last ? encodeCursor(filters, { seq: last.seq }) : null,
    })
  }),
]
