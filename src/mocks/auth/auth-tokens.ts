import { errors, jwtVerify, SignJWT, type JWTPayload } from 'jose'
import type { Schemas } from '@/lib/api/types'
import { unauthorized } from '../problem'

/**
 * Demo users and user JWTs, verified exactly as the server does: HS256 with the development
 * secret, issuer, expiry and a well-formed `tenant` claim, else 401.
 */

export type Role = Schemas['Role']

export const MOCK_JWT_SECRET = 'cameleer-dev-secret'
export const MOCK_JWT_ISSUER = 'cameleer-mock'
export const TOKEN_LIFETIME_SECONDS = 3600
export const DEMO_PASSWORD = 'demo'

const TENANT_ID = /^[a-z0-9][a-z0-9_-]{0,62}$/
const ENVIRONMENT_ID = /^[a-z0-9][a-z0-9-]{0,31}$/
const ROLES: readonly Role[] = ['viewer', 'operator', 'admin']

export interface DemoUser {
  username: string
  name: string
  tenant: string
  /** The token's `roles` claim. */
  roles: Role[]
  /** Absent: every environment of the tenant. */
  envs?: string[]
  /** Seeded access (the mock's tenant state, which admins change): tenant role… */
  tenantRole: Role
  /** …and the role per environment (a tenant admin is admin everywhere). */
  environmentRoles?: Readonly<Record<string, Role>>
}

export const DEMO_USERS: readonly DemoUser[] = [
  {
    username: 'admin@acme',
    name: 'Ada Admin',
    tenant: 'acme',
    roles: ['admin'],
    tenantRole: 'admin',
  },
  {
    username: 'ops@acme',
    name: 'Otto Ops',
    tenant: 'acme',
    roles: ['operator'],
    tenantRole: 'operator',
    environmentRoles: { dev: 'operator', staging: 'operator', prod: 'viewer' },
  },
  {
    username: 'dev@acme',
    name: 'Dev Eloper',
    tenant: 'acme',
    roles: ['viewer'],
    envs: ['dev', 'staging'],
    tenantRole: 'viewer',
    environmentRoles: { dev: 'operator', staging: 'viewer' },
  },
  {
    username: 'admin@beta',
    name: 'Bea Admin',
    tenant: 'beta',
    roles: ['admin'],
    tenantRole: 'admin',
  },
  {
    username: 'user@default',
    name: 'Uma User',
    tenant: 'default',
    roles: ['viewer'],
    tenantRole: 'viewer',
    environmentRoles: { default: 'viewer' },
  },
]

export function findDemoUser(username: string): DemoUser | undefined {
  return DEMO_USERS.find((user) => user.username === username)
}

/** Claims a test may put in a token; anything may be left out to build a broken one. */
export interface TokenClaimsInput extends JWTPayload {
  sub?: string
  tenant?: string
  name?: string
  roles?: string[]
  envs?: string[]
}

export interface SignTokenOptions {
  /** Negative for an already expired token. Default one hour. */
  expiresInSeconds?: number
  /** Another secret makes a badly signed token. */
  secret?: string
  issuer?: string
  /** Seconds since the epoch; default now. */
  issuedAt?: number
}

const keys = new Map<string, Promise<CryptoKey>>()

/**
 * A CryptoKey rather than raw bytes: under jsdom, TextEncoder returns a Uint8Array of another
 * realm, which jose refuses. A WebCrypto key works in every runtime the mock runs in.
 */
function hmacKey(secret: string): Promise<CryptoKey> {
  let key = keys.get(secret)
  if (!key) {
    key = crypto.subtle.importKey(
      'raw',
      new TextEncoder().encode(secret),
      { name: 'HMAC', hash: 'SHA-256' },
      false,
      ['sign', 'verify'],
    )
    keys.set(secret, key)
  }
  return key
}

