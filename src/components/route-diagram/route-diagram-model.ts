import type { ProcessorExecution, ProcessorStats, RouteDiagram } from '@/lib/api/types'
import { formatCount, formatDuration, plural } from '@/lib/format'

/**
 * What the route diagram shows, as plain data (no React, no layout): the per-processor
 * statistics of the time range and, for one execution, which nodes and edges it went through
 * and where it failed. Kept pure so it can be tested without a browser; xyflow renders it in
 * `route-diagram.tsx`.
 */

export interface DiagramNodeModel {
  id: string
  type: string
  label: string
  endpointUri: string | null
  /** The execution ran this processor at least once. */
  taken: boolean
  /** How often this execution ran it (a processor inside a split runs once per item). */
  runs: number
  /** The exception was thrown here (a failed record with no failed child). */
  failed: boolean
  running: boolean
  stats: ProcessorStats | null
  /** Compact statistics, one string per line; `null` while they are unknown (loading, failed). */
  statsLines: string[] | null
  /** e.g. "to http://payments/authorize, taken, failed"; without an execution, its statistics. */
  ariaLabel: string
}

export interface DiagramEdgeModel {
  id: string
  source: string
  target: string
  label: string | null
  taken: boolean
}

export interface DiagramModel {
  /** Whether an execution's path is drawn (`taken`, `failed`…), or the route alone. */
  hasExecution: boolean
  nodes: DiagramNodeModel[]
  edges: DiagramEdgeModel[]
  /** Processor ids this execution recorded that the diagram does not have (route changed?). */
  unknownProcessorIds: string[]
}

interface ProcessorFacts {
  runs: number
  failed: boolean
  running: boolean
  /** Some run of it had no child record (a choice with no match, a filter that let it pass). */
  ranWithoutChildren: boolean
  /** Processor ids recorded with this one as their parent. */
  childIds: Set<string>
}

/** `processors`: the execution's records, or `null` for the route alone (nothing dimmed). */
export function buildDiagramModel(
  diagram: Pick<RouteDiagram, 'nodes' | 'edges'>,
  processors: readonly ProcessorExecution[] | null,
  stats: readonly ProcessorStats[] | null | undefined,
): DiagramModel {
  const hasExecution = processors !== null
  const facts = collectFacts(processors ?? [])
  const statsById = new Map((stats ?? []).map((row) => [row.processorId, row]))
  const nodeIds = new Set(diagram.nodes.map((node) => node.id))

  const nodes = diagram.nodes.map((node): DiagramNodeModel => {
    const fact = facts.get(node.id)
    const nodeStats = statsById.get(node.id) ?? null
    const taken = fact !== undefined
    const failed = fact?.failed ?? false
    const running = fact?.running ?? false
    const statsLines = stats
      ? nodeStats
        ? formatStatsLines(nodeStats)
        : ['no runs in range']
      : null
    const state = hasExecution
      ? [taken ? 'taken' : 'not taken', failed ? 'failed' : null, running ? 'running' : null]
      : (statsLines ?? [])
    return {
      id: node.id,
      type: node.type,
      label: node.label,
      endpointUri: node.endpointUri,
      taken,
      runs: fact?.runs ?? 0,
      failed,
      running,
      stats: nodeStats,
      statsLines,
      ariaLabel: [node.label, ...state].filter(Boolean).join(', '),
    }
  })

  const edges = diagram.edges
    // An edge to a node the diagram does not list cannot be drawn; drop it rather than crash.
    .filter((edge) => nodeIds.has(edge.from) && nodeIds.has(edge.to))
    .map((edge, index): DiagramEdgeModel => ({
      id: `e${index}-${edge.from}-${edge.to}`,
      source: edge.from,
      target: edge.to,
      label: edge.label,
      taken: isEdgeTaken(edge.from, edge.to, facts),
    }))

  const unknownProcessorIds = [...facts.keys()].filter((id) => !nodeIds.has(id))
  return { hasExecution, nodes, edges, unknownProcessorIds }
}

function collectFacts(processors: readonly ProcessorExecution[]): Map<string, ProcessorFacts> {
  const facts = new Map<string, ProcessorFacts>()
  const childCount = new Array<number>(processors.length).fill(0)
  const hasFailedChild = new Array<boolean>(processors.length).fill(false)
  const lastRecordOfId = new Map<string, number>()
  processors.forEach((record, i) => {
    const parentId = record.parentProcessorId
    const parent = parentId === null ? undefined : lastRecordOfId.get(parentId)
    if (parentId !== null && parent !== undefined) {
      childCount[parent] = (childCount[parent] ?? 0) + 1
      if (record.status === 'FAILED') hasFailedChild[parent] = true
      facts.get(parentId)?.childIds.add(record.processorId)
    }
    lastRecordOfId.set(record.processorId, i)
    const fact = facts.get(record.processorId) ?? {
      runs: 0,
      failed: false,
      running: false,
      ranWithoutChildren: false,
      childIds: new Set<string>(),
    }
    fact.runs++
    if (record.status === 'RUNNING') fact.running = true
    facts.set(record.processorId, fact)
  })
  processors.forEach((record, i) => {
    const fact = facts.get(record.processorId)
    if (!fact) return
    if (record.status === 'FAILED' && !hasFailedChild[i]) fact.failed = true
    if (childCount[i] === 0) fact.ranWithoutChildren = true
  })
  return facts
}

/**
 * An edge is on this execution's path when both ends ran and, for an edge leaving a processor
 * with a body (choice, filter) towards something outside that body (the "no match" way on),
 * when some run of that processor really went that way, i.e. ran none of its body.
 */
function isEdgeTaken(from: string, to: string, facts: Map<string, ProcessorFacts>): boolean {
  const source = facts.get(from)
  if (!source || !facts.has(to)) return false
  if (source.childIds.size === 0 || source.childIds.has(to)) return true
  return source.ranWithoutChildren
}

export function formatStatsLines(stats: ProcessorStats): string[] {
  const failureRate = stats.count > 0 ? (stats.failed / stats.count) * 100 : 0
  const rate = failureRate === 0 ? '0' : failureRate < 0.1 ? '<0.1' : failureRate.toFixed(1)
  return [
    `${formatCount(stats.count)} ${plural(stats.count, 'run')} · ${rate}% failed`,
    `mean ${formatDuration(stats.meanMs)} · p99 ${formatDuration(stats.p99Ms)}`,
  ]
}
