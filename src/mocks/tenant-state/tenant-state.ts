import type { AuditEntry, Role } from '@/lib/api/types'
import { DEMO_USERS } from '../auth/auth-tokens'
import { mockNow, toIso } from '../clock'
import { getTenant } from '../topology/tenants'
import { auditSeed, environmentSeed } from './environment-seed'

/**
 * What people change, kept per tenant as the server keeps it in the tenant's own schema:
 * environments (as admins describe them), who may see and do what, and the audit log.
 *
 * In a browser (dev, mock build, Playwright) it lives in localStorage, one key per tenant, so a
 * reload keeps it and two tabs see the same; in Node (Vitest, `npm run mock:server`) it lives in
 * memory while the process runs. Every test starts from the seeded state: the shared test setup
 * calls `resetMockState()` and clears storage; each Playwright test has a fresh browser context.
 */

export const MOCK_STATE_STORAGE_PREFIX = 'cameleer3:mock-state:'
const STATE_VERSION = 1
/** The server keeps more; a demo needs no more than this, and storage stays small. */
const AUDIT_LIMIT = 5000

export interface EnvironmentRecord {
  id: string
  displayName: string
  production: boolean
  description: string | null
  retentionDays: number
  createdAt: string | null
}

export interface UserRecord {
  userId: string
  name: string
  tenantRole: Role
  /** Environment id → role; a tenant admin is admin everywhere whatever this holds. */
  environmentRoles: Record<string, Role>
  lastSeenAt: string | null
}

export interface TenantState {
  version: typeof STATE_VERSION
  environments: EnvironmentRecord[]
  users: UserRecord[]
}

interface AuditState {
  version: typeof STATE_VERSION
  /** Newest last (appended); the endpoint answers newest first. */
  entries: AuditEntry[]
  sequence: number
}

const DAY_MS = 86_400_000
/** Node (and storage-less runtimes): everything in memory while the process runs. */
const memory = new Map<string, unknown>()
/** Browser: the last parse of each key, so an unchanged value is not parsed again per request. */
const parsed = new Map<string, { raw: string; value: unknown }>()

function storage(): Storage | null {
  try {
    // Only where there is a window: Node 26's own `localStorage` warns when read without a file.
    return typeof window === 'undefined' ? null : (window.localStorage ?? null)
  } catch {
    return null
  }
}

function readKey<T extends { version: number }>(key: string, fallback: () => T): T {
  const store = storage()
  if (!store) {
    let value = memory.get(key) as T | undefined
    if (!value) {
      value = fallback()
      memory.set(key, value)
    }
    return value
  }
  const raw = store.getItem(key)
  if (raw) {
    const cached = parsed.get(key)
    if (cached?.raw === raw) return structuredClone(cached.value) as T
    try {
      const value = JSON.parse(raw) as T
      if (value?.version === STATE_VERSION) {
        parsed.set(key, { raw, value: structuredClone(value) })
        return value
      }
    } catch {
      // Broken by hand in devtools: start again from the seed.
    }
  }
  return fallback()
}

function writeKey(key: string, value: unknown): void {
  const store = storage()
  if (!store) {
    memory.set(key, value)
    return
  }
  try {
    store.setItem(key, JSON.stringify(value))
  } catch {
    // Full or blocked storage: the change lives until the next reload.
  }
}

const stateKey = (tenantId: string) => MOCK_STATE_STORAGE_PREFIX + tenantId
const auditKey = (tenantId: string) => `${MOCK_STATE_STORAGE_PREFIX}${tenantId}:audit`

function seed(tenantId: string): TenantState {
  const now = mockNow()
  const tenant = getTenant(tenantId)
  const environments: EnvironmentRecord[] = (tenant?.environments ?? []).map((profile) => {
    const described = environmentSeed[`${tenantId}/${profile.environment}`]
    const firstRegistration = now - profile.registeredDaysAgo[1] * DAY_MS
    return {
      id: profile.environment,
      // First seen through an agent's registration: named by its id until an admin edits it.
      displayName: described?.displayName ?? profile.environment,
      production: described?.production ?? false,
      description: described?.description ?? null,
      retentionDays: described?.retentionDays ?? 30,
      createdAt: toIso(Math.floor(firstRegistration / 3_600_000) * 3_600_000),
    }
  })
  const ids = environments.map((environment) => environment.id)
  const users: UserRecord[] = DEMO_USERS.filter((user) => user.tenant === tenantId).map((user) => ({
    userId: user.username,
    name: user.name,
    tenantRole: user.tenantRole,
    environmentRoles: Object.fromEntries(
      ids.flatMap((id) => {
        const role = user.tenantRole === 'admin' ? 'admin' : user.environmentRoles?.[id]
        return role ? [[id, role]] : []
      }),
    ),
    lastSeenAt: null,
  }))
  return { version: STATE_VERSION, environments, users }
}

