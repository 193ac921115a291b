import type { ExecutionStatus, ProcessorExecution } from '@/lib/api/types'

/**
 * The processor timeline as rows: a waterfall of an execution's processor records, nested by
 * parent, in start order. Pure and O(n) in the number of records, so it is computed once per
 * execution (memoized by the caller) and stays fast at thousands of processors.
 *
 * Records are nested under the latest earlier record of their parent's processor id: a
 * processor inside a split runs once per item, so its id repeats, and each run belongs to the
 * parent run that started just before it. Children of a split (or loop) are grouped per
 * iteration; a new iteration starts when a child processor id comes round again, which is how a
 * sequential split walks its body (Camel's default). A trace that lists each processor once
 * with its `iterations` (as the API does) has no such groups: its rows say "×12" instead.
 */

export type TimelineRowKind = 'processor' | 'iteration'

export interface TimelineRow {
  /** Stable within one execution: `p12` for record 12, `p3.i2` for iteration 2 of record 3. */
  key: string
  kind: TimelineRowKind
  /** The record this row shows; for an iteration row, the split's record. */
  recordIndex: number
  /** `null` for an iteration row. */
  processor: ProcessorExecution | null
  /** 1-based, for iteration rows and for records inside an iteration (nearest one). */
  iteration: { number: number; of: number } | null
  label: string
  /** 0 for top-level rows (`aria-level` is depth + 1). */
  depth: number
  /** Row index of the parent row; `null` at the top level. */
  parentRow: number | null
  /** Row index just past this row's last descendant (rows are in pre-order). */
  end: number
  childCount: number
  /** Position among its siblings (1-based) and the number of siblings, for `aria-posinset`. */
  posInSet: number
  setSize: number
  startMs: number
  durationMs: number
  offsetPct: number
  widthPct: number
  status: ExecutionStatus
  /** A failed record none of whose children failed: where the exception was thrown. */
  isFailureCause: boolean
  errorMessage: string | null
}

export interface TimelineLayout {
  rows: TimelineRow[]
  /** The span the axis covers: the execution's duration, or the latest record end if longer. */
  totalMs: number
  /** Record index → row index. */
  rowOfRecord: number[]
  /** Record indexes of failure causes, in start order. */
  failureCauses: number[]
  /** Rows with children, for "Collapse all". */
  parentKeys: string[]
}

/** Processor kinds whose body runs once per item or round; their children are grouped per run. */
const ITERATING_TYPES = new Set(['split', 'loop'])

interface Node {
  kind: TimelineRowKind
  recordIndex: number
  record: ProcessorExecution
  iteration: { number: number; of: number } | null
  children: Node[]
  startMs: number
  endMs: number
  status: ExecutionStatus
  hasFailedChild: boolean
}

/** `items[index]`, for indexes the algorithm guarantees; a broken guarantee fails loudly. */
export function itemAt<T>(items: ArrayLike<T>, index: number): T {
  const item = items[index]
  if (item === undefined) throw new RangeError(`No item at index ${index}`)
  return item
}

export function buildTimelineLayout(
  processors: readonly ProcessorExecution[],
  executionDurationMs: number | null = null,
): TimelineLayout {
  const nodes: Node[] = []
  const roots: Node[] = []
  const lastNodeOfId = new Map<string, Node>()
  let latestEnd = 0

  processors.forEach((record, recordIndex) => {
    const node: Node = {
      kind: 'processor',
      recordIndex,
      record,
      iteration: null,
      children: [],
      startMs: record.startOffsetMs,
      endMs: record.startOffsetMs + record.durationMs,
      status: record.status,
      hasFailedChild: false,
    }
    nodes.push(node)
    // Only an earlier record can be a parent; anything else (a parent never recorded, or a
    // record listed before its parent) is shown at the top level rather than dropped.
    const parent =
      record.parentProcessorId === null ? undefined : lastNodeOfId.get(record.parentProcessorId)
    if (parent) {
      parent.children.push(node)
      if (record.status === 'FAILED') parent.hasFailedChild = true
    } else {
      roots.push(node)
    }
    lastNodeOfId.set(record.processorId, node)
    latestEnd = Math.max(latestEnd, node.endMs)
  })
  for (const node of nodes) {
    if (ITERATING_TYPES.has(node.record.processorType) && node.children.length > 0) {
      node.children = groupIterations(node)
    }
  }

  const totalMs = Math.max(executionDurationMs ?? 0, latestEnd)
  const percent = (ms: number) => (totalMs > 0 ? clamp((ms / totalMs) * 100, 0, 100) : 0)

  const rows: TimelineRow[] = []
  const rowOfRecord = new Array<number>(processors.length).fill(-1)
  const parentKeys: string[] = []
  // Iterative pre-order walk: a pathological nesting depth must not overflow the call stack.
  interface Frame {
    node: Node
    depth: number
    parentRow: number | null
    pos: number
    size: number
    iteration: TimelineRow['iteration']
  }
  const stack: Array<Frame | { closeRow: TimelineRow }> = []
  const pushChildren = (children: Node[], parent: Omit<Frame, 'node' | 'pos' | 'size'>) => {
    for (let c = children.length - 1; c >= 0; c--) {
      stack.push({ ...parent, node: itemAt(children, c), pos: c + 1, size: children.length })
    }
  }
  pushChildren(roots, { depth: 0, parentRow: null, iteration: null })
  for (let frame = stack.pop(); frame !== undefined; frame = stack.pop()) {
    if ('closeRow' in frame) {
      frame.closeRow.end = rows.length
      continue
    }
    const { node, depth, parentRow } = frame
    const rowIndex = rows.length
    const iterationOfNode = node.kind === 'iteration' ? node.iteration : null
    const key = iterationOfNode
      ? `p${node.recordIndex}.i${iterationOfNode.number}`
      : `p${node.recordIndex}`
    const iteration = iterationOfNode ?? frame.iteration
    const startPct = percent(node.startMs)
    const row: TimelineRow = {
      key,
      kind: node.kind,
      recordIndex: node.recordIndex,
      processor: iterationOfNode ? null : node.record,
      iteration,
      label: iterationOfNode
        ? `Iteration ${iterationOfNode.number} of ${iterationOfNode.of}`
        : node.record.label,
      depth,
      parentRow,
      end: rowIndex + 1,
      childCount: node.children.length,
      posInSet: frame.pos,
      setSize: frame.size,
      startMs: node.startMs,
      durationMs: node.endMs - node.startMs,
      offsetPct: startPct,
      widthPct: Math.min(percent(node.endMs - node.startMs), 100 - startPct),
      status: node.status,
      isFailureCause: !iterationOfNode && isFailureCause(node),
      errorMessage: iterationOfNode ? null : node.record.errorMessage,
    }
    rows.push(row)
    if (!iterationOfNode) rowOfRecord[node.recordIndex] = rowIndex
    if (node.children.length > 0) {
      parentKeys.push(key)
      stack.push({ closeRow: row })
      pushChildren(node.children, { depth: depth + 1, parentRow: rowIndex, iteration })
    }
  }

  const failureCauses = nodes.filter(isFailureCause).map((node) => node.recordIndex)
  return { rows, totalMs, rowOfRecord, failureCauses, parentKeys }
}

