import { http, HttpResponse } from 'msw'
import { describe, expect, it } from 'vitest'
import { server } from '@/mocks/node'
import { environmentSchema } from './generated/response-schemas/environment'
import { HttpError } from './errors'
import { isForbiddenRole, parseEtag, problemKind, sendWrite } from './write'

const environment = {
  id: 'qa',
  displayName: 'QA',
  production: false,
  description: null,
  retentionDays: 14,
  createdAt: null,
  agentCount: 0,
  liveAgentCount: 0,
  lastSeenAt: null,
}

describe('sendWrite', () => {
  it('sends JSON with If-Match and Idempotency-Key, and reads the version from the ETag', async () => {
    let seen: Request | null = null
    server.use(
      http.patch('*/api/v1/admin/environments/:id', ({ request }) => {
        seen = request.clone()
        return HttpResponse.json(environment, { headers: { ETag: '"8"' } })
      }),
    )
    const result = await sendWrite({
      method: 'PATCH',
      path: '/admin/environments/{environmentId}',
      params: { path: { environmentId: 'qa' } },
      tenant: 'acme',
      body: { displayName: 'QA' },
      ifMatch: 7,
      idempotencyKey: 'key-1',
      schema: environmentSchema,
    })
    const request = seen as unknown as Request
    expect(request.method).toBe('PATCH')
    expect(request.headers.get('If-Match')).toBe('"7"')
    expect(request.headers.get('Idempotency-Key')).toBe('key-1')
    expect(request.headers.get('Content-Type')).toBe('application/json')
    expect(await request.json()).toEqual({ displayName: 'QA' })
    expect(result).toEqual({ data: environment, version: 8 })
  })

  it('reads a 204 as no body, and a refusal as an HttpError with its problem type', async () => {
    server.use(
      http.delete('*/api/v1/admin/environments/:id', () => new HttpResponse(null, { status: 204 })),
    )
    const deleted = await sendWrite({
      method: 'DELETE',
      path: '/admin/environments/{environmentId}',
      params: { path: { environmentId: 'qa' }, query: { confirm: 'qa' } },
      tenant: 'acme',
      schema: null,
    })
    expect(deleted).toEqual({ data: null, version: null })

    const refusal = await sendWrite({
      method: 'POST',
      path: '/admin/environments',
      tenant: 'acme',
      body: {},
      schema: environmentSchema,
    }).catch((error: unknown) => error)
    // The mock's own answer: no token here, so 401.
    expect(refusal).toBeInstanceOf(HttpError)
    expect((refusal as HttpError).status).toBe(401)
  })

  it('names problem kinds and knows a /forbidden-role refusal', () => {
    const error = new HttpError(
      403,
      {
        type: 'https://cameleer.dev/problems/forbidden-role',
        title: 'Forbidden',
        status: 403,
        detail: 'operator role required in prod',
      },
      '/x',
    )
    expect(problemKind(error)).toBe('forbidden-role')
    expect(isForbiddenRole(error)).toBe(true)
    expect(isForbiddenRole(new HttpError(403, null, '/x'))).toBe(false)
    expect(parseEtag('"12"')).toBe(12)
    expect(parseEtag('W/"12"')).toBeNull()
    expect(parseEtag(null)).toBeNull()
  })
})
