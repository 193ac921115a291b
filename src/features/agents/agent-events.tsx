import { useInfiniteQuery } from '@tanstack/react-query'
import { useMemo } from 'react'
import { ErrorState, LoadingState, describeError } from '@/components/query-states'
import { ExactTime, RelativeTime } from '@/components/time-display'
import { isHttpStatus } from '@/lib/api/errors'
import type { AgentEventType } from '@/lib/api/types'
import type { Scope } from '@/lib/query/query-scope'
import { pluralize } from '@/lib/format'
import { agentResources } from '@/lib/resources/agents'

/** Event types as text first; the tone only repeats it. */
const eventTones: Record<AgentEventType, string> = {
  REGISTERED: 'ok',
  RECOVERED: 'ok',
  ROUTE_STARTED: 'info',
  CONFIG_CHANGED: 'neutral',
  HEARTBEAT_LATE: 'warn',
  ROUTE_STOPPED: 'warn',
  DEREGISTERED: 'neutral',
  HEARTBEAT_LOST: 'bad',
}

/** The agent's lifecycle, newest first, one page at a time along the server's cursor. */
export function AgentEvents({ scope, agentId, now }: { scope: Scope; agentId: string; now: Date }) {
  const events = useInfiniteQuery(agentResources.events(scope, agentId))
  const items = useMemo(() => events.data?.pages.flatMap((page) => page.items) ?? [], [events.data])

  let body
  if (events.isPending) {
    body = <LoadingState label="Loading lifecycle events…" />
  } else if (events.isError && !events.data) {
    // The agent itself reports "not found" above; repeating it here would only add noise.
    body = isHttpStatus(events.error, 404) ? null : (
      <ErrorState error={events.error} onRetry={() => void events.refetch()} />
    )
  } else if (items.length === 0) {
    body = (
      <div className="state state-empty" role="status">
        <strong>No lifecycle events recorded for this agent</strong>
      </div>
    )
  } else {
    body = (
      <>
        <p className="result-count">
          {events.hasNextPage
            ? `Newest ${pluralize(items.length, 'event')}, newest first`
            : `All ${pluralize(items.length, 'event')}, newest first`}
        </p>
        <div className="table-wrap">
          <table className="data-table agent-events-table" aria-label="Lifecycle events">
            <thead>
              <tr>
                <th scope="col">Time</th>
                <th scope="col">Event</th>
                <th scope="col">Message</th>
              </tr>
            </thead>
            <tbody>
              {items.map((event) => (
                <tr key={event.eventId}>
                  <td>
                    <ExactTime iso={event.timestamp} />{' '}
                    <span className="muted">
                      (<RelativeTime iso={event.timestamp} now={now} />)
                    </span>
                  </td>
                  <td>
                    <span className={`badge badge-${eventTones[event.type] ?? 'neutral'}`}>
                      {event.type}
                    </span>
                  </td>
                  <td className="agent-event-message">{event.message}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <div className="load-more">
          {events.isFetchNextPageError ? (
            <p className="form-error" role="alert">
              Could not load older events: {describeError(events.error).title}.
            </p>
          ) : null}
          {events.hasNextPage ? (
            <button
              type="button"
              className="button"
              onClick={() => void events.fetchNextPage()}
              disabled={events.isFetchingNextPage}
            >
              {events.isFetchingNextPage ? 'Loading older events…' : 'Load older events'}
            </button>
          ) : (
            <p className="muted">That is the whole history of this agent.</p>
          )}
        </div>
      </>
    )
  }

  return (
    <section aria-labelledby="agent-events-heading" className="agent-events">
      <h2 id="agent-events-heading">Lifecycle events</h2>
      {body}
    </section>
  )
}
