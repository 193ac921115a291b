import { useCallback } from 'react'
import { IgnoredLinkValues } from '@/components/ignored-link-values'
import { TimeRangeControls } from '@/components/time-range-controls'
import type { Scope } from '@/lib/query/query-scope'
import { useViewRefresh } from '@/lib/query/use-view-refresh'
import { CompareLink } from '@/environment/compare-link'
import { usePageTitle } from '@/environment/use-page-title'
import { useScope } from '@/environment/use-scope'
import { useAutoRefresh, useAutoRefreshPause, useTimeRange } from '@/lib/time-range/use-time-range'
import { AgentMetricsSection } from './agents/agent-metrics-section'
import { useUrlState } from '@/lib/url-state/use-url-state'
import { metricsView, type MetricsViewState } from './metrics-url-state'
import { RouteStatsSection } from './routes/route-stats-section'
import './metrics.css'

/**
 * `/metrics`: which route got slow or started failing, since when, and whether it is the JVM
 * of one agent or all of them. Routes (from the execution statistics) above, agent metrics
 * (any name the server reports) below; every choice in the URL, the shared time range and
 * auto-refresh for both.
 */
export function MetricsPage() {
  usePageTitle('Metrics')
  const scope = useScope()
  const { range, problem: rangeProblem } = useTimeRange()
  const { intervalMs } = useAutoRefresh()
  const pause = useAutoRefreshPause()
  const refetchInterval = pause ? false : intervalMs
  const { values: state, ignored, set } = useUrlState(metricsView)

  const onChange = useCallback(
    // Typing in the agent filter is not a new view per keystroke.
    (patch: Partial<MetricsViewState>) => set(patch, { replace: 'agent' in patch }),
    [set],
  )

  return (
    <div className="metrics-page">
      <header className="page-header">
        <h1>Metrics</h1>
        <CompareLink />
        <RangeControls scope={scope} />
      </header>
      <IgnoredLinkValues rangeProblem={rangeProblem} problems={ignored} />
      <RouteStatsSection
        scope={scope}
        range={range}
        state={state}
        refetchInterval={refetchInterval}
        onChange={onChange}
      />
      <AgentMetricsSection
        scope={scope}
        range={range}
        state={state}
        refetchInterval={refetchInterval}
        onChange={onChange}
      />
    </div>
  )
}

/**
 * The time range and "Refresh", which spins while any of this view's queries is fetching.
 * Its own component: each chart's request starting or ending re-renders only this, not the
 * page and every chart on it.
 */
function RangeControls({ scope }: { scope: Scope }) {
  // This view's queries: every key of this environment. What "Refresh" refetches.
  const { refresh, refreshing } = useViewRefresh(scope)
  return <TimeRangeControls onRefresh={refresh} refreshing={refreshing} />
}
