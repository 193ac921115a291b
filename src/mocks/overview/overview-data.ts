import type { Schemas } from '@/lib/api/types'
import { listAgentRecords } from '../agents/agent-data'
import { mockNow, toIso } from '../clock'
import {
  EXACT_STATS_BUCKETS,
  forEachExecution,
  percentile,
  pointCount,
  pointScales,
  sampling,
  type Sampling,
  type StatsRange,
} from '../executions/execution-stats'
import {
  BUCKET_MS,
  getEnvironmentModel,
  type EnvironmentModel,
} from '../executions/execution-model'
import { getTopology } from '../topology/topology'

type AppOverview = Schemas['AppOverview']

export const DEFAULT_BUCKETS = 12
export const MAX_BUCKETS = 60

/**
 * The smallest multiple of 10 s whose epoch-aligned buckets (as `/stats/timeseries` aligns
 * its points) number at most `buckets` over the range.
 */
export function bucketSecondsFor(range: StatsRange, buckets: number): number {
  let step = Math.max(10, Math.ceil((range.to - range.from) / buckets / 10_000) * 10)
  while (pointCount(range, step) > buckets) step += 10
  return step
}

interface AppTotals {
  /** Durations of the finished executions in the sample. */
  durations: number[]
  /** Executions of the sample still running. */
  inflight: number
}

/**
 * One item per application with agents or traffic in the range, from the very data of the
 * other endpoints: `exchanges`/`failed` are the sums of the application's `/stats/routes` rows
 * (same sampling, rounded per route), `buckets` the points of `/stats/timeseries` at
 * `bucketSeconds` (same per-point scaling), `agents` the statuses of `/agents`.
 */
export function overview(
  tenantId: string,
  environment: string,
  range: StatsRange,
  bucketSeconds: number,
  now: number = mockNow(),
): AppOverview[] {
  const agents = listAgentRecords(tenantId, environment)
  const topology = getTopology(tenantId, environment)
  const model = getEnvironmentModel(tenantId, environment)
  const stepMs = bucketSeconds * 1000
  const firstPoint = Math.floor(range.from / stepMs)
  const count = pointCount(range, bucketSeconds)

  const applicationIds = new Set<string>(agents.map((agent) => agent.applicationId))
  const routeExchanges = new Float64Array(model?.routes.length ?? 0)
  const routeFailed = new Float64Array(model?.routes.length ?? 0)
  const totals = new Map<string, AppTotals>()
  const series = new Map<
    string,
    { exchanges: Float64Array; failed: Float64Array; durations: number[][] }
  >()
  let pointScale: ArrayLike<number> = new Float64Array(count).fill(1)
  const totalsPlan = model ? sampling(model, range, now, EXACT_STATS_BUCKETS) : null

  if (model) {
    const seriesPlan = sampling(
      model,
      range,
      now,
      EXACT_STATS_BUCKETS,
      Math.max(1, Math.floor(stepMs / BUCKET_MS)),
    )
    if (totalsPlan) {
      walk(model, range, now, totalsPlan, (routeIndex, duration, failed, running) => {
        const applicationId = model.routes[routeIndex]?.applicationId ?? ''
        routeExchanges[routeIndex] = (routeExchanges[routeIndex] ?? 0) + 1
        let app = totals.get(applicationId)
        if (!app) {
          app = { durations: [], inflight: 0 }
          totals.set(applicationId, app)
        }
        if (running) {
          app.inflight++
          return
        }
        routeFailed[routeIndex] = (routeFailed[routeIndex] ?? 0) + failed
        app.durations.push(duration)
      })
    }
    if (seriesPlan) {
      pointScale = pointScales(model, seriesPlan, stepMs, firstPoint, count)
      walk(model, range, now, seriesPlan, (routeIndex, duration, failed, running, time) => {
        const applicationId = model.routes[routeIndex]?.applicationId ?? ''
        let app = series.get(applicationId)
        if (!app) {
          app = {
            exchanges: new Float64Array(count),
            failed: new Float64Array(count),
            durations: Array.from({ length: count }, () => []),
          }
          series.set(applicationId, app)
        }
        const point = Math.floor(time / stepMs) - firstPoint
        app.exchanges[point] = (app.exchanges[point] ?? 0) + 1
        if (running) return
        app.failed[point] = (app.failed[point] ?? 0) + failed
        app.durations[point]?.push(duration)
      })
    }
    for (const id of totals.keys()) applicationIds.add(id)
  }

  const scale = totalsPlan?.scale ?? 1
  return [...applicationIds].sort().map((applicationId) => {
    let exchanges = 0
    let failed = 0
    for (const route of model?.routes ?? []) {
      if (route.applicationId !== applicationId) continue
      exchanges += Math.round((routeExchanges[route.index] ?? 0) * scale)
      failed += Math.round((routeFailed[route.index] ?? 0) * scale)
    }
    const app = totals.get(applicationId)
    const sorted = Float64Array.from(app?.durations ?? []).sort()
    const points = series.get(applicationId)
    const mine = agents.filter((agent) => agent.applicationId === applicationId)
    const routes = topology?.applications.find((a) => a.applicationId === applicationId)?.routes
    return {
      tenantId,
      environment,
      applicationId,
      exchanges,
      failed,
      p99Ms: sorted.length > 0 ? percentile(sorted, 99) : null,
      inflight: Math.round((app?.inflight ?? 0) * scale),
      routes: routes?.length ?? 0,
      agents: {
        live: mine.filter((agent) => agent.status === 'LIVE').length,
        stale: mine.filter((agent) => agent.status === 'STALE').length,
        dead: mine.filter((agent) => agent.status === 'DEAD').length,
      },
      buckets: Array.from({ length: count }, (_, i) => {
        const bucketDurations = Float64Array.from(points?.durations[i] ?? []).sort()
        return {
          t: toIso((firstPoint + i) * stepMs),
          exchanges: Math.round((points?.exchanges[i] ?? 0) * (pointScale[i] ?? 1)),
          failed: Math.round((points?.failed[i] ?? 0) * (pointScale[i] ?? 1)),
          p99Ms: bucketDurations.length > 0 ? percentile(bucketDurations, 99) : null,
        }
      }),
    }
  })
}

function walk(
  model: EnvironmentModel,
  range: StatsRange,
  now: number,
  plan: Sampling,
  visit: (
    routeIndex: number,
    duration: number,
    failed: number,
    running: boolean,
    time: number,
  ) => void,
): void {
  forEachExecution(
    model,
    range,
    now,
    plan,
    () => true,
    (bucket, i, time, running) =>
      visit(bucket.route[i] ?? 0, bucket.duration[i] ?? 0, bucket.failed[i] ?? 0, running, time),
  )
}
