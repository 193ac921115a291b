import { useInfiniteQuery } from '@tanstack/react-query'
import { useEffect, useId, useMemo } from 'react'
import { ErrorState, LoadingState } from '@/components/query-states'
import { ExactTime } from '@/components/time-display'
import { commandProgress, targetStatusText } from '@/lib/commands/command-progress'
import { actionLabel } from '@/lib/commands/route-actions'
import { pluralize } from '@/lib/format'
import { polling } from '@/lib/query/retry-policy'
import { commandResources, type Command } from '@/lib/resources/commands'
import { environmentName } from '../environment-info'
import { useEnvironmentInfo } from '../use-environment-info'
import { useScope } from '../use-scope'
import { CommandProgressPanel } from './command-progress-panel'
import { RouteControlDialog } from './route-control-dialog'
import { RoutesWithoutTraffic } from './routes-without-traffic'
import { endRouteControlRequest, useRouteControlStore } from './route-control-store'
import './commands.css'

const RECENT_REFRESH_MS = 15_000

/**
 * Route control on a page: the confirmation of the action asked for in place, on an
 * application's page its routes that had no traffic in the range (a stopped one must stay in
 * reach), the progress of what was sent, and "Recent actions" (what was done to the
 * application, or to the agent on its page). Mount once per page.
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
      {agentId ? null : <RoutesWithoutTraffic applicationId={applicationId} />}
      {here.length ? (
        <div className="route-command-list">
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
  if (request.type === 'route-control') return `${actionLabel(request.action)} ${request.routeId}`
  return `Replay execution ${request.executionId}`
}

/** The whole command's outcome, or on an agent's page that agent's ("Failed: <message>"). */
export function commandOutcome(command: Command, agentId: string | null): string {
  if (agentId) {
    const target = command.targets.find((candidate) => candidate.agentId === agentId)
    return target ? targetStatusText(target) : '—'
  }
  if (command.targets.length === 1 && command.targets[0]) {
    return targetStatusText(command.targets[0])
  }
  return commandProgress(command).summary
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
  const commands = useInfiniteQuery({
    ...commandResources.list(scope, { applicationId }),
    refetchInterval: polling(RECENT_REFRESH_MS),
  })
  const items = useMemo(
    () =>
      (commands.data?.pages.flatMap((page) => page.items) ?? []).filter(
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
                <td>
                  {commandOutcome(command, agentId)}
                  {!agentId && command.targets.length > 1 ? (
                    <details className="recent-action-targets">
                      <summary>Per agent</summary>
                      <ul>
                        {command.targets.map((target) => (
                          <li key={target.agentId}>
                            <span className="mono">{target.agentId}</span>:{' '}
                            {targetStatusText(target)}
                          </li>
                        ))}
                      </ul>
                    </details>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {commands.hasNextPage ? (
          <button
            type="button"
            className="button"
            disabled={commands.isFetchingNextPage}
            onClick={() => void commands.fetchNextPage()}
          >
            {commands.isFetchingNextPage ? 'Loading older actions…' : 'Load older actions'}
          </button>
        ) : null}
      </div>
    )
  return (
    <section aria-labelledby={headingId} className="recent-actions-section">
      <h2 id={headingId}>Recent actions</h2>
      {body}
    </section>
  )
}
