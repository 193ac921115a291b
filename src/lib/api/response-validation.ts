import { Validator, type OutputUnit, type Schema } from '@cfworker/json-schema'
import jsonSchemas from './generated/json-schemas.json'
import { ContractError, ScopeMismatchError } from './errors'
import type { SchemaName, Schemas } from './types'

/**
 * Validators are the OpenAPI document's own component schemas (exported as JSON Schema by
 * `npm run api:generate`), checked by @cfworker/json-schema: the document is the single
 * source of truth for types (openapi-typescript), the mock (typed from those types) and these
 * runtime checks. (zod's `fromJSONSchema` did the same job but cost 43 KB gzipped on the
 * critical path; this validator costs 7 KB and needs no `eval`, so it works under a strict CSP.)
 * Each validator is built once, on first use.
 */
const validators = new Map<SchemaName, Validator>()

function validatorFor(name: SchemaName): Validator {
  let validator = validators.get(name)
  if (!validator) {
    const schema = { ...(jsonSchemas as object), $ref: `#/$defs/${name}` } as Schema
    validator = new Validator(schema, '2020-12', false)
    validators.set(name, validator)
  }
  return validator
}

/** Keywords that only report that something below them failed; the leaves say what. */
const containerKeywords = new Set([
  '$ref',
  'properties',
  'items',
  'prefixItems',
  'additionalProperties',
  'allOf',
  'anyOf',
  'oneOf',
  'not',
  'if',
  'then',
  'else',
  'contains',
  'dependentSchemas',
  'unevaluatedProperties',
  'unevaluatedItems',
  'patternProperties',
  'propertyNames',
])

/** `#/items/0` + a missing `status` → `items.0.status: is required`. */
function describeIssue(unit: OutputUnit): string {
  const segments = unit.instanceLocation
    .replace(/^#\/?/, '')
    .split('/')
    .filter(Boolean)
    .map((segment) => decodeURIComponent(segment).replace(/~1/g, '/').replace(/~0/g, '~'))
  let message = unit.error
  if (unit.keyword === 'required') {
    const missing = /property "([^"]+)"/.exec(unit.error)?.[1]
    if (missing) {
      segments.push(missing)
      message = 'is required'
    }
  }
  return `${segments.length ? segments.join('.') : '(root)'}: ${message}`
}

/** Parse `body` as the named schema or throw a ContractError naming what is wrong. */
export function validateResponse<N extends SchemaName>(
  name: N,
  body: unknown,
  path: string,
): Schemas[N] {
  const result = validatorFor(name).validate(body)
  if (!result.valid) {
    const leaves = result.errors.filter((unit) => !containerKeywords.has(unit.keyword))
    const issues = [...new Set((leaves.length ? leaves : result.errors).map(describeIssue))]
    throw new ContractError(path, issues)
  }
  return body as Schemas[N]
}

export interface ExpectedScope {
  tenant: string
  /** Absent for tenant-level resources (e.g. the environment list). */
  env?: string
}

/**
 * Walk a validated response and refuse it if any row carries another tenant or environment.
 * The contract puts `tenantId` and `environment` on every row, mirroring the storage columns.
 */
export function assertScope(body: unknown, expected: ExpectedScope, path: string): void {
  const stack: unknown[] = [body]
  while (stack.length) {
    const value = stack.pop()
    if (Array.isArray(value)) {
      for (const item of value) stack.push(item)
    } else if (value && typeof value === 'object') {
      const row = value as Record<string, unknown>
      const tenantWrong = 'tenantId' in row && row.tenantId !== expected.tenant
      const envWrong =
        expected.env !== undefined && 'environment' in row && row.environment !== expected.env
      if (tenantWrong || envWrong) {
        throw new ScopeMismatchError(path, expected, {
          tenantId: tenantWrong ? row.tenantId : undefined,
          environment: envWrong ? row.environment : undefined,
        })
      }
      for (const key in row) {
        const child = row[key]
        if (child && typeof child === 'object') stack.push(child)
      }
    }
  }
}

/**
 * The client checks every answer's tenant and environment; the ids a request asked for are the
 * caller's to check, so another agent or execution is never shown under the id that was asked
 * for: `assertAnswersFor(agent, { agentId }, '/agents/{agentId}')`.
 */
export function assertAnswersFor<T extends object>(
  answer: T,
  asked: { [K in keyof T]?: T[K] },
  path: string,
): T {
  const others = Object.keys(asked).filter(
    (field) => answer[field as keyof T] !== asked[field as keyof T],
  )
  if (others.length > 0) {
    throw new ContractError(
      path,
      others.map((field) => `${field}: the server answered for another ${field} than was asked`),
    )
  }
  return answer
}
