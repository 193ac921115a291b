import { describe, expect, it } from 'vitest'
import {
  draftCondition,
  draftFromRule,
  draftToInput,
  emptyDraft,
  previewSentence,
} from './rule-form-model'

describe('the rule form’s limits', () => {
  it('sends an error rate typed in percent as a ratio, minutes as seconds', () => {
    const { input, errors } = draftToInput({
      ...emptyDraft,
      name: '  Orders failing ',
      applicationId: 'order-service',
      routeId: 'order-intake',
      threshold: '5',
      windowMinutes: '5',
      forMinutes: '1.5',
    })
    expect(errors).toEqual({})
    expect(input).toEqual({
      name: 'Orders failing',
      enabled: true,
      severity: 'WARNING',
      condition: {
        kind: 'route-metric',
        applicationId: 'order-service',
        routeId: 'order-intake',
        metric: 'errorRate',
        comparator: '>',
        threshold: 0.05,
        windowSeconds: 300,
      },
      forSeconds: 90,
      webhookUrl: null,
    })
  })

  it('checks every limit of the contract before sending', () => {
    const { input, errors } = draftToInput({
      ...emptyDraft,
      name: 'x'.repeat(101),
      threshold: '150',
      windowMinutes: '0.5',
      forMinutes: '61',
      webhookUrl: 'http://hooks.example.com',
      routeId: 'order-intake',
    })
    expect(input).toBeNull()
    expect(errors).toEqual({
      name: 'Name is at most 100 characters.',
      threshold: 'An error rate is between 0 and 100 %.',
      windowMinutes: 'Window (minutes) must be a whole number.',
      forMinutes: 'For is at most 60 minutes.',
      webhookUrl: 'Webhook URL must start with https://.',
      routeId: 'Choose the route’s application first.',
    })
    expect(draftToInput({ ...emptyDraft, name: 'a', windowMinutes: '1441' }).errors).toEqual({
      windowMinutes: 'Window (minutes) must be between 1 and 1440.',
    })
    expect(
      draftToInput({ ...emptyDraft, name: 'a', kind: 'log-pattern', q: ' ', lineThreshold: '0' })
        .errors,
    ).toEqual({
      q: 'Search text is required.',
      lineThreshold: 'Threshold (lines) must be between 1 and 1000000000.',
    })
    expect(
      draftToInput({ ...emptyDraft, name: 'a', kind: 'agent-state', minAgents: '0' }).errors,
    ).toEqual({ minAgents: 'Agents must be between 1 and 10000.' })
  })

  it('previews a condition before the rule has a name', () => {
    const { condition, forSeconds } = draftCondition({ ...emptyDraft, kind: 'agent-state' })
    expect(condition).toEqual({
      kind: 'agent-state',
      applicationId: null,
      state: 'DEAD',
      minAgents: 1,
    })
    expect(forSeconds).toBe(120)
  })

  it('reads a rule back into the same draft', () => {
    const draft = {
      ...emptyDraft,
      name: 'Slow payments',
      kind: 'route-metric' as const,
      applicationId: 'payment-gateway',
      metric: 'p99Ms' as const,
      threshold: '1500',
      windowMinutes: '15',
      forMinutes: '10',
    }
    const { input } = draftToInput(draft)
    if (!input) throw new Error('invalid')
    const rule = {
      ...input,
      ruleId: 'r',
      tenantId: 'acme',
      environment: 'prod',
      version: 1,
      createdAt: '2026-11-28T00:00:00.000Z',
      updatedAt: '2026-11-28T00:00:00.000Z',
      updatedBy: { userId: 'u', name: 'U' },
    }
    expect(draftFromRule(rule)).toEqual(draft)
  })
})

describe('previewSentence', () => {
  const at = (minute: number) => new Date(Date.UTC(2026, 10, 28, 6, minute)).toISOString()
  it('says how often and how long the rule would have fired', () => {
    expect(
      previewSentence(
        [
          { from: at(0), to: at(20) },
          { from: at(30), to: at(41) },
          { from: at(50), to: at(60) },
        ],
        'the last 24 hours',
      ),
    ).toBe('Would have fired 3 times in the last 24 hours, for 41 minutes in all')
    expect(previewSentence([{ from: at(0), to: at(1) }], 'the last 6 hours')).toBe(
      'Would have fired once in the last 6 hours, for 1 minute in all',
    )
    expect(previewSentence([], 'the last 7 days')).toBe('Would not have fired in the last 7 days')
  })
})
