import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { signDemoToken } from '@/mocks/auth/auth-tokens'
import jsonSchemas from './generated/json-schemas.json'
import specText from './openapi.yaml?raw'
import { ContractError } from './errors'
import type { ResponseSchema } from './response-schema'
import { assertScope, validateResponse } from './response-validation'
import { schemaNamed } from './schema-registry'
import type { AgentList, SchemaName } from './types'

/** The per-answer schema modules the app validates with, by schema name. */
const generatedModules = import.meta.glob<Record<string, ResponseSchema>>(
  './generated/response-schemas/*.ts',
  { eager: true },
)
const answerSchemas = new Map<string, ResponseSchema>(
  Object.values(generatedModules)
    .flatMap((module) => Object.values(module))
    .map((schema) => [schema.name, schema]),
)
/** What the app checks an answer of this schema with: its generated module when it has one. */
const schemaForAnswer = (name: SchemaName): ResponseSchema =>
  answerSchemas.get(name) ?? schemaNamed(name)

/**
 * The mock checked against the OpenAPI document: every operation it serves answers with the
 * body the document names for that operation (looked up in the document, never by hand), and
 * every error it sends is a problem document with a status the operation declares.
 */

type Json = null | boolean | number | string | Json[] | { [key: string]: Json }
type JsonObject = { [key: string]: Json }
interface Parameter {
  name: string
  in: 'path' | 'query' | 'header'
  required?: boolean
}
interface Operation {
  parameters?: JsonObject[]
  responses: Record<string, JsonObject>
}

const spec = parse(specText) as JsonObject

