/**
 * The probe's only way to the server: GET requests under `/api/v1` (plus the sign-in POST of
 * `--login`, which writes nothing, and POSTs the contract must refuse, see checks/commands.ts),
 * each with a timeout, each counted against the request budget of the check that makes it. Tokens go in the Authorization header and nowhere else;
 * a request is described by its method, path and query only.
 */

export interface ProbeResponse {
  status: number
  contentType: string
  /** The parsed body when it is JSON, else `undefined`. */
  json: unknown
  /** The first characters of the body, for evidence. */
  excerpt: string
  /** `GET /api/v1/agents?environment=dev` */
  label: string
  /** The `ETag` header, where the answer has one (a versioned resource). */
  etag?: string | null
}

export type Query = Record<string, string | number | undefined>

export interface Requester {
  get(path: string, query: Query, token: string | null): Promise<ProbeResponse>
  /** Only for writes the contract must refuse (checks/commands.ts): a JSON body. */
  post(
    path: string,
    query: Query,
    token: string | null,
    body: unknown,
    headers?: Record<string, string>,
  ): Promise<ProbeResponse>
}

/** A check used more requests than it declared: a bug in the probe, reported as a failure. */
export class BudgetExceededError extends Error {
  constructor(limit: number) {
    super(`the check needed more than its ${limit} requests`)
    this.name = 'BudgetExceededError'
  }
}

/** No answer (network error or timeout); the message names the request, never a token. */
export class RequestFailedError extends Error {
  constructor(label: string, reason: string) {
    super(`${label}: ${reason}`)
    this.name = 'RequestFailedError'
  }
}

export class ProbeClient {
  readonly apiBase: string
  private readonly timeoutMs: number
  requestCount = 0

  /** `base` is the server's origin (a trailing `/api/v1` is accepted and ignored). */
  constructor(base: string, timeoutMs: number) {
    const url = new URL(base)
    const path = url.pathname.replace(/\/+$/, '').replace(/\/api\/v1$/, '')
    this.apiBase = `${url.origin}${path}/api/v1`
    this.timeoutMs = timeoutMs
  }

  /** A view of this client that allows at most `limit` requests. */
  withBudget(limit: number): Requester {
    let used = 0
    const spend = () => {
      used += 1
      if (used > limit) throw new BudgetExceededError(limit)
    }
    return {
      get: (path, query, token) => {
        spend()
        return this.send('GET', path, query, token, undefined)
      },
      post: (path, query, token, body, headers) => {
        spend()
        return this.send('POST', path, query, token, body, headers)
      },
    }
  }

  /** `POST /auth/login`; returns the access token or throws with the reason. */
  async login(username: string, password: string): Promise<string> {
    const response = await this.send('POST', '/auth/login', {}, null, { username, password })
    const token = (response.json as { accessToken?: unknown } | undefined)?.accessToken
    if (response.status !== 200 || typeof token !== 'string' || token === '') {
      throw new Error(
        `signing in as ${username} failed: ${response.label} answered ${response.status}`,
      )
    }
    return token
  }

  private async send(
    method: 'GET' | 'POST',
    path: string,
    query: Query,
    token: string | null,
    body: unknown,
    extraHeaders: Record<string, string> = {},
  ): Promise<ProbeResponse> {
    const pairs = Object.entries(query).flatMap(([name, value]) =>
      value === undefined ? [] : [`${encodeQueryPart(name)}=${encodeQueryPart(String(value))}`],
    )
    const qs = pairs.length ? `?${pairs.join('&')}` : ''
    const label = `${method} /api/v1${path}${qs}`
    const headers: Record<string, string> = { ...extraHeaders, Accept: 'application/json' }
    if (token !== null) headers.Authorization = `Bearer ${token}`
    if (body !== undefined) headers['Content-Type'] = 'application/json'

    this.requestCount += 1
    let response: Response
    let text: string
    try {
      response = await fetch(`${this.apiBase}${path}${qs}`, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        redirect: 'manual',
        signal: AbortSignal.timeout(this.timeoutMs),
      })
      text = await response.text()
    } catch (error) {
      const reason =
        error instanceof Error && error.name === 'TimeoutError'
          ? `no answer within ${this.timeoutMs} ms`
          : `no answer (${describeCause(error)})`
      throw new RequestFailedError(label, reason)
    }
    const contentType = response.headers.get('Content-Type') ?? ''
    let json: unknown
    if (/[/+]json\b/i.test(contentType)) {
      try {
        json = JSON.parse(text)
      } catch {
        json = undefined
      }
    }
    const excerpt = text.length > 200 ? `${text.slice(0, 200)}…` : text
    return {
      status: response.status,
      contentType,
      json,
      excerpt,
      label,
      etag: response.headers.get('ETag'),
    }
  }
}

/** Percent-encoding, but `:` and `,` stay readable (both are legal in a query, RFC 3986). */
function encodeQueryPart(value: string): string {
  return encodeURIComponent(value).replace(/%3A/gi, ':').replace(/%2C/gi, ',')
}

function describeCause(error: unknown): string {
  if (!(error instanceof Error)) return String(error)
  const cause = (error as { cause?: unknown }).cause
  return cause instanceof Error ? cause.message : error.message
}
