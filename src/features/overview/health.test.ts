import { describe, expect, it } from 'vitest'
import {
  compareWorstFirst,
  DEGRADED_ERROR_RATE,
  FAILING_ERROR_RATE,
  healthOf,
  type HealthInput,
} from './health'

const agents = (live: number, stale = 0, dead = 0) => ({ live, stale, dead })
const app = (
  applicationId: string,
  exchanges: number,
  failed: number,
  agentCounts = agents(2),
): HealthInput & { applicationId: string } => ({
  applicationId,
  exchanges,
  failed,
  agents: agentCounts,
})

describe('healthOf', () => {
  it('keeps its thresholds at 5 % and 1 %', () => {
    expect(FAILING_ERROR_RATE).toBe(0.05)
    expect(DEGRADED_ERROR_RATE).toBe(0.01)
  })

  it.each([
    [0, 'healthy'],
    [9, 'healthy'],
    [9.99, 'healthy'],
    [10, 'degraded'],
    [49, 'degraded'],
    [49.99, 'degraded'],
    [50, 'failing'],
    [1000, 'failing'],
  ])('at %s failed of 1,000 exchanges the error rate says %s', (failed, health) => {
    expect(healthOf(app('a', 1000, failed))).toBe(health)
  })

  it('says Failing for one DEAD agent, whatever the traffic', () => {
    expect(healthOf(app('a', 1000, 0, agents(9, 0, 1)))).toBe('failing')
    expect(healthOf(app('a', 0, 0, agents(0, 0, 1)))).toBe('failing')
    expect(healthOf(app('a', 1000, 20, agents(3, 2, 1)))).toBe('failing')
  })

  it('says Degraded for one STALE agent and no DEAD one', () => {
    expect(healthOf(app('a', 1000, 0, agents(9, 1, 0)))).toBe('degraded')
    expect(healthOf(app('a', 0, 0, agents(0, 1, 0)))).toBe('degraded')
  })

  it('says No traffic without exchanges when every agent is LIVE (or there is none)', () => {
    expect(healthOf(app('a', 0, 0))).toBe('no-traffic')
    expect(healthOf(app('a', 0, 0, agents(0)))).toBe('no-traffic')
    expect(healthOf(app('a', 1, 0))).toBe('healthy')
  })
})

describe('compareWorstFirst', () => {
  it('puts Failing, then Degraded, then No traffic, then Healthy', () => {
    const apps = [
      app('healthy', 1000, 0),
      app('quiet', 0, 0),
      app('degraded', 1000, 20),
      app('failing', 1000, 80),
    ]
    expect(apps.sort(compareWorstFirst).map((a) => a.applicationId)).toEqual([
      'failing',
      'degraded',
      'quiet',
      'healthy',
    ])
  })

  it('orders within a health by error rate, then dead and stale agents, then traffic, then id', () => {
    const apps = [
      app('b-busy', 5000, 0),
      app('a-busy', 5000, 0),
      app('quiet-ish', 10, 0),
      app('dead-two', 100, 0, agents(1, 0, 2)),
      app('dead-one', 100, 0, agents(1, 0, 1)),
      app('worst-rate', 100, 50),
      app('stale-failing', 100, 9, agents(1, 1)),
    ]
    expect(apps.sort(compareWorstFirst).map((a) => a.applicationId)).toEqual([
      'worst-rate',
      'stale-failing',
      'dead-two',
      'dead-one',
      'a-busy',
      'b-busy',
      'quiet-ish',
    ])
  })
})
