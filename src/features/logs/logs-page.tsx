import { useInfiniteQuery } from '@tanstack/react-query'
import { useCallback, useEffect, useMemo, useState } from 'react'
import { IgnoredLinkValues } from '@/components/ignored-link-values'
import { TimeRangeControls } from '@/components/time-range-controls'
import { usePageTitle } from '@/environment/use-page-title'
import { useScope } from '@/environment/use-scope'
import { useTimeZonePreference } from '@/lib/preferences-store'
import { usePageVisible, useTimeRange } from '@/lib/time-range/use-time-range'
import { useUrlState } from '@/lib/url-state/use-url-state'
import { LogHistogram } from './histogram/log-histogram'
import { logQueries } from './log-queries'
import { LogSearchView } from './log-search-view'
import { LogFilterBar } from './search/log-filter-bar'
import { logsView, type LogFilters } from './search/log-filters'
import './logs.css'

/** `/logs`: the agents' logs, newest first, searchable, with live tail and line detail. */
export function LogsPage() {
  usePageTitle('Logs')
  const { tenant, env } = useScope()
  const scope = useMemo(() => ({ tenant, env }), [tenant, env])
  const timeZone = useTimeZonePreference()
  const visible = usePageVisible()
  const { range, problem: rangeProblem, setRange } = useTimeRange()
  const { values, ignored, set } = useUrlState(logsView)
  const { filters, line: linkedLine, live: tailOn } = values

  // Lines of other filters or another environment are never shown under these: no
  // placeholder data, a new search starts empty.
  const searchOptions = useMemo(
    () => logQueries.search(scope, range, filters),
    [scope, range, filters],
  )
  const results = useInfiniteQuery({ ...searchOptions, refetchOnWindowFocus: false })
  // Once the first lines (or their failure) have painted and the browser has a moment, the
  // histogram may draw its chart: its code comes after what the engineer came for.
  const drawChart = useIdleOnceTrue(results.data !== undefined || results.isError)

  // A new filter closes the line a link pointed at.
  const setFilters = useCallback((next: LogFilters) => set({ filters: next, line: null }), [set])
  const setTailOn = useCallback((live: boolean) => set({ live }, { replace: true }), [set])

  return (
    <div className="logs-page">
      <header className="page-header">
        <h1>Logs</h1>
        <TimeRangeControls
          pausedReason={tailOn ? 'live tail is on' : null}
          onRefresh={() => void results.refetch()}
          refreshing={results.isRefetching && !results.isFetchingNextPage}
        />
      </header>

      <IgnoredLinkValues rangeProblem={rangeProblem} problems={ignored} />

      <LogFilterBar key={JSON.stringify(filters)} filters={filters} onChange={setFilters} />

      <LogHistogram
        scope={scope}
        range={range}
        filters={filters}
        onSelectRange={setRange}
        drawChart={drawChart}
      />

      <LogSearchView
        key={JSON.stringify(searchOptions.queryKey)}
        scope={scope}
        range={range}
        filters={filters}
        results={results}
        linkedLine={linkedLine}
        tailOn={tailOn}
        setTailOn={setTailOn}
        visible={visible}
        timeZone={timeZone}
        onFiltersChange={setFilters}
      />
    </div>
  )
}

/** Becomes true, and stays true, once `ready` was true and the browser had an idle moment. */
function useIdleOnceTrue(ready: boolean): boolean {
  const [done, setDone] = useState(false)
  useEffect(() => {
    if (done || !ready) return
    return whenIdle(() => setDone(true))
  }, [done, ready])
  return done
}

/** Runs `callback` when the browser is idle (within a second), or soon where it cannot say. */
function whenIdle(callback: () => void): () => void {
  if (typeof globalThis.requestIdleCallback === 'function') {
    const handle = globalThis.requestIdleCallback(callback, { timeout: 1_000 })
    return () => globalThis.cancelIdleCallback(handle)
  }
  const handle = setTimeout(callback, 200)
  return () => clearTimeout(handle)
}
