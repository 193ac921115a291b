import { http, HttpResponse, type HttpHandler } from 'msw'
import { API_BASE, type RouteInfo } from '../api-route'
import type { Principal } from '../auth/auth-tokens'
import { ProblemError } from '../problem'

/**
 * What the alerting endpoints need beyond the shared route helpers: PUT and DELETE routes,
 * problems whose `type` names the conflict (`/rule-name-taken`, `/forbidden-role`) or that
 * carry the current resource (412), and the role check of a write.
 */

type Resolver = (info: RouteInfo) => Response | Promise<Response>

async function run(
  resolver: Resolver,
  request: Request,
  raw: Record<string, string | ReadonlyArray<string> | undefined>,
) {
  const params: Record<string, string> = {}
  for (const [name, value] of Object.entries(raw))
    if (typeof value === 'string') params[name] = value
  try {
    return await resolver({ request, params })
  } catch (error) {
    if (error instanceof ProblemError) return error.toResponse()
    throw error
  }
}

export const apiPut = (path: `/${string}`, resolver: Resolver): HttpHandler =>
  http.put(`${API_BASE}${path}`, (info) => run(resolver, info.request, info.params))

export const apiDelete = (path: `/${string}`, resolver: Resolver): HttpHandler =>
  http.delete(`${API_BASE}${path}`, (info) => run(resolver, info.request, info.params))

const TYPE_BASE = 'https://cameleer.dev/problems/'

/** A problem with its own `type` and extra members (`current` of a 412). */
export class TypedProblem extends ProblemError {
  readonly kind: string
  readonly extras: Record<string, unknown>

  constructor(status: number, kind: string, detail: string, extras: Record<string, unknown> = {}) {
    super(status, detail)
    this.kind = kind
    this.extras = extras
  }

  override toResponse(): Response {
    const body = {
      type: TYPE_BASE + this.kind,
      title: TITLES[this.status] ?? 'Error',
      status: this.status,
      detail: this.detail,
      ...this.extras,
    }
    return new HttpResponse(JSON.stringify(body), {
      status: this.status,
      headers: { 'Content-Type': 'application/problem+json' },
    })
  }
}

const TITLES: Record<number, string> = {
  403: 'Forbidden',
  409: 'Conflict',
  412: 'Precondition Failed',
  415: 'Unsupported Media Type',
  428: 'Precondition Required',
}

export const conflict = (kind: string, detail: string) => new TypedProblem(409, kind, detail)
export const preconditionRequired = (detail: string) =>
  new TypedProblem(428, 'precondition-required', detail)
export const preconditionFailed = (detail: string, current: unknown) =>
  new TypedProblem(412, 'version-conflict', detail, { current })
export const unsupportedMediaType = (detail: string) =>
  new TypedProblem(415, 'unsupported-media-type', detail)

/** Writes need `operator` in the environment (admins are operators everywhere). */
export function requireOperator(principal: Principal, environment: string): void {
  if (principal.roles.includes('operator') || principal.roles.includes('admin')) return
  throw new TypedProblem(403, 'forbidden-role', `operator role required in ${environment}`)
}

/** A JSON object body: 415 for another media type, 400 for anything but an object. */
export async function readJsonObject(request: Request): Promise<Record<string, unknown>> {
  const type = request.headers.get('Content-Type') ?? ''
  if (!/^application\/json\s*(;|$)/i.test(type)) {
    throw unsupportedMediaType(
      `The body must be application/json${type ? `, not ${type.slice(0, 60)}` : ''}.`,
    )
  }
  let body: unknown
  try {
    body = await request.json()
  } catch {
    throw new ProblemError(400, 'The body is not valid JSON.')
  }
  if (!body || typeof body !== 'object' || Array.isArray(body)) {
    throw new ProblemError(400, 'The body must be a JSON object.')
  }
  return body as Record<string, unknown>
}
