import type { RouteStats } from '@/lib/api/types'

/**
 * Route performance of two environments over the same range: per route of either side,
 * exchanges, error rate and latency percentiles on each side and the difference, and a flag
 * in words where one side is markedly worse (p99 at least twice the other's, or an error rate
 * at least one point higher). Flags need enough exchanges on both sides to mean anything.
 */

/** p99 this many times the other side's is "markedly slower". */
export const P99_RATIO_FLAG = 2
/** An error rate this much higher (0.01 = one percentage point) is "markedly worse". */
export const ERROR_RATE_POINTS_FLAG = 0.01
/** Below this many exchanges on a side, percentiles and error rates are noise. */
export const MIN_EXCHANGES_TO_FLAG = 20

export interface SideRoute {
  exchanges: number
  failed: number
  errorRate: number
  p50Ms: number
  p95Ms: number
  p99Ms: number
}

export interface RouteComparison {
  key: string
  applicationId: string
  routeId: string
  a: SideRoute | null
  b: SideRoute | null
  /** b.p99 / a.p99 (null unless both sides ran); > 1: slower in b. */
  p99Ratio: number | null
  /** b.errorRate − a.errorRate (null unless both sides ran); > 0: worse in b. */
  errorRateDelta: number | null
  flags: string[]
  /** Too few exchanges on a side to flag anything. */
  tooFew: boolean
}

export type RouteSortKey = 'route' | 'p99' | 'errorRate'
export interface RouteSort {
  key: RouteSortKey
  desc: boolean
}

function toSide(row: RouteStats): SideRoute {
  return {
    exchanges: row.exchanges,
    failed: row.failed,
    errorRate: row.exchanges > 0 ? row.failed / row.exchanges : 0,
    p50Ms: row.p50Ms,
    p95Ms: row.p95Ms,
    p99Ms: row.p99Ms,
  }
}

const keyOf = (row: { applicationId: string; routeId: string }) =>
  `${row.applicationId}/${row.routeId}`

const times = (ratio: number) => `${ratio >= 10 ? Math.round(ratio) : ratio.toFixed(1)}×`
const points = (delta: number) => `${(Math.abs(delta) * 100).toFixed(1)} points`

export function compareRoutes(
  sideA: { env: string; rows: readonly RouteStats[] | null },
  sideB: { env: string; rows: readonly RouteStats[] | null },
): RouteComparison[] {
  const rowsA = new Map((sideA.rows ?? []).map((row) => [keyOf(row), row]))
  const rowsB = new Map((sideB.rows ?? []).map((row) => [keyOf(row), row]))
  const bothLoaded = sideA.rows !== null && sideB.rows !== null
  const keys = [...new Set([...rowsA.keys(), ...rowsB.keys()])].sort()
  return keys.map((key): RouteComparison => {
    const rowA = rowsA.get(key)
    const rowB = rowsB.get(key)
    const any = (rowA ?? rowB) as RouteStats
    const a = rowA ? toSide(rowA) : null
    const b = rowB ? toSide(rowB) : null
    const flags: string[] = []
    let p99Ratio: number | null = null
    let errorRateDelta: number | null = null
    let tooFew = false
    if (bothLoaded) {
      if (a && !b) flags.push(`Only in ${sideA.env}`)
      else if (b && !a) flags.push(`Only in ${sideB.env}`)
    }
    if (a && b) {
      p99Ratio = a.p99Ms > 0 ? b.p99Ms / a.p99Ms : b.p99Ms > 0 ? Number.POSITIVE_INFINITY : 1
      errorRateDelta = b.errorRate - a.errorRate
      tooFew = a.exchanges < MIN_EXCHANGES_TO_FLAG || b.exchanges < MIN_EXCHANGES_TO_FLAG
      if (!tooFew) {
        if (p99Ratio >= P99_RATIO_FLAG) {
          flags.push(`p99 ${times(p99Ratio)} slower in ${sideB.env}`)
        } else if (p99Ratio > 0 && 1 / p99Ratio >= P99_RATIO_FLAG) {
          flags.push(`p99 ${times(1 / p99Ratio)} slower in ${sideA.env}`)
        }
        if (errorRateDelta >= ERROR_RATE_POINTS_FLAG) {
          flags.push(`Error rate ${points(errorRateDelta)} higher in ${sideB.env}`)
        } else if (-errorRateDelta >= ERROR_RATE_POINTS_FLAG) {
          flags.push(`Error rate ${points(errorRateDelta)} higher in ${sideA.env}`)
        }
      }
    }
    return {
      key,
      applicationId: any.applicationId,
      routeId: any.routeId,
      a,
      b,
      p99Ratio,
      errorRateDelta,
      flags,
      tooFew,
    }
  })
}

/**
 * By a difference, largest first when `desc`; routes without one (a side did not run them)
 * always last, by name, so the sort is about the routes that can be compared.
 */
export function sortRoutes(rows: readonly RouteComparison[], sort: RouteSort): RouteComparison[] {
  const value = (row: RouteComparison): number | null => {
    if (sort.key === 'p99') return row.p99Ratio === null ? null : Math.log(row.p99Ratio)
    if (sort.key === 'errorRate') return row.errorRateDelta
    return null
  }
  return [...rows].sort((x, y) => {
    if (sort.key === 'route') {
      const order = x.key.localeCompare(y.key)
      return sort.desc ? -order : order
    }
    const vx = value(x)
    const vy = value(y)
    if (vx === null || vy === null) {
      if (vx === vy) return x.key.localeCompare(y.key)
      return vx === null ? 1 : -1
    }
    return (sort.desc ? vy - vx : vx - vy) || x.key.localeCompare(y.key)
  })
}

/** What a difference reads as: "×3.1" slower / faster, "+1.2 points". */
export function describeRatio(ratio: number | null): string {
  if (ratio === null) return '—'
  if (!Number.isFinite(ratio)) return 'new latency'
  return `×${ratio >= 10 ? Math.round(ratio) : ratio.toFixed(2)}`
}

export function describePointsDelta(delta: number | null): string {
  if (delta === null) return '—'
  const value = (delta * 100).toFixed(1)
  return `${delta > 0 ? '+' : delta < 0 ? '−' : '±'}${value.replace('-', '')} pt`
}
