import type { Me, Role } from '@/lib/api/types'

/**
 * Who may do what, from the contract's table ("Who may do what"): one place that says which
 * role an action needs and where. The server is the authority and answers 403 to anything
 * else; the UI uses this to decide what it offers.
 */
export type Action =
  | 'read'
  | 'route-control'
  | 'replay'
  | 'config.update'
  | 'alert-rules.change'
  | 'silences.change'
  | 'alert.ack'
  | 'environments.manage'
  | 'access.manage'
  | 'audit.read'

interface Requirement {
  role: Role
  /** `environment`: the role in the active environment; `tenant`: the tenant role. */
  where: 'environment' | 'tenant'
}

export const REQUIREMENTS: Readonly<Record<Action, Requirement>> = {
  read: { role: 'viewer', where: 'environment' },
  'route-control': { role: 'operator', where: 'environment' },
  replay: { role: 'operator', where: 'environment' },
  'config.update': { role: 'operator', where: 'environment' },
  'alert-rules.change': { role: 'operator', where: 'environment' },
  'silences.change': { role: 'operator', where: 'environment' },
  'alert.ack': { role: 'operator', where: 'environment' },
  'environments.manage': { role: 'admin', where: 'tenant' },
  'access.manage': { role: 'admin', where: 'tenant' },
  'audit.read': { role: 'admin', where: 'tenant' },
}

const rank: Readonly<Record<Role, number>> = { viewer: 1, operator: 2, admin: 3 }

export function roleAtLeast(role: Role | null | undefined, needed: Role): boolean {
  return !!role && rank[role] >= rank[needed]
}

/** The user's role in an environment (a tenant admin is admin everywhere), or null. */
export function roleIn(me: Me | undefined, environment: string | null): Role | null {
  if (!me || !environment) return null
  if (me.tenantRole === 'admin') return 'admin'
  return me.environmentRoles[environment] ?? null
}

/** Whether `me` may do `action` in `environment` (tenant-wide actions ignore it). */
export function can(me: Me | undefined, action: Action, environment: string | null): boolean {
  const { role, where } = REQUIREMENTS[action]
  if (!me) return false
  return where === 'tenant'
    ? roleAtLeast(me.tenantRole, role)
    : roleAtLeast(roleIn(me, environment), role)
}

export const roleName = (role: Role): string => role.charAt(0).toUpperCase() + role.slice(1)

/**
 * What a disabled control says: "Requires the operator role in Production", "Requires the
 * admin tenant role".
 */
export function requirementText(action: Action, environmentName: string): string {
  const { role, where } = REQUIREMENTS[action]
  return where === 'tenant'
    ? `Requires the ${role} tenant role`
    : `Requires the ${role} role in ${environmentName}`
}
