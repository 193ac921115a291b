import type { SeriesSummary } from '@/lib/series-summary'
import type { SeriesColumns } from '@/lib/time-series'
import { seriesColour } from './chart-layout'

/**
 * A chart's series as the chart parts share them. `key` groups series under one legend entry
 * (an agent's heap used and heap max are one entry); `primary` series rank the entries (top N)
 * and carry the line; the others (a limit) follow their entry, dashed. The points are columns
 * (`null` where nothing was reported) and `summary` covers every one fetched.
 */
export interface ChartSeries extends SeriesColumns {
  id: string
  key: string
  /** What the series is called in the text alternative. */
  label: string
  primary: boolean
  /** Drawn dashed (default: when not primary). */
  dashed?: boolean
  summary: SeriesSummary
  /** Why it has no values yet ("loading…", "could not be loaded"), said in legend and table. */
  status?: string | null
}

/**
 * The legend keys to draw: all of them, or the `limit` with the highest latest value (what
 * is worst right now is what an operator looks for; a series that stopped reporting ranks by
 * its last value). Keys come back in a stable order (by key) so colours do not jump.
 */
export function topKeys(
  series: readonly ChartSeries[],
  limit: number,
): { keys: string[]; hidden: number } {
  const latest = new Map<string, number>()
  for (const one of series) {
    if (!one.primary) continue
    const value = one.summary.latest ?? Number.NEGATIVE_INFINITY
    latest.set(one.key, Math.max(latest.get(one.key) ?? Number.NEGATIVE_INFINITY, value))
  }
  for (const one of series) if (!latest.has(one.key)) latest.set(one.key, Number.NEGATIVE_INFINITY)
  const all = [...latest.keys()].sort()
  if (all.length <= limit) return { keys: all, hidden: 0 }
  const top = new Set(
    [...latest.entries()]
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .slice(0, limit)
      .map(([key]) => key),
  )
  return { keys: all.filter((key) => top.has(key)), hidden: all.length - top.size }
}

/** Colours by key, the same on every chart of the page (the caller passes every key it may show). */
export function colourFor(key: string, allKeys: readonly string[]): string {
  return seriesColour(allKeys.indexOf(key))
}
