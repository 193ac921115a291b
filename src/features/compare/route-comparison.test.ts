import { describe, expect, it } from 'vitest'
import type { RouteStats } from '@/lib/api/types'
import { compareRoutes, describePointsDelta, describeRatio, sortRoutes } from './route-comparison'

const row = (env: string, routeId: string, overrides: Partial<RouteStats> = {}): RouteStats => ({
  tenantId: 'acme',
  environment: env,
  applicationId: 'order-service',
  routeId,
  exchanges: 1000,
  failed: 10,
  meanMs: 50,
  p50Ms: 40,
  p95Ms: 90,
  p99Ms: 120,
  ...overrides,
})

const compare = (prod: RouteStats[] | null, staging: RouteStats[] | null) =>
  compareRoutes({ env: 'prod', rows: prod }, { env: 'staging', rows: staging })

describe('compareRoutes: flags', () => {
  it('flags a p99 at least twice the other side’s, naming the slower side', () => {
    const [slowInStaging] = compare([row('prod', 'r')], [row('staging', 'r', { p99Ms: 240 })])
    expect(slowInStaging?.flags).toEqual(['p99 2.0× slower in staging'])
    expect(slowInStaging?.p99Ratio).toBe(2)
    const [slowInProd] = compare([row('prod', 'r', { p99Ms: 600 })], [row('staging', 'r')])
    expect(slowInProd?.flags).toEqual(['p99 5.0× slower in prod'])
  })

  it('does not flag a p99 under twice the other', () => {
    const [route] = compare([row('prod', 'r')], [row('staging', 'r', { p99Ms: 239 })])
    expect(route?.flags).toEqual([])
  })

  it('flags an error rate one point or more higher', () => {
    // prod 1.0 %, staging 2.0 %: one point.
    const [worse] = compare([row('prod', 'r')], [row('staging', 'r', { failed: 20 })])
    expect(worse?.flags).toEqual(['Error rate 1.0 points higher in staging'])
    expect(worse?.errorRateDelta).toBeCloseTo(0.01)
    const [slightly] = compare([row('prod', 'r')], [row('staging', 'r', { failed: 19 })])
    expect(slightly?.flags).toEqual([])
    const [better] = compare([row('prod', 'r', { failed: 40 })], [row('staging', 'r')])
    expect(better?.flags).toEqual(['Error rate 3.0 points higher in prod'])
  })

  it('flags nothing on too few exchanges, and says so', () => {
    const [route] = compare(
      [row('prod', 'r')],
      [row('staging', 'r', { exchanges: 5, failed: 5, p99Ms: 9000 })],
    )
    expect(route?.flags).toEqual([])
    expect(route?.tooFew).toBe(true)
  })

  it('marks routes that ran on one side only, once both sides are loaded', () => {
    const rows = compare([row('prod', 'a')], [row('staging', 'a'), row('staging', 'shadow')])
    expect(rows.map((one) => [one.routeId, one.flags])).toEqual([
      ['a', []],
      ['shadow', ['Only in staging']],
    ])
    expect(compare([row('prod', 'a')], null).map((one) => one.flags)).toEqual([[]])
  })
})

describe('sortRoutes', () => {
  const rows = compare(
    [row('prod', 'a'), row('prod', 'b'), row('prod', 'c', { p99Ms: 400 }), row('prod', 'only')],
    [
      row('staging', 'a', { p99Ms: 360, failed: 5 }),
      row('staging', 'b', { p99Ms: 130, failed: 50 }),
      row('staging', 'c'),
    ],
  )
  it('by the p99 difference, largest first; routes of one side last', () => {
    expect(sortRoutes(rows, { key: 'p99', desc: true }).map((one) => one.routeId)).toEqual([
      'a',
      'b',
      'c',
      'only',
    ])
    expect(sortRoutes(rows, { key: 'p99', desc: false }).map((one) => one.routeId)).toEqual([
      'c',
      'b',
      'a',
      'only',
    ])
  })
  it('by the error-rate difference', () => {
    expect(sortRoutes(rows, { key: 'errorRate', desc: true }).map((one) => one.routeId)).toEqual([
      'b',
      'c',
      'a',
      'only',
    ])
  })
})

describe('differences in words', () => {
  it('reads as a factor and as points', () => {
    expect(describeRatio(3.14159)).toBe('×3.14')
    expect(describeRatio(null)).toBe('—')
    expect(describePointsDelta(0.0123)).toBe('+1.2 pt')
    expect(describePointsDelta(-0.005)).toBe('−0.5 pt')
  })
})
