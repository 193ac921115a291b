import { ArrowDown, ArrowUp, ArrowUpDown } from 'lucide-react'
import type { Schemas } from '@/lib/api/types'
import { memo, type MouseEvent } from 'react'
import { useNavigate } from 'react-router'
import { useActiveEnvironment } from '@/environment/environment-store'
import { withEnvironment } from '@/environment/scoped-link'
import { formatCount, formatDuration, formatPercent, formatRate } from '@/lib/format'
import { HealthBadge } from './health-badge'
import { ratesPerMinute, type OverviewRow } from './overview-rows'
import type { OverviewSortColumn, OverviewViewState } from './overview-url-state'
import { Sparkline } from './sparkline'
import { useRowsInStages } from './use-rows-in-stages'

/**
 * The Applications table: plain markup, not the shared DataTable, because its rows carry the
 * health order (worst first, then the chosen column) and sparklines. It keeps DataTable's
 * manners: one sort button per sortable header named by the column, `aria-sort`
 * on the sorted one, the order owned by the URL. The application links are plain anchors with
 * the environment in their href, and one click handler on the table navigates in the app: sixty
 * router Links (each subscribing to the location) cost more to render than the rest of the rows.
 */
type OverviewAnswer = Pick<Schemas['Overview'], 'from' | 'to' | 'bucketSeconds'>

const COLUMNS: ReadonlyArray<{
  label: string
  sort?: OverviewSortColumn
  numeric?: boolean
}> = [
  { label: 'Application', sort: 'application' },
  { label: 'Health', sort: 'health' },
  { label: 'Exchanges/min', sort: 'throughput', numeric: true },
  { label: 'Error rate', sort: 'errorRate', numeric: true },
  { label: 'p99', sort: 'p99', numeric: true },
  { label: 'In flight', sort: 'inflight', numeric: true },
  { label: 'Agents', numeric: true },
  { label: 'Throughput' },
  { label: 'Errors' },
]

/** Memoized: the page re-renders as its requests start and end, the sixty rows need not. */
export const OverviewTable = memo(function OverviewTable({
  rows,
  answer,
  sort,
  onSortChange,
  linkSearch,
}: {
  /** In display order. */
  rows: readonly OverviewRow[]
  /** The answer's range and bucket size, which the sparklines are drawn over. */
  answer: OverviewAnswer
  sort: OverviewViewState['sort']
  onSortChange: (sort: OverviewViewState['sort']) => void
  /** Range and refresh, kept by the links to each application. */
  linkSearch: string
}) {
  const env = useActiveEnvironment()
  const navigate = useNavigate()
  const drawn = useRowsInStages(rows.length)
  // A plain click on a row's link navigates in the app; a modified click (new tab, window)
  // is the browser's, as with any link.
  const onClick = (event: MouseEvent<HTMLTableElement>) => {
    const link = (event.target as Element).closest('a')
    if (
      !link ||
      event.defaultPrevented ||
      event.button !== 0 ||
      event.metaKey ||
      event.ctrlKey ||
      event.shiftKey ||
      event.altKey
    ) {
      return
    }
    event.preventDefault()
    navigate(link.getAttribute('href') ?? '/overview')
  }
  return (
    <div className="table-wrap overview-table">
      <table className="data-table" aria-label="Applications" onClick={onClick}>
        <thead>
          <tr>
            {COLUMNS.map((column) => {
              const sorted = column.sort && sort?.column === column.sort ? sort : null
              return (
                <th
                  key={column.label}
                  scope="col"
                  className={column.numeric ? 'num' : undefined}
                  aria-sort={sorted ? (sorted.desc ? 'descending' : 'ascending') : undefined}
                >
                  {column.sort ? (
                    <button
                      type="button"
                      aria-label={column.label}
                      onClick={() =>
                        onSortChange({
                          column: column.sort as OverviewSortColumn,
                          desc: sorted ? !sorted.desc : false,
                        })
                      }
                    >
                      {column.label}
                      <SortIcon direction={sorted ? (sorted.desc ? 'desc' : 'asc') : false} />
                    </button>
                  ) : (
                    column.label
                  )}
                </th>
              )
            })}
          </tr>
        </thead>
        <tbody>
          {rows.slice(0, drawn).map((row) => (
            <OverviewTableRow
              key={row.applicationId}
              row={row}
              answer={answer}
              env={env}
              linkSearch={linkSearch}
            />
          ))}
        </tbody>
      </table>
    </div>
  )
})

