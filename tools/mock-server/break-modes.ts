import { jwtDecode } from 'jwt-decode'

/**
 * Deliberate contract violations of the standalone mock server (`MOCK_BREAK=…`), so the
 * probe (`npm run verify-server`) can be shown to catch the bugs it exists for. They live in
 * this wrapper around the handlers, never in src/mocks: the browser mock and Vitest cannot
 * reach them, and nothing in src/ imports this file, so no bundle contains it.
 *
 * Each mode reproduces one class of server bug from the multitenancy audit:
 * - `leak-rows`: list answers carry a row of another tenant (a read missing its `tenant_id`
 *   filter).
 * - `foreign-ids`: an id of another tenant is answered 200 with that tenant's resource (a
 *   lookup by id without the tenant filter).
 * - `no-env-check`: `environment` is ignored: missing or malformed is not 400, outside the
 *   token's `envs` is not 403, lists carry rows of another environment and ids of another
 *   environment are found (reads missing their `environment` filter).
 */

export const BREAK_MODES = ['leak-rows', 'foreign-ids', 'no-env-check'] as const
export type BreakMode = (typeof BREAK_MODES)[number]

/** `undefined`/empty: no break. Anything else unknown is a mistake worth stopping for. */
export function parseBreakMode(value: string | undefined): BreakMode | null {
  if (value === undefined || value === '') return null
  if ((BREAK_MODES as readonly string[]).includes(value)) return value as BreakMode
  throw new Error(`MOCK_BREAK must be one of ${BREAK_MODES.join(', ')}; got "${value}".`)
}

type Resolve = (request: Request) => Promise<Response | undefined>

export async function applyBreakMode(
  mode: BreakMode,
  request: Request,
  resolve: Resolve,
): Promise<Response | undefined> {
  switch (mode) {
    case 'leak-rows':
      return leakRows(await resolve(request))
    case 'foreign-ids':
      return foreignIds(request, resolve)
    case 'no-env-check':
      return noEnvironmentCheck(request, resolve)
  }
}

/**
 * The demo user with every environment of each demo tenant (src/mocks/README.md), and their
 * public demo password: the broken server reads "as" them to reach rows it should not.
 */
const FULL_ACCESS_USER: Readonly<Record<string, string>> = {
  acme: 'admin@acme',
  beta: 'admin@beta',
  default: 'user@default',
}
const DEMO_PASSWORD = 'demo'

const ENVIRONMENT_ID = /^[a-z0-9][a-z0-9-]{0,31}$/
const BY_ID_PATH =
  /^\/api\/v1\/(agents\/[^/]+(\/events)?|executions\/[^/]+|diagrams\/[^/]+\/[^/]+)$/
const TENANT_LEVEL_PATH = /^\/api\/v1\/(me|environments|auth\/login)$/
/** Fields that identify a row; a leaked copy gets new values so it reads as another row. */
const ROW_KEYS = ['id', 'eventId', 'executionId', 'agentId'] as const

async function leakRows(response: Response | undefined): Promise<Response | undefined> {
  const body = await readJson(response)
  const first = body?.items?.[0]
  if (!response || !body || !isRecord(first) || typeof first.tenantId !== 'string') {
    return response
  }
  const leaked: Record<string, unknown> = { ...first, tenantId: otherTenant(first.tenantId) }
  for (const key of ROW_KEYS) {
    if (typeof leaked[key] === 'string') leaked[key] = `${leaked[key]}-leaked`
  }
  // Right after the row it was copied from, so the order of the page still holds.
  const items = [first, leaked, ...(body.items ?? []).slice(1)]
  return jsonResponse(response, { ...body, items })
}

async function foreignIds(request: Request, resolve: Resolve): Promise<Response | undefined> {
  const response = await resolve(request)
  const url = new URL(request.url)
  if (response?.status !== 404 || !BY_ID_PATH.test(url.pathname)) return response
  const own = tenantOf(request)
  for (const [tenant, username] of Object.entries(FULL_ACCESS_USER)) {
    if (tenant === own) continue
    const token = await loginAs(username, url, resolve)
    const foreign = await resolve(withToken(request, url, token))
    if (foreign?.status === 200) return foreign
  }
  return response
}

