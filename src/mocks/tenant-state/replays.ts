import { hashString } from '../random'
import { readTenantRecord, writeTenantRecord } from './tenant-state'

/**
 * The executions replays produced, per tenant and environment (kept with the tenant's other
 * state). Only what the replay changed is stored; the rest of the execution is the original's,
 * generated again on each read (executions/execution-replays.ts). A replay exists from the
 * moment its agent acknowledged the command (`startTime`), as on a server.
 */

export interface StoredReplay {
  executionId: string
  /** The execution replayed (itself possibly a replay). */
  originalId: string
  applicationId: string
  routeId: string
  agentId: string
  commandId: string
  /** Epoch ms: when the agent acknowledged and ran it. */
  startTime: number
  /** `null`: as captured. */
  inputBody: string | null
  headers: Record<string, string> | null
}

interface ReplaysRecord {
  version: 1
  /** Oldest first. */
  replays: StoredReplay[]
}

const recordName = (environment: string) => `replays:${environment}`
/** Enough for any demo; the oldest go first, as retention would take them. */
const LIMIT = 1000

function read(tenantId: string, environment: string): ReplaysRecord {
  return readTenantRecord<ReplaysRecord>(tenantId, recordName(environment), () => ({
    version: 1,
    replays: [],
  }))
}

/** A replay's id: never the shape of a generated one, unique per tenant and environment. */
export function replayExecutionId(tenantId: string, environment: string, commandId: string) {
  const tag = (hashString(`${tenantId}/${environment}/${commandId}/replay`) % 36 ** 4)
    .toString(36)
    .padStart(4, '0')
  return `replay-${commandId}-${tag}`
}

export function recordReplay(tenantId: string, environment: string, replay: StoredReplay): void {
  const record = read(tenantId, environment)
  record.replays.push(replay)
  if (record.replays.length > LIMIT) record.replays.splice(0, record.replays.length - LIMIT)
  writeTenantRecord(tenantId, recordName(environment), record)
}

/** Replays that have run by `now`, newest first. */
export function listReplays(tenantId: string, environment: string, now: number): StoredReplay[] {
  return read(tenantId, environment)
    .replays.filter((replay) => replay.startTime <= now)
    .sort((a, b) => b.startTime - a.startTime || b.executionId.localeCompare(a.executionId))
}

export function findReplay(
  tenantId: string,
  environment: string,
  executionId: string,
  now: number,
): StoredReplay | undefined {
  if (!executionId.startsWith('replay-')) return undefined
  return listReplays(tenantId, environment, now).find(
    (replay) => replay.executionId === executionId,
  )
}
