import type { SchemaName } from './types'

/** A JSON Schema node of the runtime schemas (refs are `#/$defs/X`). */
export type JsonSchemaNode = {
  $ref?: string
  type?: string | string[]
  properties?: Record<string, JsonSchemaNode>
  items?: JsonSchemaNode
  allOf?: JsonSchemaNode[]
  anyOf?: JsonSchemaNode[]
  oneOf?: JsonSchemaNode[]
  [keyword: string]: unknown
}

/**
 * The schema an answer is checked against: its name in the OpenAPI document and the
 * definitions it reaches (itself included). Generated per response schema into
 * `generated/response-schemas/` (`npm run api:generate`), so a view's chunk carries only the
 * schemas of the answers it reads. The name types the answer (`Schemas[N]`).
 */
export interface ResponseSchema<N extends SchemaName = SchemaName> {
  readonly name: N
  readonly $defs: Readonly<Record<string, JsonSchemaNode>>
}
