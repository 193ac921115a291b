import { describe, expect, it } from 'vitest'
import type { DiagramEdge, DiagramNode, ProcessorExecution, ProcessorStats } from '@/lib/api/types'
import { layoutDiagram, NODE_HEIGHT } from './route-diagram-layout'
import { buildDiagramModel, formatStatsLines } from './route-diagram-model'

const node = (id: string, label = id): DiagramNode => ({
  id,
  type: id.replace(/\d+$/, ''),
  label,
  endpointUri: null,
})
const edge = (from: string, to: string, label: string | null = null): DiagramEdge => ({
  from,
  to,
  label,
})

// from1 → choice1 ─(a)→ when1 → to1 ─┐
//                  ─(b)→ when2 → to2 ─┼→ split1 → to3 → filter1 → to4 → log1
//                  ─(no match)────────┘                 └─(no match)──────┘
const diagram = {
  nodes: [
    node('from1'),
    node('choice1'),
    node('when1'),
    node('to1', 'to payment-api'),
    node('when2'),
    node('to2'),
    node('split1'),
    node('to3'),
    node('filter1'),
    node('to4'),
    node('log1'),
  ],
  edges: [
    edge('from1', 'choice1'),
    edge('choice1', 'when1', 'a'),
    edge('when1', 'to1'),
    edge('choice1', 'when2', 'b'),
    edge('when2', 'to2'),
    edge('to1', 'split1'),
    edge('to2', 'split1'),
    edge('choice1', 'split1', 'no match'),
    edge('split1', 'to3', 'each item'),
    edge('to3', 'filter1'),
    edge('filter1', 'to4', 'matches'),
    edge('to4', 'log1'),
    edge('filter1', 'log1', 'no match'),
  ],
}

function record(
  processorId: string,
  parentProcessorId: string | null,
  extra: Partial<ProcessorExecution> = {},
): ProcessorExecution {
  return {
    processorId,
    parentProcessorId,
    processorType: processorId.replace(/\d+$/, ''),
    label: processorId,
    endpointUri: null,
    startOffsetMs: 0,
    durationMs: 1,
    status: 'COMPLETED',
    errorMessage: null,
    iterations: null,
    snapshot: false,
    ...extra,
  }
}

// Took branch a and failed in its `to1` (the exception propagates up through when1, choice1).
const failedInBranch: ProcessorExecution[] = [
  record('from1', null),
  record('choice1', null, { status: 'FAILED' }),
  record('when1', 'choice1', { status: 'FAILED' }),
  record('to1', 'when1', { status: 'FAILED', errorMessage: 'Connection refused' }),
]

// Took branch b, then split over two items: the filter matched the first item only.
const throughSplit: ProcessorExecution[] = [
  record('from1', null),
  record('choice1', null),
  record('when2', 'choice1'),
  record('to2', 'when2'),
  record('split1', null),
  record('to3', 'split1'),
  record('filter1', 'split1'),
  record('to4', 'filter1'),
  record('to3', 'split1'),
  record('filter1', 'split1'),
  record('log1', null),
]

const state = (model: ReturnType<typeof buildDiagramModel>) =>
  Object.fromEntries(
    model.nodes.map((n) => [n.id, `${n.taken ? 'taken' : '-'}${n.failed ? ' failed' : ''}`]),
  )
const takenEdges = (model: ReturnType<typeof buildDiagramModel>) =>
  model.edges.filter((e) => e.taken).map((e) => `${e.source}>${e.target}`)