/** Follows a local `$ref` (`#/components/...`) to what it points at. */
function deref<T>(node: unknown): T {
  let current = node as JsonObject
  while (current && typeof current.$ref === 'string') {
    const pointer = current.$ref.replace(/^#\//, '').split('/')
    current = pointer.reduce<Json>(
      (value, key) => (value as JsonObject)[key] as Json,
      spec,
    ) as JsonObject
  }
  return current as T
}

function schemaNameOf(response: JsonObject, mediaType: string): SchemaName {
  const content = deref<JsonObject>(response).content as JsonObject
  const schema = (content[mediaType] as JsonObject | undefined)?.schema as JsonObject | undefined
  const ref = schema?.$ref
  if (typeof ref !== 'string') throw new Error(`no ${mediaType} schema reference in the response`)
  return ref.replace('#/components/schemas/', '') as SchemaName
}

const paths = spec.paths as unknown as Record<string, Record<string, Operation>>
const getOperations = Object.entries(paths)
  .filter(([, item]) => item.get)
  .map(([path, item]) => ({ path, operation: item.get as Operation }))

const parametersOf = (operation: Operation) =>
  (operation.parameters ?? []).map((p) => deref<Parameter>(p))
/** Data endpoints: `environment` required (on `/audit` it is an optional filter). */
const isScoped = (operation: Operation) =>
  parametersOf(operation).some((p) => p.name === 'environment' && p.required)
const declaredStatuses = (operation: Operation) => Object.keys(operation.responses).map(Number)

/** The operations the mock must serve today; the others are checked once it serves them. */
const required = [
  '/me',
  '/environments',
  '/agents',
  '/agents/{agentId}',
  '/agents/{agentId}/events',
]

const BASE = 'http://localhost/api/v1'
const tokens: Record<string, string> = {}
/** Real ids to fill path and required query parameters with, taken from the mock's own lists. */
const samples: Record<string, string> = { names: 'jvm.memory.heap.used,jvm.memory.heap.max' }

function urlFor(
  path: string,
  operation: Operation,
  overrides: Record<string, string> = {},
): string {
  const values: Record<string, string> = { ...samples, environment: 'prod', ...overrides }
  const query = new URLSearchParams()
  let resolved = path
  for (const parameter of parametersOf(operation)) {
    const value = values[parameter.name]
    if (parameter.in === 'path') {
      if (value === undefined) throw new Error(`no sample for path parameter ${parameter.name}`)
      resolved = resolved.replace(`{${parameter.name}}`, encodeURIComponent(value))
    } else if (parameter.in === 'query' && (parameter.required || parameter.name in overrides)) {
      if (value === undefined) throw new Error(`no sample for required parameter ${parameter.name}`)
      query.set(parameter.name, value)
    }
  }
  const search = query.toString()
  return `${BASE}${resolved}${search ? `?${search}` : ''}`
}

async function call(url: string, token?: string, init: RequestInit = {}) {
  const headers = new Headers(init.headers)
  if (token) headers.set('Authorization', `Bearer ${token}`)
  const response = await fetch(url, { ...init, headers })
  const text = await response.text()
  let body: unknown
  try {
    body = JSON.parse(text)
  } catch {
    body = text
  }
  return {
    status: response.status,
    contentType: response.headers.get('Content-Type'),
    headers: response.headers,
    body,
  }
}

/** Whether the mock answered "no such endpoint" (its gateway's 404 for unknown paths). */
const notServed = (answer: { status: number; body: unknown }) =>
  answer.status === 404 &&
  /^No endpoint /.test(String((answer.body as { detail?: unknown })?.detail))

function expectValid(schema: SchemaName, body: unknown, label: string) {
  try {
    validateResponse(schemaForAnswer(schema), body, label)
  } catch (error) {
    if (error instanceof ContractError) {
      throw new Error(
        `${label} does not follow ${schema}:\n  ${error.issues.slice(0, 10).join('\n  ')}`,
        { cause: error },
      )
    }
    throw error
  }
}

function expectProblem(
  answer: Awaited<ReturnType<typeof call>>,
  status: number,
  operation: Operation,
  label: string,
) {
  expect(answer.status, `${label}: ${JSON.stringify(answer.body)}`).toBe(status)
  expect(
    declaredStatuses(operation),
    `${label}: ${status} is not declared by the document`,
  ).toContain(status)
  expect(answer.contentType, label).toBe('application/problem+json')
  const declared = operation.responses[String(status)] as JsonObject
  const schema = schemaNameOf(declared, 'application/problem+json')
  expect(schema).toBe('Problem')
  expectValid(schema, answer.body, label)
  expect((answer.body as { status: number }).status, label).toBe(status)
  const headers = deref<JsonObject>(declared).headers as JsonObject | undefined
  for (const header of Object.keys(headers ?? {})) {
    expect(answer.headers.get(header), `${label}: header ${header}`).toBeTruthy()
  }
}

/** Provokes every error the contract defines for the operation and checks each answer. */
async function expectDeclaredErrors(path: string, operation: Operation) {
  const url = urlFor(path, operation)
  expectProblem(await call(url), 401, operation, `GET ${path} without a token`)
  const forged = await signDemoToken('admin@acme', { secret: 'another-secret' })
  expectProblem(await call(url, forged), 401, operation, `GET ${path} with a forged token`)

  if (isScoped(operation)) {
    const malformed = urlFor(path, operation, { environment: 'PROD' })
    expectProblem(
      await call(malformed, tokens.admin),
      400,
      operation,
      `GET ${path} environment=PROD`,
    )
    const missing = new URL(url)
    missing.searchParams.delete('environment')
    expectProblem(
      await call(missing.href, tokens.admin),
      400,
      operation,
      `GET ${path} without environment`,
    )
    expectProblem(await call(url, tokens.dev), 403, operation, `GET ${path} as dev@acme in prod`)
  }

  const pathParameters = parametersOf(operation).filter((p) => p.in === 'path')
  if (pathParameters.length > 0) {
    const unknown = Object.fromEntries(pathParameters.map((p) => [p.name, `no-such-${p.name}`]))
    expectProblem(
      await call(urlFor(path, operation, unknown), tokens.admin),
      404,
      operation,
      `GET ${path} unknown id`,
    )
  }
}

beforeAll(async () => {
  tokens.admin = await signDemoToken('admin@acme')
  tokens.dev = await signDemoToken('dev@acme')
  const agents = (await call(`${BASE}/agents?environment=prod`, tokens.admin)).body as AgentList
  const agent = agents.items.find((item) => item.routeIds.length > 0)
  if (!agent) throw new Error('the mock has no agent with routes in acme/prod')
  samples.agentId = agent.agentId
  samples.applicationId = agent.applicationId
  samples.routeId = agent.routeIds[0] as string
  const executions = await call(`${BASE}/executions?environment=prod&limit=50`, tokens.admin)
  const items = (executions.body as { items?: { executionId?: string; status?: string }[] })?.items
  // A finished execution whose first processor has a snapshot (some applications capture none).
  for (const item of items ?? []) {
    if (item.status === 'RUNNING' || !item.executionId) continue
    const detail = await call(
      `${BASE}/executions/${item.executionId}?environment=prod`,
      tokens.admin,
    )
    const first = (detail.body as { processors?: { processorId: string; snapshot: boolean }[] })
      .processors?.[0]
    if (first?.snapshot) {
      samples.executionId = item.executionId
      samples.processorId = first.processorId
      break
    }
  }
  samples.executionId ??= 'no-execution-served'
  samples.processorId ??= 'no-processor-served'
  const rules = await call(`${BASE}/alerts/rules?environment=prod`, tokens.admin)
  const firstRule = (rules.body as { items?: { ruleId?: string }[] })?.items?.[0]
  samples.ruleId = firstRule?.ruleId ?? 'no-rule-served'
  // A command to read back (sent again before each test: every test starts from the seed).
  const live = agents.items.find((item) => item.status === 'LIVE' && item.routeIds.length > 0)
  if (live) {
    commandBody = JSON.stringify({
      type: 'route-control',
      applicationId: live.applicationId,
      routeId: live.routeIds[0],
      action: 'suspend',
      agentIds: [live.agentId],
    })
  }
})

let commandBody: string | null = null
beforeEach(async () => {
  const sent = commandBody
    ? await call(`${BASE}/commands?environment=prod`, tokens.admin, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'Idempotency-Key': 'mock-contract' },
        body: commandBody,
      })
    : undefined
  samples.commandId =
    (sent?.body as { commandId?: string } | undefined)?.commandId ?? 'no-command-served'
})

