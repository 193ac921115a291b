// @vitest-environment node
import { describe, expect, it } from 'vitest'
import { listAgentRecords } from '../agents/agent-data'
import { listRoutes } from '../topology/topology'
import { routeStats } from './execution-stats'
import { HOUR, NOW } from './execution-test-support'

/**
 * The differences between acme's environments that comparing them is meant to find (issue
 * 11): if one of these goes away, the compare view has nothing to show in the demo.
 */
const versionsOf = (env: string, applicationId: string) =>
  new Set(
    listAgentRecords('acme', env)
      .filter((agent) => agent.applicationId === applicationId)
      .map((agent) => agent.agentVersion),
  )

describe('acme: what differs between environments', () => {
  it('staging runs a pre-release agent on some applications only', () => {
    expect(versionsOf('staging', 'order-service').has('3.5.0-rc.2')).toBe(true)
    expect(versionsOf('staging', 'payment-gateway').has('3.5.0-rc.2')).toBe(true)
    expect(versionsOf('prod', 'order-service').has('3.5.0-rc.2')).toBe(false)
    for (const app of ['inventory-sync', 'shipping-adapter', 'fraud-check']) {
      expect(versionsOf('staging', app).has('3.5.0-rc.2'), app).toBe(false)
      expect(versionsOf('staging', app).has('3.4.1'), app).toBe(true)
    }
  })

  it('one route exists only in staging, and its agents report it', () => {
    const routeIds = (env: string) => new Set(listRoutes('acme', env).map((r) => r.routeId))
    expect(routeIds('staging').has('fraud-score-shadow')).toBe(true)
    expect(routeIds('prod').has('fraud-score-shadow')).toBe(false)
    expect(routeIds('dev').has('fraud-score-shadow')).toBe(false)
    const fraudAgents = listAgentRecords('acme', 'staging').filter(
      (agent) => agent.applicationId === 'fraud-check',
    )
    expect(fraudAgents.every((agent) => agent.routeIds.includes('fraud-score-shadow'))).toBe(true)
  })

  it('an application is not deployed to dev', () => {
    const apps = (env: string) => new Set(listAgentRecords('acme', env).map((a) => a.applicationId))
    expect(apps('staging').has('fraud-check')).toBe(true)
    expect(apps('prod').has('fraud-check')).toBe(true)
    expect(apps('dev').has('fraud-check')).toBe(false)
  })

  it('order-enrich is markedly slower in staging than in prod; its neighbours are not', () => {
    const range = { from: NOW - 6 * HOUR, to: NOW }
    const stat = (env: string, routeId: string) => {
      const row = routeStats('acme', env, range, 'order-service', NOW).find(
        (one) => one.routeId === routeId,
      )
      if (!row) throw new Error(`${env} has no stats for ${routeId}`)
      return row
    }
    expect(stat('staging', 'order-enrich').p50Ms).toBeGreaterThan(
      2 * stat('prod', 'order-enrich').p50Ms,
    )
    expect(stat('staging', 'order-enrich').p99Ms).toBeGreaterThan(
      2 * stat('prod', 'order-enrich').p99Ms,
    )
    expect(stat('staging', 'order-validate').p50Ms).toBeLessThan(
      1.5 * stat('prod', 'order-validate').p50Ms,
    )
  })

  it('the staging-only route runs', () => {
    const range = { from: NOW - HOUR, to: NOW }
    const row = routeStats('acme', 'staging', range, 'fraud-check', NOW).find(
      (one) => one.routeId === 'fraud-score-shadow',
    )
    expect(row?.exchanges ?? 0).toBeGreaterThan(0)
  })
})
