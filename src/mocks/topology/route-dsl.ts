/**
 * A tiny Camel-like DSL for writing the demo routes as readable nested steps. The topology
 * turns these into ids, diagram nodes/edges and a processor tree.
 */

export type ProcessorType =
  | 'from'
  | 'to'
  | 'choice'
  | 'when'
  | 'otherwise'
  | 'split'
  | 'log'
  | 'transform'
  | 'bean'
  | 'filter'
  | 'enrich'
  | 'marshal'
  | 'unmarshal'
  | 'wireTap'
  | 'throwException'

export interface StepSpec {
  type: ProcessorType
  label: string
  endpointUri: string | null
  /** Shown on the edge into this step's body (choice branches, split items, filter matches). */
  branchLabel: string | null
  children: StepSpec[]
}

const step = (
  type: ProcessorType,
  label: string,
  endpointUri: string | null = null,
  children: StepSpec[] = [],
  branchLabel: string | null = null,
): StepSpec => ({ type, label, endpointUri, branchLabel, children })

export const from = (uri: string) => step('from', `from ${shortUri(uri)}`, uri)
export const to = (uri: string) => step('to', `to ${shortUri(uri)}`, uri)
export const enrich = (uri: string) => step('enrich', `enrich from ${shortUri(uri)}`, uri)
export const wireTap = (uri: string) => step('wireTap', `wireTap ${shortUri(uri)}`, uri)
export const log = (message: string) => step('log', `log "${message}"`)
export const transform = (expression: string) => step('transform', `transform ${expression}`)
export const bean = (ref: string) => step('bean', `bean ${ref}`)
export const marshal = (format: string) => step('marshal', `marshal ${format}`)
export const unmarshal = (format: string) => step('unmarshal', `unmarshal ${format}`)
export const throwException = (exception: string) => step('throwException', `throw ${exception}`)

export const choice = (...branches: StepSpec[]) => step('choice', 'choice', null, branches)
export const when = (predicate: string, ...steps: StepSpec[]) =>
  step('when', `when ${predicate}`, null, steps, predicate)
export const otherwise = (...steps: StepSpec[]) =>
  step('otherwise', 'otherwise', null, steps, 'otherwise')
export const split = (expression: string, ...steps: StepSpec[]) =>
  step('split', `split ${expression}`, null, steps, 'each item')
export const filter = (predicate: string, ...steps: StepSpec[]) =>
  step('filter', `filter ${predicate}`, null, steps, predicate)

/** Labels stay short; the full URI (with its options) is in `endpointUri`. */
function shortUri(uri: string): string {
  const withoutQuery = uri.split('?')[0] ?? uri
  return withoutQuery.length > 48 ? `${withoutQuery.slice(0, 45)}…` : withoutQuery
}
