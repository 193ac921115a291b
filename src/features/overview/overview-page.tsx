import { useQuery } from '@tanstack/react-query'
import { useCallback, useMemo } from 'react'
import { useSearchParams } from 'react-router'
import { IgnoredLinkValues } from '@/components/ignored-link-values'
import { EmptyState, ErrorState, LoadingState } from '@/components/query-states'
import { RefreshFailedNotice } from '@/components/refresh-failed-notice'
import { TimeRangeControls } from '@/components/time-range-controls'
import { CompareLink } from '@/environment/compare-link'
import { ScopedLink } from '@/environment/scoped-link'
import { usePageTitle } from '@/environment/use-page-title'
import { useScope } from '@/environment/use-scope'
import { formatCount, plural } from '@/lib/format'
import { polling } from '@/lib/query/retry-policy'
import { useDeferredInScope } from '@/lib/query/use-deferred-in-scope'
import { useViewRefresh } from '@/lib/query/use-view-refresh'
import { alertSummaryResources } from '@/lib/resources/alert-summary'
import { useUrlState } from '@/lib/url-state/use-url-state'
import { useAutoRefresh, useAutoRefreshPause, useTimeRange } from '@/lib/time-range/use-time-range'
import { HealthRules } from './health-rules'
import { keptSearch } from './overview-link-search'
import { overviewQuery } from './overview-queries'
import { sortRows, summarize, toRows, type EnvironmentSummary } from './overview-rows'
import { OverviewTable } from './overview-table'
import { overviewView, type OverviewViewState } from './overview-url-state'
import './overview.css'

/**
 * `/overview`: the environment at a glance, the page everyone lands on. What is broken, how
 * badly and since when, worst first, one click from each application's page.
 */
export function OverviewPage() {
  usePageTitle('Overview')
  const scope = useScope()
  const [searchParams] = useSearchParams()
  const { range, problem: rangeProblem } = useTimeRange()
  const { intervalMs } = useAutoRefresh()
  const pause = useAutoRefreshPause()
  const overview = useQuery({
    ...overviewQuery(scope, range),
    refetchInterval: polling(pause ? false : intervalMs),
  })

  // The bell's own query (same key; the bell polls it), asked for beside the overview rather than
  // when the summary line mounts: its request and answer then land before the table is drawn,
  // not in the frames that draw it.
  const alerts = useQuery({ ...alertSummaryResources.summary(scope), staleTime: Infinity })

  const search = searchParams.toString()
  const { values: state, ignored, set } = useUrlState(overviewView)
  const onSortChange = useCallback((sort: OverviewViewState['sort']) => set({ sort }), [set])

  // A new answer is drawn in a transition, in short tasks, not in the task that read it. The
  // first answer is drawn at once: only its first rows are (use-rows-in-stages.ts).
  const deferred = useDeferredInScope(overview.data, scope)
  const data = deferred ?? overview.data
  const rows = useMemo(() => (data ? toRows(data) : null), [data])
  const shown = useMemo(() => (rows ? sortRows(rows, state.sort) : null), [rows, state.sort])
  const summary = useMemo(() => (rows ? summarize(rows) : null), [rows])
  const linkSearch = useMemo(() => keptSearch(new URLSearchParams(search)), [search])

  const { refresh, refreshing } = useViewRefresh(scope)

  return (
    <div className="overview-page">
      <header className="page-header">
        <h1>Overview</h1>
        <CompareLink />
        <TimeRangeControls onRefresh={refresh} refreshing={refreshing} />
      </header>
      <IgnoredLinkValues rangeProblem={rangeProblem} problems={ignored} />
      {overview.isError && !overview.data ? (
        <ErrorState error={overview.error} onRetry={() => void overview.refetch()} />
      ) : !data || !shown || !summary ? (
        <LoadingState label={`Loading the overview of ${scope.env}…`} />
      ) : (
        <>
          <RefreshFailedNotice what="the overview" query={overview} />
          <SummaryLine summary={summary} openAlerts={alerts.data?.firing} />
          <HealthRules />
          {shown.length === 0 ? (
            <EmptyState title={`No applications in ${scope.env}`}>
              No agent has registered in this environment and nothing ran in the time range.
            </EmptyState>
          ) : (
            <OverviewTable
              rows={shown}
              answer={data}
              sort={state.sort}
              onSortChange={onSortChange}
              linkSearch={linkSearch}
            />
          )}
        </>
      )}
    </div>
  )
}

function SummaryLine({
  summary,
  openAlerts: open,
}: {
  summary: EnvironmentSummary
  /** Unknown until the alert summary has answered (the line then goes without it). */
  openAlerts: number | undefined
}) {
  return (
    <p className="overview-summary">
      {count(summary.applications, 'application')} · {formatCount(summary.agentsLive)} of{' '}
      {count(summary.agentsTotal, 'agent')} live · {count(summary.exchanges, 'exchange')} in the
      range · {formatCount(summary.failed)} failed
      {open === undefined ? null : (
        <>
          {' · '}
          <ScopedLink to="/alerts">{count(open, 'open alert')}</ScopedLink>
        </>
      )}
    </p>
  )
}

const count = (n: number, one: string) => `${formatCount(n)} ${plural(n, one)}`