describe('the generated JSON schemas', () => {
  it("are the document's component schemas, refs rewritten, without descriptions (validators see what the document says)", () => {
    // `description` is an annotation (no validator reads it), left out to keep the entry chunk
    // small; a *property* named `description` is part of the contract and stays.
    const nameMaps = new Set(['properties', 'patternProperties', 'dependentSchemas', '$defs'])
    const rewrite = (value: Json, inNameMap = false): Json =>
      Array.isArray(value)
        ? value.map((item) => rewrite(item))
        : value && typeof value === 'object'
          ? Object.fromEntries(
              Object.entries(value)
                .filter(([key]) => inNameMap || key !== 'description')
                .map(([key, child]) => [
                  key,
                  !inNameMap && key === '$ref' && typeof child === 'string'
                    ? child.replace('#/components/schemas/', '#/$defs/')
                    : rewrite(child, !inNameMap && nameMaps.has(key)),
                ]),
            )
          : value
    const components = (spec.components as JsonObject).schemas as JsonObject
    expect(jsonSchemas.$defs).toEqual(rewrite(components, true))
    expect(JSON.stringify(jsonSchemas)).not.toContain('"description":"')
    expect(jsonSchemas.$defs.MetricName.properties).toHaveProperty('description')
  })

  it('gives every success JSON answer a schema module with exactly the definitions it reaches', () => {
    const all = jsonSchemas.$defs as Record<string, Json>
    const answered = Object.values(paths).flatMap((item) =>
      Object.values(item ?? {}).flatMap((operation) =>
        ['200', '201', '202'].flatMap((status) => {
          const ok = (operation as Operation).responses?.[status] as JsonObject | undefined
          const content = ok ? (deref<JsonObject>(ok).content as JsonObject | undefined) : undefined
          return content?.['application/json']
            ? [schemaNameOf(ok as JsonObject, 'application/json')]
            : []
        }),
      ),
    )
    expect(answered.length).toBeGreaterThan(10)
    expect([...answerSchemas.keys()].sort()).toEqual([...new Set(answered)].sort())

    const refsIn = (value: unknown): string[] =>
      Array.isArray(value)
        ? value.flatMap(refsIn)
        : value && typeof value === 'object'
          ? Object.entries(value).flatMap(([key, child]) =>
              key === '$ref' && typeof child === 'string'
                ? [child.replace('#/$defs/', '')]
                : refsIn(child),
            )
          : []
    for (const schema of answerSchemas.values()) {
      const reached = new Set([schema.name])
      const queue: string[] = [schema.name]
      while (queue.length) {
        for (const ref of refsIn(all[queue.pop() as string])) {
          if (!reached.has(ref as SchemaName)) {
            reached.add(ref as SchemaName)
            queue.push(ref)
          }
        }
      }
      expect(Object.keys(schema.$defs).sort(), schema.name).toEqual([...reached].sort())
      for (const name of reached) expect(schema.$defs[name], name).toEqual(all[name])
    }
  })
})

