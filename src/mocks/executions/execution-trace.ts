import type { Random } from '../random'
import { createRandom } from '../random'
import type { ProcessorNode } from '../topology/topology'
import { chooseFailureKind, type FailureKind } from './execution-errors'
import { processorCostMs, walk, type EnvironmentModel, type RouteModel } from './execution-model'

/**
 * The processor trace of one execution: which processors ran, in start order, with their
 * parent, timing and failure marks. It follows the route's processor tree the way Camel does
 * (a choice takes one branch, a split runs its body per item, a filter may skip its body)
 * and stops where the exchange failed. Timing nests by construction: a container spans its
 * children, siblings follow each other, everything fits in the execution's duration.
 *
 * Independent of headers and bodies, so statistics can walk thousands of traces cheaply.
 */

export interface TraceRecord {
  node: ProcessorNode
  /** Index of the parent record, -1 at the top level. */
  parent: number
  /** Whole ms after the execution's start. */
  start: number
  end: number
}

export interface Trace {
  records: TraceRecord[]
  /** Index of the record where the exchange failed, -1 when it did not. */
  failIndex: number
  failure: FailureKind | null
}

export interface TraceInput {
  model: EnvironmentModel
  route: RouteModel
  bucket: number
  index: number
  failed: boolean
  durationMs: number
  items: number
}

interface RouteShape {
  /** Per choice: the weight of each branch, in children order. */
  branchWeights: Map<string, number[]>
  /** Per choice: whether each branch can reach a throwException. */
  branchThrows: Map<string, boolean[]>
  /** Typical cost of each node, in ms. */
  costs: Map<string, number>
  /** Per filter: the chance that it matches. */
  matchRates: Map<string, number>
  /** Per node: the ids in its subtree, itself included. */
  subtree: Map<string, Set<string>>
  throwIds: string[]
}

const shapes = new WeakMap<RouteModel, RouteShape>()

function shapeOf(model: EnvironmentModel, route: RouteModel): RouteShape {
  let shape = shapes.get(route)
  if (shape) return shape
  const random = createRandom(`${model.tenantId}/${route.applicationId}/${route.routeId}/shape`)
  const branchWeights = new Map<string, number[]>()
  const branchThrows = new Map<string, boolean[]>()
  const costs = new Map<string, number>()
  const matchRates = new Map<string, number>()
  const subtree = new Map<string, Set<string>>()
  const collect = (node: ProcessorNode): Set<string> => {
    const ids = new Set<string>([node.id])
    for (const child of node.children) for (const id of collect(child)) ids.add(id)
    subtree.set(node.id, ids)
    return ids
  }
  route.definition.tree.forEach(collect)
  const throwIds: string[] = []
  const allNodes = [...walk(route.definition.tree)]
  for (const node of allNodes) if (node.type === 'throwException') throwIds.push(node.id)
  for (const node of allNodes) {
    costs.set(node.id, processorCostMs(node))
    if (node.type === 'choice') {
      branchThrows.set(
        node.id,
        node.children.map((branch) => throwIds.some((id) => subtree.get(branch.id)?.has(id))),
      )
      // The otherwise branch is usually the common path; whens are the exceptions.
      branchWeights.set(
        node.id,
        node.children.map((branch) =>
          branch.type === 'otherwise' ? random.float(2, 5) : random.logNormal(1, 0.7),
        ),
      )
    }
    if (node.type === 'filter') matchRates.set(node.id, random.float(0.1, 0.6))
  }
  shape = { branchWeights, branchThrows, costs, matchRates, subtree, throwIds }
  shapes.set(route, shape)
  return shape
}

/** Which processor kinds an exchange fails in, and how often relative to each other. */
function failureWeight(node: ProcessorNode): number {
  switch (node.type) {
    case 'to':
    case 'enrich':
      return /^(direct|kafka):/.test(node.endpointUri ?? '') ? 2 : 8
    case 'bean':
    case 'unmarshal':
      return 2
    case 'marshal':
      return 1
    case 'transform':
      return 0.3
    case 'wireTap':
      return 0.2
    default:
      return 0
  }
}

