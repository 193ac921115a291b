import {
  conditionHolds,
  firingIntervals,
  type AlertCondition,
  type Interval,
} from '@/lib/alert-conditions'
import { listAgentRecords } from '../agents/agent-data'
import { timeseries } from '../executions/execution-stats'
import { levelRank } from '../logs/log-kinds'
import { logStats } from '../logs/log-data'

/**
 * A condition's value over time, computed from the mock's own data: route metrics from the
 * same per-minute series `/stats/timeseries` gives, agent states from `/agents`, log patterns
 * from the counts `/logs/stats` gives. The server evaluates every 30 s; the mock evaluates on
 * whole minutes (the data's own resolution), so the value at `t` covers the complete minutes
 * of the window that ends at `t`.
 */

export const MINUTE_MS = 60_000
/** Minutes this close to now may still change (executions finish, lines arrive): never cached. */
const UNSETTLED_MINUTES = 5

interface Minute {
  exchanges: number
  failed: number
  p99Ms: number
  lines: number
}

/** Per-minute figures per (tenant, environment, source), filled as they are asked for. */
const minuteCache = new Map<string, Map<number, Minute>>()

function sourceKey(tenant: string, env: string, condition: AlertCondition): string | null {
  switch (condition.kind) {
    case 'route-metric':
      return `${tenant}/${env}/route/${condition.applicationId ?? '*'}/${condition.routeId ?? '*'}`
    case 'log-pattern':
      return `${tenant}/${env}/log/${condition.applicationId ?? '*'}/${condition.level}/${condition.q.toLowerCase()}`
    case 'agent-state':
      return null
  }
}

/** The per-minute figures of minutes [first, end), computing only what is not cached. */
function minutes(
  tenant: string,
  env: string,
  condition: AlertCondition,
  first: number,
  end: number,
  now: number,
): Minute[] {
  const key = sourceKey(tenant, env, condition) ?? ''
  let cache = minuteCache.get(key)
  if (!cache) minuteCache.set(key, (cache = new Map()))
  const settled = Math.floor(now / MINUTE_MS) - UNSETTLED_MINUTES
  let missingFrom: number | null = null
  for (let m = first; m < end; m++) {
    if (m >= settled || !cache.has(m)) {
      missingFrom = m
      break
    }
  }
  if (missingFrom !== null) {
    const range = { from: missingFrom * MINUTE_MS, to: end * MINUTE_MS }
    const fresh = compute(tenant, env, condition, range, now)
    // Unsettled minutes are stored too, but recomputed on every ask (`m >= settled` above).
    fresh.forEach((minute, i) => cache.set(missingFrom + i, minute))
  }
  const out: Minute[] = []
  for (let m = first; m < end; m++) {
    out.push(cache.get(m) ?? { exchanges: 0, failed: 0, p99Ms: 0, lines: 0 })
  }
  return out
}

function compute(
  tenant: string,
  env: string,
  condition: AlertCondition,
  range: { from: number; to: number },
  now: number,
): Minute[] {
  if (condition.kind === 'route-metric') {
    const filters: { applicationId?: string; routeId?: string } = {}
    if (condition.applicationId) filters.applicationId = condition.applicationId
    if (condition.routeId) filters.routeId = condition.routeId
    return timeseries(tenant, env, range, 60, filters, now).map((point) => ({
      exchanges: point.exchanges,
      failed: point.failed,
      p99Ms: point.p99Ms,
      lines: 0,
    }))
  }
  if (condition.kind === 'log-pattern') {
    const stats = logStats(
      tenant,
      env,
      {
        ...range,
        minLevel: levelRank(condition.level),
        q: condition.q,
        ...(condition.applicationId ? { applicationId: condition.applicationId } : {}),
      },
      60,
      now,
    )
    return stats.points.map((point) => ({
      exchanges: 0,
      failed: 0,
      p99Ms: 0,
      lines: Object.values(point.counts).reduce((sum, count) => sum + count, 0),
    }))
  }
  return []
}

/**
 * Agents of the application in `state` at time `t`: an agent is STALE or DEAD from its last
 * heartbeat on (as `/agents` reports it, relative to now) and exists from its registration.
 */
