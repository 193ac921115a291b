import { TriangleAlert } from 'lucide-react'
import { createContext, useContext } from 'react'
import { createDataColumnHelper, DataTable, type SortingState } from '@/components/data-table'
import { StatusBadge } from '@/components/status-badge'
import { RelativeTime } from '@/components/time-display'
import { ScopedLink } from '@/environment/scoped-link'
import type { AgentInfo, AgentStatus } from '@/lib/api/types'
import { formatPercent, formatRate } from '@/lib/format'
import { truncateId } from '@/lib/ids'

/** An error rate above this (5 %) is called out in text, not just colour. */
const HOT_ERROR_RATE = 0.05

function isHotErrorRate(rate: number): boolean {
  return rate > HOT_ERROR_RATE
}

/**
 * The agents table. Columns are defined once at module scope (the table wants them
 * stable); what changes per render (the clock, the list's own URL) reaches cells by context.
 */
interface AgentsTableContext {
  now: Date
  /** The list's query string, handed to the detail page so its back link restores the view. */
  listSearch: string
}
const TableContext = createContext<AgentsTableContext>({ now: new Date(), listSearch: '' })

const statusRank: Record<AgentStatus, number> = { LIVE: 0, STALE: 1, DEAD: 2 }

const column = createDataColumnHelper<AgentInfo>()

const columns = column.columns([
  column.accessor('agentId', {
    header: 'Agent',
    sortFn: 'alphanumeric',
    cell: (info) => <AgentLink agentId={info.getValue()} />,
  }),
  column.accessor('applicationId', { header: 'Application', sortFn: 'alphanumeric' }),
  column.accessor('hostname', {
    header: 'Hostname',
    sortFn: 'alphanumeric',
    cell: (info) => (
      // Long cloud hostnames would push the numbers off screen: cut visually, full on hover.
      <span className="mono agents-hostname" title={info.getValue()}>
        {info.getValue()}
      </span>
    ),
  }),
  column.accessor('status', {
    header: 'Status',
    // By severity, not alphabet: descending puts DEAD agents first.
    sortFn: (a, b) => statusRank[a.original.status] - statusRank[b.original.status],
    cell: (info) => <StatusBadge status={info.getValue()} />,
  }),
  column.accessor((agent) => Date.parse(agent.lastHeartbeatAt), {
    id: 'lastHeartbeatAt',
    header: 'Last heartbeat',
    sortFn: 'basic',
    cell: (info) => <Heartbeat iso={info.row.original.lastHeartbeatAt} />,
  }),
  column.accessor('agentVersion', { header: 'Agent version', sortFn: 'alphanumeric' }),
  column.accessor('camelVersion', { header: 'Camel version', sortFn: 'alphanumeric' }),
  column.accessor('exchangesPerSecond', {
    header: 'Exchanges/s',
    sortFn: 'basic',
    meta: { align: 'end' },
    cell: (info) => formatRate(info.getValue()),
  }),
  column.accessor('errorRate', {
    header: 'Error rate',
    sortFn: 'basic',
    meta: { align: 'end' },
    cell: (info) => <ErrorRate rate={info.getValue()} />,
  }),
])

function AgentLink({ agentId }: { agentId: string }) {
  const { listSearch } = useContext(TableContext)
  return (
    <ScopedLink
      to={`/agents/${encodeURIComponent(agentId)}`}
      state={{ agentsListSearch: listSearch }}
      className="mono agent-link"
      title={agentId.length > 60 ? agentId : undefined}
    >
      {truncateId(agentId, 60)}
    </ScopedLink>
  )
}

function Heartbeat({ iso }: { iso: string }) {
  const { now } = useContext(TableContext)
  return <RelativeTime iso={iso} now={now} />
}

export function ErrorRate({ rate }: { rate: number }) {
  if (!isHotErrorRate(rate)) return <>{formatPercent(rate)}</>
  return (
    <span className="error-rate-hot">
      <TriangleAlert aria-hidden="true" size={14} />
      {formatPercent(rate)} <span className="error-rate-hot-label">high</span>
    </span>
  )
}

const rowClassName = (agent: AgentInfo) => `agent-row-${agent.status.toLowerCase()}`
const rowId = (agent: AgentInfo) => agent.agentId

export function AgentsTable({
  agents,
  sorting,
  onSortingChange,
  now,
  listSearch,
}: {
  agents: readonly AgentInfo[]
  sorting: SortingState
  onSortingChange: (sorting: SortingState) => void
  now: Date
  listSearch: string
}) {
  return (
    <TableContext value={{ now, listSearch }}>
      <DataTable
        label="Agents"
        data={agents}
        columns={columns}
        getRowId={rowId}
        sorting={sorting}
        onSortingChange={onSortingChange}
        rowClassName={rowClassName}
        className="agents-table"
      />
    </TableContext>
  )
}
