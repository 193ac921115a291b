import { ContractError } from '@/lib/api/errors'
import { validateResponse } from '@/lib/api/response-validation'
import { schemaNamed } from '@/lib/api/schema-registry'
import { auditedWrite, checkMembers, readJsonObject } from '../admin/write-request'
import { apiGet, apiPut, ok } from '../api-route'
import { mockNow, toIso } from '../clock'
import { badRequest, forbiddenRole, notFound, ProblemError } from '../problem'
import { requireScope, type RequestScope } from '../scope-guard'
import { accessOf } from '../tenant-state/access'
import { logAgentEvents } from '../agents/agent-event-log'
import {
  acknowledgedAt,
  hasAgents,
  liveAgentsOf,
  saveConfig,
  storedConfig,
  toAppConfig,
  type AppConfig,
  type AppSettings,
} from './config-state'

/**
 * `/apps/{applicationId}/config`: read with its `ETag`, replace with `If-Match`. A change is
 * checked as the contract orders it (after the token, the role and the application: 428, 415,
 * 400 naming the member, 412 with `current`), audited whatever its outcome as `config.update`,
 * and pushed to the application's LIVE agents (config-state.ts).
 */

const etag = (config: { version: number }) => `"${config.version}"`

function withEtag(response: Response, config: AppConfig): Response {
  response.headers.set('ETag', etag(config))
  return response
}

function requireApplication(scope: RequestScope, applicationId: string): void {
  if (!hasAgents(scope.tenant, scope.environment, applicationId)) {
    throw notFound(`No application ${applicationId.slice(0, 100)} in ${scope.environment}.`)
  }
}

function validSettings(body: Record<string, unknown>): AppSettings {
  checkMembers(body, ['settings'], ['version', 'tenantId', 'environment', 'applicationId'])
  if (!('settings' in body)) throw badRequest('settings is required.')
  const settings = body.settings
  if (settings && typeof settings === 'object' && !Array.isArray(settings)) {
    checkMembers(
      settings as Record<string, unknown>,
      ['tracing', 'samplingRate', 'payloadCapture', 'maxPayloadBytes', 'logLevel', 'maskedKeys'],
      [],
    )
  }
  try {
    return validateResponse(schemaNamed('AppConfigInput'), body, 'AppConfigInput').settings
  } catch (error) {
    if (error instanceof ContractError) {
      throw badRequest(`${error.issues[0] ?? 'invalid settings'}`.replace('(root)', 'body'))
    }
    throw error
  }
}

export const configHandlers = [
  apiGet('/apps/:applicationId/config', async ({ request, params }) => {
    const scope = await requireScope(request)
    const applicationId = params.applicationId ?? ''
    requireApplication(scope, applicationId)
    const now = mockNow()
    const stored = storedConfig(scope.tenant, scope.environment, applicationId, now)
    const config = toAppConfig(scope.tenant, scope.environment, applicationId, stored, now)
    return withEtag(ok('AppConfig', config), config)
  }),

  apiPut('/apps/:applicationId/config', ({ request, params }) => {
    const applicationId = params.applicationId ?? ''
    const environment = new URL(request.url).searchParams.get('environment')
    return auditedWrite(
      request,
      'config.update',
      { environment, target: applicationId.slice(0, 100) },
      async (_principal, note) => {
        const scope = await requireScope(request)
        const role = accessOf(scope.principal).roleIn(scope.environment)
        if (role !== 'operator' && role !== 'admin') {
          throw forbiddenRole(`operator role required in ${scope.environment}`)
        }
        requireApplication(scope, applicationId)
        const now = mockNow()
        const stored = storedConfig(scope.tenant, scope.environment, applicationId, now)
        const ifMatch = request.headers.get('If-Match')
        if (!ifMatch) {
          throw new ProblemError(
            428,
            'Send If-Match with the version of the configuration you changed.',
            { kind: 'precondition-required' },
          )
        }
        const settings = validSettings(await readJsonObject(request))
        if (ifMatch.trim() !== etag(stored)) {
          const current = toAppConfig(scope.tenant, scope.environment, applicationId, stored, now)
          throw new ProblemError(
            412,
            `The configuration is at version ${stored.version}; it changed since you read it.`,
            { kind: 'version-conflict', current: current as unknown as Record<string, unknown> },
          )
        }
        const next = {
          version: stored.version + 1,
          updatedAt: toIso(now),
          updatedBy: { userId: scope.principal.userId, name: scope.principal.name },
          settings,
          pushedAt: now,
        }
        saveConfig(scope.tenant, scope.environment, applicationId, next)
        // Each live agent reports the change in its events once it has applied it.
        const changed = Object.keys(settings).filter(
          (key) =>
            JSON.stringify(settings[key as keyof AppSettings]) !==
            JSON.stringify(stored.settings[key as keyof AppSettings]),
        )
        logAgentEvents(
          scope.tenant,
          scope.environment,
          liveAgentsOf(scope.tenant, scope.environment, applicationId).map((agent) => ({
            agentId: agent.agentId,
            type: 'CONFIG_CHANGED' as const,
            at: acknowledgedAt(agent.agentId, next.version, now),
            message: `Configuration version ${next.version} applied (${changed.length ? changed.join(', ') : 'no setting'} changed by ${scope.principal.name})`,
          })),
        )
        note.detail = `version ${next.version}`
        const config = toAppConfig(scope.tenant, scope.environment, applicationId, next, now)
        return withEtag(ok('AppConfig', config), config)
      },
    )
  }),
]
