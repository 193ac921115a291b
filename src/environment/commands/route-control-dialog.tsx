import { useQueryClient } from '@tanstack/react-query'
import { actionLabel, routeActionSentence, type RouteAction } from '@/lib/commands/route-actions'
import { commandScopeKey, sendCommand } from '@/lib/resources/commands'
import { environmentName, isProduction } from '../environment-info'
import { useEnvironmentInfo } from '../use-environment-info'
import { WriteDialog } from '../write-dialog'
import { followCommand, type RouteControlRequest } from './route-control-store'

const consequence: Readonly<Record<RouteAction, string>> = {
  stop: 'The route stops taking messages (exchanges in flight finish first) until it is started again.',
  suspend:
    'The route pauses: it takes no new messages but keeps its resources, and Resume continues it.',
  resume: 'The suspended route takes messages again.',
  start: 'The route starts taking messages again.',
}

/** "Stop route orders-in on 5 agents in Production", "… on agent orders-1 in Production". */
export function routeControlLabel(request: RouteControlRequest, where: string): string {
  return request.agentId
    ? `${actionLabel(request.action)} route ${request.routeId} on agent ${request.agentId} in ${where}`
    : routeActionSentence(request.action, request.routeId, request.liveAgents, where)
}

/**
 * The confirmation of a route-control command, through the one safe path; once sent, the
 * command is followed on the page (its progress per agent) by the route-control host.
 */
export function RouteControlDialog({
  request,
  onClose,
}: {
  request: RouteControlRequest
  onClose: () => void
}) {
  const { scope } = request
  const queryClient = useQueryClient()
  const info = useEnvironmentInfo(scope.env)
  const where = environmentName(info, scope.env)
  const label = routeControlLabel(request, where)
  return (
    <WriteDialog
      title={label}
      confirmLabel={label}
      typedConfirmation={isProduction(info) ? scope.env : null}
      description={
        <>
          <p>{consequence[request.action]}</p>
          <p>
            {request.agentId
              ? `Only agent ${request.agentId} of ${request.applicationId} is changed.`
              : `Every LIVE agent of ${request.applicationId} in ${where} is changed; agents that are STALE or DEAD are left as they are.`}{' '}
            An agent that does not answer within 60 s is reported as expired.
          </p>
        </>
      }
      explain={(kind) =>
        kind === 'no-live-agent' ? (
          <p>
            No agent of {request.applicationId} that runs {request.routeId} is LIVE in {where} now:
            there is no one to send it to.
          </p>
        ) : null
      }
      onClose={onClose}
      send={async ({ signal, idempotencyKey }) => {
        const command = await sendCommand({
          scope,
          input: {
            type: 'route-control',
            applicationId: request.applicationId,
            routeId: request.routeId,
            action: request.action,
            agentIds: request.agentId ? [request.agentId] : null,
          },
          idempotencyKey,
          signal,
        })
        followCommand({
          scope,
          commandId: command.commandId,
          label,
          applicationId: request.applicationId,
          initial: command,
        })
        void queryClient.invalidateQueries({ queryKey: commandScopeKey(scope) })
        return {
          message: `Sent: ${label}.`,
          scope,
        }
      }}
    />
  )
}