describe('buildDiagramModel', () => {
  it('highlights the nodes and edges a failed execution went through, and marks where it failed', () => {
    const model = buildDiagramModel(diagram, failedInBranch, null)

    expect(state(model)).toEqual({
      from1: 'taken',
      choice1: 'taken',
      when1: 'taken',
      to1: 'taken failed',
      when2: '-',
      to2: '-',
      split1: '-',
      to3: '-',
      filter1: '-',
      to4: '-',
      log1: '-',
    })
    expect(takenEdges(model)).toEqual(['from1>choice1', 'choice1>when1', 'when1>to1'])
    const failing = model.nodes.find((n) => n.id === 'to1')
    expect(failing?.ariaLabel).toBe('to payment-api, taken, failed')
    expect(model.nodes.find((n) => n.id === 'to2')?.ariaLabel).toBe('to2, not taken')
  })

  it('takes a "no match" way on only when a run of the choice or filter really skipped its body', () => {
    const model = buildDiagramModel(diagram, throughSplit, null)

    expect(takenEdges(model)).toEqual([
      'from1>choice1',
      'choice1>when2',
      'when2>to2',
      'to2>split1',
      'split1>to3',
      'to3>filter1',
      'filter1>to4',
      'to4>log1',
      // The second item did not match the filter.
      'filter1>log1',
    ])
    // A branch was taken, so the choice's own "no match" edge was not.
    expect(model.edges.find((e) => e.source === 'choice1' && e.target === 'split1')?.taken).toBe(
      false,
    )
    expect(model.nodes.find((n) => n.id === 'to3')).toMatchObject({
      taken: true,
      runs: 2,
      failed: false,
    })
  })

  it('puts compact statistics of the time range on each node', () => {
    const stats: ProcessorStats[] = [
      {
        tenantId: 'acme',
        environment: 'prod',
        processorId: 'to1',
        count: 12_345,
        failed: 123,
        meanMs: 12.4,
        p99Ms: 250,
      },
    ]
    const model = buildDiagramModel(diagram, failedInBranch, stats)
    expect(model.nodes.find((n) => n.id === 'to1')?.statsLines).toEqual([
      '12,345 runs · 1.0% failed',
      'mean 12 ms · p99 250 ms',
    ])
    expect(model.nodes.find((n) => n.id === 'to2')?.statsLines).toEqual(['no runs in range'])
    // Unknown while loading: nothing is claimed.
    expect(buildDiagramModel(diagram, failedInBranch, null).nodes[0]?.statsLines).toBeNull()
  })

  it('draws the route alone without an execution: nothing dimmed, each node named by its statistics', () => {
    const stats: ProcessorStats[] = [
      {
        tenantId: 'acme',
        environment: 'prod',
        processorId: 'to1',
        count: 2,
        failed: 1,
        meanMs: 12,
        p99Ms: 20,
      },
    ]
    const model = buildDiagramModel(diagram, null, stats)
    expect(model.hasExecution).toBe(false)
    expect(model.unknownProcessorIds).toEqual([])
    expect(model.nodes.find((n) => n.id === 'to1')?.ariaLabel).toBe(
      'to payment-api, 2 runs · 50.0% failed, mean 12 ms · p99 20 ms',
    )
    expect(model.nodes.find((n) => n.id === 'to2')?.ariaLabel).toBe('to2, no runs in range')
    // While the statistics load, the name is the label alone.
    expect(buildDiagramModel(diagram, null, null).nodes[0]?.ariaLabel).toBe('from1')
    expect(buildDiagramModel(diagram, failedInBranch, null).hasExecution).toBe(true)
  })

  it('reports processors the diagram does not know, and drops edges to missing nodes', () => {
    const model = buildDiagramModel(
      { nodes: diagram.nodes, edges: [...diagram.edges, edge('to4', 'ghost1')] },
      [...failedInBranch, record('bean9', null)],
      null,
    )
    expect(model.unknownProcessorIds).toEqual(['bean9'])
    expect(model.edges.some((e) => e.target === 'ghost1')).toBe(false)
  })
})

describe('formatStatsLines', () => {
  it('rounds small failure rates honestly', () => {
    const base = { tenantId: 'acme', environment: 'prod', processorId: 'x', meanMs: 1, p99Ms: 2 }
    expect(formatStatsLines({ ...base, count: 1, failed: 0 })[0]).toBe('1 run · 0% failed')
    expect(formatStatsLines({ ...base, count: 10_000, failed: 1 })[0]).toBe(
      '10,000 runs · <0.1% failed',
    )
  })
})

describe('layoutDiagram', () => {
  it('lays nodes out top to bottom in flow order, without overlaps', () => {
    const model = buildDiagramModel(diagram, throughSplit, null)
    const positions = layoutDiagram(model.nodes, model.edges)
    const y = (id: string) => positions.get(id)?.y ?? NaN

    expect(positions.size).toBe(diagram.nodes.length)
    expect(y('from1')).toBeLessThan(y('choice1'))
    expect(y('choice1')).toBeLessThan(y('when1'))
    expect(y('to1')).toBeLessThan(y('split1'))
    expect(y('split1')).toBeLessThan(y('log1'))
    // Siblings share a rank, side by side.
    expect(y('when1')).toBe(y('when2'))
    expect(positions.get('when1')?.x).not.toBe(positions.get('when2')?.x)
    expect(y('choice1') - y('from1')).toBeGreaterThanOrEqual(NODE_HEIGHT)
  })
})
