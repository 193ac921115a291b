// @vitest-environment node
import { describe, expect, it } from 'vitest'
import type { ProbeClient, ProbeResponse, Query } from '../probe-client'
import type { CheckResult } from '../report'
import { ProbeContext, type Caller, type Discovered } from './context'
import { checkPaging } from './paging'

/** A fake server: newest-first pages over `rows`, cursor = offset (or one that never ends). */
function fakeClient(
  rows: (path: string, query: Query) => Record<string, string>[],
  endless = false,
): { client: ProbeClient; requests: Query[] } {
  const requests: Query[] = []
  const get = (path: string, query: Query): Promise<ProbeResponse> => {
    requests.push({ path, ...query })
    const all = rows(path, query)
    const offset = Number(query.cursor ?? 0)
    const limit = Number(query.limit ?? 50)
    const items = all.slice(offset, offset + limit)
    const more = endless || offset + limit < all.length
    return Promise.resolve({
      status: 200,
      contentType: 'application/json',
      json: { items, nextCursor: more ? String(offset + limit) : null },
      excerpt: '',
      label: `GET /api/v1${path}`,
    })
  }
  return { client: { withBudget: () => ({ get }) } as unknown as ProbeClient, requests }
}

const caller: Caller = {
  token: 't',
  claims: { tenant: 'acme', envs: null },
  tenant: 'acme',
  environments: ['dev'],
}
const NEWEST = Date.parse('2026-12-01T10:00:00.000Z')

/** `count` log entries one every `everyMs` up to NEWEST, within [from, to) when given. */
const logs = (count: number, everyMs: number) => (_path: string, query: Query) =>
  Array.from({ length: count }, (_, index) => ({
    id: `log-${String(index).padStart(6, '0')}`,
    timestamp: new Date(NEWEST - index * everyMs).toISOString(),
  })).filter((row) => {
    const at = Date.parse(row.timestamp)
    return (
      (query.from === undefined || at >= Date.parse(String(query.from))) &&
      (query.to === undefined || at < Date.parse(String(query.to)))
    )
  })

async function paging(client: ProbeClient, found: Partial<Discovered>): Promise<CheckResult[]> {
  const ctx = new ProbeContext(client)
  await checkPaging(ctx, caller, {
    environment: 'dev',
    agent: null,
    execution: null,
    newestLog: null,
    metricName: null,
    ...found,
  })
  return ctx.results
}

const result = (results: CheckResult[], endpoint: string) =>
  results.find((check) => check.endpoint === endpoint)

describe('paging', () => {
  it('pages a window that fits in one large page in pages of 25', async () => {
    const { client, requests } = fakeClient(logs(180, 1000))
    const results = await paging(client, {
      newestLog: { timestamp: new Date(NEWEST).toISOString() },
    })
    expect(result(results, '/logs')).toMatchObject({ status: 'passed', detail: '8 pages, 180 ids' })
    expect(requests.map((query) => query.limit)).toEqual([500, ...Array(8).fill(25)])
  })

  it('narrows a busy window (6,000 entries in 5 minutes) to fewer than 500 entries', async () => {
    const { client, requests } = fakeClient(logs(6000, 50))
    const results = await paging(client, {
      newestLog: { timestamp: new Date(NEWEST).toISOString() },
    })
    expect(result(results, '/logs')).toMatchObject({
      status: 'passed',
      detail:
        '20 pages, 499 ids; more than 500 in the window, so narrowed to the last 24.9 s of it',
    })
    expect(requests[1]).toMatchObject({ from: '2026-12-01T09:59:35.051Z', limit: 25 })
  })

  it('follows a list without a time window in pages of 500 when one does not hold it', async () => {
    const events = (path: string) =>
      path.endsWith('/events')
        ? Array.from({ length: 1200 }, (_, index) => ({ eventId: `e-${index}` }))
        : []
    const { client } = fakeClient(events)
    const results = await paging(client, { agent: { agentId: 'a-1' } })
    expect(result(results, '/agents/{agentId}/events')).toMatchObject({
      status: 'passed',
      detail: '3 pages, 1200 ids; in pages of 500, as one did not hold them all',
    })
  })

  it('fails a cursor that never ends, and names the endpoint of a skipped check', async () => {
    const { client } = fakeClient(logs(10, 1000), true)
    const results = await paging(client, {})
    expect(result(results, '/logs')?.status).toBe('failed')
    expect(result(results, '/logs')?.detail).toBe(
      'still a nextCursor after 40 pages of 500 (10 ids); in pages of 500, as one did not hold them all',
    )
    expect(result(results, '/executions')).toMatchObject({
      id: 'paging /executions @dev',
      status: 'skipped',
    })
    expect(result(results, '/agents/{agentId}/events')).toMatchObject({
      id: 'paging /agents/{agentId}/events @dev',
      status: 'skipped',
    })
  })
})
