import { useQueryClient } from '@tanstack/react-query'
import { commandSchema } from '@/lib/api/generated/response-schemas/command'
import { sendWrite } from '@/lib/api/write'
import { pluralize } from '@/lib/format'
import { environmentName, isProduction } from '../environment-info'
import { useEnvironmentInfo } from '../use-environment-info'
import { WriteDialog } from '../write-dialog'
import { followCommand, type RouteControlRequest } from './route-control-store'
import { actionVerb, type RouteAction } from './route-state-words'

const consequence: Readonly<Record<RouteAction, string>> = {
  stop: 'The route stops taking messages (exchanges in flight finish first) until it is started again.',
  suspend:
    'The route pauses: it takes no new messages but keeps its resources, and Resume continues it.',
  resume: 'The suspended route takes messages again.',
  start: 'The route starts taking messages again.',
}

/** "Stop route orders-in on 5 agents in Production", "… on agent orders-1 in Production". */
export function routeControlLabel(request: RouteControlRequest, where: string): string {
  const on = request.agentId
    ? `on agent ${request.agentId}`
    : `on ${pluralize(request.liveAgents, 'agent')}`
  return `${actionVerb[request.action]} route ${request.routeId} ${on} in ${where}`
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
        const { data: command } = await sendWrite({
          method: 'POST',
          path: '/commands',
          tenant: scope.tenant,
          env: scope.env,
          body: {
            type: 'route-control',
            applicationId: request.applicationId,
            routeId: request.routeId,
            action: request.action,
            agentIds: request.agentId ? [request.agentId] : null,
          },
          idempotencyKey,
          schema: commandSchema,
          signal,
        })
        followCommand({
          scope,
          commandId: command.commandId,
          label,
          applicationId: request.applicationId,
          initial: command,
        })
        void queryClient.invalidateQueries({
          queryKey: [{ tenant: scope.tenant, env: scope.env, resource: 'commands' }],
        })
        return {
          message: `Sent: ${label}.`,
          scope,
        }
      }}
    />
  )
}
