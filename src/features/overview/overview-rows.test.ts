import { describe, expect, it } from 'vitest'
import type { Schemas } from '@/lib/api/types'
import { ratesPerMinute, sortRows, summarize, toRows } from './overview-rows'

const item = (
  applicationId: string,
  exchanges: number,
  failed: number,
  agents = { live: 2, stale: 0, dead: 0 },
): Schemas['AppOverview'] => ({
  tenantId: 'acme',
  environment: 'prod',
  applicationId,
  exchanges,
  failed,
  p99Ms: exchanges > 0 ? 100 : null,
  inflight: 0,
  routes: 1,
  agents,
  buckets: [],
})

const rows = toRows({
  tenantId: 'acme',
  environment: 'prod',
  from: '2026-11-25T13:30:00.000Z',
  to: '2026-11-25T14:30:00.000Z',
  bucketSeconds: 300,
  items: [
    item('a-healthy', 6000, 0),
    item('b-quiet', 0, 0),
    item('c-failing', 600, 60),
    item('d-degraded', 600, 6),
    item('e-dead', 60, 0, { live: 1, stale: 0, dead: 1 }),
  ],
})

describe('toRows', () => {
  it('gives exchanges per minute over the answer’s range and the error rate', () => {
    const healthy = rows.find((row) => row.applicationId === 'a-healthy')
    expect(healthy?.exchangesPerMinute).toBe(100)
    expect(rows.find((row) => row.applicationId === 'c-failing')?.errorRate).toBe(0.1)
  })
})

describe('sortRows', () => {
  it('is worst first without a sort', () => {
    expect(sortRows(rows, null).map((row) => row.applicationId)).toEqual([
      'c-failing',
      'e-dead',
      'd-degraded',
      'b-quiet',
      'a-healthy',
    ])
  })

  it('sorts by a column either way, ties kept worst first', () => {
    const ids = (column: 'application' | 'throughput' | 'errorRate', desc: boolean) =>
      sortRows(rows, { column, desc }).map((row) => row.applicationId)
    expect(ids('application', false)).toEqual([
      'a-healthy',
      'b-quiet',
      'c-failing',
      'd-degraded',
      'e-dead',
    ])
    expect(ids('throughput', true)).toEqual([
      'a-healthy',
      'c-failing',
      'd-degraded',
      'e-dead',
      'b-quiet',
    ])
    // e-dead, b-quiet and a-healthy all have no errors: worst first among them.
    expect(ids('errorRate', false)).toEqual([
      'e-dead',
      'b-quiet',
      'a-healthy',
      'd-degraded',
      'c-failing',
    ])
  })
})

describe('summarize', () => {
  it('counts applications, live agents of all, exchanges and failures', () => {
    expect(summarize(rows)).toEqual({
      applications: 5,
      agentsLive: 9,
      agentsTotal: 10,
      exchanges: 7260,
      failed: 66,
    })
  })
})

describe('ratesPerMinute', () => {
  it('divides each bucket by the part of it inside the range, so partial ends do not dip', () => {
    const points = [
      { t: '2026-11-25T13:25:00.000Z' },
      { t: '2026-11-25T13:30:00.000Z' },
      { t: '2026-11-25T13:35:00.000Z' },
    ]
    const counts = [120, 300, 120]
    const range = { from: '2026-11-25T13:28:00.000Z', to: '2026-11-25T13:37:00.000Z' }
    // 2 min, 5 min and 2 min of the three buckets lie in the range: 60 a minute throughout.
    expect(ratesPerMinute(points, 300, range, (i) => counts[i] ?? 0)).toEqual([60, 60, 60])
  })

  it('gives 0 for a bucket outside the range', () => {
    expect(
      ratesPerMinute(
        [{ t: '2026-11-25T14:00:00.000Z' }],
        60,
        { from: '2026-11-25T13:00:00.000Z', to: '2026-11-25T14:00:00.000Z' },
        () => 5,
      ),
    ).toEqual([0])
  })
})
