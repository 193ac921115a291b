import type { Schemas } from '@/lib/api/types'
import { compareWorstFirst, errorRate, healthOf, type Health } from './health'

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

/** Worst first (see health.ts); the table's own sort, when the user picks one, keeps ties so. */
export function worstFirst(rows: readonly OverviewRow[]): OverviewRow[] {
  return [...rows].sort(compareWorstFirst)
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
