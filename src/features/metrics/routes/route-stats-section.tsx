import { useQuery } from '@tanstack/react-query'
import { lazy, Suspense, useId, useMemo } from 'react'
import {
  createDataColumnHelper,
  DataTable,
  type DataColumn,
  type SortingState,
} from '@/components/data-table'
import { EmptyState, ErrorState, LoadingState } from '@/components/query-states'
import { RefreshFailedNotice } from '@/components/refresh-failed-notice'
import { RouteStateText } from '@/environment/commands/route-state-text'
import type { RouteStats } from '@/lib/api/types'
import { formatCount, formatDuration, formatPercent } from '@/lib/format'
import { polling } from '@/lib/query/retry-policy'
import { keepPreviousInScope, type Scope } from '@/lib/query/query-scope'
import { useDeferredInScope } from '@/lib/query/use-deferred-in-scope'
import type { TimeRange } from '@/lib/time-range/time-range'
import { metricsQueries } from '@/features/metrics/metrics-queries'
import type { MetricsViewState, RouteSortColumn } from '@/features/metrics/metrics-url-state'

// A route's charts show once one is chosen: their code is not part of the page's first load.
const RouteCharts = lazy(() =>
  import('./route-charts').then((module) => ({ default: module.RouteCharts })),
)

/** Routes marked as the worst, per figure (error rate, p99). */
const WORST_MARKED = 3

interface RouteRow extends RouteStats {
  errorRate: number
  worstErrorRate: boolean
  worstLatency: boolean
}

const column = createDataColumnHelper<RouteRow>()

interface Props {
  scope: Scope
  range: TimeRange
  state: MetricsViewState
  refetchInterval: number | false
  onChange: (patch: Partial<MetricsViewState>) => void
}

/** Every route of the range with its statistics; choosing one shows its charts below. */
export function RouteStatsSection({ scope, range, state, refetchInterval, onChange }: Props) {
  const headingId = useId()
  const filterId = useId()
  const stats = useQuery({
    ...metricsQueries.routeStats(scope, range),
    refetchInterval: polling(refetchInterval),
    placeholderData: (previous, previousQuery) =>
      keepPreviousInScope(previous, previousQuery, scope),
  })

  // The table (a row per route, each with its state on the agents) is rendered in a transition.
  const data = useDeferredInScope(stats.data, scope)
  const rows = useMemo(() => markWorst(data?.items ?? []), [data])
  const applications = useMemo(
    () => [...new Set(rows.map((row) => row.applicationId))].sort(),
    [rows],
  )
  const shown = useMemo(
    () => (state.routesApp ? rows.filter((row) => row.applicationId === state.routesApp) : rows),
    [rows, state.routesApp],
  )
  const selected = state.route
  const onSelect = useMemo(
    () => (row: RouteRow) =>
      onChange({ route: { applicationId: row.applicationId, routeId: row.routeId } }),
    [onChange],
  )
  const columns = useMemo(() => routeColumns(selected, onSelect), [selected, onSelect])
  const sorting: SortingState = [{ id: state.routeSort.column, desc: state.routeSort.desc }]

  let body
  if (stats.isPending || (stats.data && !data)) {
    body = <LoadingState label="Loading the route statistics…" />
  } else if (stats.isError && !stats.data) {
    body = (
      <ErrorState
        error={stats.error}
        title="Could not load the route statistics"
        onRetry={() => void stats.refetch()}
      />
    )
  } else if (shown.length === 0) {
    body = <EmptyState title="No route ran in this time range." />
  } else {
    body = (
      <DataTable
        data={shown}
        columns={columns}
        getRowId={(row) => `${row.applicationId}/${row.routeId}`}
        label="Routes"
        sorting={sorting}
        onSortingChange={(next) => {
          const first = next[0]
          if (first) {
            onChange({ routeSort: { column: first.id as RouteSortColumn, desc: first.desc } })
          }
        }}
        rowClassName={(row) =>
          selected?.applicationId === row.applicationId && selected.routeId === row.routeId
            ? 'metrics-route-selected'
            : undefined
        }
        className="metrics-routes-table"
      />
    )
  }

  return (
    <section className="metrics-section" aria-labelledby={headingId}>
      <h2 id={headingId}>Routes</h2>
      <div className="toolbar">
        <div className="field">
          <label htmlFor={filterId}>Application</label>
          <select
            id={filterId}
            value={state.routesApp ?? ''}
            onChange={(event) => onChange({ routesApp: event.target.value || null })}
          >
            <option value="">All applications</option>
            {applications.map((app) => (
              <option key={app} value={app}>
                {app}
              </option>
            ))}
            {state.routesApp && !applications.includes(state.routesApp) ? (
              <option value={state.routesApp}>{state.routesApp}</option>
            ) : null}
          </select>
        </div>
        <RefreshFailedNotice what="the route statistics" query={stats} />
      </div>
      {body}
      {selected ? (
        <Suspense fallback={<LoadingState label="Loading the route’s charts…" />}>
          <RouteCharts
            scope={scope}
            range={range}
            route={selected}
            refetchInterval={refetchInterval}
            onClose={() => onChange({ route: null })}
          />
        </Suspense>
      ) : (
        <p className="metrics-hint">
          Choose a route in the table to chart its throughput and latency.
        </p>
      )}
    </section>
  )
}

