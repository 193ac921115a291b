import dagre from '@dagrejs/dagre'

/** Node box size on the diagram; the node component is styled to exactly this size. */
export const NODE_WIDTH = 232
export const NODE_HEIGHT = 96

export interface Positioned {
  id: string
  /** Top-left corner, as xyflow positions nodes. */
  x: number
  y: number
}

/**
 * Top-to-bottom automatic layout with dagre. Edges whose ends are missing are ignored (the
 * model drops them too); cycles (loops) are handled by dagre's acyclic pass.
 */
export function layoutDiagram(
  nodes: ReadonlyArray<{ id: string }>,
  edges: ReadonlyArray<{ source: string; target: string }>,
): Map<string, Positioned> {
  const graph = new dagre.graphlib.Graph()
  graph.setGraph({ rankdir: 'TB', nodesep: 36, ranksep: 56, marginx: 16, marginy: 16 })
  graph.setDefaultEdgeLabel(() => ({}))
  for (const node of nodes) graph.setNode(node.id, { width: NODE_WIDTH, height: NODE_HEIGHT })
  for (const edge of edges) {
    if (graph.hasNode(edge.source) && graph.hasNode(edge.target))
      graph.setEdge(edge.source, edge.target)
  }
  dagre.layout(graph)

  const positions = new Map<string, Positioned>()
  for (const node of nodes) {
    const laid = graph.node(node.id)
    // dagre gives centres; xyflow wants top-left corners.
    positions.set(node.id, {
      id: node.id,
      x: (laid.x ?? 0) - NODE_WIDTH / 2,
      y: (laid.y ?? 0) - NODE_HEIGHT / 2,
    })
  }
  return positions
}
