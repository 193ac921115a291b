import { parse } from 'yaml'
import openapiText from '@/lib/api/openapi.yaml?raw'
import jsonSchemas from '@/lib/api/generated/json-schemas.json'
import type { SchemaName } from '@/lib/api/types'

/**
 * What the probe reads from the project's OpenAPI document: which schema a GET path answers
 * with. The schemas themselves are the generated JSON Schemas the UI validates with
 * (src/lib/api/generated/json-schemas.json through response-validation.ts), so the probe and
 * the UI can never disagree on what a valid answer is.
 */

interface OpenApiDocument {
  paths?: Record<string, { get?: { responses?: Record<string, ResponseObject> } }>
}

interface ResponseObject {
  content?: Record<string, { schema?: { $ref?: string } }>
}

const document = parse(openapiText) as OpenApiDocument
const schemaNames = new Set(Object.keys((jsonSchemas as { $defs: object }).$defs))

/** Every GET path the document defines, e.g. `/agents/{agentId}`. */
export function documentedGetPaths(): string[] {
  return Object.entries(document.paths ?? {})
    .filter(([, item]) => item.get)
    .map(([path]) => path)
}

/** The schema of the 200 answer to `GET path`, or `null` when the document defines none. */
export function responseSchemaOf(path: string): SchemaName | null {
  const ref =
    document.paths?.[path]?.get?.responses?.['200']?.content?.['application/json']?.schema?.$ref
  const name = ref?.split('/').pop()
  return name && schemaNames.has(name) ? (name as SchemaName) : null
}
