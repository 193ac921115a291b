import type { Schemas } from '@/lib/api/types'

/**
 * What an alert condition means, in words and in numbers. Pure, shared by the views (rule
 * table, form, preview) and the mock's evaluator, so a rule reads and fires the same
 * everywhere.
 */

export type AlertCondition = Schemas['AlertCondition']
export type RouteMetric = Schemas['RouteMetricCondition']['metric']
export type AlertSeverity = Schemas['AlertSeverity']

/** The contract's limits, checked by the form before sending and by the mock on receipt. */
export const ALERT_LIMITS = {
  nameMax: 100,
  forSecondsMax: 3600,
  windowSecondsMin: 60,
  windowSecondsMax: 86_400,
  qMax: 200,
  webhookMax: 2000,
} as const

export const METRIC_WORDS: Record<RouteMetric, string> = {
  errorRate: 'Error rate',
  p99Ms: 'p99 latency',
  exchangesPerMinute: 'Exchanges per minute',
  failedCount: 'Failed exchanges',
}

export const SEVERITY_WORDS: Record<AlertSeverity, string> = {
  CRITICAL: 'Critical',
  WARNING: 'Warning',
  INFO: 'Info',
}

const numberFormat = new Intl.NumberFormat('en', { maximumFractionDigits: 2 })

/** `30 s`, `5 min`, `1 h 30 min`, `1 day`: durations as people say them in a rule. */
export function formatSeconds(seconds: number): string {
  if (seconds < 60) return `${seconds} s`
  if (seconds % 86_400 === 0) return seconds === 86_400 ? '1 day' : `${seconds / 86_400} days`
  if (seconds < 3600) {
    const rest = seconds % 60
    return `${Math.floor(seconds / 60)} min${rest ? ` ${rest} s` : ''}`
  }
  const minutes = Math.floor((seconds % 3600) / 60)
  return `${Math.floor(seconds / 3600)} h${minutes ? ` ${minutes} min` : ''}`
}

/** A condition's value in its unit: `5 %` (error rate), `820 ms`, `12`. */
export function formatConditionValue(condition: AlertCondition, value: number): string {
  if (!Number.isFinite(value)) return 'invalid'
  if (condition.kind === 'route-metric') {
    if (condition.metric === 'errorRate') return `${numberFormat.format(value * 100)} %`
    if (condition.metric === 'p99Ms') return `${numberFormat.format(value)} ms`
  }
  return numberFormat.format(value)
}

function subject(applicationId: string | null, routeId: string | null = null): string {
  if (applicationId && routeId) return `${applicationId}/${routeId}`
  if (applicationId) return applicationId
  if (routeId) return `route ${routeId} of every application`
  return 'every application'
}

/**
 * The condition in one sentence: "Error rate of order-service/orders-in above 5 % over 5 min,
 * for 2 min". `forSeconds` 0 leaves the "for" out (it fires on the first evaluation).
 */
export function conditionSentence(condition: AlertCondition, forSeconds: number): string {
  const holding = forSeconds > 0 ? `, for ${formatSeconds(forSeconds)}` : ''
  switch (condition.kind) {
    case 'route-metric': {
      const direction = condition.comparator === '>' ? 'above' : 'below'
      return (
        `${METRIC_WORDS[condition.metric]} of ${subject(condition.applicationId, condition.routeId)} ` +
        `${direction} ${formatConditionValue(condition, condition.threshold)} ` +
        `over ${formatSeconds(condition.windowSeconds)}${holding}`
      )
    }
    case 'agent-state': {
      const agents = condition.minAgents === 1 ? 'agent' : 'agents'
      return (
        `At least ${condition.minAgents} ${agents} of ${subject(condition.applicationId)} ` +
        `${condition.state}${holding}`
      )
    }
    case 'log-pattern': {
      const lines = condition.threshold === 1 ? 'line' : 'lines'
      return (
        `At least ${condition.threshold} ${condition.level} ${lines} or worse matching ` +
        `"${condition.q}" from ${subject(condition.applicationId)} ` +
        `over ${formatSeconds(condition.windowSeconds)}${holding}`
      )
    }
  }
}

/** Whether the condition holds for a value (`null`: nothing to judge by, so it does not). */
export function conditionHolds(condition: AlertCondition, value: number | null): boolean {
  if (value === null || !Number.isFinite(value)) return false
  switch (condition.kind) {
    case 'route-metric':
      return condition.comparator === '>'
        ? value > condition.threshold
        : value < condition.threshold
    case 'agent-state':
      return value >= condition.minAgents
    case 'log-pattern':
      return value >= condition.threshold
  }
}

/** The line the preview draws: the threshold in the value's unit. */
export function conditionThreshold(condition: AlertCondition): number {
  switch (condition.kind) {
    case 'route-metric':
      return condition.threshold
    case 'agent-state':
      return condition.minAgents
    case 'log-pattern':
      return condition.threshold
  }
}

export interface Interval {
  /** Epoch ms, inclusive. */
  from: number
  /** Epoch ms, exclusive. */
  to: number
}

/**
 * When a rule would have fired, from its condition's evaluations (`times` ascending, evenly
 * spaced by `tickMs`): the condition must hold on every evaluation for `forSeconds` before it
 * fires, and the firing ends at the first evaluation where it no longer holds (or at `end`).
 * Intervals are clipped to [`start`, `end`): a run that began before `start` counts from its
 * real beginning, so pass evaluations from `start - forSeconds` on.
 */
export function firingIntervals(
  times: readonly number[],
  holds: readonly boolean[],
  tickMs: number,
  forSeconds: number,
  start: number,
  end: number,
): Interval[] {
  const out: Interval[] = []
  const forMs = forSeconds * 1000
  let runStart: number | null = null
  const close = (until: number) => {
    if (runStart === null) return
    const from = Math.max(runStart + forMs, start)
    const to = Math.min(until, end)
    if (from < to) out.push({ from, to })
    runStart = null
  }
  times.forEach((time, i) => {
    if (holds[i]) {
      runStart ??= time
    } else {
      close(time)
    }
  })
  const last = times[times.length - 1]
  if (last !== undefined) close(Math.min(end, last + tickMs))
  return out
}
