import { describe, expect, it } from 'vitest'
import type { ProcessorExecution } from '@/lib/api/types'
import {
  ancestorKeys,
  axisTicks,
  buildTimelineLayout,
  firstRecordOf,
  itemAt,
  visibleRows,
} from './processor-timeline-layout'

function record(
  processorId: string,
  parentProcessorId: string | null,
  startOffsetMs: number,
  durationMs: number,
  extra: Partial<ProcessorExecution> = {},
): ProcessorExecution {
  const processorType = processorId.replace(/\d+$/, '')
  return {
    processorId,
    parentProcessorId,
    processorType,
    label: `${processorType} ${processorId}`,
    endpointUri: null,
    startOffsetMs,
    durationMs,
    status: 'COMPLETED',
    errorMessage: null,
    iterations: null,
    snapshot: false,
    ...extra,
  }
}

// from1 → choice1 → when1 → to1 ; split1 over 3 items of [transform1, to2] ; log1
const splitRoute: ProcessorExecution[] = [
  record('from1', null, 0, 1),
  record('choice1', null, 1, 9),
  record('when1', 'choice1', 1, 9),
  record('to1', 'when1', 2, 8),
  record('split1', null, 10, 60),
  record('transform1', 'split1', 10, 5),
  record('to2', 'split1', 15, 15),
  record('transform1', 'split1', 30, 5),
  record('to2', 'split1', 35, 15),
  record('transform1', 'split1', 50, 5),
  record('to2', 'split1', 55, 15),
  record('log1', null, 70, 30),
]

const labels = (layout: ReturnType<typeof buildTimelineLayout>, rows: number[]) =>
  rows.map((i) => itemAt(layout.rows, i).label)

type Layout = ReturnType<typeof buildTimelineLayout>
const rowOf = (layout: Layout, recordIndex: number) =>
  itemAt(layout.rows, itemAt(layout.rowOfRecord, recordIndex))
const rowWithKey = (layout: Layout, key: string) => {
  const row = layout.rows.find((candidate) => candidate.key === key)
  if (!row) throw new Error(`no row ${key}`)
  return row
}

describe('buildTimelineLayout', () => {
  it('nests records under their parent, in start order, with depths and sibling positions', () => {
    const layout = buildTimelineLayout(splitRoute, 100)
    const byKey = new Map(layout.rows.map((row) => [row.key, row]))

    expect(layout.rows.map((row) => [row.label, row.depth])).toEqual([
      ['from from1', 0],
      ['choice choice1', 0],
      ['when when1', 1],
      ['to to1', 2],
      ['split split1', 0],
      ['Iteration 1 of 3', 1],
      ['transform transform1', 2],
      ['to to2', 2],
      ['Iteration 2 of 3', 1],
      ['transform transform1', 2],
      ['to to2', 2],
      ['Iteration 3 of 3', 1],
      ['transform transform1', 2],
      ['to to2', 2],
      ['log log1', 0],
    ])
    expect(byKey.get('p1')).toMatchObject({ childCount: 1, posInSet: 2, setSize: 4 })
    expect(byKey.get('p4')).toMatchObject({ childCount: 3, end: 14 })
    expect(byKey.get('p11')).toMatchObject({ posInSet: 4, setSize: 4, parentRow: null })
    expect(layout.parentKeys).toEqual(['p1', 'p2', 'p4', 'p4.i1', 'p4.i2', 'p4.i3'])
  })

  it('groups split children per iteration and gives each iteration its span', () => {
    const layout = buildTimelineLayout(splitRoute, 100)
    const iterations = layout.rows.filter((row) => row.kind === 'iteration')

    expect(iterations.map((row) => [row.key, row.startMs, row.durationMs])).toEqual([
      ['p4.i1', 10, 20],
      ['p4.i2', 30, 20],
      ['p4.i3', 50, 20],
    ])
    // Records inside an iteration know which one they ran in.
    const secondTo2 = rowOf(layout, 8)
    expect(secondTo2.iteration).toEqual({ number: 2, of: 3 })
    expect(secondTo2.parentRow).toBe(layout.rows.indexOf(rowWithKey(layout, 'p4.i2')))
  })

  it('nests a repeated processor under the parent run that started just before it', () => {
    // A choice inside a split: each choice1 run owns the when1 that follows it.
    const layout = buildTimelineLayout(
      [
        record('split1', null, 0, 40),
        record('choice1', 'split1', 0, 20),
        record('when1', 'choice1', 1, 19),
        record('choice1', 'split1', 20, 20),
        record('otherwise1', 'choice1', 21, 19),
      ],
      40,
    )
    const parentLabel = (recordIndex: number) => {
      const parent = rowOf(layout, recordIndex).parentRow
      return parent === null ? null : itemAt(layout.rows, parent).key
    }
    expect(parentLabel(2)).toBe('p1')
    expect(parentLabel(4)).toBe('p3')
    expect(layout.rows.filter((row) => row.kind === 'iteration')).toHaveLength(2)
  })

  it('turns offsets and durations into percentages of the total', () => {
    const layout = buildTimelineLayout(splitRoute, 200)
    const log = rowOf(layout, 11)

    expect(layout.totalMs).toBe(200)
    expect(log.offsetPct).toBe(35)
    expect(log.widthPct).toBe(15)
  })

  it('stretches the axis to the latest record when the execution has no duration yet', () => {
    const layout = buildTimelineLayout(
      [record('from1', null, 0, 10), record('to1', null, 10, 30, { status: 'RUNNING' })],
      null,
    )
    expect(layout.totalMs).toBe(40)
    expect(layout.rows[1]).toMatchObject({ offsetPct: 25, widthPct: 75 })
  })

  it('never lets a bar leave the axis, and survives an execution of zero length', () => {
    const overlong = buildTimelineLayout([record('to1', null, 90, 50)], 100)
    const bar = itemAt(overlong.rows, 0)
    expect(bar.offsetPct + bar.widthPct).toBeLessThanOrEqual(100)

    const empty = buildTimelineLayout([record('log1', null, 0, 0)], 0)
    expect(empty.rows[0]).toMatchObject({ offsetPct: 0, widthPct: 0 })
    expect(buildTimelineLayout([], 12)).toMatchObject({ rows: [], totalMs: 12 })
  })

  it('finds the failing processor: failed, with no failed child', () => {
    const layout = buildTimelineLayout(
      [
        record('from1', null, 0, 1),
        record('split1', null, 1, 20, { status: 'FAILED', errorMessage: 'boom' }),
        record('to1', 'split1', 1, 5),
        record('to1', 'split1', 6, 15, { status: 'FAILED', errorMessage: 'Connection refused' }),
      ],
      21,
    )
    expect(layout.failureCauses).toEqual([3])
    const cause = rowOf(layout, 3)
    expect(cause).toMatchObject({ isFailureCause: true, errorMessage: 'Connection refused' })
    expect(rowOf(layout, 1).isFailureCause).toBe(false)
    // The iteration holding the failure is marked failed too.
    expect(rowWithKey(layout, 'p1.i2').status).toBe('FAILED')
    expect(rowWithKey(layout, 'p1.i1').status).toBe('COMPLETED')
  })

  it('shows records whose parent was never recorded at the top level instead of dropping them', () => {
    const layout = buildTimelineLayout(
      [record('from1', null, 0, 1), record('to1', 'ghost1', 1, 1), record('to2', 'to3', 2, 1)],
      3,
    )
    expect(layout.rows.map((row) => row.depth)).toEqual([0, 0, 0])
    expect(layout.rows).toHaveLength(3)
  })

  it('lays out thousands of processors without deep recursion', () => {
    const chain: ProcessorExecution[] = []
    for (let i = 0; i < 20_000; i++) {
      chain.push(record(`filter${i}`, i === 0 ? null : `filter${i - 1}`, i, 1))
    }
    const layout = buildTimelineLayout(chain, 20_001)
    expect(layout.rows).toHaveLength(20_000)
    expect(itemAt(layout.rows, 19_999).depth).toBe(19_999)
    expect(itemAt(layout.rows, 0).end).toBe(20_000)
  })
})

