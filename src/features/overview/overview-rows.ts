import type { Schemas } from '@/lib/api/types'
import { compareWorstFirst, errorRate, healthOf, type Health } from './health'
import type { OverviewSortColumn, OverviewViewState } from './overview-url-state'

type AppOverview = Schemas['AppOverview']

/** One row of the Applications table: the answer's item and what the page derives from it. */
export interface OverviewRow {
  app: AppOverview
  applicationId: string
  health: Health
  exchanges: number
  failed: number
  agents: AppOverview['agents']
  exchangesPerMinute: number
  errorRate: number
}

export function toRows(answer: Schemas['Overview']): OverviewRow[] {
  const minutes = Math.max(1 / 60, (Date.parse(answer.to) - Date.parse(answer.from)) / 60_000)
  return answer.items.map((app) => ({
    app,
    applicationId: app.applicationId,
    health: healthOf(app),
    exchanges: app.exchanges,
    failed: app.failed,
    agents: app.agents,
    exchangesPerMinute: app.exchanges / minutes,
    errorRate: errorRate(app),
  }))
}

const HEALTH_RANK: Record<Health, number> = {
  failing: 0,
  degraded: 1,
  'no-traffic': 2,
  healthy: 3,
}

const SORT_VALUES: Record<OverviewSortColumn, (row: OverviewRow) => number | string> = {
  application: (row) => row.applicationId,
  health: (row) => HEALTH_RANK[row.health],
  throughput: (row) => row.exchangesPerMinute,
  errorRate: (row) => row.errorRate,
  p99: (row) => row.app.p99Ms ?? -1,
  inflight: (row) => row.app.inflight,
}

/** Worst first (see health.ts) without a sort; else by the column, ties still worst first. */
export function sortRows(
  rows: readonly OverviewRow[],
  sort: OverviewViewState['sort'],
): OverviewRow[] {
  const sorted = [...rows].sort(compareWorstFirst)
  if (!sort) return sorted
  const value = SORT_VALUES[sort.column]
  const direction = sort.desc ? -1 : 1
  // Array.prototype.sort is stable: equal values keep the worst-first order.
  return sorted.sort((a, b) => {
    const x = value(a)
    const y = value(b)
    const order =
      typeof x === 'string' && typeof y === 'string' ? x.localeCompare(y) : Number(x) - Number(y)
    return order * direction
  })
}

export interface EnvironmentSummary {
  applications: number
  agentsLive: number
  agentsTotal: number
  exchanges: number
  failed: number
}

export function summarize(rows: readonly OverviewRow[]): EnvironmentSummary {
  let agentsLive = 0
  let agentsTotal = 0
  let exchanges = 0
  let failed = 0
  for (const row of rows) {
    agentsLive += row.agents.live
    agentsTotal += row.agents.live + row.agents.stale + row.agents.dead
    exchanges += row.exchanges
    failed += row.failed
  }
  return { applications: rows.length, agentsLive, agentsTotal, exchanges, failed }
}

/**
 * Per bucket, `value` per minute of the bucket that lies in the range: buckets are aligned to
 * the epoch, so the first and last ones are usually partial, and drawn as raw counts they would
 * show a drop at the end of every range (at 3 a.m. that reads as an outage).
 */
export function ratesPerMinute(
  points: readonly { t: string }[],
  bucketSeconds: number,
  range: { from: string; to: string },
  value: (index: number) => number,
): number[] {
  const from = Date.parse(range.from)
  const to = Date.parse(range.to)
  const length = bucketSeconds * 1000
  return points.map((point, i) => {
    const start = Date.parse(point.t)
    const covered = Math.min(to, start + length) - Math.max(from, start)
    return covered > 0 ? (value(i) * 60_000) / covered : 0
  })
}
