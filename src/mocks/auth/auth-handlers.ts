import { apiGet, apiPost, ok } from '../api-route'
import {
  authenticate,
  DEMO_PASSWORD,
  findDemoUser,
  signDemoToken,
  TOKEN_LIFETIME_SECONDS,
} from './auth-tokens'
import { badRequest, unauthorized } from '../problem'
import { mockNow, toIso } from '../clock'
import { accessOf } from '../tenant-state/access'
import { findUser, updateTenantState } from '../tenant-state/tenant-state'

export const authHandlers = [
  apiPost('/auth/login', async ({ request }) => {
    const { username, password } = await readCredentials(request)
    const user = findDemoUser(username)
    // One message for both cases: the server does not reveal which users exist.
    if (!user || password !== DEMO_PASSWORD) throw unauthorized('Invalid username or password.')
    // The token carries access as it is now (an admin may have changed it since the seed).
    const access = updateTenantState(user.tenant, (state) => {
      const record = findUser(state, user.username)
      if (!record) return undefined
      record.lastSeenAt = toIso(mockNow())
      const granted = Object.keys(record.environmentRoles)
      const everywhere =
        record.tenantRole === 'admin' ||
        state.environments.every((environment) => granted.includes(environment.id))
      // `envs` only when it narrows: absent means every environment, new ones included.
      return { roles: [record.tenantRole], envs: everywhere ? undefined : granted.sort() }
    })
    return ok('LoginResponse', {
      accessToken: await signDemoToken(user.username, {}, access),
      tokenType: 'Bearer',
      expiresIn: TOKEN_LIFETIME_SECONDS,
    })
  }),

  apiGet('/me', async ({ request }) => {
    const principal = await authenticate(request)
    const access = accessOf(principal)
    const environments = [...access.environments].sort()
    return ok('Me', {
      userId: principal.userId,
      name: principal.name,
      tenantId: principal.tenant,
      roles: principal.roles,
      environments,
      tenantRole: access.tenantRole,
      environmentRoles: Object.fromEntries(
        environments.flatMap((id) => {
          const role = access.roleIn(id)
          return role ? [[id, role]] : []
        }),
      ),
    })
  }),
]

async function readCredentials(request: Request): Promise<{ username: string; password: string }> {
  let body: unknown
  try {
    body = await request.json()
  } catch {
    throw badRequest('The request body must be JSON: { "username", "password" }.')
  }
  const record = body && typeof body === 'object' ? (body as Record<string, unknown>) : {}
  const { username, password } = record
  if (typeof username !== 'string' || typeof password !== 'string') {
    throw badRequest('username and password are required strings.')
  }
  return { username, password }
}
