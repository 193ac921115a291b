import { HttpResponse } from 'msw'
import type { Problem } from '@/lib/api/types'

/** RFC 9457 problem details, as the server sends them. */
const titles: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
}

const types: Record<number, string> = {
  400: 'https://cameleer.dev/problems/bad-request',
  401: 'https://cameleer.dev/problems/unauthorized',
  403: 'https://cameleer.dev/problems/forbidden',
  404: 'https://cameleer.dev/problems/not-found',
  503: 'https://cameleer.dev/problems/unavailable',
}

export function problem(status: number, detail: string, headers?: HeadersInit): Response {
  const body: Problem = {
    type: types[status] ?? 'about:blank',
    title: titles[status] ?? 'Error',
    status,
    detail,
  }
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

  constructor(status: number, detail: string) {
    super(detail)
    this.name = 'ProblemError'
    this.status = status
    this.detail = detail
  }

  toResponse(): Response {
    return problem(this.status, this.detail)
  }
}

export const badRequest = (detail: string) => new ProblemError(400, detail)
export const unauthorized = (detail: string) => new ProblemError(401, detail)
export const forbidden = (detail: string) => new ProblemError(403, detail)
export const notFound = (detail: string) => new ProblemError(404, detail)
