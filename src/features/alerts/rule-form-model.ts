import { ALERT_LIMITS, type AlertCondition, type RouteMetric } from '@/lib/alert-conditions'
import type { Schemas } from '@/lib/api/types'

/**
 * The rule form's state as typed (strings where the user types numbers), its checks against
 * every limit of the contract before anything is sent, and its translation to and from the
 * API's rule. Pure: the form page renders it, tests check the limits.
 */

export type ConditionKind = AlertCondition['kind']
export const CONDITION_KINDS: readonly { kind: ConditionKind; label: string }[] = [
  { kind: 'route-metric', label: 'Route metric' },
  { kind: 'agent-state', label: 'Agent state' },
  { kind: 'log-pattern', label: 'Log pattern' },
]

export interface RuleDraft {
  name: string
  severity: Schemas['AlertSeverity']
  enabled: boolean
  kind: ConditionKind
  /** '' = every application. */
  applicationId: string
  /** '' = every route. */
  routeId: string
  metric: RouteMetric
  comparator: '>' | '<'
  /** As typed; an error rate in percent. */
  threshold: string
  /** Minutes, as typed. */
  windowMinutes: string
  /** Minutes, as typed (decimals allowed: seconds are kept). */
  forMinutes: string
  agentState: 'STALE' | 'DEAD'
  minAgents: string
  level: Schemas['LogLevel']
  q: string
  lineThreshold: string
  webhookUrl: string
}

export const emptyDraft: RuleDraft = {
  name: '',
  severity: 'WARNING',
  enabled: true,
  kind: 'route-metric',
  applicationId: '',
  routeId: '',
  metric: 'errorRate',
  comparator: '>',
  threshold: '5',
  windowMinutes: '5',
  forMinutes: '2',
  agentState: 'DEAD',
  minAgents: '1',
  level: 'ERROR',
  q: '',
  lineThreshold: '10',
  webhookUrl: '',
}

export type DraftField =
  | 'name'
  | 'threshold'
  | 'windowMinutes'
  | 'forMinutes'
  | 'minAgents'
  | 'q'
  | 'lineThreshold'
  | 'webhookUrl'
  | 'routeId'

export type DraftErrors = Partial<Record<DraftField, string>>

const number = (text: string): number | null => {
  if (text.trim() === '') return null
  const value = Number(text)
  return Number.isFinite(value) ? value : null
}

function checkInteger(
  text: string,
  min: number,
  max: number,
  what: string,
): { value?: number; error?: string } {
  const value = number(text)
  if (value === null || !Number.isInteger(value))
    return { error: `${what} must be a whole number.` }
  if (value < min || value > max) return { error: `${what} must be between ${min} and ${max}.` }
  return { value }
}

/** The condition alone (what the preview needs), with the errors of its fields. */
export function draftCondition(draft: RuleDraft): {
  condition: AlertCondition | null
  forSeconds: number | null
  errors: DraftErrors
} {
  const errors: DraftErrors = {}
  const applicationId = draft.applicationId || null
  const forValue = number(draft.forMinutes)
  let forSeconds: number | null = null
  if (forValue === null || forValue < 0) errors.forMinutes = 'For must be 0 minutes or more.'
  else if (forValue * 60 > ALERT_LIMITS.forSecondsMax)
    errors.forMinutes = 'For is at most 60 minutes.'
  else forSeconds = Math.round(forValue * 60)

  const windowMinutes = () => {
    const checked = checkInteger(
      draft.windowMinutes,
      ALERT_LIMITS.windowSecondsMin / 60,
      ALERT_LIMITS.windowSecondsMax / 60,
      'Window (minutes)',
    )
    if (checked.error) errors.windowMinutes = checked.error
    return checked.value === undefined ? null : checked.value * 60
  }

  let condition: AlertCondition | null = null
  switch (draft.kind) {
    case 'route-metric': {
      const windowSeconds = windowMinutes()
      const raw = number(draft.threshold)
      let threshold: number | null = null
      if (raw === null || raw < 0) errors.threshold = 'Threshold must be a number, 0 or more.'
      else if (draft.metric === 'errorRate' && raw > 100) {
        errors.threshold = 'An error rate is between 0 and 100 %.'
      } else threshold = draft.metric === 'errorRate' ? raw / 100 : raw
      if (draft.routeId && !applicationId) errors.routeId = 'Choose the route’s application first.'
      if (windowSeconds !== null && threshold !== null && !errors.routeId) {
        condition = {
          kind: 'route-metric',
          applicationId,
          routeId: draft.routeId || null,
          metric: draft.metric,
          comparator: draft.comparator,
          threshold,
          windowSeconds,
        }
      }
      break
    }
    case 'agent-state': {
      const min = checkInteger(draft.minAgents, 1, 10_000, 'Agents')
      if (min.error) errors.minAgents = min.error
      else if (min.value !== undefined) {
        condition = {
          kind: 'agent-state',
          applicationId,
          state: draft.agentState,
          minAgents: min.value,
        }
      }
      break
    }
    case 'log-pattern': {
      const windowSeconds = windowMinutes()
      const q = draft.q.trim()
      if (q.length === 0) errors.q = 'Search text is required.'
      else if (q.length > ALERT_LIMITS.qMax)
        errors.q = `Search text is at most ${ALERT_LIMITS.qMax} characters.`
      const lines = checkInteger(draft.lineThreshold, 1, 1_000_000_000, 'Threshold (lines)')
      if (lines.error) errors.lineThreshold = lines.error
      if (windowSeconds !== null && !errors.q && lines.value !== undefined) {
        condition = {
          kind: 'log-pattern',
          applicationId,
          level: draft.level,
          q,
          threshold: lines.value,
          windowSeconds,
        }
      }
      break
    }
  }
  return { condition, forSeconds, errors }
}

