import { useId } from 'react'
import type { AgentStatus } from '@/lib/api/types'
import { AGENT_STATUSES, type FleetSummary as Summary } from './agent-filters'

const statusHints: Record<AgentStatus, string> = {
  LIVE: 'heartbeat on time',
  STALE: 'heartbeat late',
  DEAD: 'heartbeat lost',
}
const statusTones: Record<AgentStatus, string> = { LIVE: 'ok', STALE: 'warn', DEAD: 'bad' }

/**
 * The whole environment at a glance, whatever the table is filtered to: counts by status (each
 * one a shortcut to that filter) and by application, with the unhealthy share spelled out.
 */
export function FleetSummary({
  summary,
  activeStatus,
  onStatusSelect,
  onApplicationSelect,
}: {
  summary: Summary
  activeStatus: AgentStatus | null
  onStatusSelect: (status: AgentStatus | null) => void
  onApplicationSelect: (applicationId: string) => void
}) {
  const headingId = useId()
  return (
    <section className="fleet-summary" aria-labelledby={headingId}>
      <h2 id={headingId} className="visually-hidden">
        Fleet summary
      </h2>
      <ul className="fleet-status" aria-label="Agents by status">
        <li className="card fleet-card">
          <span className="card-label">All agents</span>
          <span className="card-value">{summary.total}</span>
        </li>
        {AGENT_STATUSES.map((status) => {
          const active = activeStatus === status
          const count = summary.byStatus[status]
          return (
            <li
              key={status}
              className={`card fleet-card fleet-card-${statusTones[status]}${count ? ' has-agents' : ''}`}
            >
              <button
                type="button"
                className="fleet-card-button"
                aria-pressed={active}
                onClick={() => onStatusSelect(active ? null : status)}
                title={active ? 'Show all statuses' : `Show only ${status} agents`}
              >
                <span className="card-label">
                  <span className={`badge badge-${statusTones[status]}`}>{status}</span>
                </span>
                <span className="card-value">{count}</span>
                <span className="fleet-card-hint">{statusHints[status]}</span>
              </button>
            </li>
          )
        })}
      </ul>
      {summary.byApplication.length ? (
        <ul className="fleet-apps" aria-label="Agents by application">
          {summary.byApplication.map((app) => {
            const unhealthy = [
              app.byStatus.DEAD ? `${app.byStatus.DEAD} dead` : null,
              app.byStatus.STALE ? `${app.byStatus.STALE} stale` : null,
            ].filter(Boolean)
            return (
              <li
                key={app.applicationId}
                className={app.byStatus.LIVE === 0 ? 'fleet-app-down' : undefined}
              >
                <button
                  type="button"
                  className="fleet-app-button"
                  onClick={() => onApplicationSelect(app.applicationId)}
                  title={`Show only ${app.applicationId}`}
                >
                  <span className="fleet-app-name">{app.applicationId}</span>{' '}
                  <span className="fleet-app-count">
                    {app.byStatus.LIVE}/{app.total} live
                  </span>
                  {unhealthy.length ? (
                    <span className="fleet-app-unhealthy"> · {unhealthy.join(', ')}</span>
                  ) : null}
                  {app.byStatus.LIVE === 0 ? (
                    <span className="fleet-app-unhealthy"> · no live agent</span>
                  ) : null}
                </button>
              </li>
            )
          })}
        </ul>
      ) : null}
    </section>
  )
}
