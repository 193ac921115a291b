import { describe, expect, it } from 'vitest'
import type { Schemas } from '@/lib/api/types'
import { explainLinks } from './alert-links'

const alert: Schemas['Alert'] = {
  alertId: 'prod-alert-1',
  tenantId: 'acme',
  environment: 'prod',
  ruleId: 'prod-rule-1',
  ruleName: 'Order errors',
  severity: 'CRITICAL',
  state: 'RESOLVED',
  startedAt: '2026-11-28T06:00:00.000Z',
  resolvedAt: '2026-11-28T06:20:00.000Z',
  acknowledgedAt: null,
  acknowledgedBy: null,
  value: 0.12,
  summary: '…',
  silencedBy: null,
}
const rule = (condition: Schemas['AlertCondition']): Schemas['AlertRule'] => ({
  ruleId: 'prod-rule-1',
  tenantId: 'acme',
  environment: 'prod',
  name: 'Order errors',
  enabled: true,
  severity: 'CRITICAL',
  condition,
  forSeconds: 120,
  webhookUrl: null,
  version: 1,
  createdAt: '2026-11-01T00:00:00.000Z',
  updatedAt: '2026-11-01T00:00:00.000Z',
  updatedBy: { userId: 'admin@acme', name: 'Ada Admin' },
})

describe('explainLinks', () => {
  it('opens a route metric’s failed executions, metrics and error logs in the alert’s window', () => {
    const links = explainLinks(
      alert,
      rule({
        kind: 'route-metric',
        applicationId: 'order-service',
        routeId: 'order-intake',
        metric: 'errorRate',
        comparator: '>',
        threshold: 0.08,
        windowSeconds: 300,
      }),
    )
    // From 5 min window + 2 min for + 5 min before it started, to 5 min after it resolved.
    const range = 'from=2026-11-28T05%3A48%3A00.000Z&to=2026-11-28T06%3A25%3A00.000Z'
    expect(links).toEqual([
      {
        label: 'Failed executions of order-service/order-intake',
        to: `/executions?status=FAILED&app=order-service&route=order-intake&${range}`,
      },
      {
        label: 'Metrics of order-service/order-intake',
        to: `/metrics?${range}&routeApp=order-service&route=order-intake`,
      },
      { label: 'Error logs of order-service', to: `/logs?level=ERROR&app=order-service&${range}` },
    ])
  })

  it('keeps an open alert’s window running to now', () => {
    const [agents, logs] = explainLinks(
      { ...alert, state: 'FIRING', resolvedAt: null },
      rule({ kind: 'agent-state', applicationId: null, state: 'DEAD', minAgents: 1 }),
    )
    expect(agents).toEqual({ label: 'DEAD agents of every application', to: '/agents?status=DEAD' })
    expect(logs?.to).toMatch(/to=now$/)
  })
})
