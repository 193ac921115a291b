import { apiGet, apiPost, ok } from '../api-route'
import {
  authenticate,
  DEMO_PASSWORD,
  findDemoUser,
  signDemoToken,
  TOKEN_LIFETIME_SECONDS,
} from './auth-tokens'
import { badRequest, unauthorized } from '../problem'
import { tenantEnvironmentIds } from '../topology/tenants'

export const authHandlers = [
  apiPost('/auth/login', async ({ request }) => {
    const { username, password } = await readCredentials(request)
    const user = findDemoUser(username)
    // One message for both cases: the server does not reveal which users exist.
    if (!user || password !== DEMO_PASSWORD) throw unauthorized('Invalid username or password.')
    return ok('LoginResponse', {
      accessToken: await signDemoToken(user.username),
      tokenType: 'Bearer',
      expiresIn: TOKEN_LIFETIME_SECONDS,
    })
  }),

  apiGet('/me', async ({ request }) => {
    const principal = await authenticate(request)
    return ok('Me', {
      userId: principal.userId,
      name: principal.name,
      tenantId: principal.tenant,
      roles: principal.roles,
      environments: tenantEnvironmentIds(principal.tenant)
        .filter((id) => principal.envs === null || principal.envs.includes(id))
        .sort(),
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