/** The whole rule checked against the contract's limits: the body to send, or the errors. */
export function draftToInput(draft: RuleDraft): {
  input: Schemas['AlertRuleInput'] | null
  errors: DraftErrors
} {
  const { condition, forSeconds, errors } = draftCondition(draft)
  const name = draft.name.trim()
  if (name.length === 0) errors.name = 'Name is required.'
  else if (name.length > ALERT_LIMITS.nameMax)
    errors.name = `Name is at most ${ALERT_LIMITS.nameMax} characters.`
  const webhook = draft.webhookUrl.trim()
  if (webhook) {
    if (!/^https:\/\//i.test(webhook)) errors.webhookUrl = 'Webhook URL must start with https://.'
    else if (webhook.length > ALERT_LIMITS.webhookMax)
      errors.webhookUrl = 'Webhook URL is too long.'
    else if (!URL.canParse(webhook)) errors.webhookUrl = 'Webhook URL is not a valid address.'
  }
  if (Object.keys(errors).length > 0 || !condition || forSeconds === null)
    return { input: null, errors }
  return {
    input: {
      name,
      enabled: draft.enabled,
      severity: draft.severity,
      condition,
      forSeconds,
      webhookUrl: webhook || null,
    },
    errors,
  }
}

const trimNumber = (value: number) => String(Math.round(value * 1e6) / 1e6)

/** The form's state for an existing rule. */
export function draftFromRule(rule: Schemas['AlertRule']): RuleDraft {
  const base: RuleDraft = {
    ...emptyDraft,
    name: rule.name,
    severity: rule.severity,
    enabled: rule.enabled,
    kind: rule.condition.kind,
    applicationId: rule.condition.applicationId ?? '',
    forMinutes: trimNumber(rule.forSeconds / 60),
    webhookUrl: rule.webhookUrl ?? '',
  }
  const condition = rule.condition
  switch (condition.kind) {
    case 'route-metric':
      return {
        ...base,
        routeId: condition.routeId ?? '',
        metric: condition.metric,
        comparator: condition.comparator,
        threshold: trimNumber(
          condition.metric === 'errorRate' ? condition.threshold * 100 : condition.threshold,
        ),
        windowMinutes: trimNumber(condition.windowSeconds / 60),
      }
    case 'agent-state':
      return { ...base, agentState: condition.state, minAgents: String(condition.minAgents) }
    case 'log-pattern':
      return {
        ...base,
        level: condition.level,
        q: condition.q,
        lineThreshold: String(condition.threshold),
        windowMinutes: trimNumber(condition.windowSeconds / 60),
      }
  }
}

/** "Would have fired 3 times in the last 24 hours, for 41 minutes in all". */
export function previewSentence(
  firings: readonly { from: string; to: string }[],
  rangeWords: string,
): string {
  if (firings.length === 0) return `Would not have fired in ${rangeWords}`
  const totalMs = firings.reduce((sum, f) => sum + Date.parse(f.to) - Date.parse(f.from), 0)
  const minutes = Math.round(totalMs / 60_000)
  const times = firings.length === 1 ? 'once' : `${firings.length} times`
  const duration =
    minutes < 1
      ? 'less than a minute'
      : minutes < 120
        ? `${minutes} ${minutes === 1 ? 'minute' : 'minutes'}`
        : `${Math.floor(minutes / 60)} h ${minutes % 60} min`
  return `Would have fired ${times} in ${rangeWords}, for ${duration} in all`
}
