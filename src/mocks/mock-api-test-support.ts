import { expect } from 'vitest'
import type { SchemaName, Schemas } from '@/lib/api/types'
import { validateResponse } from '@/lib/api/response-validation'
import { schemaNamed } from '@/lib/api/schema-registry'

/**
 * Calls to the mock API shared by every domain's handler tests (tests only, never the app).
 * The shared setup (src/test/setup.ts) runs `server.listen({ onUnhandledFrame: 'error' })`
 * with the mock's handlers and resets settings and handlers after each test.
 */

export const BASE = 'http://localhost/api/v1'

export interface CallResult {
  status: number
  headers: Headers
  body: unknown
}

export async function call(
  path: string,
  token?: string,
  init: RequestInit = {},
): Promise<CallResult> {
  const headers = new Headers(init.headers)
  if (token) headers.set('Authorization', `Bearer ${token}`)
  const response = await fetch(`${BASE}${path}`, { ...init, headers })
  const text = await response.text()
  const body: unknown = text ? JSON.parse(text) : null
  return { status: response.status, headers: response.headers, body }
}

/** A 200 whose body follows the OpenAPI schema, validated as the UI validates it. */
export async function get<N extends SchemaName>(
  schema: N,
  path: string,
  token: string,
): Promise<Schemas[N]> {
  const { status, body } = await call(path, token)
  expect(status, JSON.stringify(body)).toBe(200)
  return validateResponse(schemaNamed(schema), body, path)
}

/** A problem+json answer with this status (and, if given, a detail matching `detail`). */
export async function expectProblem(
  response: Promise<CallResult>,
  status: number,
  detail?: RegExp,
): Promise<Schemas['Problem']> {
  const { status: actual, headers, body } = await response
  expect(actual, JSON.stringify(body)).toBe(status)
  expect(headers.get('Content-Type')).toBe('application/problem+json')
  const problem = validateResponse(schemaNamed('Problem'), body, 'problem')
  expect(problem.status).toBe(status)
  if (detail) expect(problem.detail).toMatch(detail)
  return problem
}

export const login = (username: string, password: string) =>
  call('/auth/login', undefined, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username, password }),
  })

export const agentsOf = (token: string, query: string) =>
  get('AgentList', `/agents?${query}`, token).then((list) => list.items)
