import { useQuery } from '@tanstack/react-query'
import { RefreshCw } from 'lucide-react'
import { lazy, Suspense, useCallback, useDeferredValue, useMemo } from 'react'
import { useLocation, useSearchParams } from 'react-router'
import type { SortingState } from '@/components/data-table'
import { EmptyState, ErrorState, LoadingState } from '@/components/query-states'
import { RefreshFailedNotice } from '@/components/refresh-failed-notice'
import { RelativeTime, useNow } from '@/components/time-display'
import { CompareLink } from '@/environment/compare-link'
import { usePageTitle } from '@/environment/use-page-title'
import { useScope } from '@/environment/use-scope'
import type { AgentStatus } from '@/lib/api/types'
import { IgnoredLinkValues } from '@/components/ignored-link-values'
import { useUrlState } from '@/lib/url-state/use-url-state'
import {
  AGENT_SORT_COLUMNS,
  agentFilters,
  filterAgents,
  hasActiveFilters,
  summarizeFleet,
  type AgentFilters,
  type AgentSortColumn,
} from './agent-filters'
import { AgentFiltersBar } from './agent-filters-bar'
import { pluralize } from '@/lib/format'
import { agentQueries } from './agent-queries'
import { AgentsTable } from './agents-table'
import { FleetSummary } from './fleet-summary'
import './agents.css'

const noAgents: never[] = []

// Only an environment without agents shows how one joins here (the detail page always does):
// loaded then, so the usual first paint of the agent list does not pay for it.
const AgentJoinSnippet = lazy(async () => ({
  default: (await import('./agent-join-snippet')).AgentJoinSnippet,
}))

/** `/agents`: the environment's agent registry, its health at a glance, filterable and sortable. */
export function AgentsPage() {
  usePageTitle('Agents')
  const scope = useScope()
  const agents = useQuery(agentQueries.list(scope))
  const [searchParams] = useSearchParams()
  const { values: filters, ignored, set } = useUrlState(agentFilters)
  const now = useNow(5_000)

  const location = useLocation()
  // See AgentFiltersBar: typing replaces the history entry and carries this id along, so the
  // search box is re-created from the URL only when something else changed the URL.
  const searchSession = readSearchSession(location.state) ?? location.key

  const setFilters = useCallback(
    (change: Partial<AgentFilters>, { typing = false } = {}) =>
      set(change, typing ? { replace: true, state: { searchSession } } : undefined),
    [set, searchSession],
  )

  const all = agents.data?.items ?? noAgents
  const summary = useMemo(() => summarizeFleet(all), [all])
  const applications = useMemo(
    () => summary.byApplication.map((app) => app.applicationId),
    [summary],
  )
  // Filtering hundreds of rows is cheap, but typing must stay ahead of re-rendering the table.
  const deferredFilters = useDeferredValue(filters)
  const visible = useMemo(() => filterAgents(all, deferredFilters), [all, deferredFilters])
  const sorting = useMemo<SortingState>(
    () => (filters.sort ? [{ id: filters.sort.column, desc: filters.sort.desc }] : []),
    [filters.sort],
  )
  const onSortingChange = useCallback(
    (next: SortingState) => {
      const first = next[0]
      const column = AGENT_SORT_COLUMNS.find((id) => id === first?.id) as
        AgentSortColumn | undefined
      setFilters({ sort: column && first ? { column, desc: first.desc } : null })
    },
    [setFilters],
  )

  const filtered = hasActiveFilters(filters)
  // The list's own query string (env included), so the detail page can link back to this view.
  const listSearch = `?${searchParams.toString()}`

  return (
    <div className="agents-page">
      <header className="page-header">
        <h1>Agents</h1>
        <CompareLink />
        {agents.data ? (
          <RefreshStatus
            updatedAt={agents.dataUpdatedAt}
            fetching={agents.isFetching}
            now={now}
            onRefresh={() => void agents.refetch()}
          />
        ) : null}
      </header>

      <IgnoredLinkValues rangeProblem={null} problems={ignored} />

      {agents.isPending ? (
        <LoadingState label={`Loading agents of ${scope.env}…`} />
      ) : agents.isError && !agents.data ? (
        <ErrorState error={agents.error} onRetry={() => void agents.refetch()} />
      ) : all.length === 0 ? (
        <>
          <EmptyState title={`No agents in ${scope.env}`}>
            No Camel application has registered an agent with environment <b>{scope.env}</b> yet.
            Agents appear here within seconds of starting; see below how to connect one.
          </EmptyState>
          <Suspense fallback={null}>
            <AgentJoinSnippet env={scope.env} />
          </Suspense>
        </>
      ) : (
        <>
          <RefreshFailedNotice what="the agent list" query={agents} now={now} />
          <FleetSummary
            summary={summary}
            activeStatus={filters.status}
            onStatusSelect={(status: AgentStatus | null) => setFilters({ status })}
            onApplicationSelect={(app) => setFilters({ app })}
          />
          <AgentFiltersBar
            filters={filters}
            applications={applications}
            onStatusChange={(status) => setFilters({ status })}
            onApplicationChange={(app) => setFilters({ app })}
            onQueryChange={(q) => setFilters({ q }, { typing: true })}
            onClear={() => setFilters({ ...agentFilters.defaults, sort: filters.sort })}
            // The no-match state below has its own, more visible, Clear filters button.
            canClear={filtered && visible.length > 0}
            searchSession={searchSession}
          />
          <p className="result-count" role="status">
            {filtered
              ? `${visible.length} of ${pluralize(all.length, 'agent')} match`
              : pluralize(all.length, 'agent')}
          </p>
          {visible.length === 0 ? (
            <div className="state state-empty" role="status">
              <strong>No agents match these filters</strong>
              <p>
                None of the {pluralize(all.length, 'agent')} in {scope.env} matches. Loosen a filter
                or clear them all.
              </p>
              <button
                type="button"
                className="button"
                onClick={() => setFilters({ ...agentFilters.defaults, sort: filters.sort })}
              >
                Clear filters
              </button>
            </div>
          ) : (
            <AgentsTable
              agents={visible}
              sorting={sorting}
              onSortingChange={onSortingChange}
              now={now}
              listSearch={listSearch}
            />
          )}
        </>
      )}
    </div>
  )
}

function readSearchSession(state: unknown): string | null {
  const value =
    state && typeof state === 'object' && 'searchSession' in state ? state.searchSession : null
  return typeof value === 'string' ? value : null
}

function RefreshStatus({
  updatedAt,
  fetching,
  now,
  onRefresh,
}: {
  updatedAt: number
  fetching: boolean
  now: Date
  onRefresh: () => void
}) {
  return (
    <div className="refresh-status">
      <span>
        Updated <RelativeTime iso={new Date(updatedAt).toISOString()} now={now} />
        <span className="muted"> · refreshes every 15 s</span>
      </span>
      <button
        type="button"
        className="button button-quiet"
        onClick={onRefresh}
        disabled={fetching}
        aria-keyshortcuts="r"
        title="Refresh (r)"
      >
        <RefreshCw aria-hidden="true" size={14} className={fetching ? 'spinning' : undefined} />
        {fetching ? 'Refreshing…' : 'Refresh'}
      </button>
    </div>
  )
}