describe('visibleRows', () => {
  const layout = buildTimelineLayout(splitRoute, 100)

  it('shows every row when nothing is collapsed', () => {
    expect(visibleRows(layout, new Set())).toHaveLength(layout.rows.length)
  })

  it('hides the descendants of a collapsed row, and only those', () => {
    const visible = visibleRows(layout, new Set(['p4']))
    expect(labels(layout, visible)).toEqual([
      'from from1',
      'choice choice1',
      'when when1',
      'to to1',
      'split split1',
      'log log1',
    ])
  })

  it('collapses one iteration while its siblings stay open', () => {
    const visible = visibleRows(layout, new Set(['p4.i2']))
    expect(labels(layout, visible).slice(4, 11)).toEqual([
      'split split1',
      'Iteration 1 of 3',
      'transform transform1',
      'to to2',
      'Iteration 2 of 3',
      'Iteration 3 of 3',
      'transform transform1',
    ])
  })

  it('collapses every level with parentKeys ("Collapse all")', () => {
    expect(labels(layout, visibleRows(layout, new Set(layout.parentKeys)))).toEqual([
      'from from1',
      'choice choice1',
      'split split1',
      'log log1',
    ])
  })
})

describe('helpers', () => {
  const layout = buildTimelineLayout(splitRoute, 100)

  it('lists the ancestors to expand to reveal a row', () => {
    expect(ancestorKeys(layout, itemAt(layout.rowOfRecord, 10))).toEqual(['p4.i3', 'p4'])
    expect(ancestorKeys(layout, 0)).toEqual([])
  })

  it('finds the first record of a processor id', () => {
    expect(firstRecordOf(splitRoute, 'to2')).toBe(6)
    expect(firstRecordOf(splitRoute, 'nope')).toBeNull()
  })

  it('spaces axis ticks evenly from zero to the total', () => {
    expect(axisTicks(120)).toEqual([
      { ms: 0, pct: 0 },
      { ms: 30, pct: 25 },
      { ms: 60, pct: 50 },
      { ms: 90, pct: 75 },
      { ms: 120, pct: 100 },
    ])
  })
})
