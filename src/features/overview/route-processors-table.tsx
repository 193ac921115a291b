import { useId } from 'react'
import type { DiagramNode, ProcessorStats } from '@/lib/api/types'
import { formatCount, formatDuration, formatPercent } from '@/lib/format'

/**
 * The diagram's text alternative: every processor of the route in the diagram's order, with the
 * time range's figures drawn on its node. A processor without figures did not run in the range.
 */
export function RouteProcessorsTable({
  routeId,
  nodes,
  stats,
}: {
  routeId: string
  nodes: readonly DiagramNode[]
  /** `null` while unknown (loading, failed): the figures' cells say so rather than "0". */
  stats: readonly ProcessorStats[] | null
}) {
  const headingId = useId()
  const byId = new Map((stats ?? []).map((row) => [row.processorId, row]))
  const unknown = stats === null ? '…' : '—'
  return (
    <section className="overview-section" aria-labelledby={headingId}>
      <h2 id={headingId}>Processors</h2>
      {/* Focusable: on a narrow screen the table scrolls sideways, from the keyboard too. */}
      <div
        className="table-wrap"
        tabIndex={0}
        role="region"
        aria-label={`Table of the processors of ${routeId}`}
      >
        <table className="data-table" aria-label={`Processors of ${routeId}`}>
          <thead>
            <tr>
              <th scope="col">Processor</th>
              <th scope="col">Type</th>
              <th scope="col">Endpoint</th>
              <th scope="col" className="num">
                Runs
              </th>
              <th scope="col" className="num">
                Failed
              </th>
              <th scope="col" className="num">
                Mean
              </th>
              <th scope="col" className="num">
                p99
              </th>
            </tr>
          </thead>
          <tbody>
            {nodes.map((node) => {
              const row = byId.get(node.id)
              return (
                <tr key={node.id}>
                  <th scope="row">{node.label}</th>
                  <td className="mono">{node.type}</td>
                  <td className="mono overview-endpoint">{node.endpointUri ?? '—'}</td>
                  <td className="num">{row ? formatCount(row.count) : stats ? '0' : unknown}</td>
                  <td className="num">
                    {row
                      ? `${formatCount(row.failed)} (${formatPercent(row.count > 0 ? row.failed / row.count : 0)})`
                      : unknown}
                  </td>
                  <td className="num">{row ? formatDuration(row.meanMs) : unknown}</td>
                  <td className="num">{row ? formatDuration(row.p99Ms) : unknown}</td>
                </tr>
              )
            })}
          </tbody>
        </table>
      </div>
    </section>
  )
}
