import type { JobResult, OffThreadJob } from '@/lib/workers/off-thread-job'
import { ContractError } from './errors'
import {
  assertScope,
  prepareValidation,
  validateResponse,
  type ExpectedScope,
} from './response-validation'
import type { SchemaName, Schemas } from './types'

/**
 * What the API client does with every answer's body, in one place: read it as JSON, validate
 * it against the OpenAPI document's schema and refuse rows of another tenant or environment.
 * `scopedGet` runs it on the main thread; off-thread-get.ts runs the same code in a worker,
 * so an answer checked there is refused for exactly the reasons, with exactly the errors, it
 * would be refused for here.
 */
export async function readCheckedAnswer<N extends SchemaName>(
  body: string | ArrayBuffer | undefined,
  schema: N,
  scope: ExpectedScope,
  path: string,
): Promise<Schemas[N]> {
  const data = parseJson(body, path)
  await prepareValidation(data)
  const answer = validateResponse(schema, data, path)
  assertScope(schema, answer, scope, path)
  return answer
}

/** The body as JSON, or a ContractError (a proxy's HTML page, a truncated answer, nothing). */
export function parseJson(body: string | ArrayBuffer | undefined, path: string): unknown {
  // As Response.text() reads it: UTF-8, a BOM dropped, broken sequences replaced.
  const text = typeof body === 'string' ? body : body ? new TextDecoder().decode(body) : ''
  try {
    return JSON.parse(text) as unknown
  } catch {
    throw new ContractError(path, ['the body is not valid JSON'])
  }
}

/** What an off-thread job gets: the body as bytes, and what scopedGet would check it against. */
export interface CheckedAnswerInput<N extends SchemaName = SchemaName> {
  body: ArrayBuffer | undefined
  schema: N
  scope: ExpectedScope
  path: string
}

/** A job (off-thread-job.ts) that reads and checks an answer as scopedGet does, then reduces it. */
export function checkedAnswerJob<N extends SchemaName, Out>(
  schema: N,
  reduce: (answer: Schemas[N]) => JobResult<Out>,
): OffThreadJob<CheckedAnswerInput<N>, Out> {
  return async (input) => {
    // The caller's types tie its runner to this schema; a mix-up must not pass unchecked.
    if (input.schema !== schema) throw new Error(`This job reads ${schema}, not ${input.schema}.`)
    return reduce(await readCheckedAnswer(input.body, schema, input.scope, input.path))
  }
}
