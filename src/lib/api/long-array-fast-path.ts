import { compileFlatRow, type RowCheck } from './flat-row-check'
import type { ResponseSchema } from './response-schema'

/**
 * The validation fast path for long arrays of flat rows (see flat-row-check.ts), loaded by
 * response-validation.ts the first time an answer holds such an array: most views never get
 * one, so it is not on their first load.
 */

type Node = Record<string, unknown> & {
  $ref?: string
  type?: string | string[]
  properties?: Record<string, Node>
  items?: Node
}

/** Arrays shorter than this go through the general validator (its messages are richer). */
export const FAST_PATH_MIN_ROWS = 256
const ARRAY_KEYWORDS = new Set(['type', 'items', 'minItems', 'maxItems', 'description'])

/** Where a schema's long flat arrays are: directly, or under properties holding rows. */
interface FastPlan {
  arrays: { key: string; check: RowCheck; minItems?: number; maxItems?: number }[]
  children: { key: string; array: boolean; plan: FastPlan }[]
}

function refName(node: Node | undefined): string | null {
  return node?.$ref?.startsWith('#/$defs/') ? node.$ref.slice('#/$defs/'.length) : null
}

/** Plans for one answer schema's definitions (`defs`, the closure of a response schema). */
function createPlanner(defs: Readonly<Record<string, Node>>) {
  const fastPlans = new Map<string, FastPlan | null>()
  const flatChecks = new Map<string, RowCheck | null>()

  function flatCheckFor(name: string): RowCheck | null {
    if (!flatChecks.has(name)) {
      const node = defs[name]
      flatChecks.set(name, node ? compileFlatRow(node, defs) : null)
    }
    return flatChecks.get(name) ?? null
  }

  function fastPlanFor(name: string, visiting = new Set<string>()): FastPlan | null {
    if (fastPlans.has(name)) return fastPlans.get(name) ?? null
    if (visiting.has(name)) return null
    visiting.add(name)
    const plan: FastPlan = { arrays: [], children: [] }
    for (const [key, node] of Object.entries(defs[name]?.properties ?? {})) {
      const raw = node as Node & { minItems?: number; maxItems?: number }
      const itemRef = refName(raw.items)
      if (raw.type === 'array' && itemRef) {
        const check = flatCheckFor(itemRef)
        if (check && Object.keys(raw).every((keyword) => ARRAY_KEYWORDS.has(keyword))) {
          plan.arrays.push({ key, check, minItems: raw.minItems, maxItems: raw.maxItems })
          continue
        }
        const child = fastPlanFor(itemRef, visiting)
        if (child) plan.children.push({ key, array: true, plan: child })
        continue
      }
      const direct = refName(raw)
      const child = direct ? fastPlanFor(direct, visiting) : null
      if (child) plan.children.push({ key, array: false, plan: child })
    }
    const result = plan.arrays.length > 0 || plan.children.length > 0 ? plan : null
    fastPlans.set(name, result)
    return result
  }

  /** A shallow copy of `value` with its long flat arrays checked and replaced by `[]`. */
  function stripFastArrays(
    value: unknown,
    plan: FastPlan,
    location: string[],
    issues: string[],
  ): unknown {
    if (!value || typeof value !== 'object' || Array.isArray(value)) return value
    const copy: Record<string, unknown> = { ...(value as Record<string, unknown>) }
    for (const { key, check, minItems, maxItems } of plan.arrays) {
      const rows = copy[key]
      if (!Array.isArray(rows) || rows.length < FAST_PATH_MIN_ROWS) continue
      const at = [...location, key].join('.')
      if (maxItems !== undefined && rows.length > maxItems) {
        issues.push(`${at}: must have at most ${maxItems} items`)
      }
      if (minItems !== undefined && rows.length < minItems) {
        issues.push(`${at}: must have at least ${minItems} items`)
      }
      for (let i = 0; i < rows.length; i++) {
        const problem = check(rows[i])
        if (problem) {
          issues.push(`${at}.${i}${problem[0] ? `.${problem[0]}` : ''}: ${problem[1]}`)
          break
        }
      }
      copy[key] = []
    }
    for (const { key, array, plan: child } of plan.children) {
      const inner = copy[key]
      if (array && Array.isArray(inner)) {
        copy[key] = inner.map((item, i) =>
          stripFastArrays(item, child, [...location, key, String(i)], issues),
        )
      } else if (!array) {
        copy[key] = stripFastArrays(inner, child, [...location, key], issues)
      }
    }
    return copy
  }

  return { fastPlanFor, stripFastArrays }
}

/** Strips long flat arrays from answers, checking them; planned once per response schema. */
export function createFastPath() {
  const planners = new WeakMap<ResponseSchema, ReturnType<typeof createPlanner>>()
  /**
   * `body` with the long flat arrays of `schema` checked (their issues pushed onto `issues`,
   * the fast path's own come first) and replaced by `[]`, for the general validator.
   */
  return (schema: ResponseSchema, body: unknown, issues: string[]): unknown => {
    let planner = planners.get(schema)
    if (!planner) {
      planner = createPlanner(schema.$defs as Readonly<Record<string, Node>>)
      planners.set(schema, planner)
    }
    const plan = planner.fastPlanFor(schema.name)
    return plan ? planner.stripFastArrays(body, plan, [], issues) : body
  }
}

export type FastPath = ReturnType<typeof createFastPath>
