import { FileText } from 'lucide-react'
import { StatusBadge } from '@/components/status-badge'
import { ExactTime, RelativeTime } from '@/components/time-display'
import { ScopedLink } from '@/environment/scoped-link'
import type { ExecutionDetail } from '@/lib/api/types'
import { formatDuration } from '@/lib/format'
import { CopyButton } from '@/components/copy-button'

/** Logs are searched a little around the execution: clocks drift, and log lines lag. */
const LOG_WINDOW_MARGIN_MS = 5 * 60_000

/**
 * The logs of this execution: its id, plus a time range around it (an old execution's logs are
 * outside the logs view's default "last hour").
 */
export function logsLinkFor(
  execution: Pick<ExecutionDetail, 'executionId' | 'startTime' | 'endTime'>,
  now = new Date(),
): string {
  const start = Date.parse(execution.startTime)
  const end = execution.endTime ? Date.parse(execution.endTime) : now.getTime()
  const params = new URLSearchParams({ executionId: execution.executionId })
  if (Number.isFinite(start) && Number.isFinite(end)) {
    params.set('from', new Date(start - LOG_WINDOW_MARGIN_MS).toISOString())
    params.set(
      'to',
      end + LOG_WINDOW_MARGIN_MS >= now.getTime()
        ? 'now'
        : new Date(end + LOG_WINDOW_MARGIN_MS).toISOString(),
    )
  }
  return `/logs?${params.toString()}`
}

export function ExecutionSummary({ execution }: { execution: ExecutionDetail }) {
  return (
    <section className="ed-section ed-summary" aria-label="Summary">
      {execution.replayOf ? (
        <p className="ed-replay-of">
          Replay of{' '}
          <ScopedLink to={`/executions/${encodeURIComponent(execution.replayOf)}`} className="mono">
            {execution.replayOf}
          </ScopedLink>
        </p>
      ) : null}
      <dl className="props ed-props">
        <dt>Status</dt>
        <dd>
          <StatusBadge status={execution.status} />
        </dd>
        <dt>Route</dt>
        <dd className="mono">{execution.routeId}</dd>
        <dt>Application</dt>
        <dd className="mono">{execution.applicationId}</dd>
        <dt>Agent</dt>
        <dd>
          <ScopedLink to={`/agents/${encodeURIComponent(execution.agentId)}`} className="mono">
            {execution.agentId}
          </ScopedLink>
        </dd>
        <dt>Exchange id</dt>
        <dd className="ed-id-value">
          <code className="ed-id">{execution.exchangeId}</code>
          <CopyButton text={execution.exchangeId} label="Copy exchange id" />
        </dd>
        <dt>Correlation id</dt>
        <dd className="ed-id-value">
          {execution.correlationId ? (
            <>
              <code className="ed-id">{execution.correlationId}</code>
              <CopyButton text={execution.correlationId} label="Copy correlation id" />
            </>
          ) : (
            <span className="ed-muted">none</span>
          )}
        </dd>
        <dt>Started</dt>
        <dd>
          <ExactTime iso={execution.startTime} withMillis /> (
          <RelativeTime iso={execution.startTime} />)
        </dd>
        <dt>Ended</dt>
        <dd>
          {execution.endTime === null ? (
            <span className="ed-muted">running</span>
          ) : (
            <ExactTime iso={execution.endTime} withMillis />
          )}
        </dd>
        <dt>Duration</dt>
        <dd>
          {execution.durationMs === null ? (
            <span className="ed-muted">running</span>
          ) : (
            formatDuration(execution.durationMs)
          )}
        </dd>
        <dt>Processors</dt>
        <dd>{execution.processorCount}</dd>
      </dl>
      {execution.errorMessage ? (
        <div className="ed-error" role="note" aria-label="Error message">
          <strong>Error:</strong> <span className="ed-error-text">{execution.errorMessage}</span>
        </div>
      ) : null}
      <p className="ed-links">
        <ScopedLink to={logsLinkFor(execution)} className="button">
          <FileText size={14} aria-hidden="true" />
          View logs for this execution
        </ScopedLink>
      </p>
    </section>
  )
}
