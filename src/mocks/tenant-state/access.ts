import type { Role } from '@/lib/api/types'
import { allowsEnvironment, type Principal } from '../auth/auth-tokens'
import { getMockSettings } from '../mock-settings'
import { forbiddenRole } from '../problem'
import { findUser, readTenantState, roleIn, type TenantState } from './tenant-state'

/**
 * Who may see and do what, as the server decides it: from the tenant's current access (what an
 * admin last set), narrowed by the token's `envs` claim. A token of a user the tenant does not
 * know (tests sign such tokens) keeps the roles its claims give it.
 */
export interface Access {
  tenantRole: Role
  /** The role in an environment the user may see, or null. */
  roleIn: (environment: string) => Role | null
  /** The tenant's environments (as admins describe them) the user may see, by id. */
  environments: string[]
}

const rank: Record<Role, number> = { viewer: 1, operator: 2, admin: 3 }

export function accessOf(principal: Principal, state?: TenantState): Access {
  const tenantState = state ?? readTenantState(principal.tenant)
  const user = findUser(tenantState, principal.userId)
  const { revokedEnvironments } = getMockSettings()
  const claimed: Role =
    principal.roles.reduce<Role | null>(
      (best, role) => (best === null || rank[role] > rank[best] ? role : best),
      null,
    ) ?? 'viewer'
  const tenantRole = user?.tenantRole ?? claimed
  const role = (environment: string): Role | null => {
    if (!allowsEnvironment(principal, environment)) return null
    if (revokedEnvironments.includes(environment)) return null
    return user ? roleIn(user, environment) : claimed
  }
  return {
    tenantRole,
    roleIn: role,
    environments: tenantState.environments
      .map((environment) => environment.id)
      .filter((id) => role(id) !== null),
  }
}

/** Tenant administration: the tenant role `admin`, else 403 `/forbidden-role`. */
export function requireTenantAdmin(principal: Principal, state?: TenantState): void {
  if (accessOf(principal, state).tenantRole !== 'admin') {
    throw forbiddenRole('admin tenant role required')
  }
}