export function traceExecution(input: TraceInput): Trace {
  const { model, route, bucket, index, failed, durationMs } = input
  const shape = shapeOf(model, route)
  const random = createRandom(`${model.key}/trace/${bucket}/${index}`)
  const incident = model.incidentAt(bucket)
  const inIncident = incident?.routeIndex === route.index

  // Where a failing exchange breaks: the incident's dependency, else often a route's own
  // throwException (validation, declined), else a processor chosen after the walk.
  let target: string | null = null
  if (failed && inIncident && incident) target = incident.processorId
  else if (failed && shape.throwIds.length > 0 && random.bool(0.6))
    target = random.pick(shape.throwIds)

  const records: TraceRecord[] = []
  let failIndex = -1
  let splitItems = input.items
  const contains = (node: ProcessorNode, id: string) => shape.subtree.get(node.id)?.has(id) ?? false
  const leadsToThrow = (node: ProcessorNode) => shape.throwIds.some((id) => contains(node, id))

  const visit = (nodes: readonly ProcessorNode[], parent: number): void => {
    for (const node of nodes) {
      if (failIndex >= 0) return
      const record = records.push({ node, parent, start: 0, end: 0 }) - 1
      if (node.id === target || (node.type === 'throwException' && failed)) {
        failIndex = record
        return
      }
      switch (node.type) {
        case 'choice': {
          const branch = chooseBranch(node, shape, random, target, contains)
          if (branch) visit([branch], record)
          break
        }
        case 'split': {
          // The skeleton's item count drives the first split (it shaped the duration).
          const count = splitItems > 0 ? splitItems : random.int(1, 12)
          splitItems = 0
          for (let item = 0; item < count && failIndex < 0; item++) visit(node.children, record)
          break
        }
        case 'filter': {
          const matches =
            target !== null && contains(node, target)
              ? true
              : leadsToThrow(node)
                ? false
                : random.next() < (shape.matchRates.get(node.id) ?? 0.3)
          if (matches) visit(node.children, record)
          break
        }
        default:
          visit(node.children, record)
      }
    }
  }
  visit(route.definition.tree, -1)

  if (failed && failIndex < 0) failIndex = pickFailure(records, random)
  if (failIndex >= 0) records.length = failIndex + 1

  const failure =
    failIndex >= 0
      ? chooseFailureKind(records[failIndex]?.node ?? route.definition.tree[0], random, {
          timedOut: inIncident && durationMs >= 30_000,
          incident: inIncident,
        })
      : null
  layout(records, shape.costs, failIndex, durationMs, failure?.slow ?? false, random)
  return { records, failIndex, failure }
}

function chooseBranch(
  choice: ProcessorNode,
  shape: RouteShape,
  random: Random,
  target: string | null,
  contains: (node: ProcessorNode, id: string) => boolean,
): ProcessorNode | null {
  const branches = choice.children
  const weights = shape.branchWeights.get(choice.id) ?? []
  if (target !== null) {
    const towards = branches.flatMap((branch, i) =>
      contains(branch, target) ? [[branch, weights[i] ?? 1] as const] : [],
    )
    if (towards.length > 0) return random.weighted(towards)
  }
  // Branches that would throw are for failing exchanges only (unless nothing else is left).
  const throws = shape.branchThrows.get(choice.id) ?? []
  const avoidThrows = throws.some((throwing) => !throwing)
  let total = 0
  for (let i = 0; i < branches.length; i++) {
    if (!(avoidThrows && throws[i])) total += weights[i] ?? 1
  }
  const hasOtherwise = branches.some((branch) => branch.type === 'otherwise')
  // Without an otherwise, a message can match no when at all.
  if (!hasOtherwise && random.next() < 0.1) return null
  let roll = random.next() * total
  for (let i = 0; i < branches.length; i++) {
    if (avoidThrows && throws[i]) continue
    roll -= weights[i] ?? 1
    if (roll < 0) return branches[i] ?? null
  }
  return branches[branches.length - 1] ?? null
}

function pickFailure(records: readonly TraceRecord[], random: Random): number {
  const candidates = records.flatMap((record, i) => {
    const weight = failureWeight(record.node)
    return weight > 0 ? [[i, weight] as const] : []
  })
  return candidates.length > 0 ? random.weighted(candidates) : records.length - 1
}

/**
 * Lays the records out in time: each gets a cost (its kind's typical cost, jittered), a
 * container spans its children plus a little overhead, siblings run one after another; then
 * everything is scaled into the execution's duration and rounded to whole ms. Rounding is
 * monotonic, so containment and order survive it.
 *
 * One forward pass over the pre-order records with a stack of open containers, no tree.
 */
function layout(
  records: TraceRecord[],
  costs: ReadonlyMap<string, number>,
  failIndex: number,
  durationMs: number,
  slowFailure: boolean,
  random: Random,
): void {
  const count = records.length
  if (count === 0) return
  const startAt = new Float64Array(count)
  const endAt = new Float64Array(count)
  const cost = new Float64Array(count)
  const open: number[] = []
  let cursor = 0
  const close = (i: number) => {
    cursor += (cost[i] ?? 0) / 2
    endAt[i] = cursor
  }
  for (let i = 0; i < count; i++) {
    const record = records[i] as TraceRecord
    let ms = (costs.get(record.node.id) ?? 1) * random.logNormal(1, 0.35)
    // A timeout spends its time in the failing call.
    if (i === failIndex && slowFailure) ms *= 40
    cost[i] = ms
    while (open.length > 0 && open[open.length - 1] !== record.parent) close(open.pop() ?? 0)
    startAt[i] = cursor
    if (records[i + 1]?.parent === i) {
      cursor += ms / 2
      open.push(i)
    } else {
      cursor += ms
      endAt[i] = cursor
    }
  }
  while (open.length > 0) close(open.pop() ?? 0)

  // A failed exchange ends when its exception propagates; a completed one spends a few
  // per cent of its time outside processors (consumer, unit of work, async hand-offs).
  const fill = failIndex >= 0 ? 1 : random.float(0.9, 0.99)
  const scale = cursor > 0 ? (durationMs * fill) / cursor : 0
  for (let i = 0; i < count; i++) {
    const record = records[i] as TraceRecord
    record.start = Math.min(durationMs, Math.round((startAt[i] ?? 0) * scale))
    record.end = Math.min(durationMs, Math.round((endAt[i] ?? 0) * scale))
  }
  // The exception unwinds through the failing processor and its ancestors at the very end.
  for (let i = failIndex; i >= 0; i = records[i]?.parent ?? -1) {
    const record = records[i]
    if (record) record.end = durationMs
  }
}