export async function signToken(
  claims: TokenClaimsInput,
  options: SignTokenOptions = {},
): Promise<string> {
  const issuedAt = options.issuedAt ?? Math.floor(Date.now() / 1000)
  const expiresIn = options.expiresInSeconds ?? TOKEN_LIFETIME_SECONDS
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setIssuer(options.issuer ?? MOCK_JWT_ISSUER)
    .setIssuedAt(issuedAt)
    .setExpirationTime(issuedAt + expiresIn)
    .sign(await hmacKey(options.secret ?? MOCK_JWT_SECRET))
}

/** A valid token for a demo user (tests and Playwright log in with this, skipping the form). */
export async function signDemoToken(
  username: string,
  options: SignTokenOptions = {},
  /** Access as the tenant holds it now (sign-in); the seeded claims otherwise. */
  current?: { roles: Role[]; envs: string[] | undefined },
): Promise<string> {
  const user = findDemoUser(username)
  if (!user) throw new Error(`No demo user "${username}"`)
  const claims: TokenClaimsInput = {
    sub: user.username,
    tenant: user.tenant,
    name: user.name,
    roles: current?.roles ?? user.roles,
  }
  const envs = current ? current.envs : user.envs
  if (envs) claims.envs = envs
  return signToken(claims, options)
}

/** The verified identity behind a request. */
export interface Principal {
  userId: string
  tenant: string
  name: string
  roles: Role[]
  /** `null`: every environment of the tenant. */
  envs: string[] | null
}

/** Verifies the bearer token; throws a 401 ProblemError otherwise. */
export async function authenticate(request: Request): Promise<Principal> {
  const header = request.headers.get('Authorization')
  if (!header) throw unauthorized('Missing bearer token.')
  const match = /^Bearer\s+(\S+)$/i.exec(header)
  if (!match?.[1]) throw unauthorized('The Authorization header is not a bearer token.')

  let payload: JWTPayload
  try {
    const verified = await jwtVerify(match[1], await hmacKey(MOCK_JWT_SECRET), {
      algorithms: ['HS256'],
      issuer: MOCK_JWT_ISSUER,
      requiredClaims: ['sub', 'exp'],
    })
    payload = verified.payload
  } catch (error) {
    throw unauthorized(describeJoseError(error))
  }
  return toPrincipal(payload)
}

function toPrincipal(payload: JWTPayload): Principal {
  const { tenant, name, roles, envs, sub } = payload as TokenClaimsInput
  if (tenant === undefined || tenant === null) throw unauthorized('The token has no tenant claim.')
  if (typeof tenant !== 'string' || !TENANT_ID.test(tenant)) {
    throw unauthorized('The token has a malformed tenant claim.')
  }
  if (typeof sub !== 'string' || sub === '') throw unauthorized('The token has no subject.')
  if (roles !== undefined && !isStringArray(roles)) {
    throw unauthorized('The token has a malformed roles claim.')
  }
  if (
    envs !== undefined &&
    (!isStringArray(envs) || !envs.every((env) => ENVIRONMENT_ID.test(env)))
  ) {
    throw unauthorized('The token has a malformed envs claim.')
  }
  return {
    userId: sub,
    tenant,
    name: typeof name === 'string' && name.trim() ? name : sub,
    // Unknown roles grant nothing, as on the server.
    roles: (roles ?? []).filter((role): role is Role =>
      (ROLES as readonly string[]).includes(role),
    ),
    envs: envs ?? null,
  }
}

function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'string')
}

function describeJoseError(error: unknown): string {
  if (error instanceof errors.JWTExpired) return 'The token has expired.'
  if (error instanceof errors.JWSSignatureVerificationFailed) {
    return 'The token signature is invalid.'
  }
  if (error instanceof errors.JWTClaimValidationFailed) {
    return `The token is not valid: ${error.message}.`
  }
  return 'The token is malformed.'
}

/** Whether the principal may read this environment at all (the `envs` claim). */
export function allowsEnvironment(principal: Principal, environment: string): boolean {
  return principal.envs === null || principal.envs.includes(environment)
}
