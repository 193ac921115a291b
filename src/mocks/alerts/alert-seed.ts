import type { Schemas } from '@/lib/api/types'

/**
 * The rules each demo environment starts with. acme's are chosen against its generated data:
 * in prod, payment-gateway has DEAD agents (a critical alert firing) and several agents are
 * STALE, each for two minutes or more (a warning, seeded acknowledged); order-service's error rate crosses 8 % during the
 * mock's recurring incidents (every 18 h, about 20 minutes), so that rule fires and resolves
 * where it can be watched; staging has STALE agents (a warning firing); dev's rule never fires.
 */

export interface SeedRule {
  rule: Schemas['AlertRuleInput']
  /** Who acknowledged the alert open at seed time, if anyone. */
  acknowledgeBy?: Schemas['AlertActor']
}

const ADA = { userId: 'admin@acme', name: 'Ada Admin' }

const SEEDS: Record<string, SeedRule[]> = {
  'acme/prod': [
    {
      rule: {
        name: 'Payment gateway agents dead',
        enabled: true,
        severity: 'CRITICAL',
        condition: {
          kind: 'agent-state',
          applicationId: 'payment-gateway',
          state: 'DEAD',
          minAgents: 1,
        },
        forSeconds: 60,
        webhookUrl: 'https://hooks.example.com/cameleer/payments',
      },
    },
    {
      rule: {
        name: 'Stale agents',
        enabled: true,
        severity: 'WARNING',
        condition: { kind: 'agent-state', applicationId: null, state: 'STALE', minAgents: 3 },
        forSeconds: 60,
        webhookUrl: null,
      },
      acknowledgeBy: ADA,
    },
    {
      rule: {
        name: 'Order errors',
        enabled: true,
        severity: 'CRITICAL',
        condition: {
          kind: 'route-metric',
          applicationId: 'order-service',
          routeId: null,
          metric: 'errorRate',
          comparator: '>',
          threshold: 0.08,
          windowSeconds: 300,
        },
        forSeconds: 120,
        webhookUrl: null,
      },
    },
    {
      rule: {
        name: 'Payment latency',
        enabled: false,
        severity: 'INFO',
        condition: {
          kind: 'route-metric',
          applicationId: 'payment-gateway',
          routeId: null,
          metric: 'p99Ms',
          comparator: '>',
          threshold: 30_000,
          windowSeconds: 900,
        },
        forSeconds: 600,
        webhookUrl: null,
      },
    },
  ],
  'acme/staging': [
    {
      rule: {
        name: 'Stale agents',
        enabled: true,
        severity: 'WARNING',
        condition: { kind: 'agent-state', applicationId: null, state: 'STALE', minAgents: 1 },
        forSeconds: 60,
        webhookUrl: null,
      },
    },
  ],
  'acme/dev': [
    {
      rule: {
        name: 'Exception storm',
        enabled: true,
        severity: 'INFO',
        condition: {
          kind: 'log-pattern',
          applicationId: null,
          level: 'ERROR',
          q: 'Exception',
          threshold: 500,
          windowSeconds: 300,
        },
        forSeconds: 0,
        webhookUrl: null,
      },
    },
  ],
  'beta/prod': [
    {
      rule: {
        name: 'Dead agents',
        enabled: true,
        severity: 'CRITICAL',
        condition: { kind: 'agent-state', applicationId: null, state: 'DEAD', minAgents: 1 },
        forSeconds: 60,
        webhookUrl: null,
      },
    },
  ],
}

export function seedRulesFor(tenant: string, env: string): SeedRule[] {
  return SEEDS[`${tenant}/${env}`] ?? []
}
