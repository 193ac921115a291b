import { describe, expect, it } from 'vitest'
import type { AgentInfo } from '@/lib/api/types'
import { agentFilters, filterAgents, summarizeFleet } from './agent-filters'

const readAgentFilters = (params: URLSearchParams) => agentFilters.read(params).values

const agent = (overrides: Partial<AgentInfo>): AgentInfo => ({
  agentId: 'order-service-abc12-1',
  tenantId: 'acme',
  environment: 'prod',
  applicationId: 'order-service',
  hostname: 'order-service-abc12def3-x1y2z',
  agentVersion: '3.4.1',
  camelVersion: '4.8.2',
  status: 'LIVE',
  registeredAt: '2026-11-01T00:00:00.000Z',
  lastHeartbeatAt: '2026-11-28T07:00:00.000Z',
  routeIds: ['orders-in'],
  routeStates: { 'orders-in': 'Started' },
  exchangesPerSecond: 42,
  errorRate: 0.001,
  ...overrides,
})

describe('agent filters in the URL', () => {
  it('reads valid values and round-trips them, keeping other params', () => {
    const params = new URLSearchParams(
      'env=prod&status=DEAD&app=order-service&q=ip-10&sort=lastHeartbeatAt&dir=desc',
    )
    const filters = readAgentFilters(params)
    expect(filters).toEqual({
      status: 'DEAD',
      app: 'order-service',
      q: 'ip-10',
      sort: { column: 'lastHeartbeatAt', desc: true },
    })
    expect(agentFilters.write(new URLSearchParams('env=prod&other=1'), filters).toString()).toBe(
      'env=prod&other=1&status=DEAD&app=order-service&q=ip-10&sort=lastHeartbeatAt&dir=desc',
    )
  })

  it('drops unknown, lower-case or oversized values', () => {
    const huge = 'x'.repeat(10_000)
    const filters = readAgentFilters(
      new URLSearchParams({ status: 'dead', app: huge, q: huge, sort: 'constructor', dir: 'desc' }),
    )
    expect(filters).toEqual({ status: null, app: null, q: '', sort: null })
    expect(
      agentFilters
        .read(new URLSearchParams({ status: 'dead', app: huge, q: huge, sort: 'constructor' }))
        .ignored.map((value) => value.param),
    ).toEqual(['status', 'app', 'q', 'sort'])
    expect(readAgentFilters(new URLSearchParams('sort=errorRate&dir=up')).sort).toEqual({
      column: 'errorRate',
      desc: false,
    })
  })

  it('writes nothing for defaults, so the URL only says what differs', () => {
    const written = agentFilters.write(new URLSearchParams('env=dev&status=LIVE&q=x'), {
      status: null,
      app: null,
      q: '',
      sort: null,
    })
    expect(written.toString()).toBe('env=dev')
  })
})

describe('filterAgents and summarizeFleet', () => {
  const agents = [
    agent({}),
    agent({
      agentId: 'payment-1',
      applicationId: 'payment-gateway',
      hostname: 'ip-10-12-3-4.eu',
      status: 'DEAD',
    }),
    agent({
      agentId: 'payment-2',
      applicationId: 'payment-gateway',
      hostname: 'pay-2',
      status: 'STALE',
    }),
  ]

  it('matches free text case-insensitively on id, hostname and application', () => {
    const ids = (q: string) =>
      filterAgents(agents, { status: null, app: null, q, sort: null }).map((a) => a.agentId)
    expect(ids('IP-10')).toEqual(['payment-1'])
    expect(ids('  gateway ')).toEqual(['payment-1', 'payment-2'])
    expect(ids('abc12')).toEqual(['order-service-abc12-1'])
    expect(ids('')).toHaveLength(3)
  })

  it('combines status and application exactly', () => {
    expect(
      filterAgents(agents, { status: 'DEAD', app: 'payment-gateway', q: '', sort: null }).map(
        (a) => a.agentId,
      ),
    ).toEqual(['payment-1'])
    expect(filterAgents(agents, { status: null, app: 'payment', q: '', sort: null })).toEqual([])
  })

  it('counts the fleet by status and by application', () => {
    const summary = summarizeFleet(agents)
    expect(summary.total).toBe(3)
    expect(summary.byStatus).toEqual({ LIVE: 1, STALE: 1, DEAD: 1 })
    expect(summary.byApplication).toEqual([
      { applicationId: 'order-service', total: 1, byStatus: { LIVE: 1, STALE: 0, DEAD: 0 } },
      { applicationId: 'payment-gateway', total: 2, byStatus: { LIVE: 0, STALE: 1, DEAD: 1 } },
    ])
  })
})
