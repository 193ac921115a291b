import createClient from 'openapi-fetch'
import { appConfig } from '@/config/app-config'
import type { Scope } from '@/lib/query/query-scope'
import { ContractError, HttpError, NetworkError, parseRetryAfter } from './errors'
import type { ResponseSchema } from './response-schema'
import { assertScope, prepareValidation, validateResponse } from './response-validation'
import type { paths, Problem, SchemaName, Schemas } from './types'

/**
 * The one API client. It adds the bearer token, turns a scope into the `environment` query
 * parameter, validates every answer against the OpenAPI document and refuses rows of another
 * tenant or environment. No view builds a URL or calls fetch by hand.
 */
export const client = createClient<paths>({
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
type GetPath = { [P in keyof paths]: paths[P] extends { get: object } ? P : never }[keyof paths]
type GetOp<P extends GetPath> = paths[P]['get']
type OkBody<P extends GetPath> =
  GetOp<P> extends { responses: { 200: { content: { 'application/json': infer R } } } } ? R : never
type QueryOf<P extends GetPath> =
  GetOp<P> extends { parameters: { query?: infer Q } } ? NonNullable<Q> : never
type PathOf<P extends GetPath> = GetOp<P> extends { parameters: { path: infer Q } } ? Q : never
/** Data endpoints: those that take the `environment` query parameter. */
type ScopedPath = {
  [P in GetPath]: [QueryOf<P>] extends [never]
    ? never
    : 'environment' extends keyof QueryOf<P>
      ? P
      : never
}[GetPath]
/**
 * The response schema whose type is exactly this endpoint's 200 body (checked at compile
 * time): `schema: agentListSchema` from `generated/response-schemas/agent-list`.
 */
type SchemaFor<T> = ResponseSchema<
  {
    [N in SchemaName]: [Schemas[N]] extends [T] ? ([T] extends [Schemas[N]] ? N : never) : never
  }[SchemaName]
>

type ScopedOptions<P extends ScopedPath> = {
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
  const { scope, schema, query, signal } = options
  // `..` or `.` as a path parameter would be resolved away by URL parsing (even encoded) and
  // reach another endpoint; such an id cannot exist, so answer as the server would for it.
  const pathValues = Object.values((options.path ?? {}) as Record<string, unknown>)
  if (pathValues.some((value) => value === '' || value === '.' || value === '..')) {
    throw new HttpError(404, null, path)
  }
  const params = { path: options.path, query: { ...query, environment: scope.env } }
  const body = await send(path, () =>
    // The generic path type is too wide for openapi-fetch's overloads; the options type above
    // is what callers are checked against.
    client.GET(path as never, { params, signal, parseAs: 'text' } as never),
  )
  await prepareValidation(body)
  const data = validateResponse(schema, body, path)
  assertScope(schema, data, scope, path)
  return data as unknown as OkBody<P>
}

/** GET a tenant-level endpoint (`/me`, `/environments`). */
export async function tenantGet<P extends Exclude<GetPath, ScopedPath>>(
  path: P,
  options: { tenant: string; schema: SchemaFor<OkBody<P>>; signal?: AbortSignal },
): Promise<OkBody<P>> {
  const body = await send(path, () =>
    client.GET(path as never, { signal: options.signal, parseAs: 'text' } as never),
  )
  await prepareValidation(body)
  const data = validateResponse(options.schema, body, path)
  assertScope(options.schema, data, { tenant: options.tenant }, path)
  return data as unknown as OkBody<P>
}

type RawResult = { data?: unknown; error?: unknown; response: Response }

/** Sends one request and reads its JSON body, turning failures into the client's errors. */
export async function send(
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
  const text = typeof result.data === 'string' ? result.data : ''
  try {
    return JSON.parse(text) as unknown
  } catch {
    throw new ContractError(path, ['the body is not valid JSON'])
  }
}

function parseProblem(raw: unknown): Problem | null {
  // openapi-fetch has already parsed a JSON error body; anything else (a proxy's HTML error
  // page, an empty body) leaves us with the status alone.
  if (raw && typeof raw === 'object' && typeof (raw as Partial<Problem>).status === 'number') {
    return raw as Problem
  }
  return null
}
