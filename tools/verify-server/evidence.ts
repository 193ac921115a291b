import { assertScope, validateResponse, type ExpectedScope } from '@/lib/api/response-validation'
import { ContractError, ScopeMismatchError } from '@/lib/api/errors'
import type { SchemaName } from '@/lib/api/types'
import type { ProbeResponse } from './probe-client'
import { schemaNamed } from '@/lib/api/schema-registry'

/**
 * How an answer is judged, each function returning `null` when it is right, else the
 * evidence as one sentence: the request, the status, the offending field and its value.
 * Shape and scope use the UI's own validators (response-validation.ts), so the probe fails
 * exactly what the UI would refuse.
 */

/** The answer is `status` with RFC 9457 problem details. */
export function problemIssue(response: ProbeResponse, status: number): string | null {
  if (response.status !== status) {
    return `${response.label} answered ${response.status}${problemSuffix(response)}, expected ${status}`
  }
  if (!/^application\/problem\+json\b/i.test(response.contentType)) {
    return `${response.label} answered ${status} with Content-Type "${response.contentType}", expected application/problem+json`
  }
  const issue = schemaIssue('Problem', response)
  if (issue) return `${response.label} answered ${status} with invalid problem details: ${issue}`
  const bodyStatus = (response.json as { status?: unknown }).status
  if (bodyStatus !== status) {
    return `${response.label} answered ${status} but its problem details say status ${JSON.stringify(bodyStatus)}`
  }
  return null
}

/** The answer is a 200 JSON body valid against `schema`. */
export function okIssue(
  response: ProbeResponse,
  schema: SchemaName | null,
  path: string,
): string | null {
  if (response.status !== 200) {
    return `${response.label} answered ${response.status}${problemSuffix(response)}, expected 200`
  }
  if (response.json === undefined) {
    return `${response.label} answered 200 with Content-Type "${response.contentType}" and a body that is not JSON: ${JSON.stringify(response.excerpt)}`
  }
  if (!schema) {
    return `the OpenAPI document (src/lib/api/openapi.yaml) defines no 200 schema for GET ${path}, so the answer cannot be validated`
  }
  const issue = schemaIssue(schema, response)
  return issue ? `${response.label}: not a valid ${schema}: ${issue}` : null
}

function schemaIssue(schema: SchemaName, response: ProbeResponse): string | null {
  try {
    validateResponse(schemaNamed(schema), response.json, response.label)
    return null
  } catch (error) {
    if (!(error instanceof ContractError)) throw error
    const shown = error.issues.slice(0, 4).join('; ')
    const more = error.issues.length > 4 ? ` (and ${error.issues.length - 4} more)` : ''
    return `${shown}${more}`
  }
}

/**
 * Every row the document defines for this answer (its schema's rows, never free-form maps such
 * as an execution's headers) carries the expected tenant (and environment, when one is given).
 */
export function scopeIssue(
  schema: SchemaName,
  response: ProbeResponse,
  expected: ExpectedScope,
): string | null {
  try {
    assertScope(schemaNamed(schema), response.json, expected, response.label)
    return null
  } catch (error) {
    if (!(error instanceof ScopeMismatchError)) throw error
    const { found } = error
    const wrong =
      found.tenantId !== undefined
        ? `tenantId ${JSON.stringify(found.tenantId)}, expected ${JSON.stringify(expected.tenant)}`
        : `environment ${JSON.stringify(found.environment)}, expected ${JSON.stringify(expected.env)}`
    return `${response.label}: ${locateRow(response.json, found)} has ${wrong}`
  }
}

/** How many objects in the body carry a `tenantId` (the rows a scope check looked at). */
export function countScopedRows(body: unknown): number {
  let count = 0
  const stack: unknown[] = [body]
  while (stack.length) {
    const value = stack.pop()
    if (Array.isArray(value)) stack.push(...value)
    else if (isRecord(value)) {
      if ('tenantId' in value) count += 1
      stack.push(...Object.values(value).filter((child) => child && typeof child === 'object'))
    }
  }
  return count
}

const ID_KEYS = ['id', 'eventId', 'executionId', 'agentId', 'processorId', 'routeId']

/** `items[1] (executionId "…")`, or `the answer` for a top-level mismatch. */
function locateRow(body: unknown, found: { tenantId?: unknown; environment?: unknown }): string {
  const items = isRecord(body) && Array.isArray(body.items) ? body.items : null
  const index =
    items?.findIndex(
      (row) =>
        isRecord(row) &&
        ((found.tenantId !== undefined && row.tenantId === found.tenantId) ||
          (found.environment !== undefined && row.environment === found.environment)),
    ) ?? -1
  const row = items?.[index]
  if (index < 0 || !isRecord(row)) return 'the answer'
  const key = ID_KEYS.find((name) => typeof row[name] === 'string')
  return key ? `items[${index}] (${key} ${JSON.stringify(row[key])})` : `items[${index}]`
}

export function problemSuffix(response: ProbeResponse): string {
  const detail = isRecord(response.json) ? response.json.detail : undefined
  if (typeof detail !== 'string' || !detail) return ''
  return ` ("${detail.length > 120 ? `${detail.slice(0, 120)}…` : detail}")`
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return !!value && typeof value === 'object' && !Array.isArray(value)
}
