import createClient from 'openapi-fetch'
import { appConfig } from '@/config/app-config'
import type { Scope } from '@/lib/query/query-scope'
import { parseJson, readCheckedAnswer } from './checked-answer'
import { HttpError, NetworkError, parseRetryAfter } from './errors'
import { validateResponse } from './response-validation'
import type { paths, Problem, SchemaName, Schemas } from './types'

/**
 * The one API client. It adds the bearer token, turns a scope into the `environment` query
 * parameter, validates every answer against the OpenAPI document and refuses rows of another
 * tenant or environment. No view builds a URL or calls fetch by hand.
 */
const client = createClient<paths>({
  // Absolute, on the page's own origin: Request needs an absolute URL outside browsers (tests).
  baseUrl: new URL(
    appConfig.apiBaseUrl,
    globalThis.location?.origin ?? 'http://localhost',
  ).href.replace(/\/$/, ''),
  // Resolve `fetch` at call time so tests and the mock can intercept it.
  fetch: (request) => globalThis.fetch(request),
})

interface AuthHooks {
  getToken: () => string | null
  /** Called on any 401: the session is over, whatever the view was doing. */
  onUnauthorized: () => void
}
let auth: AuthHooks = { getToken: () => null, onUnauthorized: () => {} }

/** Wired once by the session module; keeps `lib` free of any import of `session`. */
export function configureApiAuth(hooks: AuthHooks): void {
  auth = hooks
}

client.use({
  onRequest({ request }) {
    const token = auth.getToken()
    if (token) request.headers.set('Authorization', `Bearer ${token}`)
    return request
  },
})

// ---- Type plumbing: derive parameter and response types from the generated `paths`. ----
export type GetPath = {
  [P in keyof paths]: paths[P] extends { get: object } ? P : never
}[keyof paths]
type GetOp<P extends GetPath> = paths[P]['get']
export type OkBody<P extends GetPath> =
  GetOp<P> extends { responses: { 200: { content: { 'application/json': infer R } } } } ? R : never
type QueryOf<P extends GetPath> =
  GetOp<P> extends { parameters: { query?: infer Q } } ? NonNullable<Q> : never
type PathOf<P extends GetPath> = GetOp<P> extends { parameters: { path: infer Q } } ? Q : never
/** Data endpoints: those that take the `environment` query parameter. */
export type ScopedPath = {
  [P in GetPath]: [QueryOf<P>] extends [never]
    ? never
    : 'environment' extends keyof QueryOf<P>
      ? P
      : never
}[GetPath]
/** The schema name whose type is exactly this endpoint's 200 body (checked at compile time). */
export type SchemaFor<T> = {
  [N in SchemaName]: [Schemas[N]] extends [T] ? ([T] extends [Schemas[N]] ? N : never) : never
}[SchemaName]

export type ScopedOptions<P extends ScopedPath> = {
  /** Tenant and environment: hand on the query key, which starts with them. */
  scope: Scope
  schema: SchemaFor<OkBody<P>>
  query?: Omit<QueryOf<P>, 'environment'>
  signal?: AbortSignal
} & (PathOf<P> extends never | undefined ? { path?: never } : { path: PathOf<P> })

/** GET a data endpoint for one tenant + environment. */
export async function scopedGet<P extends ScopedPath>(
  path: P,
  options: ScopedOptions<P>,
): Promise<OkBody<P>> {
  const body = await scopedGetBody(path, options, 'text')
  const data = await readCheckedAnswer(body, options.schema, options.scope, path)
  return data as unknown as OkBody<P>
}

/**
 * GET a data endpoint and hand back its body unread, for a caller that checks it elsewhere
 * with `readCheckedAnswer` (off-thread-get.ts: in a worker). Everything else is scopedGet's:
 * token, environment parameter, aborts, HTTP and network errors.
 */
export async function scopedGetBody<P extends ScopedPath, As extends 'text' | 'arrayBuffer'>(
  path: P,
  options: ScopedOptions<P>,
  parseAs: As,
): Promise<(As extends 'text' ? string : ArrayBuffer) | undefined> {
  const { scope, query, signal } = options
  // `..` or `.` as a path parameter would be resolved away by URL parsing (even encoded) and
  // reach another endpoint; such an id cannot exist, so answer as the server would for it.
  const pathValues = Object.values((options.path ?? {}) as Record<string, unknown>)
  if (pathValues.some((value) => value === '' || value === '.' || value === '..')) {
    throw new HttpError(404, null, path)
  }
  const params = { path: options.path, query: { ...query, environment: scope.env } }
  return (await send(path, () =>
    // The generic path type is too wide for openapi-fetch's overloads; the options type above
    // is what callers are checked against.
    client.GET(path as never, { params, signal, parseAs } as never),
  )) as (As extends 'text' ? string : ArrayBuffer) | undefined
}

/** GET a tenant-level endpoint (`/me`, `/environments`). */
export async function tenantGet<P extends Exclude<GetPath, ScopedPath>>(
  path: P,
  options: { tenant: string; schema: SchemaFor<OkBody<P>>; signal?: AbortSignal },
): Promise<OkBody<P>> {
  const body = await send(path, () =>
    client.GET(path as never, { signal: options.signal, parseAs: 'text' } as never),
  )
  const data = await readCheckedAnswer(
    body as string | undefined,
    options.schema,
    { tenant: options.tenant },
    path,
  )
  return data as unknown as OkBody<P>
}

/** Sign in with username and password; the only call made without a token. */
export async function postLogin(username: string, password: string, signal?: AbortSignal) {
  const body = await send(
    '/auth/login',
    () => client.POST('/auth/login', { body: { username, password }, signal, parseAs: 'text' }),
    { isLogin: true },
  )
  return validateResponse('LoginResponse', parseJson(body as string, '/auth/login'), '/auth/login')
}

type RawResult = { data?: unknown; error?: unknown; response: Response }

async function send(
  path: string,
  call: () => Promise<RawResult>,
  { isLogin = false } = {},
): Promise<unknown> {
  let result: RawResult
  try {
    result = await call()
  } catch (cause) {
    // Aborts are not failures: React Query cancelled a request nobody needs any more.
    // (Checked by name: outside browsers the DOMException class differs.)
    if ((cause as { name?: unknown } | null)?.name === 'AbortError') throw cause
    throw new NetworkError(path, cause)
  }
  const { response } = result
  if (!response.ok) {
    const problem = parseProblem(result.error)
    if (response.status === 401 && !isLogin) auth.onUnauthorized()
    const retryAfter =
      response.status === 429 || response.status === 503
        ? parseRetryAfter(response.headers.get('Retry-After'))
        : null
    throw new HttpError(response.status, problem, path, retryAfter)
  }
  // The body as read (`parseAs`); nothing at all for a 204 or an empty answer.
  return result.data
}

function parseProblem(raw: unknown): Problem | null {
  // openapi-fetch has already parsed a JSON error body; anything else (a proxy's HTML error
  // page, an empty body) leaves us with the status alone.
  if (raw && typeof raw === 'object' && typeof (raw as Partial<Problem>).status === 'number') {
    return raw as Problem
  }
  return null
}