describe('the mock against the OpenAPI document', () => {
  const notServedYet: string[] = []
  afterAll(() => {
    if (notServedYet.length)
      console.info(`Not served by the mock yet: GET ${notServedYet.join(', GET ')}`)
  })

  it('serves at least the session and agent operations', async () => {
    for (const path of required) {
      const operation = paths[path]?.get
      expect(operation, `${path} is in the document`).toBeDefined()
      const answer = await call(urlFor(path, operation as Operation), tokens.admin)
      expect(notServed(answer), `the mock serves GET ${path}`).toBe(false)
    }
  })

  describe.each(getOperations)('GET $path', ({ path, operation }) => {
    const okSchema = schemaNameOf(operation.responses['200'] as JsonObject, 'application/json')

    it(`follows the document: 200 is ${okSchema}, errors are declared problems`, async () => {
      const answer = await call(urlFor(path, operation), tokens.admin)
      if (notServed(answer) && !required.includes(path)) {
        // Not served yet: what the gateway sends instead must still be a proper problem.
        notServedYet.push(path)
        expect(answer.contentType).toBe('application/problem+json')
        expectValid('Problem', answer.body, `GET ${path}`)
        return
      }
      expect(answer.status, JSON.stringify(answer.body).slice(0, 500)).toBe(200)
      expect(answer.contentType).toMatch(/^application\/json\b/)
      expect(okSchema in jsonSchemas.$defs).toBe(true)
      expectValid(okSchema, answer.body, `GET ${path}`)
      assertScope(
        schemaForAnswer(okSchema as SchemaName),
        answer.body,
        { tenant: 'acme', env: isScoped(operation) ? 'prod' : undefined },
        path,
      )

      await expectDeclaredErrors(path, operation)
    })
  })

  describe('POST /auth/login', () => {
    const operation = paths['/auth/login']?.post as Operation
    const login = (body: string) =>
      call(`${BASE}/auth/login`, undefined, {
        method: 'POST',
        body,
        headers: { 'Content-Type': 'application/json' },
      })

    it("answers 200 with the document's response schema", async () => {
      const answer = await login(JSON.stringify({ username: 'admin@beta', password: 'demo' }))
      expect(answer.status).toBe(200)
      expect(answer.contentType).toMatch(/^application\/json\b/)
      expectValid(
        schemaNameOf(operation.responses['200'] as JsonObject, 'application/json'),
        answer.body,
        'login',
      )
    })

    it('answers bad bodies and wrong credentials with declared problems', async () => {
      expectProblem(await login('{not json'), 400, operation, 'login with a broken body')
      expectProblem(
        await login(JSON.stringify({ username: 'admin@acme' })),
        400,
        operation,
        'login without password',
      )
      expectProblem(
        await login(JSON.stringify({ username: 'admin@acme', password: 'nope' })),
        401,
        operation,
        'login with a wrong password',
      )
    })
  })
})
