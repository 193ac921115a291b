import { useQuery, useQueryClient } from '@tanstack/react-query'
import { useEffect, useId, useRef } from 'react'
import type { Schemas } from '@/lib/api/types'
import { pluralize } from '@/lib/format'
import { polling } from '@/lib/query/retry-policy'
import { dismissCommand, type FollowedCommand } from './route-control-store'
import { routeCommandQueries } from './route-command-queries'

type Target = Schemas['CommandTarget']

const POLL_MS = 1_000

export function targetOutcome(target: Target): string {
  switch (target.status) {
    case 'PENDING':
      return 'Pending'
    case 'ACKNOWLEDGED':
      return 'Acknowledged'
    case 'FAILED':
      return `Failed: ${target.message ?? 'the agent gave no reason'}`
    case 'EXPIRED':
      return 'Expired: the agent did not answer within 60 s'
  }
}

/**
 * A sent command's progress per agent, polled until no target is pending (never in a hidden
 * tab, never for another environment: the key holds the scope). Each answer that settles a
 * target reads the agents again, so the route states follow the agents' heartbeats.
 */
export function CommandProgressPanel({ followed }: { followed: FollowedCommand }) {
  const headingId = useId()
  const queryClient = useQueryClient()
  const { scope } = followed
  const command = useQuery({
    ...routeCommandQueries.detail(scope, followed.commandId),
    initialData: followed.initial,
    refetchInterval: (query) =>
      query.state.data?.targets.some((target) => target.status === 'PENDING')
        ? polling(POLL_MS)(query)
        : false,
  })
  const targets = command.data.targets
  const pending = targets.filter((target) => target.status === 'PENDING').length
  const settled = targets.length - pending

  const seen = useRef(0)
  useEffect(() => {
    if (settled <= seen.current) return
    seen.current = settled
    void queryClient.invalidateQueries({
      queryKey: [{ tenant: scope.tenant, env: scope.env, resource: 'agents' }],
    })
    if (pending === 0) {
      void queryClient.invalidateQueries({
        queryKey: [{ tenant: scope.tenant, env: scope.env, resource: 'commands', entity: 'list' }],
      })
    }
  }, [settled, pending, queryClient, scope])

  const acknowledged = targets.filter((target) => target.status === 'ACKNOWLEDGED').length
  return (
    <section className="command-progress" aria-labelledby={headingId}>
      <h3 id={headingId}>{followed.label}</h3>
      <p role="status">
        {pending > 0
          ? `Waiting for ${pluralize(pending, 'agent')} of ${targets.length}…`
          : `Done: acknowledged on ${acknowledged} of ${pluralize(targets.length, 'agent')}.`}
      </p>
      <ul className="command-progress-targets" aria-label={`Progress of ${followed.label}`}>
        {targets.map((target) => (
          <li
            key={target.agentId}
            className={`command-target command-target-${target.status.toLowerCase()}`}
          >
            <span className="mono">{target.agentId}</span>: {targetOutcome(target)}
          </li>
        ))}
      </ul>
      {pending === 0 ? (
        <button
          type="button"
          className="button button-quiet"
          onClick={() => dismissCommand(followed.commandId)}
        >
          Dismiss
        </button>
      ) : null}
    </section>
  )
}