/** One application's row; memoized, so a new sort order moves rows without drawing them again. */
const OverviewTableRow = memo(function OverviewTableRow({
  row,
  answer,
  env,
  linkSearch,
}: {
  row: OverviewRow
  answer: OverviewAnswer
  env: string | null
  linkSearch: string
}) {
  return (
    <tr className={`overview-row-${row.health}`}>
      <td>
        <a
          href={withEnvironment(
            `/overview/${encodeURIComponent(row.applicationId)}${linkSearch ? `?${linkSearch}` : ''}`,
            env,
          )}
          className="mono"
        >
          {row.applicationId}
        </a>
      </td>
      <td>
        <HealthBadge health={row.health} />
      </td>
      <td className="num">{formatRate(row.exchangesPerMinute)}</td>
      <td className="num">{row.exchanges > 0 ? formatPercent(row.errorRate) : '—'}</td>
      <td className="num">{formatDuration(row.app.p99Ms)}</td>
      <td className="num">{formatCount(row.app.inflight)}</td>
      <td className="num">
        <AgentCounts agents={row.agents} />
      </td>
      <td>
        <Trend row={row} kind="throughput" answer={answer} />
      </td>
      <td>
        <Trend row={row} kind="errors" answer={answer} />
      </td>
    </tr>
  )
})

function SortIcon({ direction }: { direction: false | 'asc' | 'desc' }) {
  const Icon = direction === 'asc' ? ArrowUp : direction === 'desc' ? ArrowDown : ArrowUpDown
  return <Icon aria-hidden="true" size={14} opacity={direction ? 1 : 0.4} />
}

/**
 * Live / stale / dead, shown as "5 / 1 / 0" and read as "5 live, 1 stale, 0 dead". Each piece of
 * text is one node, and a count gets its own element only when it needs its colour: sixty rows of
 * this cell were half the table's layout objects when every count and separator was its own node.
 */
export function AgentCounts({ agents }: { agents: OverviewRow['agents'] }) {
  const { live, stale, dead } = agents
  return (
    <>
      <span aria-hidden="true" className="overview-agents">
        {stale === 0 && dead === 0 ? (
          `${live} / 0 / 0`
        ) : (
          <>
            {`${live} / `}
            {stale ? <span className="overview-stale">{stale}</span> : '0'}
            {' / '}
            {dead ? <span className="overview-dead">{dead}</span> : '0'}
          </>
        )}
      </span>
      <span className="visually-hidden">{`${live} live, ${stale} stale, ${dead} dead`}</span>
    </>
  )
}

function Trend({
  row,
  kind,
  answer,
}: {
  row: OverviewRow
  kind: 'throughput' | 'errors'
  answer: OverviewAnswer
}) {
  const { buckets } = row.app
  const values = ratesPerMinute(buckets, answer.bucketSeconds, answer, (i) =>
    kind === 'throughput' ? (buckets[i]?.exchanges ?? 0) : (buckets[i]?.failed ?? 0),
  )
  const max = Math.max(0, ...values)
  const last = values.at(-1) ?? 0
  const what = kind === 'throughput' ? 'Exchanges' : 'Failed exchanges'
  return (
    <Sparkline
      values={values}
      tone={kind}
      label={`${what} per minute of ${row.applicationId} over the range: at most ${formatRate(max)}, ${formatRate(last)} at the end`}
    />
  )
}
