import { Validator, type OutputUnit, type Schema } from '@cfworker/json-schema'
import { ContractError, ScopeMismatchError } from './errors'
import { nextTask } from './next-task'
import type { JsonSchemaNode, ResponseSchema } from './response-schema'
import type { SchemaName, Schemas } from './types'

/**
 * Validators are the OpenAPI document's own component schemas (exported as JSON Schema by
 * `npm run api:generate`), checked by @cfworker/json-schema: the document is the single
 * source of truth for types (openapi-typescript), the mock (typed from those types) and these
 * runtime checks. (zod's `fromJSONSchema` did the same job but cost 43 KB gzipped on the
 * critical path; this validator costs 7 KB and needs no `eval`, so it works under a strict CSP.)
 * Each answer's schema comes with only the definitions it reaches (generated per response
 * schema, see response-schema.ts), so each view's chunk carries its own. Each validator is
 * built once, on first use.
 */
const validators = new WeakMap<ResponseSchema, Validator>()

/** A validator of the definition `name` among `defs`, reporting every error, not the first. */
function validatorOf(defs: Readonly<Record<string, JsonSchemaNode>>, name: string): Validator {
  return new Validator({ $defs: defs, $ref: `#/$defs/${name}` } as Schema, '2020-12', false)
}

function validatorFor(schema: ResponseSchema): Validator {
  let validator = validators.get(schema)
  if (!validator) {
    validator = validatorOf(schema.$defs, schema.name)
    validators.set(schema, validator)
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

function throwIfInvalid(units: readonly OutputUnit[], path: string): void {
  if (units.length === 0) return
  const leaves = units.filter((unit) => !containerKeywords.has(unit.keyword))
  throw new ContractError(path, [...new Set((leaves.length ? leaves : units).map(describeIssue))])
}

/** Parse `body` as the named schema or throw a ContractError naming what is wrong. */
export function validateResponse<N extends SchemaName>(
  schema: ResponseSchema<N>,
  body: unknown,
  path: string,
): Schemas[N] {
  const result = validatorFor(schema).validate(body)
  if (!result.valid) throwIfInvalid(result.errors, path)
  return body as Schemas[N]
}

/**
 * How an answer is checked a row at a time: the envelope (the answer with its row arrays'
 * `items` not checked) and a validator per row schema, for each top-level property that is an
 * array of a named schema (`items`, `series`). Built once per schema; `null` when the answer
 * has no such property.
 */
interface RowPlan {
  envelope: Validator
  arrays: { key: string; row: Validator }[]
}

const rowPlans = new WeakMap<ResponseSchema, RowPlan | null>()

function rowPlanOf(schema: ResponseSchema): RowPlan | null {
  if (rowPlans.has(schema)) return rowPlans.get(schema) ?? null
  const root = schema.$defs[schema.name]
  const arrays = Object.entries(root?.properties ?? {}).flatMap(([key, node]) => {
    const row = node.type === 'array' ? refName(node.items) : null
    return row ? [{ key, rowName: row }] : []
  })
  let plan: RowPlan | null = null
  if (root && arrays.length > 0) {
    const envelopeName = `${schema.name}(envelope)`
    const envelopeRoot: JsonSchemaNode = {
      ...root,
      properties: Object.fromEntries(
        Object.entries(root.properties ?? {}).map(([key, node]) =>
          arrays.some((array) => array.key === key)
            ? [key, { ...node, items: true as unknown as JsonSchemaNode }]
            : [key, node],
        ),
      ),
    }
    plan = {
      envelope: validatorOf({ ...schema.$defs, [envelopeName]: envelopeRoot }, envelopeName),
      arrays: arrays.map(({ key, rowName }) => ({ key, row: validatorOf(schema.$defs, rowName) })),
    }
  }
  rowPlans.set(schema, plan)
  return plan
}

/** How long checking rows may hold the main thread before it is handed back for a task. */
const SLICE_MS = 8

/**
 * `validateResponse`, for answers of many rows: the same schema and the same messages, but the
 * rows of each top-level row array are checked a few at a time, handing the main thread back
 * (`nextTask`) whenever a slice has taken SLICE_MS, so a large answer (forty agents' metric
 * columns, a page of a thousand log lines) is never one long task.
 */
export async function validateResponseInSlices<N extends SchemaName>(
  schema: ResponseSchema<N>,
  body: unknown,
  path: string,
): Promise<Schemas[N]> {
  const plan = rowPlanOf(schema)
  if (!plan || !body || typeof body !== 'object' || Array.isArray(body)) {
    return validateResponse(schema, body, path)
  }
  const errors = [...plan.envelope.validate(body).errors]
  let sliceStart = performance.now()
  for (const { key, row } of plan.arrays) {
    const rows = (body as Record<string, unknown>)[key]
    if (!Array.isArray(rows)) continue
    for (let index = 0; index < rows.length; index++) {
      const result = row.validate(rows[index])
      if (!result.valid) {
        const at = `#/${key}/${index}`
        for (const unit of result.errors) {
          errors.push({ ...unit, instanceLocation: at + unit.instanceLocation.slice(1) })
        }
      }
      if (performance.now() - sliceStart > SLICE_MS) {
        await nextTask()
        sliceStart = performance.now()
      }
    }
  }
  throwIfInvalid(errors, path)
  return body as Schemas[N]
}

export interface ExpectedScope {
  tenant: string
  /** Absent for tenant-level resources (e.g. the environment list). */
  env?: string
}

/**
 * Where the scope fields are in a body of one schema: whether the object itself carries
 * `tenantId` / `environment`, and which declared properties hold further rows (an object or
 * an array of objects of a named schema). Built from the document, once per schema.
 */
interface ScopePlan {
  tenantId: boolean
  environment: boolean
  children: { key: string; plan: ScopePlan }[]
}

const plansBySchema = new WeakMap<ResponseSchema, ScopePlan>()

function refName(node: JsonSchemaNode | undefined): string | null {
  return node?.$ref?.startsWith('#/$defs/') ? node.$ref.slice('#/$defs/'.length) : null
}

/** The scope plan of an answer's schema, built once per schema. */
function planOf(schema: ResponseSchema): ScopePlan {
  const known = plansBySchema.get(schema)
  if (known) return known
  const defs = schema.$defs
  const plans = new Map<string, ScopePlan>()

  /** The named object schemas a property can hold (directly, as array items, or nullable). */
  const rowSchemasOf = (node: JsonSchemaNode): string[] => {
    const direct = refName(node)
    if (direct) return defs[direct]?.properties ? [direct] : []
    if (node.items) return rowSchemasOf(node.items)
    return [...(node.anyOf ?? []), ...(node.oneOf ?? []), ...(node.allOf ?? [])].flatMap(
      rowSchemasOf,
    )
  }
  const planFor = (name: string): ScopePlan => {
    const seen = plans.get(name)
    if (seen) return seen
    const plan: ScopePlan = { tenantId: false, environment: false, children: [] }
    plans.set(name, plan) // before recursing: a schema may contain itself
    const properties = defs[name]?.properties ?? {}
    plan.tenantId = 'tenantId' in properties
    plan.environment = 'environment' in properties
    for (const [key, node] of Object.entries(properties)) {
      for (const child of rowSchemasOf(node)) plan.children.push({ key, plan: planFor(child) })
    }
    return plan
  }

  const plan = planFor(schema.name)
  plansBySchema.set(schema, plan)
  return plan
}

/**
 * Refuse a validated response if any row carries another tenant or environment.
 *
 * Only the rows the contract defines are checked: the body itself and, following the schema,
 * every property declared as a row type (`items[]`, `series[]`, nested objects of a named
 * schema). Free-form maps and captured data (an execution's `headers`, bodies, messages) are
 * never read: a Camel header named `tenantId` is the user's business data, and treating it as
 * a row would let anyone who can send a message into a route hide their exchanges.
 */
/**
 * Whether the document puts `tenantId` on this schema or on any row type it holds. Some
 * answers carry none by contract (`/metrics/names` lists names, not rows of a tenant).
 */
export function schemaCarriesScope(schema: ResponseSchema): boolean {
  const seen = new Set<ScopePlan>()
  const visit = (plan: ScopePlan): boolean => {
    if (seen.has(plan)) return false
    seen.add(plan)
    return plan.tenantId || plan.children.some((child) => visit(child.plan))
  }
  return visit(planOf(schema))
}

export function assertScope(
  schema: ResponseSchema,
  body: unknown,
  expected: ExpectedScope,
  path: string,
): void {
  const stack: [unknown, ScopePlan][] = [[body, planOf(schema)]]
  while (stack.length) {
    const [value, plan] = stack.pop() as [unknown, ScopePlan]
    if (Array.isArray(value)) {
      for (const item of value) stack.push([item, plan])
      continue
    }
    if (!value || typeof value !== 'object') continue
    const row = value as Record<string, unknown>
    const tenantWrong = plan.tenantId && 'tenantId' in row && row.tenantId !== expected.tenant
    const envWrong =
      plan.environment &&
      expected.env !== undefined &&
      'environment' in row &&
      row.environment !== expected.env
    if (tenantWrong || envWrong) {
      throw new ScopeMismatchError(path, expected, {
        tenantId: tenantWrong ? row.tenantId : undefined,
        environment: envWrong ? row.environment : undefined,
      })
    }
    for (const child of plan.children) {
      // Rows that carry no scope and hold no rows (a metric's points) need not be walked.
      const { tenantId, environment, children } = child.plan
      if (tenantId || environment || children.length > 0) stack.push([row[child.key], child.plan])
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
