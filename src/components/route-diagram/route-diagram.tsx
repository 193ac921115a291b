import {
  Background,
  Controls,
  Handle,
  MarkerType,
  Position,
  ReactFlow,
  useReactFlow,
  useStore,
  type Edge,
  type Node,
  type NodeChange,
  type NodeProps,
  type NodeTypes,
} from '@xyflow/react'
import '@xyflow/react/dist/style.css'
import { memo, useCallback, useEffect, useMemo, useRef } from 'react'
import type {
  ProcessorExecution,
  ProcessorStats,
  RouteDiagram as RouteDiagramData,
} from '@/lib/api/types'
import { plural, pluralize } from '@/lib/format'
import { useResolvedTheme } from '@/lib/theme/theme-store'
import { layoutDiagram, NODE_HEIGHT, NODE_WIDTH } from './route-diagram-layout'
import { buildDiagramModel, type DiagramNodeModel } from './route-diagram-model'
import './route-diagram.css'

/**
 * A route's diagram (load it lazily: xyflow and dagre stay out of every other page's bundle),
 * laid out top to bottom, with the time range's per-processor statistics on each node and, for
 * one execution, its path highlighted and the failing node marked in text and colour. Nodes are
 * keyboard-focusable (Tab, then Enter selects); selecting one asks the page to select its
 * processor (the execution page's timeline does the same the other way round).
 */

export interface RouteDiagramProps {
  diagram: RouteDiagramData
  /** The execution's records, or `null` for the route alone. */
  processors: readonly ProcessorExecution[] | null
  stats: readonly ProcessorStats[] | null
  selectedProcessorId?: string | null
  /** Without it, nodes can be focused and read but not selected. */
  onSelectProcessor?: (processorId: string) => void
}

type ProcessorNode = Node<{ model: DiagramNodeModel; hasExecution: boolean }, 'processor'>

// Sizes and handles are declared, not measured: nodes have a fixed size, so edges can be drawn
// on the first paint and the nodes can be rebuilt on every selection without re-measuring.
const handles = [
  {
    type: 'target' as const,
    position: Position.Top,
    x: NODE_WIDTH / 2 - 0.5,
    y: 0,
    width: 1,
    height: 1,
  },
  {
    type: 'source' as const,
    position: Position.Bottom,
    x: NODE_WIDTH / 2 - 0.5,
    y: NODE_HEIGHT - 1,
    width: 1,
    height: 1,
  },
]

export function RouteDiagram({
  diagram,
  processors,
  stats,
  selectedProcessorId = null,
  onSelectProcessor,
}: RouteDiagramProps) {
  // React Flow's own controls and background follow the app's theme, not the system's.
  const theme = useResolvedTheme()
  const model = useMemo(
    () => buildDiagramModel(diagram, processors, stats),
    [diagram, processors, stats],
  )
  const positions = useMemo(
    () => layoutDiagram(model.nodes, model.edges),
    [model.nodes, model.edges],
  )

  const nodes = useMemo(
    () =>
      model.nodes.map((node): ProcessorNode => {
        const selected = node.id === selectedProcessorId
        return {
          id: node.id,
          type: 'processor',
          position: positions.get(node.id) ?? { x: 0, y: 0 },
          data: { model: node, hasExecution: model.hasExecution },
          width: NODE_WIDTH,
          height: NODE_HEIGHT,
          measured: { width: NODE_WIDTH, height: NODE_HEIGHT },
          handles,
          selected,
          draggable: false,
          connectable: false,
          focusable: true,
          // xyflow's own node semantics (a "node" group, Enter selects); a name made of the
          // node's state rather than all of its text, and the selection as `aria-current`.
          ariaLabel: node.ariaLabel,
          domAttributes: { 'aria-current': selected ? 'true' : undefined },
          className: [
            'rd-node-wrap',
            model.hasExecution ? (node.taken ? 'is-taken' : 'is-not-taken') : 'is-route',
            node.failed ? 'is-failed' : '',
          ]
            .filter(Boolean)
            .join(' '),
        }
      }),
    [model.nodes, model.hasExecution, positions, selectedProcessorId],
  )

  const edges = useMemo(
    () =>
      model.edges.map((edge): Edge => {
        const taken = model.hasExecution ? (edge.taken ? 'taken' : 'not taken') : null
        return {
          id: edge.id,
          source: edge.source,
          target: edge.target,
          label: edge.label ?? undefined,
          className: `rd-edge ${taken === null ? 'is-route' : edge.taken ? 'is-taken' : 'is-not-taken'}`,
          markerEnd: { type: MarkerType.ArrowClosed, width: 16, height: 16 },
          focusable: false,
          selectable: false,
          ariaLabel: [
            `${edge.source} to ${edge.target}${edge.label ? ` (${edge.label})` : ''}`,
            taken,
          ]
            .filter(Boolean)
            .join(', '),
          zIndex: edge.taken ? 1 : 0,
        }
      }),
    [model.edges, model.hasExecution],
  )

  // Selection is owned by the page (URL): xyflow's own selection changes are turned into a
  // request to select, and never applied here. Deselection (a click on the pane) is ignored:
  // the timeline keeps showing what was last picked.
  const onNodesChange = useCallback(
    (changes: NodeChange<ProcessorNode>[]) => {
      for (const change of changes) {
        if (change.type === 'select' && change.selected) onSelectProcessor?.(change.id)
      }
    },
    [onSelectProcessor],
  )

  return (
    <div className="rd">
      {model.unknownProcessorIds.length > 0 ? (
        <p className="notice notice-quiet" role="note">
          {pluralize(model.unknownProcessorIds.length, 'processor')} of this execution{' '}
          {plural(model.unknownProcessorIds.length, 'is', 'are')} not in the diagram (
          {model.unknownProcessorIds.slice(0, 5).join(', ')}
          {model.unknownProcessorIds.length > 5 ? ', …' : ''}): the route may have changed since it
          ran.
        </p>
      ) : null}
      <div className="rd-canvas">
        <ReactFlow<ProcessorNode>
          nodes={nodes}
          edges={edges}
          nodeTypes={nodeTypes}
          onNodesChange={onNodesChange}
          nodesDraggable={false}
          nodesConnectable={false}
          nodesFocusable
          edgesFocusable={false}
          elementsSelectable={onSelectProcessor !== undefined}
          fitView
          fitViewOptions={{ padding: 0.15, maxZoom: 1.1 }}
          minZoom={0.1}
          maxZoom={2}
          colorMode={theme}
          aria-label={`Route diagram of ${diagram.routeId}`}
        >
          <FollowSelection nodeId={selectedProcessorId} />
          <Background gap={20} size={1} />
          <Controls showInteractive={false} />
        </ReactFlow>
      </div>
      {model.hasExecution ? (
        <p className="rd-legend">
          <span className="rd-legend-taken">Solid, highlighted</span>: this execution’s path ·{' '}
          <span className="rd-legend-not-taken">dashed, dimmed</span>: not taken ·{' '}
          <span className="rd-legend-failed">✖ failed</span>: where it failed · statistics cover the
          selected time range.
        </p>
      ) : (
        <p className="rd-legend">Statistics on each processor cover the selected time range.</p>
      )}
    </div>
  )
}

