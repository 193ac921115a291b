import type { Role, User } from '@/lib/api/types'
import { apiDelete, apiGet, apiPatch, apiPost, apiPut, created, noContent, ok } from '../api-route'
import { authenticate } from '../auth/auth-tokens'
import { mockNow, toIso } from '../clock'
import { toEnvironment } from '../environments/environment-view'
import { badRequest, conflict, notFound } from '../problem'
import { optionalParam } from '../scope-guard'
import { requireTenantAdmin } from '../tenant-state/access'
import {
  findEnvironment,
  findUser,
  readTenantState,
  updateTenantState,
  type EnvironmentRecord,
  type TenantState,
  type UserRecord,
} from '../tenant-state/tenant-state'
import { checkMembers, readJsonObject, requireMember, auditedWrite } from './write-request'

/**
 * Tenant administration (`/admin/*`): environments, and who may see and do what. Tenant role
 * `admin` only; every write audited, allowed or refused (write-request.ts).
 */

const ENVIRONMENT_ID = /^[a-z0-9][a-z0-9-]{0,31}$/
const ROLES: readonly Role[] = ['viewer', 'operator', 'admin']
const ENVIRONMENT_SERVER_MEMBERS = [
  'createdAt',
  'agentCount',
  'liveAgentCount',
  'lastSeenAt',
  'version',
  'tenantId',
]
const EDITABLE = ['displayName', 'production', 'description', 'retentionDays'] as const

type Editable = Pick<EnvironmentRecord, (typeof EDITABLE)[number]>

function readDisplayName(value: unknown): string {
  if (typeof value !== 'string') throw badRequest('displayName must be a string.')
  const name = value.trim()
  if (name.length < 1 || name.length > 64) {
    throw badRequest('displayName must be 1–64 characters.')
  }
  return name
}

function readProduction(value: unknown): boolean {
  if (typeof value !== 'boolean') throw badRequest('production must be true or false.')
  return value
}

function readDescription(value: unknown): string | null {
  if (value === null) return null
  if (typeof value !== 'string') throw badRequest('description must be a string or null.')
  if (value.length > 500) throw badRequest('description must be at most 500 characters.')
  return value.trim() === '' ? null : value
}

function readRetention(value: unknown): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > 3650) {
    throw badRequest('retentionDays must be an integer from 1 to 3650.')
  }
  return value
}

const readers: { [K in keyof Editable]: (value: unknown) => Editable[K] } = {
  displayName: readDisplayName,
  production: readProduction,
  description: readDescription,
  retentionDays: readRetention,
}

function describeChanges(before: EnvironmentRecord, after: EnvironmentRecord): string {
  const changes = EDITABLE.filter((key) => before[key] !== after[key]).map(
    (key) => `${key} ${JSON.stringify(before[key])} → ${JSON.stringify(after[key])}`,
  )
  return changes.length ? changes.join('; ') : 'no change'
}

function toUser(tenant: string, state: TenantState, user: UserRecord): User {
  const environmentRoles: Record<string, Role> = {}
  for (const environment of state.environments) {
    const role = user.tenantRole === 'admin' ? 'admin' : user.environmentRoles[environment.id]
    if (role) environmentRoles[environment.id] = role
  }
  return {
    userId: user.userId,
    name: user.name,
    tenantId: tenant,
    tenantRole: user.tenantRole,
    environmentRoles,
    lastSeenAt: user.lastSeenAt,
  }
}

function describeAccess(user: User): string {
  const roles = Object.entries(user.environmentRoles)
    .map(([environment, role]) => `${environment}: ${role}`)
    .join(', ')
  return `tenant role ${user.tenantRole}; ${roles || 'no environment'}`
}

