import { createContext, useContext } from 'react'
import { createDataColumnHelper, DataTable, type SortingState } from '@/components/data-table'
import { ScopedLink } from '@/environment/scoped-link'
import { formatCount, formatDuration, formatPercent, formatRate } from '@/lib/format'
import { HealthBadge } from './health-badge'
import type { Health } from './health'
import type { OverviewRow } from './overview-rows'
import { Sparkline } from './sparkline'

/**
 * The Applications table. Columns are defined once (TanStack Table wants them stable); the
 * query string that links keep (range, refresh) reaches cells by context.
 */
const LinkSearch = createContext('')

const HEALTH_RANK: Record<Health, number> = {
  failing: 0,
  degraded: 1,
  'no-traffic': 2,
  healthy: 3,
}

const column = createDataColumnHelper<OverviewRow>()

export const overviewColumns = column.columns([
  column.accessor('applicationId', {
    id: 'application',
    header: 'Application',
    sortFn: 'alphanumeric',
    cell: (info) => <ApplicationLink applicationId={info.getValue()} />,
  }),
  column.accessor((row) => HEALTH_RANK[row.health], {
    id: 'health',
    header: 'Health',
    sortFn: 'basic',
    cell: (info) => <HealthBadge health={info.row.original.health} />,
  }),
  column.accessor('exchangesPerMinute', {
    id: 'throughput',
    header: 'Exchanges/min',
    sortFn: 'basic',
    meta: { align: 'end' },
    cell: (info) => formatRate(info.getValue()),
  }),
  column.accessor('errorRate', {
    id: 'errorRate',
    header: 'Error rate',
    sortFn: 'basic',
    meta: { align: 'end' },
    cell: (info) => (info.row.original.exchanges > 0 ? formatPercent(info.getValue()) : '—'),
  }),
  column.accessor((row) => row.app.p99Ms ?? -1, {
    id: 'p99',
    header: 'p99',
    sortFn: 'basic',
    meta: { align: 'end' },
    cell: (info) => formatDuration(info.row.original.app.p99Ms),
  }),
  column.accessor((row) => row.app.inflight, {
    id: 'inflight',
    header: 'In flight',
    sortFn: 'basic',
    meta: { align: 'end' },
    cell: (info) => formatCount(info.getValue()),
  }),
  column.display({
    id: 'agents',
    header: 'Agents',
    meta: { align: 'end' },
    cell: (info) => <AgentCounts agents={info.row.original.agents} />,
  }),
  column.display({
    id: 'throughputTrend',
    header: 'Throughput',
    cell: (info) => <Trend row={info.row.original} kind="throughput" />,
  }),
  column.display({
    id: 'errorsTrend',
    header: 'Errors',
    cell: (info) => <Trend row={info.row.original} kind="errors" />,
  }),
])

function ApplicationLink({ applicationId }: { applicationId: string }) {
  const search = useContext(LinkSearch)
  return (
    <ScopedLink
      to={`/overview/${encodeURIComponent(applicationId)}${search ? `?${search}` : ''}`}
      className="mono"
    >
      {applicationId}
    </ScopedLink>
  )
}

export function AgentCounts({ agents }: { agents: OverviewRow['agents'] }) {
  return (
    <>
      <span aria-hidden="true" className="overview-agents">
        {agents.live} /{' '}
        <span className={agents.stale ? 'overview-stale' : undefined}>{agents.stale}</span> /{' '}
        <span className={agents.dead ? 'overview-dead' : undefined}>{agents.dead}</span>
      </span>
      <span className="visually-hidden">
        {agents.live} live, {agents.stale} stale, {agents.dead} dead
      </span>
    </>
  )
}

function Trend({ row, kind }: { row: OverviewRow; kind: 'throughput' | 'errors' }) {
  const values = row.app.buckets.map((bucket) =>
    kind === 'throughput' ? bucket.exchanges : bucket.failed,
  )
  const max = Math.max(0, ...values)
  const last = values.at(-1) ?? 0
  const what = kind === 'throughput' ? 'Exchanges' : 'Failed exchanges'
  return (
    <Sparkline
      values={values}
      tone={kind}
      label={`${what} of ${row.applicationId} over the range: at most ${formatCount(max)} per bucket, ${formatCount(last)} in the last`}
    />
  )
}

export function OverviewTable({
  rows,
  sorting,
  onSortingChange,
  linkSearch,
}: {
  rows: readonly OverviewRow[]
  sorting: SortingState
  onSortingChange: (sorting: SortingState) => void
  /** Range and refresh, kept by the links to each application. */
  linkSearch: string
}) {
  return (
    <LinkSearch value={linkSearch}>
      <DataTable
        data={rows}
        columns={overviewColumns}
        getRowId={(row) => row.applicationId}
        label="Applications"
        sorting={sorting}
        onSortingChange={onSortingChange}
        rowClassName={(row) => `overview-row-${row.health}`}
        className="overview-table"
      />
    </LinkSearch>
  )
}
