import { ContractError } from './errors'
import type { ResponseSchema } from './response-schema'
import { assertScope, validateResponseInSlices, type ExpectedScope } from './response-validation'
import type { SchemaName, Schemas } from './types'

/**
 * What the API client does with every answer's body, in one place: read it as JSON
 * (`parseJson`, in `send`), validate it against the OpenAPI document's schema and refuse rows
 * of another tenant or environment (`checkAnswer`), as `scopedGet` and `tenantGet` do.
 */
export async function checkAnswer<N extends SchemaName>(
  data: unknown,
  schema: ResponseSchema<N>,
  scope: ExpectedScope,
  path: string,
): Promise<Schemas[N]> {
  const answer = await validateResponseInSlices(schema, data, path)
  assertScope(schema, answer, scope, path)
  return answer
}

/** The body as JSON, or a ContractError (a proxy's HTML page, a truncated answer, nothing). */
export function parseJson(body: string, path: string): unknown {
  try {
    return JSON.parse(body) as unknown
  } catch {
    throw new ContractError(path, ['the body is not valid JSON'])
  }
}