/** A failed record none of whose children failed: where the exception was thrown. */
function isFailureCause(node: Node): boolean {
  return node.status === 'FAILED' && !node.hasFailedChild
}

/** Splits a split's children into one group per iteration (see the module comment). */
function groupIterations(split: Node): Node[] {
  const groups: Node[][] = []
  let current: Node[] = []
  let seen = new Set<string>()
  for (const child of split.children) {
    const id = child.record.processorId
    if (seen.has(id)) {
      groups.push(current)
      current = []
      seen = new Set()
    }
    seen.add(id)
    current.push(child)
  }
  groups.push(current)
  // Listed once with their `iterations` (the API's way): no per-run groups to show.
  if (groups.length === 1) return split.children
  return groups.map((children, i): Node => {
    let startMs = Infinity
    let endMs = 0
    let status: ExecutionStatus = 'COMPLETED'
    for (const child of children) {
      startMs = Math.min(startMs, child.startMs)
      endMs = Math.max(endMs, child.endMs)
      if (child.status === 'FAILED') status = 'FAILED'
      else if (child.status === 'RUNNING' && status !== 'FAILED') status = 'RUNNING'
    }
    return {
      kind: 'iteration',
      recordIndex: split.recordIndex,
      record: split.record,
      iteration: { number: i + 1, of: groups.length },
      children,
      startMs,
      endMs,
      status,
      hasFailedChild: status === 'FAILED',
    }
  })
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value))
}

/**
 * The rows to show: every row whose ancestors are all expanded, in order. A collapsed row is
 * shown, its descendants are skipped in one jump.
 */
export function visibleRows(layout: TimelineLayout, collapsed: ReadonlySet<string>): number[] {
  const visible: number[] = []
  const { rows } = layout
  let i = 0
  while (i < rows.length) {
    const row = itemAt(rows, i)
    visible.push(i)
    i = row.childCount > 0 && collapsed.has(row.key) ? row.end : i + 1
  }
  return visible
}

/** Keys of the row's ancestors, nearest first (what must be expanded to show it). */
export function ancestorKeys(layout: TimelineLayout, rowIndex: number): string[] {
  const keys: string[] = []
  let parent = layout.rows[rowIndex]?.parentRow ?? null
  while (parent !== null) {
    const row = itemAt(layout.rows, parent)
    keys.push(row.key)
    parent = row.parentRow
  }
  return keys
}

/** The first record of a processor id (what selecting a diagram node selects), or null. */
export function firstRecordOf(
  processors: readonly ProcessorExecution[],
  processorId: string,
): number | null {
  const index = processors.findIndex((record) => record.processorId === processorId)
  return index === -1 ? null : index
}

/** Evenly spaced axis ticks from 0 to the total, inclusive. */
export function axisTicks(totalMs: number, count = 4): Array<{ ms: number; pct: number }> {
  const ticks: Array<{ ms: number; pct: number }> = []
  for (let i = 0; i <= count; i++) {
    ticks.push({ ms: (totalMs * i) / count, pct: (100 * i) / count })
  }
  return ticks
}
