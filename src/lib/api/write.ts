import { apiUrl, send } from './api-client'
import { checkAnswer } from './checked-answer'
import { HttpError } from './errors'
import type { ResponseSchema } from './response-schema'
import type { SchemaName, Schemas } from './types'

/**
 * Writes, as the contract's common rules have them: a JSON body, `If-Match: "<version>"` where
 * the resource has a version, an `Idempotency-Key` where the endpoint takes one, the answer
 * validated like every read, and the environment (for environment-scoped writes) as the
 * `environment` parameter. Views send writes through the safe path (environment/write-dialog),
 * never directly.
 */
export interface WriteRequest<N extends SchemaName | null> {
  method: 'POST' | 'PUT' | 'PATCH' | 'DELETE'
  /** An OpenAPI path template, `/admin/environments/{environmentId}`. */
  path: string
  params?: { path?: Readonly<Record<string, string>>; query?: Readonly<Record<string, string>> }
  tenant: string
  /** For environment-scoped writes: sent as `environment`, and the answer checked against it. */
  env?: string
  body?: unknown
  /** The version the change was made against (sent as `If-Match: "<version>"`). */
  ifMatch?: number | null
  idempotencyKey?: string
  /** The answer's schema; null for an answer without a body (204). */
  schema: N extends SchemaName ? ResponseSchema<N> : null
  signal?: AbortSignal
}

export interface WriteResult<T> {
  data: T
  /** The new version, from the answer's `ETag`, where the resource has one. */
  version: number | null
}

export async function sendWrite<N extends SchemaName | null>(
  request: WriteRequest<N>,
): Promise<WriteResult<N extends SchemaName ? Schemas[N] : null>> {
  const headers: Record<string, string> = {}
  if (request.ifMatch !== undefined && request.ifMatch !== null) {
    headers['If-Match'] = `"${request.ifMatch}"`
  }
  if (request.idempotencyKey) headers['Idempotency-Key'] = request.idempotencyKey
  let etag: string | null = null
  const query = request.env
    ? { ...request.params?.query, environment: request.env }
    : request.params?.query
  const body = await send(request.path, {
    url: apiUrl(request.path, { path: request.params?.path, query }),
    method: request.method,
    json: request.body,
    headers,
    signal: request.signal,
    onResponse: (response) => {
      etag = response.headers.get('ETag')
    },
  })
  const data = request.schema
    ? await checkAnswer(
        body,
        request.schema as ResponseSchema,
        { tenant: request.tenant, env: request.env },
        request.path,
      )
    : null
  return {
    data: data as N extends SchemaName ? Schemas[N] : null,
    version: parseEtag(etag),
  }
}

/** `"7"` → 7; a weak or non-numeric tag is no version this UI can send back. */
export function parseEtag(etag: string | null): number | null {
  const match = etag ? /^"(\d+)"$/.exec(etag.trim()) : null
  return match ? Number(match[1]) : null
}

/** The last segment of a problem's `type` (`forbidden-role`, `last-admin`…), or null. */
export function problemKind(error: unknown): string | null {
  if (!(error instanceof HttpError) || !error.problem) return null
  const match = /\/([a-z0-9-]+)$/.exec(error.problem.type)
  return match?.[1] ?? null
}

export const isForbiddenRole = (error: unknown): boolean =>
  error instanceof HttpError && error.status === 403 && problemKind(error) === 'forbidden-role'
