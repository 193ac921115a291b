import { describe, expect, it } from 'vitest'
import type { AgentInfo } from '@/lib/api/types'
import { computeFleetDrift, describeVersions, summarizeSide } from './fleet-drift'

let next = 0
const agent = (env: string, overrides: Partial<AgentInfo>): AgentInfo => ({
  agentId: `agent-${next++}`,
  tenantId: 'acme',
  environment: env,
  applicationId: 'order-service',
  hostname: 'host',
  agentVersion: '3.4.1',
  camelVersion: '4.8.2',
  status: 'LIVE',
  registeredAt: '2026-11-01T00:00:00.000Z',
  lastHeartbeatAt: '2026-11-28T07:00:00.000Z',
  routeIds: ['order-intake', 'order-validate'],
  routeStates: { 'order-intake': 'Started', 'order-validate': 'Started' },
  exchangesPerSecond: 1,
  errorRate: 0,
  ...overrides,
})
const prod = (overrides: Partial<AgentInfo> = {}) => agent('prod', overrides)
const staging = (overrides: Partial<AgentInfo> = {}) => agent('staging', overrides)

describe('computeFleetDrift', () => {
  it('says nothing differs when both sides run the same', () => {
    const drift = computeFleetDrift(
      { env: 'prod', agents: [prod(), prod(), prod()] },
      { env: 'staging', agents: [staging()] },
    )
    expect(drift.drifting).toBe(0)
    expect(drift.applications[0]).toMatchObject({
      applicationId: 'order-service',
      a: { agents: 3, live: 3 },
      b: { agents: 1, live: 1 },
      differences: [],
    })
  })

  it('names the main agent version of each side when they differ, with counts', () => {
    const drift = computeFleetDrift(
      { env: 'prod', agents: [prod(), prod(), prod({ agentVersion: '3.3.7' })] },
      {
        env: 'staging',
        agents: [staging({ agentVersion: '3.5.0-rc.2' }), staging({ agentVersion: '3.5.0-rc.2' })],
      },
    )
    const app = drift.applications[0]
    expect(app?.differences).toEqual(['Agent 3.5.0-rc.2 in staging, 3.4.1 in prod'])
    expect(describeVersions(app?.a?.agentVersions ?? [])).toBe('3.4.1 ×2, 3.3.7 ×1')
    expect(describeVersions(app?.b?.agentVersions ?? [])).toBe('3.5.0-rc.2 ×2')
  })

  it('names a version present on one side only when the main versions agree', () => {
    const drift = computeFleetDrift(
      { env: 'prod', agents: [prod(), prod(), prod({ camelVersion: '4.4.3' })] },
      { env: 'staging', agents: [staging()] },
    )
    expect(drift.applications[0]?.differences).toEqual(['Camel 4.4.3 only in prod'])
  })

  it('ignores DEAD agents for versions and routes, but counts them as agents', () => {
    const drift = computeFleetDrift(
      { env: 'prod', agents: [prod(), prod({ status: 'DEAD', agentVersion: '3.2.0' })] },
      { env: 'staging', agents: [staging()] },
    )
    expect(drift.applications[0]?.differences).toEqual([])
    expect(drift.applications[0]?.a).toMatchObject({ agents: 2, live: 1 })
  })

  it('lists routes present in one environment only', () => {
    const drift = computeFleetDrift(
      { env: 'prod', agents: [prod({ routeIds: ['a', 'b'] })] },
      { env: 'staging', agents: [staging({ routeIds: ['a', 'b', 'shadow'] })] },
    )
    expect(drift.applications[0]).toMatchObject({
      routesOnlyInA: [],
      routesOnlyInB: ['shadow'],
      differences: ['Route shadow only in staging'],
    })
  })

  it('lists applications present in one environment only', () => {
    const drift = computeFleetDrift(
      { env: 'dev', agents: [agent('dev', {})] },
      {
        env: 'staging',
        agents: [staging(), staging({ applicationId: 'fraud-check', routeIds: ['fraud-score'] })],
      },
    )
    expect(drift.applications.map((app) => [app.applicationId, app.differences])).toEqual([
      ['fraud-check', ['Only in staging']],
      ['order-service', []],
    ])
    expect(drift.applications[0]?.a).toBeNull()
  })

  it('claims no difference while a side is still loading', () => {
    const drift = computeFleetDrift(
      { env: 'prod', agents: [prod()] },
      { env: 'staging', agents: null },
    )
    expect(drift.applications).toHaveLength(1)
    expect(drift.applications[0]?.differences).toEqual([])
    expect(drift.drifting).toBe(0)
  })

  it('says when one side has no live agent of an application', () => {
    const drift = computeFleetDrift(
      { env: 'prod', agents: [prod({ status: 'STALE' })] },
      { env: 'staging', agents: [staging()] },
    )
    expect(drift.applications[0]?.differences).toEqual(['No live agent in prod'])
  })
})

describe('summarizeSide', () => {
  it('counts versions most common first', () => {
    const side = summarizeSide([
      prod({ agentVersion: '3.3.7' }),
      prod(),
      prod(),
      prod({ routeIds: ['x'] }),
    ])
    expect(side.agentVersions).toEqual([
      { version: '3.4.1', count: 3 },
      { version: '3.3.7', count: 1 },
    ])
    expect(side.routeIds).toEqual(['order-intake', 'order-validate', 'x'])
  })
})
