import { jwtDecode } from 'jwt-decode'
import { problem } from '@/mocks/problem'

/**
 * Deliberate contract violations of the standalone mock server (`MOCK_BREAK=…`), so the
 * probe (`npm run verify-server`) can be shown to catch the bugs it exists for, and variants
 * (`MOCK_VARIANT=…`, comma-separated) that answer differently from the mock but within the
 * contract, as an independent server may, so the probe can be shown not to accuse them. They
 * live in this wrapper around the handlers, never in src/mocks: the browser mock and Vitest
 * cannot reach them, and nothing in src/ imports this file, so no bundle contains it.
 *
 * Each break reproduces one class of server bug from the multitenancy audit:
 * - `leak-rows`: list answers carry a row of another tenant (a read missing its `tenant_id`
 *   filter).
 * - `foreign-ids`: an id of another tenant is answered 200 with that tenant's resource (a
 *   lookup by id without the tenant filter).
 * - `disclose-foreign-ids`: an id of another tenant is answered 403 where an id that exists
 *   nowhere is answered 404 (the lookup runs without the tenant filter, then refuses).
 * - `no-env-check`: `environment` is ignored: missing or malformed is not 400, outside the
 *   token's `envs` is not 403, lists carry rows of another environment and ids of another
 *   environment are found (reads missing their `environment` filter).
 * - `ignore-cursor`: `cursor` is ignored, so every page is the first one again.
 * - `no-etag`: versioned resources (an application's configuration) are answered without their
 *   `ETag`, so no client can send the `If-Match` a change needs.
 *
 * Each variant is a correct server that answers unlike the mock:
 * - `strict-environments`: an environment the token does not grant (outside its `envs`
 *   claim, or one its tenant does not have) is answered 403 whatever else is asked, ids
 *   included; the mock answers empty lists and 404 for a tenant's missing environment.
 * - `busy-logs`: five times as many log lines (each line and four copies at the same
 *   timestamp), so an environment's five minutes hold thousands of them; paging and live tail
 *   stay exact.
 */

export const BREAK_MODES = [
  'leak-rows',
  'foreign-ids',
  'disclose-foreign-ids',
  'no-env-check',
  'ignore-cursor',
  'no-etag',
] as const
export type BreakMode = (typeof BREAK_MODES)[number]

export const VARIANTS = ['strict-environments', 'busy-logs'] as const
export type Variant = (typeof VARIANTS)[number]

/** `undefined`/empty: no break. Anything else unknown is a mistake worth stopping for. */
export function parseBreakMode(value: string | undefined): BreakMode | null {
  if (value === undefined || value === '') return null
  if ((BREAK_MODES as readonly string[]).includes(value)) return value as BreakMode
  throw new Error(`MOCK_BREAK must be one of ${BREAK_MODES.join(', ')}; got "${value}".`)
}

/** `undefined`/empty: none; else a comma-separated list of VARIANTS. */
export function parseVariants(value: string | undefined): Variant[] {
  const names = (value ?? '').split(',').map((name) => name.trim())
  return names.filter(Boolean).map((name) => {
    if ((VARIANTS as readonly string[]).includes(name)) return name as Variant
    throw new Error(`MOCK_VARIANT must list some of ${VARIANTS.join(', ')}; got "${name}".`)
  })
}

export type Resolve = (request: Request) => Promise<Response | undefined>

export async function applyBreakMode(
  mode: BreakMode,
  request: Request,
  resolve: Resolve,
): Promise<Response | undefined> {
  switch (mode) {
    case 'leak-rows':
      return leakRows(await resolve(request))
    case 'foreign-ids':
      return foreignIds(request, resolve, false)
    case 'disclose-foreign-ids':
      return foreignIds(request, resolve, true)
    case 'no-env-check':
      return noEnvironmentCheck(request, resolve)
    case 'ignore-cursor':
      return resolve(withoutCursor(request))
    case 'no-etag':
      return withoutEtag(await resolve(request))
  }
}

function withoutEtag(response: Response | undefined): Response | undefined {
  if (!response?.headers.has('ETag')) return response
  const headers = new Headers(response.headers)
  headers.delete('ETag')
  return new Response(response.body, { status: response.status, headers })
}

