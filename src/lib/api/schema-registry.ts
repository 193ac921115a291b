// eslint-disable-next-line import-x/no-restricted-paths -- the one door to the whole document; lint keeps this module itself out of app code
import jsonSchemas from './generated/json-schemas.json'
import type { JsonSchemaNode, ResponseSchema } from './response-schema'
import type { SchemaName } from './types'

/**
 * Any schema of the document by name, with every definition: for tests, the mock's contract
 * checks and the verify-server tool, which go through all of them. The app imports the
 * generated per-answer modules instead (generated/response-schemas/), so no view's chunk
 * carries the whole document; lint keeps this module out of app code.
 */
const allDefs = (jsonSchemas as { $defs: Record<string, JsonSchemaNode> }).$defs
const byName = new Map<SchemaName, ResponseSchema>()

export function schemaNamed<N extends SchemaName>(name: N): ResponseSchema<N> {
  let schema = byName.get(name)
  if (!schema) {
    if (!(name in allDefs)) throw new Error(`The OpenAPI document has no schema ${name}`)
    schema = { name, $defs: allDefs }
    byName.set(name, schema)
  }
  return schema as ResponseSchema<N>
}
