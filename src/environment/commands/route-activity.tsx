import { useQuery } from '@tanstack/react-query'
import { useEffect, useId, useMemo } from 'react'
import { ErrorState, LoadingState } from '@/components/query-states'
import { ExactTime } from '@/components/time-display'
import type { Schemas } from '@/lib/api/types'
import { pluralize } from '@/lib/format'
import { polling } from '@/lib/query/retry-policy'
import { environmentName } from '../environment-info'
import { useEnvironmentInfo } from '../use-environment-info'
import { useScope } from '../use-scope'
import { CommandProgressPanel } from './command-progress-panel'
import { RouteControlDialog } from './route-control-dialog'
import { endRouteControlRequest, useRouteControlStore } from './route-control-store'
import { actionVerb } from './route-state-words'
import { routeCommandQueries } from './route-command-queries'
import './commands.css'

type Command = Schemas['Command']

const RECENT_REFRESH_MS = 15_000

/**
 * Route control on a page: the confirmation of the action asked for in place, the progress of
 * what was sent, and "Recent actions" (what was done to the application, or to the agent on
 * its page). Mount once per page.
 */
export function RouteActivity({
  applicationId,
  agentId = null,
}: {
  applicationId: string
  agentId?: string | null
}) {
  const scope = useScope()
  const request = useRouteControlStore((state) => state.request)
  const followed = useRouteControlStore((state) => state.followed)
  // Leaving the page forgets an action asked for and not yet confirmed.
  useEffect(() => endRouteControlRequest, [])
  const here = followed.filter(
    (command) =>
      command.scope.tenant === scope.tenant &&
      command.scope.env === scope.env &&
      command.applicationId === applicationId &&
      (!agentId || command.initial.targets.some((target) => target.agentId === agentId)),
  )
  const asked =
    request &&
    request.scope.tenant === scope.tenant &&
    request.scope.env === scope.env &&
    request.applicationId === applicationId
      ? request
      : null
  return (
    <>
      {asked ? <RouteControlDialog request={asked} onClose={endRouteControlRequest} /> : null}
      {here.length ? (
        <div className="command-progress-list">
          {here.map((command) => (
            <CommandProgressPanel key={command.commandId} followed={command} />
          ))}
        </div>
      ) : null}
      <RecentActions applicationId={applicationId} agentId={agentId} />
    </>
  )
}

function describeAction(command: Command): string {
  const request = command.request
  if (request.type === 'route-control') return `${actionVerb[request.action]} ${request.routeId}`
  return `Replay execution ${request.executionId}`
}

const outcomeWords: Readonly<Record<Schemas['CommandTargetStatus'], string>> = {
  PENDING: 'Pending',
  ACKNOWLEDGED: 'Acknowledged',
  FAILED: 'Failed',
  EXPIRED: 'Expired',
}

/** "Acknowledged", or per status "Acknowledged on 4 of 5 agents, Expired on 1 of 5 agents". */
export function commandOutcome(command: Command, agentId: string | null): string {
  const targets = agentId
    ? command.targets.filter((target) => target.agentId === agentId)
    : command.targets
  const counts = new Map<string, number>()
  for (const target of targets) {
    const word = outcomeWords[target.status]
    counts.set(word, (counts.get(word) ?? 0) + 1)
  }
  if (counts.size <= 1) {
    const [only] = targets
    if (!only) return '—'
    return only.status === 'FAILED' && targets.length === 1 && only.message
      ? `Failed: ${only.message}`
      : outcomeWords[only.status]
  }
  return [...counts.entries()]
    .map(([word, count]) => `${word} on ${count} of ${pluralize(targets.length, 'agent')}`)
    .join(', ')
}

function RecentActions({
  applicationId,
  agentId,
}: {
  applicationId: string
  agentId: string | null
}) {
  const headingId = useId()
  const scope = useScope()
  const where = environmentName(useEnvironmentInfo(scope.env), scope.env)
  const commands = useQuery({
    ...routeCommandQueries.list(scope, applicationId),
    refetchInterval: polling(RECENT_REFRESH_MS),
  })
  const items = useMemo(
    () =>
      (commands.data?.items ?? []).filter(
        (command) => !agentId || command.targets.some((target) => target.agentId === agentId),
      ),
    [commands.data, agentId],
  )
  let body
  if (commands.isPending) body = <LoadingState label="Loading recent actions…" />
  else if (commands.isError && !commands.data)
    body = <ErrorState error={commands.error} onRetry={() => void commands.refetch()} />
  else if (items.length === 0)
    body = (
      <p className="muted">
        No actions recorded for {agentId ? `agent ${agentId}` : applicationId} in {where}.
      </p>
    )
  else
    body = (
      <div className="table-wrap">
        <table className="data-table recent-actions" aria-label="Recent actions">
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">Who</th>
              <th scope="col">Action</th>
              <th scope="col">On</th>
              <th scope="col">Outcome</th>
            </tr>
          </thead>
          <tbody>
            {items.map((command) => (
              <tr key={command.commandId}>
                <td>
                  <ExactTime iso={command.createdAt} />
                </td>
                <td>{command.createdBy.name}</td>
                <td>{describeAction(command)}</td>
                <td>
                  {agentId
                    ? `agent ${agentId}`
                    : command.targets.length === 1
                      ? `agent ${command.targets[0]?.agentId ?? ''}`
                      : pluralize(command.targets.length, 'agent')}
                </td>
                <td>{commandOutcome(command, agentId)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    )
  return (
    <section aria-labelledby={headingId} className="recent-actions-section">
      <h2 id={headingId}>Recent actions</h2>
      {body}
    </section>
  )
}
