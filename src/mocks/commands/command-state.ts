import type { Schemas } from '@/lib/api/types'
import { toIso } from '../clock'
import { hashString } from '../random'
import { readTenantRecord, writeTenantRecord } from '../tenant-state/tenant-state'

/**
 * The commands of each environment, kept with the tenant's other state. A command is decided
 * when it is sent: each target's outcome (ACKNOWLEDGED, FAILED, EXPIRED) and the time it comes
 * are stored, and a read shows PENDING until the mock's clock reaches that time. So progress
 * needs no timer and is the same in the browser mock, Node and `npm run mock:server`.
 */

export type Command = Schemas['Command']
export type CommandInput = Schemas['CommandInput']
export type CommandTargetStatus = Schemas['CommandTargetStatus']

/** LIVE agents answer within this long (about 2 s, as the contract's mock rules say). */
export const ACK_WITHIN_MS = 2000
/** A target that has not answered by then is EXPIRED. */
export const EXPIRE_AFTER_MS = 60_000
export const EXPIRED_MESSAGE = 'the agent did not answer within 60 s'
/** How long the same Idempotency-Key answers with the first command. */
export const IDEMPOTENCY_MS = 24 * 3600_000

export interface PlannedTarget {
  agentId: string
  outcome: Exclude<CommandTargetStatus, 'PENDING'>
  /** Epoch ms at which the outcome is reported. */
  at: number
  message: string | null
  resultExecutionId: string | null
}

export interface StoredCommand {
  commandId: string
  createdAt: number
  createdBy: { userId: string; name: string }
  request: CommandInput
  /** The application acted on (the replayed execution's, for a replay): the list's filter. */
  applicationId: string
  idempotencyKey: string
  targets: PlannedTarget[]
}

interface CommandsRecord {
  version: 1
  sequence: number
  /** Oldest first. */
  commands: StoredCommand[]
}

const recordName = (environment: string) => `commands:${environment}`
const LIMIT = 1000

export function readCommands(tenantId: string, environment: string): CommandsRecord {
  return readTenantRecord<CommandsRecord>(tenantId, recordName(environment), () => ({
    version: 1,
    sequence: 0,
    commands: [],
  }))
}

/** Stores a new command (its id taken from the environment's sequence) and returns it. */
export function storeCommand(
  tenantId: string,
  environment: string,
  build: (commandId: string) => StoredCommand,
): StoredCommand {
  const record = readCommands(tenantId, environment)
  record.sequence += 1
  const command = build(`cmd-${environment}-${String(record.sequence).padStart(6, '0')}`)
  record.commands.push(command)
  if (record.commands.length > LIMIT) record.commands.splice(0, record.commands.length - LIMIT)
  writeTenantRecord(tenantId, recordName(environment), record)
  return command
}

/** A LIVE agent's answer time: 300–2000 ms after the command, fixed by command and agent. */
export function ackDelay(commandId: string, agentId: string): number {
  return 300 + (hashString(`${commandId}/${agentId}/ack`) % (ACK_WITHIN_MS - 300 + 1))
}

/** The command as the API shows it at `now`. */
export function commandAt(
  stored: StoredCommand,
  tenantId: string,
  environment: string,
  now: number,
): Command {
  return {
    commandId: stored.commandId,
    tenantId,
    environment,
    type: stored.request.type,
    request: stored.request,
    createdAt: toIso(stored.createdAt),
    createdBy: stored.createdBy,
    targets: stored.targets.map((target) =>
      target.at <= now
        ? {
            agentId: target.agentId,
            status: target.outcome,
            message: target.message,
            updatedAt: toIso(target.at),
            resultExecutionId: target.resultExecutionId,
          }
        : {
            agentId: target.agentId,
            status: 'PENDING',
            message: null,
            updatedAt: toIso(stored.createdAt),
            resultExecutionId: null,
          },
    ),
  }
}
