import { describe, expect, it } from 'vitest'
import type { Schemas } from '@/lib/api/types'
import { compareRuleSets, ruleDifferences, ruleInputOf, sameNamed } from './alert-rule-diff'

const rule = (change: Partial<Schemas['AlertRule']> = {}): Schemas['AlertRule'] => ({
  ruleId: 'staging-rule-1',
  tenantId: 'acme',
  environment: 'staging',
  name: 'Orders failing',
  enabled: true,
  severity: 'WARNING',
  condition: {
    kind: 'route-metric',
    applicationId: 'order-service',
    routeId: 'orders-in',
    metric: 'errorRate',
    comparator: '>',
    threshold: 0.05,
    windowSeconds: 300,
  },
  forSeconds: 120,
  webhookUrl: null,
  version: 3,
  createdAt: '2026-11-28T00:00:00.000Z',
  updatedAt: '2026-11-28T00:00:00.000Z',
  updatedBy: { userId: 'ops@acme', name: 'Otto Ops' },
  ...change,
})

describe('copying a rule to another environment', () => {
  it('sends only the rule’s own members', () => {
    expect(Object.keys(ruleInputOf(rule())).sort()).toEqual(
      ['condition', 'enabled', 'forSeconds', 'name', 'severity', 'webhookUrl'].sort(),
    )
  })

  it('finds the rule of that name there, as the server compares names', () => {
    const there = [rule({ name: 'orders FAILING', environment: 'prod' })]
    expect(sameNamed(there, 'Orders failing')?.environment).toBe('prod')
    expect(sameNamed(there, 'Orders slow')).toBeUndefined()
  })

  it('says how the two differ, member by member, or nothing when they are the same', () => {
    const here = ruleInputOf(rule())
    expect(ruleDifferences(here, here)).toEqual([])
    const there = ruleInputOf(
      rule({
        severity: 'CRITICAL',
        forSeconds: 0,
        enabled: false,
        webhookUrl: 'https://hooks.example.com/x',
      }),
    )
    expect(ruleDifferences(there, here)).toEqual([
      'Severity: Critical → Warning',
      'Condition: Error rate of order-service/orders-in above 5 % over 5 min → Error rate of order-service/orders-in above 5 % over 5 min, for 2 min',
      'Enabled: no → yes',
      'Webhook URL: https://hooks.example.com/x → none',
    ])
  })
})

describe('comparing two environments’ rules', () => {
  it('lists what exists in one only, and what differs', () => {
    const staging = [
      rule({ name: 'Orders failing' }),
      rule({ name: 'Only here', ruleId: 's2' }),
      rule({ name: 'Same', ruleId: 's3' }),
    ]
    const prod = [
      rule({ name: 'Orders failing', severity: 'CRITICAL', environment: 'prod' }),
      rule({ name: 'Only there', ruleId: 'p2', environment: 'prod' }),
      rule({ name: 'same', ruleId: 'p3', environment: 'prod' }),
    ]
    const result = compareRuleSets(staging, prod)
    expect(result.onlyA.map((r) => r.name)).toEqual(['Only here'])
    expect(result.onlyB.map((r) => r.name)).toEqual(['Only there'])
    expect(result.differing.map((d) => [d.a.name, d.differences])).toEqual([
      ['Orders failing', ['Severity: Critical → Warning']],
    ])
    expect(result.same).toBe(1)
  })
})
