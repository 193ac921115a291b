import type { Problem } from './types'

/**
 * Every failure the API layer can raise. Views switch on `kind` to word the message; none of
 * them is ever swallowed into "no data".
 */
export type ApiFailureKind = 'http' | 'network' | 'contract' | 'scope'

export abstract class ApiFailure extends Error {
  abstract readonly kind: ApiFailureKind
  /** Whether trying again might help (network faults and 5xx, not 4xx or broken payloads). */
  abstract readonly retryable: boolean
}

/** The server answered with an error status, usually with RFC 9457 problem details. */
export class HttpError extends ApiFailure {
  readonly kind = 'http'
  readonly status: number
  readonly problem: Problem | null
  readonly path: string
  /** How long the server asked us to wait (`Retry-After` on a 429 or 503), in ms. */
  readonly retryAfterMs: number | null
  constructor(
    status: number,
    problem: Problem | null,
    path: string,
    retryAfterMs: number | null = null,
  ) {
    super(problem?.detail ?? problem?.title ?? `The server answered ${status} for ${path}.`)
    this.name = 'HttpError'
    this.status = status
    this.problem = problem
    this.path = path
    this.retryAfterMs = retryAfterMs
  }
  get retryable() {
    return this.status >= 500 || this.status === 429
  }
}

/** The request never got an answer (offline, DNS, CORS, connection reset). */
export class NetworkError extends ApiFailure {
  readonly kind = 'network'
  readonly retryable = true
  readonly path: string
  constructor(path: string, cause: unknown) {
    super(`Could not reach the server for ${path}.`, { cause })
    this.name = 'NetworkError'
    this.path = path
  }
}

/** The answer does not follow the contract (malformed JSON or a schema mismatch). */
export class ContractError extends ApiFailure {
  readonly kind = 'contract'
  readonly retryable = false
  readonly path: string
  readonly issues: string[]
  constructor(path: string, issues: string[]) {
    super(
      `The server's answer for ${path} does not follow the API contract: ${issues.slice(0, 3).join('; ')}`,
    )
    this.name = 'ContractError'
    this.path = path
    this.issues = issues
  }
}

/**
 * The answer holds rows of another tenant or environment than the one asked for. This is the
 * UI's last line of defence against a server that forgot a tenant filter: the rows are refused.
 */
export class ScopeMismatchError extends ApiFailure {
  readonly kind = 'scope'
  readonly retryable = false
  readonly path: string
  readonly expected: { tenant: string; env?: string }
  readonly found: { tenantId?: unknown; environment?: unknown }
  constructor(
    path: string,
    expected: { tenant: string; env?: string },
    found: { tenantId?: unknown; environment?: unknown },
  ) {
    const got = [
      found.tenantId !== undefined ? `tenant “${String(found.tenantId)}”` : null,
      found.environment !== undefined ? `environment “${String(found.environment)}”` : null,
    ]
      .filter(Boolean)
      .join(' and ')
    const asked = expected.env
      ? `tenant “${expected.tenant}”, environment “${expected.env}”`
      : `tenant “${expected.tenant}”`
    super(
      `Refused data from ${path}: it belongs to ${got}, but ${asked} was asked for. Nothing of it is shown.`,
    )
    this.name = 'ScopeMismatchError'
    this.path = path
    this.expected = expected
    this.found = found
  }
}

export function isApiFailure(error: unknown): error is ApiFailure {
  return error instanceof ApiFailure
}

export function isHttpStatus(error: unknown, status: number): boolean {
  return error instanceof HttpError && error.status === status
}

/**
 * `Retry-After` as milliseconds from `now`: delay-seconds or an HTTP date (RFC 9110 §10.2.3).
 * Anything else, or a date in the past, is no instruction.
 */
export function parseRetryAfter(value: string | null, now: number = Date.now()): number | null {
  if (!value) return null
  const text = value.trim()
  if (/^\d+$/.test(text)) return Number(text) * 1000
  // An HTTP date names its weekday or month; bare numbers like "-5" are no date here.
  const at = /[a-z]/i.test(text) ? Date.parse(text) : Number.NaN
  if (Number.isNaN(at)) return null
  return Math.max(0, at - now)
}

/** The wait a failure asks for, if the server named one. */
export function retryAfterOf(error: unknown): number | null {
  return error instanceof HttpError ? error.retryAfterMs : null
}
