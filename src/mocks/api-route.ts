import { http, HttpResponse, type HttpHandler } from 'msw'
import type { SchemaName, Schemas } from '@/lib/api/types'
import { ProblemError } from './problem'

/**
 * How a mock endpoint is declared: a path under the API base that matches on any origin, a
 * resolver that may throw ProblemError from its guards, and a response body typed by the
 * schema it must follow (so mock, client and document cannot drift).
 */

export const API_BASE = '*/api/v1'

export interface RouteInfo {
  request: Request
  /** Path parameters, decoded. */
  params: Readonly<Record<string, string>>
}

type Resolver = (info: RouteInfo) => Response | Promise<Response>

export function apiGet(path: `/${string}`, resolver: Resolver): HttpHandler {
  return http.get(`${API_BASE}${path}`, (info) => run(resolver, info.request, info.params))
}

export function apiPost(path: `/${string}`, resolver: Resolver): HttpHandler {
  return http.post(`${API_BASE}${path}`, (info) => run(resolver, info.request, info.params))
}

export function apiPut(path: `/${string}`, resolver: Resolver): HttpHandler {
  return http.put(`${API_BASE}${path}`, (info) => run(resolver, info.request, info.params))
}

export function apiPatch(path: `/${string}`, resolver: Resolver): HttpHandler {
  return http.patch(`${API_BASE}${path}`, (info) => run(resolver, info.request, info.params))
}

export function apiDelete(path: `/${string}`, resolver: Resolver): HttpHandler {
  return http.delete(`${API_BASE}${path}`, (info) => run(resolver, info.request, info.params))
}

async function run(
  resolver: Resolver,
  request: Request,
  rawParams: Record<string, string | ReadonlyArray<string> | undefined>,
): Promise<Response> {
  const params: Record<string, string> = {}
  for (const [name, value] of Object.entries(rawParams)) {
    if (typeof value === 'string') params[name] = value
  }
  try {
    return await resolver({ request, params })
  } catch (error) {
    if (error instanceof ProblemError) return error.toResponse()
    throw error
  }
}

/** A 200 JSON response whose body must be the named schema. */
export function ok<N extends SchemaName>(_schema: N, body: Schemas[N], status = 200): Response {
  return new HttpResponse(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json' },
  })
}

/** A 201 JSON response whose body must be the named schema. */
export function created<N extends SchemaName>(schema: N, body: Schemas[N]): Response {
  return ok(schema, body, 201)
}

export function noContent(): Response {
  return new HttpResponse(null, { status: 204 })
}
