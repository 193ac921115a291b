import { appConfig } from '@/config/app-config'
import type { Scope } from '@/lib/query/query-scope'
import { checkAnswer, parseJson } from './checked-answer'
import { nextTask } from './next-task'
import { HttpError, NetworkError, parseRetryAfter } from './errors'
import type { ResponseSchema } from './response-schema'
import type { paths, Problem, SchemaName, Schemas } from './types'

/**
 * The one API client. It adds the bearer token, turns a scope into the `environment` query
 * parameter, validates every answer against the OpenAPI document and refuses rows of another
 * tenant or environment. No view builds a URL or calls fetch by hand.
 *
 * Requests are built with the platform's own URL and URLSearchParams: the contract's
 * parameters are all scalars in the path or the query. (openapi-fetch did this before; its
 * typed overloads had to be cast away for the stricter types below, so what it still gave
 * was a URL builder costing 2.5 kB gzipped on every first view.)
 */
// Absolute, on the page's own origin: Request needs an absolute URL outside browsers (tests).
const baseUrl = new URL(
  appConfig.apiBaseUrl,
  globalThis.location?.origin ?? 'http://localhost',
).href.replace(/\/$/, '')

type ParamValue =
  string | number | boolean | null | undefined | readonly (string | number | boolean)[]

/**
 * The absolute URL of `path` (`/agents/{agentId}`) with its path parameters encoded and its
 * query parameters in order (absent ones left out, an array's items repeated, as OpenAPI's
 * default `form` style with `explode` has it).
 */
export function apiUrl(path: string, params: { path?: unknown; query?: object } = {}): string {
  const pathValues = (params.path ?? {}) as Record<string, ParamValue>
  const filled = path.replace(/\{([^}]+)\}/g, (_, name: string) =>
    encodeURIComponent(String(pathValues[name] ?? '')),
  )
  const search = new URLSearchParams()
  for (const [name, value] of Object.entries((params.query ?? {}) as Record<string, ParamValue>)) {
    if (value === undefined || value === null) continue
    for (const item of Array.isArray(value) ? value : [value]) search.append(name, String(item))
  }
  const query = search.toString()
  return `${baseUrl}${filled}${query ? `?${query}` : ''}`
}

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
/** Data endpoints: those that require the `environment` query parameter (`/audit` only filters by it). */
export type ScopedPath = {
  [P in GetPath]: [QueryOf<P>] extends [never]
    ? never
    : 'environment' extends keyof QueryOf<P>
      ? // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- "is the member optional?"
        {} extends Pick<QueryOf<P>, 'environment'>
        ? never
        : P
      : never
}[GetPath]
/**
 * The response schema whose type is exactly this endpoint's 200 body (checked at compile
 * time): `schema: agentListSchema` from `generated/response-schemas/agent-list`.
 */
export type SchemaFor<T> = ResponseSchema<
  {
    [N in SchemaName]: [Schemas[N]] extends [T] ? ([T] extends [Schemas[N]] ? N : never) : never
  }[SchemaName]
>

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
  const { scope, schema, signal } = options
  const body = await send(path, { url: scopedUrl(path, options), signal })
  return (await checkAnswer(body, schema, scope, path)) as unknown as OkBody<P>
}

/** The URL scopedGet asks for: the scope's environment as the `environment` parameter. */
export function scopedUrl<P extends ScopedPath>(path: P, options: ScopedOptions<P>): string {
  // `..` or `.` as a path parameter would be resolved away by URL parsing (even encoded) and
  // reach another endpoint; such an id cannot exist, so answer as the server would for it.
  const pathValues = Object.values((options.path ?? {}) as Record<string, unknown>)
  if (pathValues.some((value) => value === '' || value === '.' || value === '..')) {
    throw new HttpError(404, null, path)
  }
  return apiUrl(path, {
    path: options.path,
    query: { ...options.query, environment: options.scope.env },
  })
}

/** GET a tenant-level endpoint (`/me`, `/environments`, `/admin/users`, `/audit`). */
export async function tenantGet<P extends Exclude<GetPath, ScopedPath>>(
  path: P,
  options: {
    tenant: string
    schema: SchemaFor<OkBody<P>>
    signal?: AbortSignal
    query?: QueryOf<P> extends never ? never : QueryOf<P>
  },
): Promise<OkBody<P>> {
  const url = apiUrl(path, options.query ? { query: options.query } : {})
  const body = await send(path, { url, signal: options.signal })
  const data = await checkAnswer(body, options.schema, { tenant: options.tenant }, path)
  return data as unknown as OkBody<P>
}

interface Outgoing {
  url: string
  signal?: AbortSignal
  /** A JSON body makes it a POST unless `method` says otherwise. */
  json?: unknown
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'
  /** Extra request headers (`If-Match`, `Idempotency-Key`). */
  headers?: Readonly<Record<string, string>>
  /** Sees the response's headers (an `ETag`) before its body is read. */
  onResponse?: (response: Response) => void
}

/**
 * Sends one request and reads its JSON body, turning failures into the client's errors. The
 * bearer token goes with every request but the sign-in itself (`isLogin`).
 */
export async function send(
  path: string,
  outgoing: Outgoing,
  { isLogin = false } = {},
): Promise<unknown> {
  const headers = new Headers(outgoing.headers)
  const token = isLogin ? null : auth.getToken()
  if (token) headers.set('Authorization', `Bearer ${token}`)
  if (outgoing.json !== undefined) headers.set('Content-Type', 'application/json')
  const request = new Request(outgoing.url, {
    method: outgoing.method ?? (outgoing.json === undefined ? 'GET' : 'POST'),
    headers,
    body: outgoing.json === undefined ? undefined : JSON.stringify(outgoing.json),
    signal: outgoing.signal,
  })
  let response: Response
  let body: string
  try {
    // Resolved at call time, so tests and the mock can intercept it.
    response = await globalThis.fetch(request)
    outgoing.onResponse?.(response)
    body = await response.text()
  } catch (cause) {
    // Aborts are not failures: React Query cancelled a request nobody needs any more.
    // (Checked by name: outside browsers the DOMException class differs.)
    if ((cause as { name?: unknown } | null)?.name === 'AbortError') throw cause
    throw new NetworkError(path, cause)
  }
  if (!response.ok) {
    const problem = parseProblem(body)
    if (response.status === 401 && !isLogin) auth.onUnauthorized()
    const retryAfter =
      response.status === 429 || response.status === 503
        ? parseRetryAfter(response.headers.get('Retry-After'))
        : null
    throw new HttpError(response.status, problem, path, retryAfter)
  }
  if (response.status === 204) return null // No Content (a deletion): nothing to read.
  // Reading and checking an answer (JSON.parse, the schema, the scope; what the caller then
  // makes of it) happen in a task of their own: answers that arrive together would otherwise
  // all be handled in one microtask checkpoint, one long task of several answers' work.
  await nextTask()
  outgoing.signal?.throwIfAborted()
  return parseJson(body, path)
}

function parseProblem(text: string): Problem | null {
  // A JSON problem document, or anything else (a proxy's HTML error page, an empty body), which
  // leaves us with the status alone.
  let raw: unknown
  try {
    raw = JSON.parse(text)
  } catch {
    return null
  }
  if (raw && typeof raw === 'object' && typeof (raw as Partial<Problem>).status === 'number') {
    return raw as Problem
  }
  return null
}
