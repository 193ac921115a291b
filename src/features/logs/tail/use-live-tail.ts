import { useQuery, useQueryClient } from '@tanstack/react-query'
import { useMemo, useState } from 'react'
import { useSearchParams } from 'react-router'
import type { LogEntry } from '@/lib/api/types'
import type { Scope } from '@/lib/query/query-scope'
import { resolveTimeRange, type TimeRange } from '@/lib/time-range/time-range'
import { logQueries } from '../log-queries'
import type { LogFilters } from '../search/log-filters'
import type { TailState } from './tail-merge'

/**
 * The live tail of one search (the caller is keyed by the search, so a new search starts
 * afresh), and the lines to show: the tail's above the search's. It starts after the newest
 * line the search shows: that seed is part of the tail's key, so a new one (the search
 * refetched) ends the old tail at once.
 *
 * While the engineer reads (scrolled away from the newest lines, or a line opened) the view
 * is paused: it shows the tail as it was when the pause began, and counts what arrived since.
 * The snapshot is taken by the events that start reading (`reading(true)`), not during render.
 */
export function useLiveTail(options: {
  scope: Scope
  range: TimeRange
  filters: LogFilters
  on: boolean
  /** The search's lines, once its first page is in (`undefined` before). */
  rows: readonly LogEntry[] | undefined
  /** The tab is visible (a hidden tab does not poll). */
  visible: boolean
  /** The engineer is reading: scrolled away from the newest lines, or a line is open. */
  reading: boolean
}) {
  const { scope, range, filters, on, rows, visible, reading } = options
  const queryClient = useQueryClient()
  const [searchParams, setSearchParams] = useSearchParams()
  // The store and the URL change environment one after the other: while they disagree the
  // view is between two environments and must not poll either.
  const urlEnv = searchParams.get('env')
  const seeded = on && (urlEnv === null || urlEnv === scope.env) && rows !== undefined
  const seed = rows?.[0]?.id ?? null
  const tail = useQuery(
    logQueries.tail(queryClient, scope, range, filters, seed, seeded && visible),
  )
  const live = seeded ? tail.data : undefined

  // The tail as it was when the view paused, taken by the event that paused it.
  const [frozen, setFrozen] = useState<TailState | null>(null)
  const paused = on && reading
  const shown = paused ? (frozen ?? live) : live

  const lines = useMemo(() => {
    const searched = rows ?? []
    if (!shown || shown.lines.length === 0) return searched
    // Once lines fell out of the window the search rows below would leave a gap: show the
    // window alone (and say so).
    if (shown.dropped > 0) return shown.lines
    return shown.lines.concat(searched)
  }, [shown, rows])

  return {
    lines,
    failing: tail.isError,
    paused,
    newWhilePaused: paused && frozen && live ? live.received - frozen.received : 0,
    /** Lines that fell out of the tail's window, and how many it keeps. */
    dropped: shown?.dropped ?? 0,
    kept: shown?.lines.length ?? 0,
    /** For the events that start or end reading: keeps what is shown now, or lets go of it. */
    reading: (next: boolean) => setFrozen((current) => (next ? (current ?? live ?? null) : null)),
    /** Ends the tail and searches the range up to the oldest line it holds. */
    showDroppedLines: () => {
      const oldest = shown?.lines.at(-1)
      if (!oldest) return
      const resolved = resolveTimeRange(range)
      setSearchParams((params) => {
        params.delete('live')
        params.set('from', resolved.from)
        params.set('to', new Date(Date.parse(oldest.timestamp) + 1).toISOString())
        return params
      })
    },
  }
}