/** The tenant's state as it is now (read again on every request: another tab may have written). */
export function readTenantState(tenantId: string): TenantState {
  return readKey(stateKey(tenantId), () => seed(tenantId))
}

/** Change the tenant's state; what `change` returns is handed back. */
export function updateTenantState<T>(tenantId: string, change: (state: TenantState) => T): T {
  const state = readTenantState(tenantId)
  const result = change(state)
  writeKey(stateKey(tenantId), state)
  return result
}

/** The tenant's audit log, oldest first. */
export function readAudit(tenantId: string): readonly AuditEntry[] {
  return readKey<AuditState>(auditKey(tenantId), () => seedAudit(tenantId)).entries
}

/** A little history (older than the default hour), so the log has something to page through. */
function seedAudit(tenantId: string): AuditState {
  const now = mockNow()
  const entries = auditSeed
    .filter((entry) => entry.tenantId === tenantId)
    .map((entry, index): AuditEntry => {
      const { hoursAgo, ...rest } = entry
      return {
        ...rest,
        auditId: `aud-${tenantId}-${String(index + 1).padStart(6, '0')}`,
        at: toIso(Math.floor((now - hoursAgo * 3_600_000) / 60_000) * 60_000),
      }
    })
  return { version: STATE_VERSION, entries, sequence: entries.length }
}

/** Records one write, allowed or refused, and returns the entry. */
export function appendAudit(
  tenantId: string,
  entry: Omit<AuditEntry, 'auditId' | 'tenantId' | 'at'>,
): AuditEntry {
  const audit = readKey<AuditState>(auditKey(tenantId), () => seedAudit(tenantId))
  audit.sequence += 1
  const full: AuditEntry = {
    auditId: `aud-${tenantId}-${String(audit.sequence).padStart(6, '0')}`,
    tenantId,
    at: toIso(mockNow()),
    ...entry,
  }
  audit.entries.push(full)
  if (audit.entries.length > AUDIT_LIMIT) {
    audit.entries.splice(0, audit.entries.length - AUDIT_LIMIT)
  }
  writeKey(auditKey(tenantId), audit)
  return full
}

/**
 * Another domain's per-tenant record (alerting), kept like the tenant's state: localStorage in
 * a browser, memory in Node, back to its seed on `resetMockState()`. Its value must carry
 * `version: 1`.
 */
export function readTenantRecord<T extends { version: number }>(
  tenantId: string,
  name: string,
  fallback: () => T,
): T {
  return readKey(`${stateKey(tenantId)}:${name}`, fallback)
}

export function writeTenantRecord(tenantId: string, name: string, value: unknown): void {
  writeKey(`${stateKey(tenantId)}:${name}`, value)
}

/** Back to the seeded state (tests). */
export function resetMockState(): void {
  memory.clear()
  parsed.clear()
  const store = storage()
  if (!store) return
  for (let index = store.length - 1; index >= 0; index -= 1) {
    const key = store.key(index)
    if (key?.startsWith(MOCK_STATE_STORAGE_PREFIX)) store.removeItem(key)
  }
}

export function findUser(state: TenantState, userId: string): UserRecord | undefined {
  return state.users.find((user) => user.userId === userId)
}

export function findEnvironment(state: TenantState, id: string): EnvironmentRecord | undefined {
  return state.environments.find((environment) => environment.id === id)
}

/** The role of a user in an environment (a tenant admin is admin everywhere), or null. */
export function roleIn(user: UserRecord, environment: string): Role | null {
  if (user.tenantRole === 'admin') return 'admin'
  return user.environmentRoles[environment] ?? null
}
