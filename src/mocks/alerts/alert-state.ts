import {
  conditionHolds,
  conditionSentence,
  formatConditionValue,
  type AlertCondition,
} from '@/lib/alert-conditions'
import type { Schemas } from '@/lib/api/types'
import { toIso } from '../clock'
import { readTenantRecord, writeTenantRecord } from '../tenant-state/tenant-state'
import { evaluate, MINUTE_MS, preview } from './alert-evaluation'
import { seedRulesFor } from './alert-seed'

/**
 * What the alerting of each tenant holds, as the server keeps it in the tenant's own schema:
 * rules, alerts and silences per environment. Alerts are what the evaluator found: every 30 s
 * (on the first request after each 30 s tick) each enabled rule is evaluated against the
 * mock's data; a condition that has held for `forSeconds` opens an alert, one that stops
 * holding resolves it. A new environment state is seeded (its rules, and the last 24 hours
 * of what they found, so History has something to show). Kept with the tenant's other state
 * (tenant-state.ts: localStorage in a browser, memory in Node, reset per test).
 */

export type AlertRule = Schemas['AlertRule']
export type Alert = Schemas['Alert']
export type Silence = Schemas['Silence']

export const EVALUATION_MS = 30_000
const BACKFILL_MS = 24 * 3600_000

export interface EnvironmentAlerts {
  version: 1
  tenant: string
  env: string
  rules: AlertRule[]
  /** Oldest first; open ones carry a live `silencedBy` (see `withSilence`). */
  alerts: Alert[]
  silences: Silence[]
  lastTick: number | null
  nextId: number
}

export function nextId(state: EnvironmentAlerts, prefix: string): string {
  state.nextId += 1
  return `${state.env}-${prefix}${state.nextId}`
}

const recordName = (env: string) => `alerts:${env}`

/** The environment's alerting, seeded on first use and evaluated up to `now`. */
export function alertsOf(tenant: string, env: string, now: number): EnvironmentAlerts {
  const state = readTenantRecord<EnvironmentAlerts>(tenant, recordName(env), () => {
    const seeded: EnvironmentAlerts = {
      version: 1,
      tenant,
      env,
      rules: [],
      alerts: [],
      silences: [],
      lastTick: null,
      nextId: 0,
    }
    seed(seeded, now)
    return seeded
  })
  if (tick(state, now)) saveAlerts(state)
  return state
}

/** Keep what a write changed (the browser mock re-reads storage on every request). */
export function saveAlerts(state: EnvironmentAlerts): void {
  writeTenantRecord(state.tenant, recordName(state.env), state)
}

function seed(state: EnvironmentAlerts, now: number): void {
  const seeded = seedRulesFor(state.tenant, state.env)
  const createdAt = toIso(Math.floor(now / 86_400_000) * 86_400_000 - 7 * 86_400_000)
  for (const { rule, acknowledgeBy } of seeded) {
    const full: AlertRule = {
      ...rule,
      ruleId: nextId(state, 'rule-'),
      tenantId: state.tenant,
      environment: state.env,
      version: 1,
      createdAt,
      updatedAt: createdAt,
      updatedBy: { userId: 'admin@acme', name: 'Ada Admin' },
    }
    state.rules.push(full)
    if (!full.enabled) continue
    const tickAt = Math.floor(now / EVALUATION_MS) * EVALUATION_MS
    const past = preview(
      state.tenant,
      state.env,
      full.condition,
      full.forSeconds,
      { from: tickAt - BACKFILL_MS, to: tickAt },
      60,
      now,
    )
    for (const firing of past.firings) {
      const open = firing.to >= tickAt
      const alert = openAlert(state, full, firing.from, null)
      if (!open) {
        alert.state = 'RESOLVED'
        alert.resolvedAt = toIso(firing.to)
      } else if (acknowledgeBy) {
        alert.state = 'ACKNOWLEDGED'
        alert.acknowledgedBy = acknowledgeBy
        alert.acknowledgedAt = toIso(Math.min(tickAt, firing.from + 4 * MINUTE_MS))
      }
    }
  }
  state.alerts.sort((a, b) => a.startedAt.localeCompare(b.startedAt))
}

function openAlert(
  state: EnvironmentAlerts,
  rule: AlertRule,
  startedAt: number,
  value: number | null,
): Alert {
  const alert: Alert = {
    alertId: nextId(state, 'alert-'),
    tenantId: state.tenant,
    environment: state.env,
    ruleId: rule.ruleId,
    ruleName: rule.name,
    severity: rule.severity,
    state: 'FIRING',
    startedAt: toIso(startedAt),
    resolvedAt: null,
    acknowledgedAt: null,
    acknowledgedBy: null,
    value,
    summary: summaryOf(rule.condition, rule.forSeconds, value),
    silencedBy: null,
  }
  state.alerts.push(alert)
  return alert
}

