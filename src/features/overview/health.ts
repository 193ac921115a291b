import { formatPercent } from '@/lib/format'

/**
 * The one health rule of the Overview: what makes an application Failing, Degraded, Healthy
 * or quiet. The page shows `HEALTH_RULES` as written here, so the rule the user reads is the
 * rule the code applies.
 */

/** An error rate (failed / exchanges in the range) at or above this is Failing. */
export const FAILING_ERROR_RATE = 0.05
/** An error rate at or above this (and below FAILING_ERROR_RATE) is Degraded. */
export const DEGRADED_ERROR_RATE = 0.01

export type Health = 'failing' | 'degraded' | 'no-traffic' | 'healthy'

export const HEALTH_LABELS: Record<Health, string> = {
  failing: 'Failing',
  degraded: 'Degraded',
  'no-traffic': 'No traffic',
  healthy: 'Healthy',
}

/** The badge tone that repeats the word in colour (never the only signal). */
export const HEALTH_TONES: Record<Health, 'bad' | 'warn' | 'neutral' | 'ok'> = {
  failing: 'bad',
  degraded: 'warn',
  'no-traffic': 'neutral',
  healthy: 'ok',
}

/** Worst first: what needs someone at 3 a.m. comes first; a silent application before a healthy one. */
const RANK: Record<Health, number> = { failing: 0, degraded: 1, 'no-traffic': 2, healthy: 3 }

export const HEALTH_RULES: ReadonlyArray<{ health: Health; rule: string }> = [
  {
    health: 'failing',
    rule: `a DEAD agent, or an error rate of ${formatPercent(FAILING_ERROR_RATE)} or more`,
  },
  {
    health: 'degraded',
    rule: `a STALE agent, or an error rate of ${formatPercent(DEGRADED_ERROR_RATE)} or more`,
  },
  { health: 'no-traffic', rule: 'no exchange in the range, and no agent STALE or DEAD' },
  { health: 'healthy', rule: 'exchanges in the range, and none of the above' },
]

export interface HealthInput {
  exchanges: number
  failed: number
  agents: { live: number; stale: number; dead: number }
}

/** failed / exchanges, 0 without exchanges. */
export function errorRate({
  exchanges,
  failed,
}: Pick<HealthInput, 'exchanges' | 'failed'>): number {
  return exchanges > 0 ? failed / exchanges : 0
}

export function healthOf(app: HealthInput): Health {
  const rate = errorRate(app)
  if (app.agents.dead > 0 || rate >= FAILING_ERROR_RATE) return 'failing'
  if (app.agents.stale > 0 || rate >= DEGRADED_ERROR_RATE) return 'degraded'
  if (app.exchanges === 0) return 'no-traffic'
  return 'healthy'
}

/**
 * Worst first: by health, then by error rate (highest first), then by dead and stale agents,
 * then by traffic (busiest first), then by id, so the order is total and stable.
 */
export function compareWorstFirst<T extends HealthInput & { applicationId: string }>(
  a: T,
  b: T,
): number {
  return (
    RANK[healthOf(a)] - RANK[healthOf(b)] ||
    errorRate(b) - errorRate(a) ||
    b.agents.dead - a.agents.dead ||
    b.agents.stale - a.agents.stale ||
    b.exchanges - a.exchanges ||
    a.applicationId.localeCompare(b.applicationId)
  )
}