/**
 * Brings a node selected elsewhere (in the timeline) into view when it is outside the visible
 * part of a large diagram, keeping the zoom. The first selection is left to `fitView`.
 */
function FollowSelection({ nodeId }: { nodeId: string | null }) {
  const { getNode, getViewport, setCenter } = useReactFlow<ProcessorNode>()
  const width = useStore((state) => state.width)
  const height = useStore((state) => state.height)
  const previous = useRef(nodeId)

  useEffect(() => {
    if (nodeId === previous.current) return
    previous.current = nodeId
    const node = nodeId === null ? undefined : getNode(nodeId)
    if (!node) return
    const { x, y, zoom } = getViewport()
    const left = node.position.x * zoom + x
    const top = node.position.y * zoom + y
    const visible =
      left >= 0 &&
      top >= 0 &&
      left + NODE_WIDTH * zoom <= width &&
      top + NODE_HEIGHT * zoom <= height
    if (visible) return
    const reduceMotion = window.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false
    void setCenter(node.position.x + NODE_WIDTH / 2, node.position.y + NODE_HEIGHT / 2, {
      zoom,
      duration: reduceMotion ? 0 : 250,
    })
  }, [nodeId, getNode, getViewport, setCenter, width, height])

  return null
}

const ProcessorNodeView = memo(function ProcessorNodeView({
  data,
  selected,
}: NodeProps<ProcessorNode>) {
  const { model, hasExecution } = data
  return (
    <div
      className={`rd-node${selected ? ' is-selected' : ''}`}
      style={{ width: NODE_WIDTH, height: NODE_HEIGHT }}
      data-processor-id={model.id}
      data-taken={model.taken}
      data-failed={model.failed}
      title={model.endpointUri ? `${model.label}\n${model.endpointUri}` : model.label}
    >
      <Handle type="target" position={Position.Top} isConnectable={false} />
      <div className="rd-node-head">
        <span className="rd-node-type">{model.type}</span>
        <span className="rd-node-state">
          {!hasExecution ? null : model.failed ? (
            <span className="rd-node-failed">✖ failed</span>
          ) : model.running ? (
            <span>◷ running</span>
          ) : model.taken ? (
            <span>✓ ran{model.runs > 1 ? ` ${model.runs}×` : ''}</span>
          ) : (
            <span>not taken</span>
          )}
        </span>
      </div>
      <div className="rd-node-label">{model.label}</div>
      {model.statsLines?.map((line) => (
        <div key={line} className="rd-node-stats">
          {line}
        </div>
      ))}
      <Handle type="source" position={Position.Bottom} isConnectable={false} />
    </div>
  )
})

const nodeTypes: NodeTypes = { processor: ProcessorNodeView as NodeTypes[string] }