async function noEnvironmentCheck(
  request: Request,
  resolve: Resolve,
): Promise<Response | undefined> {
  const url = new URL(request.url)
  const tenant = tenantOf(request)
  const username = tenant === null ? undefined : FULL_ACCESS_USER[tenant]
  if (!url.pathname.startsWith('/api/v1/') || TENANT_LEVEL_PATH.test(url.pathname) || !username) {
    return resolve(request)
  }
  // The token itself is still verified: this server forgets environments, not signatures.
  const verified = await resolve(request)
  if (verified?.status === 401) return verified
  // Whatever the token's `envs` claim says, read as if it granted every environment.
  const token = await loginAs(username, url, resolve)
  const environments = await environmentsOf(token, url, resolve)
  const asked = url.searchParams.get('environment')
  if (asked === null || !ENVIRONMENT_ID.test(asked)) {
    url.searchParams.set('environment', environments[0] ?? 'default')
  }
  const environment = url.searchParams.get('environment') ?? 'default'
  const others = environments.filter((id) => id !== environment)
  const response = await resolve(withToken(request, url, token))

  if (response?.status === 404 && BY_ID_PATH.test(url.pathname)) {
    for (const other of others) {
      const found = await resolve(withToken(request, withEnvironment(url, other), token))
      if (found?.status === 200) return found
    }
    return response
  }

  const body = await readJson(response)
  const first = body?.items?.[0]
  const firstPage = !url.searchParams.has('cursor') && !url.searchParams.has('after')
  if (!response || !body || !isRecord(first) || !firstPage || others.length === 0) return response
  const otherUrl = withEnvironment(url, others[0] ?? '')
  const otherBody = await readJson(await resolve(withToken(request, otherUrl, token)))
  const stray = otherBody?.items?.[0]
  if (!isRecord(stray)) return response
  return jsonResponse(response, { ...body, items: [first, stray, ...(body.items ?? []).slice(1)] })
}

// ------------------------------------------------------------------------------ helpers

interface JsonBody {
  items?: unknown[]
  [key: string]: unknown
}

async function readJson(response: Response | undefined): Promise<JsonBody | null> {
  if (!response || response.status !== 200) return null
  if (!response.headers.get('Content-Type')?.startsWith('application/json')) return null
  try {
    const body: unknown = await response.clone().json()
    return isRecord(body) ? (body as JsonBody) : null
  } catch {
    return null
  }
}

function jsonResponse(original: Response, body: unknown): Response {
  const headers = new Headers(original.headers)
  headers.delete('Content-Length')
  return new Response(JSON.stringify(body), { status: original.status, headers })
}

function otherTenant(tenant: string): string {
  return Object.keys(FULL_ACCESS_USER).find((id) => id !== tenant) ?? `${tenant}-other`
}

/** The `tenant` claim, unverified (the handlers verify); `null` when there is none. */
function tenantOf(request: Request): string | null {
  const token = /^Bearer\s+(\S+)$/i.exec(request.headers.get('Authorization') ?? '')?.[1]
  if (!token) return null
  try {
    const { tenant } = jwtDecode<{ tenant?: unknown }>(token)
    return typeof tenant === 'string' ? tenant : null
  } catch {
    return null
  }
}

const tokens = new Map<string, { token: string; until: number }>()

/** Signs in through the handlers themselves, as any client would; cached for half an hour. */
async function loginAs(username: string, url: URL, resolve: Resolve): Promise<string> {
  const cached = tokens.get(username)
  if (cached && cached.until > Date.now()) return cached.token
  const response = await resolve(
    new Request(new URL('/api/v1/auth/login', url), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ username, password: DEMO_PASSWORD }),
    }),
  )
  const body = (await response?.json()) as { accessToken?: unknown } | undefined
  if (typeof body?.accessToken !== 'string') throw new Error(`Demo sign-in as ${username} failed.`)
  tokens.set(username, { token: body.accessToken, until: Date.now() + 30 * 60_000 })
  return body.accessToken
}

async function environmentsOf(token: string, url: URL, resolve: Resolve): Promise<string[]> {
  const response = await resolve(
    new Request(new URL('/api/v1/environments', url), {
      headers: { Authorization: `Bearer ${token}` },
    }),
  )
  const body = await readJson(response)
  return (body?.items ?? []).flatMap((item) =>
    isRecord(item) && typeof item.id === 'string' ? [item.id] : [],
  )
}

function withToken(request: Request, url: URL, token: string): Request {
  const headers = new Headers(request.headers)
  headers.set('Authorization', `Bearer ${token}`)
  return new Request(url, { method: request.method, headers })
}

function withEnvironment(url: URL, environment: string): URL {
  const next = new URL(url)
  next.searchParams.set('environment', environment)
  return next
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return !!value && typeof value === 'object' && !Array.isArray(value)
}