/** `resolve` answered as the variant answers. */
export function withVariant(variant: Variant, resolve: Resolve): Resolve {
  switch (variant) {
    case 'strict-environments':
      return (request) => strictEnvironments(request, resolve)
    case 'busy-logs':
      return (request) => busyLogs(request, resolve)
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

async function foreignIds(
  request: Request,
  resolve: Resolve,
  disclose: boolean,
): Promise<Response | undefined> {
  const response = await resolve(request)
  const url = new URL(request.url)
  if (response?.status !== 404 || !BY_ID_PATH.test(url.pathname)) return response
  const own = tenantOf(request)
  for (const [tenant, username] of Object.entries(FULL_ACCESS_USER)) {
    if (tenant === own) continue
    const token = await loginAs(username, url, resolve)
    const foreign = await resolve(withToken(request, url, token))
    if (foreign?.status === 200) {
      return disclose ? problem(403, 'This id belongs to another tenant.') : foreign
    }
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

function withoutCursor(request: Request): Request {
  const url = new URL(request.url)
  if (!url.searchParams.has('cursor')) return request
  url.searchParams.delete('cursor')
  return new Request(url, { method: request.method, headers: request.headers })
}

// ------------------------------------------------------------------------------ variants

async function strictEnvironments(
  request: Request,
  resolve: Resolve,
): Promise<Response | undefined> {
  const url = new URL(request.url)
  const asked = url.searchParams.get('environment')
  if (
    !url.pathname.startsWith('/api/v1/') ||
    TENANT_LEVEL_PATH.test(url.pathname) ||
    asked === null ||
    !ENVIRONMENT_ID.test(asked)
  ) {
    return resolve(request)
  }
  // The environments the token grants, as /me names them (401 and the like: the handler's).
  const authorization = request.headers.get('Authorization')
  const me = await readJson(
    await resolve(
      new Request(new URL('/api/v1/me', url), {
        headers: authorization ? { Authorization: authorization } : {},
      }),
    ),
  )
  const granted = Array.isArray(me?.environments) ? me.environments : null
  if (!granted || granted.includes(asked)) return resolve(request)
  return problem(403, `Your token does not grant access to environment "${asked}".`)
}

/**
 * Each log line and BUSY_COPIES - 1 copies at its timestamp, with ids `!<copy>!<epoch ms>!<id>`:
 * `!` sorts before letters and digits, so a line's copies come after it in the newest-first
 * order (ties by id, descending), and the timestamp in the id lets a tail after a copy find
 * the line it was copied from.
 */
const BUSY_COPIES = 5
const COPY_ID = /^!([1-9])!(\d+)!(.+)$/

async function busyLogs(request: Request, resolve: Resolve): Promise<Response | undefined> {
  const url = new URL(request.url)
  if (url.pathname !== '/api/v1/logs') return resolve(request)
  const limitText = url.searchParams.get('limit') ?? '50'
  const limit = /^\d+$/.test(limitText) ? Number(limitText) : Number.NaN
  if (!(limit >= 1 && limit <= 500)) return resolve(request) // the handler's 400
  const after = url.searchParams.get('after')
  const anchor = after === null ? null : COPY_ID.exec(after)
  const inner = new URL(url)
  // Whole lines per page, so the handler's cursor still marks a position between lines.
  inner.searchParams.set('limit', String(Math.max(1, Math.floor(limit / BUSY_COPIES))))
  if (anchor) inner.searchParams.set('after', anchor[3] ?? '')
  const response = await resolve(new Request(inner, { headers: request.headers }))
  const body = await readJson(response)
  if (!response || !body || !Array.isArray(body.items)) return response

  let items: unknown[]
  if (after === null) {
    // Newest first, ties by id descending: `<id>`, then its copies `!4!…` … `!1!…`.
    items = body.items.flatMap((line) => withCopies(line).reverse())
  } else {
    // Oldest first: the anchor line's copies newer than the anchor, then each newer line's.
    let own: unknown[] = []
    if (anchor) {
      const at = Number(anchor[2])
      const search = new URL(url)
      for (const name of ['after', 'cursor']) search.searchParams.delete(name)
      search.searchParams.set('from', new Date(at).toISOString())
      search.searchParams.set('to', new Date(at + 1).toISOString())
      search.searchParams.set('limit', '500')
      const lines = await readJson(await resolve(new Request(search, { headers: request.headers })))
      const line = lines?.items?.find((item) => isRecord(item) && item.id === anchor[3])
      own = line ? withCopies(line).slice(Number(anchor[1])) : []
    }
    items = [...own, ...body.items.flatMap((line) => withCopies(line))].slice(0, limit)
  }
  return jsonResponse(response, { ...body, items })
}

/** A line's copies and the line, oldest first (by id, at one timestamp): `!1!…` … `!4!…`, `<id>`. */
function withCopies(line: unknown): unknown[] {
  if (!isRecord(line) || typeof line.id !== 'string' || typeof line.timestamp !== 'string') {
    return [line]
  }
  const at = Date.parse(line.timestamp)
  const copies = Array.from({ length: BUSY_COPIES - 1 }, (_, index) => ({
    ...line,
    id: `!${index + 1}!${at}!${String(line.id)}`,
  }))
  return [...copies, line]
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