function summaryOf(condition: AlertCondition, forSeconds: number, value: number | null): string {
  const sentence = conditionSentence(condition, forSeconds)
  return value === null ? sentence : `${sentence} (now ${formatConditionValue(condition, value)})`
}

export const isOpen = (alert: Alert) => alert.state !== 'RESOLVED'

/** Evaluate every enabled rule once per 30 s tick (at most once per request); true if it ran. */
function tick(state: EnvironmentAlerts, now: number): boolean {
  const tickAt = Math.floor(now / EVALUATION_MS) * EVALUATION_MS
  if (state.lastTick === tickAt) return false
  state.lastTick = tickAt
  for (const rule of state.rules) {
    if (rule.enabled) evaluateRule(state, rule, tickAt, now)
  }
  // The silence that covers an open alert is the one in force now.
  for (const alert of state.alerts) {
    if (isOpen(alert)) alert.silencedBy = coveringSilence(state, alert, now)?.silenceId ?? null
  }
  return true
}

function evaluateRule(state: EnvironmentAlerts, rule: AlertRule, tickAt: number, now: number) {
  const { condition, forSeconds } = rule
  const lookback = condition.kind === 'agent-state' ? BACKFILL_MS : 2 * 3600_000
  const from = tickAt - lookback - forSeconds * 1000
  const evaluations = evaluate(state.tenant, state.env, condition, from, tickAt + 1, now)
  const { times, values } = evaluations
  const latest = values[values.length - 1] ?? null
  const holdsNow = conditionHolds(condition, latest)
  // How long it has held: back from the latest evaluation to the first of this run.
  let runStart: number | null = null
  for (let i = times.length - 1; i >= 0 && conditionHolds(condition, values[i] ?? null); i--) {
    runStart = times[i] ?? null
  }
  const open = state.alerts.find((alert) => alert.ruleId === rule.ruleId && isOpen(alert))
  const firing = holdsNow && runStart !== null && tickAt - runStart >= forSeconds * 1000
  if (open) {
    if (firing || holdsNow) {
      open.value = latest
      open.summary = summaryOf(condition, forSeconds, latest)
    } else {
      resolve(open, tickAt)
    }
    return
  }
  if (firing && runStart !== null) {
    const lastResolved = state.alerts
      .filter((alert) => alert.ruleId === rule.ruleId && alert.resolvedAt)
      .reduce((latestAt, alert) => Math.max(latestAt, Date.parse(alert.resolvedAt ?? '')), 0)
    openAlert(state, rule, Math.max(runStart + forSeconds * 1000, lastResolved), latest)
  }
}

export function resolve(alert: Alert, at: number): void {
  alert.state = 'RESOLVED'
  alert.resolvedAt = toIso(at)
}

/** The active silence covering an alert: its rule, its rule's application, or everything. */
export function coveringSilence(
  state: EnvironmentAlerts,
  alert: Alert,
  now: number,
): Silence | undefined {
  const rule = state.rules.find((candidate) => candidate.ruleId === alert.ruleId)
  const applicationId = rule?.condition.applicationId ?? null
  return state.silences.find(
    (silence) =>
      Date.parse(silence.startsAt) <= now &&
      now < Date.parse(silence.endsAt) &&
      (silence.ruleId === null || silence.ruleId === alert.ruleId) &&
      (silence.applicationId === null || silence.applicationId === applicationId),
  )
}

/** Re-evaluate which open alerts are silenced (after a silence is created or ended). */
export function refreshSilences(state: EnvironmentAlerts, now: number): void {
  for (const alert of state.alerts) {
    if (isOpen(alert)) alert.silencedBy = coveringSilence(state, alert, now)?.silenceId ?? null
  }
}

/** The contract's counts: open and not silenced; unacknowledged = still FIRING. */
export function summarize(state: EnvironmentAlerts) {
  const counted = state.alerts.filter((alert) => isOpen(alert) && alert.silencedBy === null)
  const bySeverity = { CRITICAL: 0, WARNING: 0, INFO: 0 }
  for (const alert of counted) bySeverity[alert.severity] += 1
  return {
    tenantId: state.tenant,
    environment: state.env,
    firing: counted.length,
    unacknowledged: counted.filter((alert) => alert.state === 'FIRING').length,
    bySeverity,
  }
}
