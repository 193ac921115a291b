import { useCallback, useMemo, useSyncExternalStore } from 'react'
import { useSearchParams } from 'react-router'
import { readTimeRange, writeTimeRange, type TimeRange } from './time-range'

/**
 * The view's time range, read from and written to `?from=&to=`. Every other parameter
 * (`env`, filters) is kept. An unusable range in the URL gives the default range plus a
 * `problem` to show; the URL is left as it was until the user picks another range.
 */
export function useTimeRange(): {
  range: TimeRange
  problem: string | null
  setRange: (range: TimeRange) => void
} {
  const [searchParams, setSearchParams] = useSearchParams()
  const rawFrom = searchParams.get('from')
  const rawTo = searchParams.get('to')
  const { range, problem } = useMemo(() => {
    const params = new URLSearchParams()
    if (rawFrom !== null) params.set('from', rawFrom)
    if (rawTo !== null) params.set('to', rawTo)
    return readTimeRange(params)
  }, [rawFrom, rawTo])

  const setRange = useCallback(
    (next: TimeRange) => {
      // A new range is a new view: it gets its own history entry, so Back restores the old one.
      setSearchParams((params) => writeTimeRange(params, next))
    },
    [setSearchParams],
  )
  return { range, problem, setRange }
}

export const autoRefreshIntervals: ReadonlyArray<{
  value: string
  label: string
  ms: number | false
}> = [
  { value: 'off', label: 'Off', ms: false },
  { value: '10s', label: '10 s', ms: 10_000 },
  { value: '30s', label: '30 s', ms: 30_000 },
  { value: '1m', label: '1 min', ms: 60_000 },
]

/** `?refresh=10s|30s|1m`; absent (or anything else) means off. */
export function readAutoRefresh(params: URLSearchParams): number | false {
  const value = params.get('refresh')
  const interval = autoRefreshIntervals.find(
    (option) => option.value === value && option.ms !== false,
  )
  return interval ? interval.ms : false
}

export function useAutoRefresh(): {
  intervalMs: number | false
  setIntervalMs: (ms: number | false) => void
} {
  const [searchParams, setSearchParams] = useSearchParams()
  const intervalMs = readAutoRefresh(searchParams)
  const setIntervalMs = useCallback(
    (ms: number | false) => {
      const option = autoRefreshIntervals.find((candidate) => candidate.ms === ms)
      // Turning auto-refresh on or off is not a new view: no history entry.
      setSearchParams(
        (params) => {
          if (!option || option.ms === false) params.delete('refresh')
          else params.set('refresh', option.value)
          return params
        },
        { replace: true },
      )
    },
    [setSearchParams],
  )
  return { intervalMs, setIntervalMs }
}

function subscribeVisibility(onChange: () => void) {
  document.addEventListener('visibilitychange', onChange)
  return () => document.removeEventListener('visibilitychange', onChange)
}

/** Whether the tab is visible; auto-refresh pauses while it is not. */
export function usePageVisible(): boolean {
  return useSyncExternalStore(
    subscribeVisibility,
    () => document.visibilityState !== 'hidden',
    () => true,
  )
}

/**
 * Why auto-refresh is paused right now (`null` when it is running or off): the tab is hidden,
 * or the view says so (e.g. the user has scrolled into the results and rows must not move).
 */
export function useAutoRefreshPause(viewPause: string | null = null): string | null {
  const visible = usePageVisible()
  if (!visible) return 'the tab is hidden'
  return viewPause
}