export const adminHandlers = [
  apiPost('/admin/environments', ({ request }) =>
    auditedWrite(request, 'environment.create', {}, async (principal, note) => {
      requireTenantAdmin(principal)
      const body = await readJsonObject(request)
      if (typeof body.id === 'string') note.target = body.id.slice(0, 64)
      checkMembers(body, ['id', ...EDITABLE], ENVIRONMENT_SERVER_MEMBERS)
      const id = requireMember(body, 'id')
      if (typeof id !== 'string' || !ENVIRONMENT_ID.test(id)) {
        throw badRequest(
          'id must be 1–32 lowercase letters, digits or hyphens, starting with a letter or digit.',
        )
      }
      const record: EnvironmentRecord = {
        id,
        displayName: readDisplayName(requireMember(body, 'displayName')),
        production: readProduction(requireMember(body, 'production')),
        description: 'description' in body ? readDescription(body.description) : null,
        retentionDays: readRetention(requireMember(body, 'retentionDays')),
        createdAt: toIso(mockNow()),
      }
      updateTenantState(principal.tenant, (state) => {
        if (findEnvironment(state, id)) {
          throw conflict('environment-exists', `Environment ${id} exists already.`)
        }
        state.environments.push(record)
      })
      note.detail = `${record.displayName}${record.production ? ', production' : ''}, ${record.retentionDays} days`
      return created('Environment', toEnvironment(principal.tenant, record))
    }),
  ),

  apiPatch('/admin/environments/:environmentId', ({ request, params }) =>
    auditedWrite(
      request,
      'environment.update',
      { target: params.environmentId },
      async (principal, note) => {
        requireTenantAdmin(principal)
        const body = await readJsonObject(request)
        checkMembers(body, EDITABLE, ['id', ...ENVIRONMENT_SERVER_MEMBERS])
        if (Object.keys(body).length === 0) throw badRequest('The body changes nothing.')
        const changes: Partial<Editable> = {}
        for (const key of EDITABLE) {
          if (key in body) Object.assign(changes, { [key]: readers[key](body[key]) })
        }
        const id = params.environmentId ?? ''
        const { before, after } = updateTenantState(principal.tenant, (state) => {
          const record = findEnvironment(state, id)
          if (!record) throw notFound(`No environment ${id} in this tenant.`)
          const previous = { ...record }
          Object.assign(record, changes)
          return { before: previous, after: { ...record } }
        })
        note.detail = describeChanges(before, after)
        return ok('Environment', toEnvironment(principal.tenant, after))
      },
    ),
  ),

  apiDelete('/admin/environments/:environmentId', ({ request, params }) =>
    auditedWrite(
      request,
      'environment.delete',
      { target: params.environmentId },
      (principal, note) => {
        requireTenantAdmin(principal)
        const id = params.environmentId ?? ''
        const confirm = new URL(request.url).searchParams.get('confirm')
        const state = readTenantState(principal.tenant)
        const record = findEnvironment(state, id)
        if (!record) throw notFound(`No environment ${id} in this tenant.`)
        if (confirm !== id) {
          throw badRequest(`confirm must repeat the environment's id (${id}).`)
        }
        const live = toEnvironment(principal.tenant, record).liveAgentCount
        if (live > 0) {
          throw conflict(
            'environment-has-live-agents',
            `${live} agent${live === 1 ? ' is' : 's are'} LIVE in ${id}: stop ${live === 1 ? 'it' : 'them'} (or wait until ${live === 1 ? 'it is' : 'they are'} no longer LIVE) before deleting the environment.`,
          )
        }
        updateTenantState(principal.tenant, (current) => {
          current.environments = current.environments.filter((item) => item.id !== id)
          for (const user of current.users) {
            user.environmentRoles = Object.fromEntries(
              Object.entries(user.environmentRoles).filter(([environment]) => environment !== id),
            )
          }
        })
        note.detail = `${record.displayName} and all its data deleted`
        return noContent()
      },
    ),
  ),

  apiGet('/admin/users', async ({ request }) => {
    const principal = await authenticate(request)
    const state = readTenantState(principal.tenant)
    requireTenantAdmin(principal, state)
    const q = optionalParam(new URL(request.url), 'q')?.toLowerCase()
    const items = state.users
      .filter(
        (user) =>
          !q || user.name.toLowerCase().includes(q) || user.userId.toLowerCase().includes(q),
      )
      .sort((a, b) => a.name.localeCompare(b.name, 'en'))
      .map((user) => toUser(principal.tenant, state, user))
    return ok('UserList', { items })
  }),

  apiPut('/admin/users/:userId/access', ({ request, params }) =>
    auditedWrite(request, 'access.update', { target: params.userId }, async (principal, note) => {
      requireTenantAdmin(principal)
      const body = await readJsonObject(request)
      checkMembers(
        body,
        ['tenantRole', 'environmentRoles'],
        ['userId', 'name', 'tenantId', 'lastSeenAt'],
      )
      const tenantRole = requireMember(body, 'tenantRole')
      if (!ROLES.includes(tenantRole as Role)) {
        throw badRequest('tenantRole must be viewer, operator or admin.')
      }
      const rolesBody = requireMember(body, 'environmentRoles')
      if (!rolesBody || typeof rolesBody !== 'object' || Array.isArray(rolesBody)) {
        throw badRequest('environmentRoles must be an object of environment id → role.')
      }
      const userId = params.userId ?? ''
      const result = updateTenantState(principal.tenant, (state) => {
        const environmentRoles: Record<string, Role> = {}
        for (const [environment, role] of Object.entries(rolesBody)) {
          if (!findEnvironment(state, environment)) {
            throw badRequest(
              `environmentRoles.${environment.slice(0, 40)}: no such environment in this tenant.`,
            )
          }
          if (!ROLES.includes(role as Role)) {
            throw badRequest(`environmentRoles.${environment}: must be viewer, operator or admin.`)
          }
          environmentRoles[environment] = role as Role
        }
        const user = findUser(state, userId)
        if (!user) throw notFound(`No user ${userId} in this tenant.`)
        const otherAdmins = state.users.filter(
          (other) => other.userId !== userId && other.tenantRole === 'admin',
        )
        if (user.tenantRole === 'admin' && tenantRole !== 'admin' && otherAdmins.length === 0) {
          throw conflict(
            'last-admin',
            `${user.name} is the tenant's last admin: make someone else an admin first.`,
          )
        }
        user.tenantRole = tenantRole as Role
        user.environmentRoles = environmentRoles
        return toUser(principal.tenant, state, user)
      })
      note.detail = describeAccess(result)
      return ok('User', result)
    }),
  ),
]
