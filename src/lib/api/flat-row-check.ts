import { format, ucs2length } from '@cfworker/json-schema'
import { canonicalUtc, readCanonicalUtc } from '@/lib/canonical-utc'

/**
 * A fast path for the one shape that makes answers big: long arrays of flat rows (a metric
 * series' points, a time series' buckets). The general validator spends ~10 µs per such row,
 * seconds for the 300,000 points of forty agents' metrics over a day; this check is compiled
 * (into closures, no `eval`: strict CSP) from the very same component schema and applies the
 * same keywords, with @cfworker/json-schema's own format checks. A schema using any keyword
 * this does not implement is not "flat" and stays with the general validator.
 */

type Node = Record<string, unknown>
/** `null` when the row is fine, else the property at fault (null: the row itself) and why. */
export type RowCheck = (row: unknown) => [property: string | null, message: string] | null

const PRIMITIVE_KEYWORDS = new Set([
  'type',
  'format',
  'pattern',
  'minLength',
  'maxLength',
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'exclusiveMaximum',
  'enum',
  'description',
])
const OBJECT_KEYWORDS = new Set(['type', 'required', 'properties', 'description'])

function resolve(node: Node, defs: Record<string, Node>): Node | null {
  const ref = node.$ref
  if (typeof ref !== 'string') return node
  if (Object.keys(node).some((key) => key !== '$ref' && key !== 'description')) return null
  const name = ref.startsWith('#/$defs/') ? ref.slice('#/$defs/'.length) : null
  const target = name ? defs[name] : undefined
  return target ? resolve(target, defs) : null
}

type ValueCheck = (value: unknown) => string | null

// The form servers send (`2026-11-28T07:00:00.000Z`), checked without a regex or substrings
// (canonical-utc.ts); anything else goes to @cfworker/json-schema's own date-time check.
const DAYS_IN_MONTH = [0, 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]

function dateTimeCheck(general: (value: string) => boolean): (value: string) => boolean {
  return (value) => {
    if (!readCanonicalUtc(value)) return general(value)
    const { year, month, day, hour, minute, second } = canonicalUtc
    const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0)
    const days = month === 2 && !leap ? 28 : (DAYS_IN_MONTH[month] ?? 0)
    if (month < 1 || month > 12 || day < 1 || day > days) return false
    // Leap seconds (:60) are rare enough to leave to the general check.
    if (hour > 23 || minute > 59) return false
    return second <= 59 || general(value)
  }
}

const TYPE_CHECKS: Record<string, (value: unknown) => boolean> = {
  string: (value) => typeof value === 'string',
  number: (value) => typeof value === 'number',
  integer: (value) => typeof value === 'number' && Number.isInteger(value),
  boolean: (value) => typeof value === 'boolean',
  null: (value) => value === null,
}

// Compiled to do no more per value than its schema asks: this runs for every property of
// every row of an answer (600,000 times for a day of forty agents' metrics).
function compileValue(raw: Node, defs: Record<string, Node>): ValueCheck | null {
  const node = resolve(raw, defs)
  if (!node || Object.keys(node).some((key) => !PRIMITIVE_KEYWORDS.has(key))) return null
  const types = Array.isArray(node.type) ? (node.type as string[]) : [node.type as string]
  const typeChecks = types.map((type) => TYPE_CHECKS[type])
  if (typeChecks.some((check) => !check)) return null
  const [onlyType] = typeChecks
  const typeOk =
    typeChecks.length === 1 && onlyType
      ? onlyType
      : (value: unknown) => typeChecks.some((check) => check?.(value))
  const typeMessage = `must be ${types.join(' or ')}`
  const formatName = node.format as string | undefined
  const general = formatName
    ? (format as Record<string, (value: string) => boolean>)[formatName]
    : undefined
  if (formatName && !general) return null
  const formatCheck = general && formatName === 'date-time' ? dateTimeCheck(general) : general
  const pattern = typeof node.pattern === 'string' ? new RegExp(node.pattern, 'u') : null
  const { minLength, maxLength, minimum, maximum, exclusiveMinimum, exclusiveMaximum } = node as {
    [key: string]: number | undefined
  }
  const allowed = Array.isArray(node.enum) ? (node.enum as unknown[]) : null
  const checksStrings =
    formatCheck !== undefined ||
    pattern !== null ||
    minLength !== undefined ||
    maxLength !== undefined
  const checksNumbers =
    minimum !== undefined ||
    maximum !== undefined ||
    exclusiveMinimum !== undefined ||
    exclusiveMaximum !== undefined
  return (value) => {
    if (!typeOk(value)) return typeMessage
    if (allowed && !allowed.includes(value)) return 'is not one of the allowed values'
    if (checksStrings && typeof value === 'string') {
      if (formatCheck && !formatCheck(value)) return `must be a ${formatName}`
      if (pattern && !pattern.test(value)) return `must match ${String(node.pattern)}`
      if (minLength !== undefined && ucs2length(value) < minLength) return 'is too short'
      if (maxLength !== undefined && ucs2length(value) > maxLength) return 'is too long'
    }
    if (checksNumbers && typeof value === 'number') {
      if (minimum !== undefined && value < minimum) return `must be at least ${minimum}`
      if (maximum !== undefined && value > maximum) return `must be at most ${maximum}`
      if (exclusiveMinimum !== undefined && value <= exclusiveMinimum) return 'is too small'
      if (exclusiveMaximum !== undefined && value >= exclusiveMaximum) return 'is too large'
    }
    return null
  }
}

/** A check for rows of this object schema, or null when it is not flat. */
export function compileFlatRow(raw: Node, defs: Record<string, Node>): RowCheck | null {
  const node = resolve(raw, defs)
  if (!node || node.type !== 'object') return null
  if (Object.keys(node).some((key) => !OBJECT_KEYWORDS.has(key))) return null
  const properties = (node.properties ?? {}) as Record<string, Node>
  const keys: string[] = []
  const checks: ValueCheck[] = []
  for (const [key, property] of Object.entries(properties)) {
    const check = compileValue(property, defs)
    if (!check) return null
    keys.push(key)
    checks.push(check)
  }
  const required = (node.required ?? []) as string[]
  // Indexed loops: no iterator or tuple per row.
  return (row) => {
    if (typeof row !== 'object' || row === null || Array.isArray(row))
      return [null, 'must be object']
    const record = row as Record<string, unknown>
    for (let i = 0; i < required.length; i++) {
      const key = required[i] as string
      if (!(key in record)) return [key, 'is required']
    }
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i] as string
      if (!(key in record)) continue
      const problem = (checks[i] as ValueCheck)(record[key])
      if (problem) return [key, problem]
    }
    return null
  }
}
