import { useQueryClient, type QueryKey } from '@tanstack/react-query'
import { useCallback, useEffect, useRef, type RefObject } from 'react'
import { useNavigationType } from 'react-router'
import { pollDelay } from '@/lib/query/retry-policy'
import type { ExecutionSearchData } from '@/lib/resources/executions'

/** How old cached results may be when the user comes back by a link (not by Back). */
const FRESH_ON_ARRIVAL_MS = 15_000

/**
 * When the execution search fetches new results, and how: always from the top (only the first
 * page again, not every page loaded), together with the histogram. That happens on arrival by
 * a link to results cached a while ago (never on Back, which must show the rows the user left),
 * on every auto-refresh tick unless paused, and on "Refresh", which also scrolls to the newest.
 */
export function useSearchRefresh({
  searchKey,
  histogramKey,
  intervalMs,
  paused,
  scrollRef,
}: {
  searchKey: QueryKey
  histogramKey: QueryKey
  /** The auto-refresh interval, or `false` when it is off. */
  intervalMs: number | false
  /** Auto-refresh waits while this is set (e.g. the user is scrolled into the results). */
  paused: boolean
  scrollRef: RefObject<HTMLElement | null>
}): { refreshNow: () => void } {
  const queryClient = useQueryClient()
  const navigationType = useNavigationType()

  const refreshFromTop = useCallback(() => {
    queryClient.setQueryData<ExecutionSearchData>(searchKey, (data) =>
      data && data.pages.length > 1
        ? { pages: data.pages.slice(0, 1), pageParams: data.pageParams.slice(0, 1) }
        : data,
    )
    return Promise.all([
      queryClient.refetchQueries({ queryKey: searchKey, exact: true }),
      queryClient.refetchQueries({ queryKey: histogramKey, exact: true }),
    ])
  }, [queryClient, searchKey, histogramKey])

  // Arriving by a link (not by Back) to results cached a while ago: show fresh ones.
  const arrivedRef = useRef(false)
  useEffect(() => {
    if (arrivedRef.current) return
    arrivedRef.current = true
    const state = queryClient.getQueryState(searchKey)
    if (
      navigationType !== 'POP' &&
      state?.data &&
      Date.now() - state.dataUpdatedAt > FRESH_ON_ARRIVAL_MS
    ) {
      void refreshFromTop()
    }
  }, [navigationType, queryClient, searchKey, refreshFromTop])

  // Ticks at the chosen interval; while refreshes fail, ticks are skipped so the server is
  // asked less and less often (pollDelay: jittered, honouring Retry-After), and every tick
  // runs again once a refresh succeeds.
  useEffect(() => {
    if (intervalMs === false || paused) return
    let skip = 0
    const timer = setInterval(() => {
      if (skip > 0) {
        skip--
        return
      }
      void refreshFromTop().then(() => {
        const state = queryClient.getQueryState(searchKey)
        const delay = pollDelay(intervalMs, state?.fetchFailureCount ?? 0, state?.error)
        skip = Math.max(0, Math.round(delay / intervalMs) - 1)
      })
    }, intervalMs)
    return () => clearInterval(timer)
  }, [intervalMs, paused, refreshFromTop, queryClient, searchKey])

  const refreshNow = useCallback(() => {
    if (scrollRef.current) scrollRef.current.scrollTop = 0
    void refreshFromTop()
  }, [scrollRef, refreshFromTop])

  return { refreshNow }
}