function markWorst(items: readonly RouteStats[]): RouteRow[] {
  const withRate = items.map((item) => ({
    ...item,
    errorRate: item.exchanges > 0 ? item.failed / item.exchanges : 0,
  }))
  const worstRate = new Set(
    [...withRate]
      .filter((row) => row.failed > 0)
      .sort((a, b) => b.errorRate - a.errorRate)
      .slice(0, WORST_MARKED),
  )
  const worstLatency = new Set(
    [...withRate]
      .filter((row) => row.exchanges > 0)
      .sort((a, b) => b.p99Ms - a.p99Ms)
      .slice(0, WORST_MARKED),
  )
  return withRate.map((row) => ({
    ...row,
    worstErrorRate: worstRate.has(row),
    worstLatency: worstLatency.has(row),
  }))
}

function routeColumns(
  selected: MetricsViewState['route'],
  onSelect: (row: RouteRow) => void,
): DataColumn<RouteRow>[] {
  return [
    column.accessor('applicationId', { id: 'application', header: 'Application' }),
    column.accessor('routeId', {
      id: 'route',
      header: 'Route',
      cell: (info) => {
        const row = info.row.original
        const isSelected =
          selected?.applicationId === row.applicationId && selected.routeId === row.routeId
        return (
          <button
            type="button"
            className="link-button"
            aria-pressed={isSelected}
            onClick={() => onSelect(row)}
          >
            {row.routeId}
          </button>
        )
      },
    }),
    column.display({
      id: 'state',
      header: 'State',
      cell: (info) => (
        <RouteStateText
          applicationId={info.row.original.applicationId}
          routeId={info.row.original.routeId}
        />
      ),
    }),
    column.accessor('exchanges', {
      header: 'Exchanges',
      meta: { align: 'end' },
      cell: (info) => formatCount(info.getValue()),
    }),
    column.accessor('failed', {
      header: 'Failed',
      meta: { align: 'end' },
      cell: (info) => formatCount(info.getValue()),
    }),
    column.accessor('errorRate', {
      header: 'Error rate',
      meta: { align: 'end' },
      cell: (info) => (
        <>
          {formatPercent(info.getValue())}
          {info.row.original.worstErrorRate ? (
            <span className="badge badge-bad metrics-worst">highest error rate</span>
          ) : null}
        </>
      ),
    }),
    column.accessor('meanMs', {
      header: 'Mean',
      meta: { align: 'end' },
      cell: (info) => formatDuration(info.getValue()),
    }),
    column.accessor('p50Ms', {
      header: 'p50',
      meta: { align: 'end' },
      cell: (info) => formatDuration(info.getValue()),
    }),
    column.accessor('p95Ms', {
      header: 'p95',
      meta: { align: 'end' },
      cell: (info) => formatDuration(info.getValue()),
    }),
    column.accessor('p99Ms', {
      header: 'p99',
      meta: { align: 'end' },
      cell: (info) => (
        <>
          {formatDuration(info.getValue())}
          {info.row.original.worstLatency ? (
            <span className="badge badge-warn metrics-worst">slowest p99</span>
          ) : null}
        </>
      ),
    }),
  ]
}
