import type { Schemas } from '@/lib/api/types'
import { listAgentRecords } from '../agents/agent-data'
import { toIso } from '../clock'
import { capturesPayloads } from '../executions/execution-capture'
import { hashString } from '../random'
import {
  findEnvironment,
  readTenantRecord,
  readTenantState,
  writeTenantRecord,
} from '../tenant-state/tenant-state'

/**
 * Each application's configuration per environment, as the server keeps it in the tenant's
 * schema: the settings, their version and who changed them last. A change is pushed to the
 * application's LIVE agents at once; each acknowledges it 0.4–2 s later (its delay fixed by
 * agent and version), so `agents.pending` counts down to 0 within seconds of mock time.
 * Unchanged applications carry their environment's defaults at version 1, nobody named.
 */

export type AppSettings = Schemas['AppSettings']
export type AppConfig = Schemas['AppConfig']

export interface StoredConfig {
  version: number
  updatedAt: string | null
  updatedBy: { userId: string; name: string } | null
  settings: AppSettings
  /** When the current version was pushed (ms); null: every agent has had it for long. */
  pushedAt: number | null
}

interface EnvironmentConfigs {
  version: 1
  /** applicationId → its configuration; absent: the seeded one. */
  apps: Record<string, StoredConfig>
}

const ACK_MIN_MS = 400
const ACK_SPREAD_MS = 1600

/** What agents are told before anybody changes anything, per kind of environment. */
function defaultsFor(tenantId: string, environment: string): AppSettings {
  // Production as the tenant describes it (the flag, not the id).
  const production = findEnvironment(readTenantState(tenantId), environment)?.production === true
  return {
    // Below production everything is traced; production traces what failed.
    tracing: production ? 'FAILED_ONLY' : 'ALL',
    samplingRate: 0.1,
    payloadCapture: 'HEADERS_AND_BODIES',
    maxPayloadBytes: 65_536,
    logLevel: environment === 'dev' ? 'DEBUG' : 'INFO',
    maskedKeys: ['Authorization', 'password'],
  }
}

const DAY_MS = 86_400_000

/**
 * Changes people made before the demo starts (acme): the two environments differ in more
 * than their defaults, so "Compare with…" and the comparison page have something to show.
 */
const SEEDED_CHANGES: Readonly<
  Record<string, { settings: Partial<AppSettings>; version: number; daysAgo: number; by: string }>
> = {
  'acme/prod/order-service': {
    settings: { maskedKeys: ['Authorization', 'password', 'cardNumber', 'iban'] },
    version: 4,
    daysAgo: 3,
    by: 'admin@acme',
  },
  'acme/prod/customer-notifier': {
    settings: { tracing: 'SAMPLED', samplingRate: 0.25, logLevel: 'WARN' },
    version: 2,
    daysAgo: 9,
    by: 'admin@acme',
  },
  'acme/staging/order-service': {
    settings: { maxPayloadBytes: 1_048_576, logLevel: 'DEBUG' },
    version: 3,
    daysAgo: 1,
    by: 'ops@acme',
  },
}

const PEOPLE: Readonly<Record<string, string>> = {
  'admin@acme': 'Ada Admin',
  'ops@acme': 'Otto Ops',
}

/** The configuration nobody (or the seed's history) set: deterministic per tenant and env. */
export function seededConfig(
  tenantId: string,
  environment: string,
  applicationId: string,
  now: number,
): StoredConfig {
  const settings = defaultsFor(tenantId, environment)
  // The applications whose executions carry no snapshot capture nothing (execution-capture).
  if (!capturesPayloads(tenantId, environment, applicationId)) settings.payloadCapture = 'NONE'
  const change = SEEDED_CHANGES[`${tenantId}/${environment}/${applicationId}`]
  if (!change) {
    return { version: 1, updatedAt: null, updatedBy: null, settings, pushedAt: null }
  }
  return {
    version: change.version,
    updatedAt: toIso(Math.floor((now - change.daysAgo * DAY_MS) / 60_000) * 60_000),
    updatedBy: { userId: change.by, name: PEOPLE[change.by] ?? change.by },
    settings: { ...settings, ...change.settings },
    pushedAt: null,
  }
}

const recordName = (environment: string) => `config:${environment}`

function readConfigs(tenantId: string, environment: string): EnvironmentConfigs {
  return readTenantRecord<EnvironmentConfigs>(tenantId, recordName(environment), () => ({
    version: 1,
    apps: {},
  }))
}

/** Whether the application has any agent (whatever its state) in the environment. */
export function hasAgents(tenantId: string, environment: string, applicationId: string): boolean {
  return listAgentRecords(tenantId, environment).some(
    (agent) => agent.applicationId === applicationId,
  )
}

export function storedConfig(
  tenantId: string,
  environment: string,
  applicationId: string,
  now: number,
): StoredConfig {
  return (
    readConfigs(tenantId, environment).apps[applicationId] ??
    seededConfig(tenantId, environment, applicationId, now)
  )
}

export function saveConfig(
  tenantId: string,
  environment: string,
  applicationId: string,
  config: StoredConfig,
): void {
  const configs = readConfigs(tenantId, environment)
  configs.apps[applicationId] = config
  writeTenantRecord(tenantId, recordName(environment), configs)
}

/** When an agent acknowledges a version: a fixed delay after the push, 0.4–2 s. */
export function acknowledgedAt(agentId: string, version: number, pushedAt: number): number {
  return pushedAt + ACK_MIN_MS + (hashString(`${agentId}/config/${version}`) % ACK_SPREAD_MS)
}

/** LIVE agents that have the current version and those that have not yet acknowledged it. */
export function liveAgentsOf(tenantId: string, environment: string, applicationId: string) {
  return listAgentRecords(tenantId, environment).filter(
    (agent) => agent.applicationId === applicationId && agent.status === 'LIVE',
  )
}

export function agentProgress(
  tenantId: string,
  environment: string,
  applicationId: string,
  config: StoredConfig,
  now: number,
): { applied: number; pending: number } {
  const live = liveAgentsOf(tenantId, environment, applicationId)
  const pushedAt = config.pushedAt
  const pending =
    pushedAt === null
      ? 0
      : live.filter((agent) => acknowledgedAt(agent.agentId, config.version, pushedAt) > now).length
  return { applied: live.length - pending, pending }
}

export function toAppConfig(
  tenantId: string,
  environment: string,
  applicationId: string,
  config: StoredConfig,
  now: number,
): AppConfig {
  return {
    tenantId,
    environment,
    applicationId,
    version: config.version,
    updatedAt: config.updatedAt,
    updatedBy: config.updatedBy,
    settings: config.settings,
    agents: agentProgress(tenantId, environment, applicationId, config, now),
  }
}