function agentsInState(
  tenant: string,
  env: string,
  condition: Extract<AlertCondition, { kind: 'agent-state' }>,
  t: number,
  now: number,
): number {
  return listAgentRecords(tenant, env).filter(
    (agent) =>
      agent.status === condition.state &&
      (condition.applicationId === null || agent.applicationId === condition.applicationId) &&
      now - agent.registeredAgoMs <= t &&
      now - agent.lastHeartbeatAgoMs <= t,
  ).length
}

export interface Evaluations {
  /** Evaluation times (whole minutes), ascending. */
  times: number[]
  values: (number | null)[]
}

/** The condition evaluated at every whole minute in [from, to), each over its window. */
export function evaluate(
  tenant: string,
  env: string,
  condition: AlertCondition,
  from: number,
  to: number,
  now: number,
): Evaluations {
  const first = Math.ceil(from / MINUTE_MS)
  const end = Math.ceil(Math.min(to, now + 1) / MINUTE_MS)
  const times: number[] = []
  for (let m = first; m < end; m++) times.push(m * MINUTE_MS)
  if (condition.kind === 'agent-state') {
    return { times, values: times.map((t) => agentsInState(tenant, env, condition, t, now)) }
  }
  const windowMinutes = Math.max(1, Math.round(condition.windowSeconds / 60))
  const data = minutes(tenant, env, condition, first - windowMinutes, end, now)
  // Running sums over the window (minutes [m - window, m)).
  const values = times.map((_, i) => {
    let exchanges = 0
    let failed = 0
    let p99 = 0
    let lines = 0
    for (let k = i; k < i + windowMinutes; k++) {
      const minute = data[k]
      if (!minute) continue
      exchanges += minute.exchanges
      failed += minute.failed
      lines += minute.lines
      if (minute.exchanges > 0) p99 = Math.max(p99, minute.p99Ms)
    }
    if (condition.kind === 'log-pattern') return lines
    switch (condition.metric) {
      case 'errorRate':
        return exchanges > 0 ? failed / exchanges : null
      case 'p99Ms':
        // The highest per-minute p99 of the window: the mock keeps no histogram across minutes.
        return exchanges > 0 ? p99 : null
      case 'exchangesPerMinute':
        return Math.round((exchanges / windowMinutes) * 100) / 100
      case 'failedCount':
        return failed
    }
  })
  return { times, values }
}

export interface Preview {
  step: number
  points: Array<{ t: number; value: number | null }>
  firings: Interval[]
}

/**
 * What `POST /alerts/rules/preview` answers: the evaluations over [from, to) summarised per
 * `step` (the extreme that matters: the highest for "above" and counts, the lowest for
 * "below", so a crossing inside a step shows), and the firings honouring `forSeconds`.
 */
export function preview(
  tenant: string,
  env: string,
  condition: AlertCondition,
  forSeconds: number,
  range: { from: number; to: number },
  step: number,
  now: number,
): Preview {
  const evaluations = evaluate(
    tenant,
    env,
    condition,
    range.from - forSeconds * 1000,
    range.to,
    now,
  )
  const holds = evaluations.values.map((value) => conditionHolds(condition, value))
  const firings = firingIntervals(
    evaluations.times,
    holds,
    MINUTE_MS,
    forSeconds,
    range.from,
    Math.min(range.to, now),
  )
  const stepMs = step * 1000
  const firstPoint = Math.floor(range.from / stepMs)
  const count = Math.floor((range.to - 1) / stepMs) - firstPoint + 1
  const lowest = condition.kind === 'route-metric' && condition.comparator === '<'
  const points: Array<{ t: number; value: number | null }> = Array.from(
    { length: count },
    (_, i) => ({ t: (firstPoint + i) * stepMs, value: null }),
  )
  evaluations.times.forEach((time, i) => {
    const value = evaluations.values[i]
    if (time < range.from || value === null || value === undefined) return
    const point = points[Math.floor(time / stepMs) - firstPoint]
    if (!point) return
    if (point.value === null || (lowest ? value < point.value : value > point.value)) {
      point.value = value
    }
  })
  return { step, points, firings }
}
