import { Validator } from '@cfworker/json-schema'
import { InvalidTokenError, jwtDecode } from 'jwt-decode'
import { ENVIRONMENT_ID_PATTERN, TENANT_ID_PATTERN } from '@/lib/ids'

/**
 * Reading the user's JWT. The UI never verifies the signature (the server does, on every
 * call); it reads the claims to know the tenant, the user and when the session ends, and it
 * refuses tokens that cannot be a valid session before sending them anywhere.
 */

/** The claims the contract names, checked with the same validator as API responses. */
const claimsValidator = new Validator(
  {
    type: 'object',
    required: ['sub', 'exp'],
    properties: {
      sub: { type: 'string', minLength: 1 },
      tenant: { type: 'string', pattern: TENANT_ID_PATTERN.source },
      name: { type: 'string' },
      roles: { type: 'array', items: { type: 'string' } },
      envs: { type: 'array', items: { type: 'string', pattern: ENVIRONMENT_ID_PATTERN.source } },
      iat: { type: 'number' },
      exp: { type: 'number' },
      iss: { type: 'string' },
    },
  },
  '2020-12',
)

interface RawClaims {
  sub: string
  tenant?: string
  name?: string
  roles?: string[]
  envs?: string[]
  exp: number
}

export interface TokenClaims {
  userId: string
  tenant: string
  name: string
  roles: string[]
  /** Environments the token allows; `null` means all of the tenant's. */
  envs: string[] | null
  expiresAt: Date
}

export type TokenProblem = 'malformed' | 'expired' | 'no-tenant'

export type TokenReading = { ok: true; claims: TokenClaims } | { ok: false; problem: TokenProblem }

export function readToken(token: string, now: Date = new Date()): TokenReading {
  let payload: unknown
  try {
    payload = jwtDecode(token)
  } catch (error) {
    if (error instanceof InvalidTokenError) return { ok: false, problem: 'malformed' }
    throw error
  }
  const raw = payload && typeof payload === 'object' ? (payload as Record<string, unknown>) : {}
  // Say "no tenant" for a token that lacks the claim (or has an empty one) even if other
  // claims are off too: it is the most useful thing to tell the user.
  if (raw.tenant === undefined || raw.tenant === null || raw.tenant === '') {
    return { ok: false, problem: 'no-tenant' }
  }
  if (!claimsValidator.validate(raw).valid) return { ok: false, problem: 'malformed' }
  const claims = raw as unknown as RawClaims
  if (!claims.tenant) return { ok: false, problem: 'no-tenant' }
  const expiresAt = new Date(claims.exp * 1000)
  if (expiresAt.getTime() <= now.getTime()) return { ok: false, problem: 'expired' }
  return {
    ok: true,
    claims: {
      userId: claims.sub,
      tenant: claims.tenant,
      name: claims.name?.trim() || claims.sub,
      roles: claims.roles ?? [],
      envs: claims.envs ?? null,
      expiresAt,
    },
  }
}

export function tokenAllowsEnvironment(claims: TokenClaims, env: string): boolean {
  return claims.envs === null || claims.envs.includes(env)
}
