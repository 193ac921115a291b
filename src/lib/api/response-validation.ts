import { z } from 'zod'
import jsonSchemas from './generated/json-schemas.json'
import { ContractError, ScopeMismatchError } from './errors'
import type { SchemaName, Schemas } from './types'

/**
 * Validators are derived from the OpenAPI document itself (its component schemas, exported
 * as JSON Schema by `npm run api:generate`), so the document is the single source of truth
 * for types (openapi-typescript), the mock (typed from those types) and runtime checks.
 * Each validator is built once, on first use.
 */
const validators = new Map<SchemaName, z.ZodType>()

function validatorFor(name: SchemaName): z.ZodType {
  let validator = validators.get(name)
  if (!validator) {
    validator = z.fromJSONSchema({ ...(jsonSchemas as object), $ref: `#/$defs/${name}` })
    validators.set(name, validator)
  }
  return validator
}

function describeIssue(issue: z.core.$ZodIssue): string {
  const where = issue.path.length ? issue.path.map(String).join('.') : '(root)'
  return `${where}: ${issue.message}`
}

/** Parse `body` as the named schema or throw a ContractError naming what is wrong. */
export function validateResponse<N extends SchemaName>(name: N, body: unknown, path: string): Schemas[N] {
  const result = validatorFor(name).safeParse(body)
  if (!result.success) {
    throw new ContractError(path, result.error.issues.map(describeIssue))
  }
  // The original body, not zod's copy: unknown extra fields a newer server sends stay visible
  // to nothing but the code that asks for them, and we skip a deep copy of large pages.
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
