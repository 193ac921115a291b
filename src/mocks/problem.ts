import { HttpResponse } from 'msw'
import type { Problem } from '@/lib/api/types'

/** RFC 9457 problem details, as the server sends them. */
const titles: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  412: 'Precondition Failed',
  415: 'Unsupported Media Type',
  428: 'Precondition Required',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
}

const types: Record<number, string> = {
  400: 'https://cameleer.dev/problems/bad-request',
  401: 'https://cameleer.dev/problems/unauthorized',
  403: 'https://cameleer.dev/problems/forbidden',
  404: 'https://cameleer.dev/problems/not-found',
  412: 'https://cameleer.dev/problems/version-conflict',
  415: 'https://cameleer.dev/problems/unsupported-media-type',
  428: 'https://cameleer.dev/problems/precondition-required',
  503: 'https://cameleer.dev/problems/unavailable',
}

export const PROBLEM_TYPE_BASE = 'https://cameleer.dev/problems/'

/** Members beyond the common four: a named `type` (`forbidden-role`, `last-admin`…), `current`. */
export interface ProblemExtras {
  /** The last segment of the type URI. */
  kind?: string
  current?: Record<string, unknown>
}

export function problem(
  status: number,
  detail: string,
  headers?: HeadersInit,
  extras: ProblemExtras = {},
): Response {
  const body: Problem = {
    type: extras.kind ? PROBLEM_TYPE_BASE + extras.kind : (types[status] ?? 'about:blank'),
    title: titles[status] ?? 'Error',
    status,
    detail,
  }
  if (extras.current) body.current = extras.current
  const responseHeaders = new Headers(headers)
  responseHeaders.set('Content-Type', 'application/problem+json')
  if (status === 401) responseHeaders.set('WWW-Authenticate', 'Bearer realm="cameleer"')
  return new HttpResponse(JSON.stringify(body), { status, headers: responseHeaders })
}

/**
 * Thrown by request guards so a handler reads as the happy path. The route wrapper turns it
 * back into the response; MSW itself would too, but relying on that would couple every guard
 * to the library's error handling.
 */
export class ProblemError extends Error {
  readonly status: number
  readonly detail: string
  readonly extras: ProblemExtras

  constructor(status: number, detail: string, extras: ProblemExtras = {}) {
    super(detail)
    this.name = 'ProblemError'
    this.status = status
    this.detail = detail
    this.extras = extras
  }

  toResponse(): Response {
    return problem(this.status, this.detail, undefined, this.extras)
  }
}

export const badRequest = (detail: string) => new ProblemError(400, detail)
export const unauthorized = (detail: string) => new ProblemError(401, detail)
export const forbidden = (detail: string) => new ProblemError(403, detail)
export const notFound = (detail: string) => new ProblemError(404, detail)
/** A write the role does not allow: the detail names the role needed and where. */
export const forbiddenRole = (detail: string) =>
  new ProblemError(403, detail, { kind: 'forbidden-role' })
/** A conflict with the tenant's state, named (`environment-exists`, `last-admin`…). */
export const conflict = (kind: string, detail: string) => new ProblemError(409, detail, { kind })
export const unsupportedMediaType = (detail: string) => new ProblemError(415, detail)
