import type { AuditEntry } from '@/lib/api/types'
import { ContractError } from '@/lib/api/errors'
import { validateResponse } from '@/lib/api/response-validation'
import { schemaNamed } from '@/lib/api/schema-registry'
import type { SchemaName, Schemas } from '@/lib/api/types'
import { checkMembers, readJsonObject, auditedWrite } from '../admin/write-request'
import { apiDelete, apiGet, apiPost, apiPut, created, noContent, ok } from '../api-route'
import { mockNow, toIso } from '../clock'
import { resolveStep } from '../executions/execution-stats'
import { decodeCursor, encodeCursor } from '../pagination'
import { badRequest, conflict, forbiddenRole, notFound, ProblemError } from '../problem'
import {
  enumParam,
  intParam,
  optionalParam,
  parseLimit,
  parseTimeRange,
  requireScope,
  type RequestScope,
} from '../scope-guard'
import { preview } from './alert-evaluation'
import { accessOf } from '../tenant-state/access'
import {
  alertsOf,
  isOpen,
  nextId,
  refreshSilences,
  resolve,
  saveAlerts,
  summarize,
  type Alert,
  type AlertRule,
  type EnvironmentAlerts,
  type Silence,
} from './alert-state'

/**
 * `/alerts…`: rules (CRUD with If-Match, preview over history), alerts (list, summary,
 * acknowledge) and silences, with the contract's 400/403/404/409/412/415/428 in the order a
 * server checks them. State per tenant and environment lives in alert-state.ts.
 */

const RULE_MEMBERS = ['name', 'enabled', 'severity', 'condition', 'forSeconds', 'webhookUrl']
const RULE_SERVER_MEMBERS = [
  'ruleId',
  'tenantId',
  'environment',
  'version',
  'createdAt',
  'updatedAt',
  'updatedBy',
]
const SILENCE_MEMBERS = ['ruleId', 'applicationId', 'startsAt', 'endsAt', 'comment']
const CONDITION_SCHEMAS: Record<string, SchemaName> = {
  'route-metric': 'RouteMetricCondition',
  'agent-state': 'AgentStateCondition',
  'log-pattern': 'LogPatternCondition',
}
const STATES = ['FIRING', 'ACKNOWLEDGED', 'RESOLVED'] as const
const SEVERITIES = ['CRITICAL', 'WARNING', 'INFO'] as const
const MAX_SILENCE_MS = 30 * 86_400_000

/** Validate against the document's schema; the first issue (naming the member) is the 400. */
function validated<N extends SchemaName>(name: N, body: unknown, prefix = ''): Schemas[N] {
  try {
    return validateResponse(schemaNamed(name), body, name)
  } catch (error) {
    if (error instanceof ContractError) {
      throw badRequest(`${prefix}${error.issues[0] ?? 'invalid body'}`.replace('(root)', 'body'))
    }
    throw error
  }
}

/** A condition, checked against the schema of its own kind so the 400 names the member. */
function validCondition(raw: unknown): Schemas['AlertCondition'] {
  const kind = (raw as { kind?: unknown } | null)?.kind
  const schema = typeof kind === 'string' ? CONDITION_SCHEMAS[kind] : undefined
  if (!schema) {
    throw badRequest('condition.kind must be one of route-metric, agent-state, log-pattern.')
  }
  const condition = validated(schema, raw, 'condition.') as Schemas['AlertCondition']
  if (
    condition.kind === 'route-metric' &&
    condition.metric === 'errorRate' &&
    condition.threshold > 1
  ) {
    throw badRequest('condition.threshold: an error rate is between 0 and 1.')
  }
  return condition
}

function validRuleInput(body: Record<string, unknown>): Schemas['AlertRuleInput'] {
  checkMembers(body, RULE_MEMBERS, RULE_SERVER_MEMBERS)
  for (const member of RULE_MEMBERS) {
    if (!(member in body)) throw badRequest(`${member} is required.`)
  }
  const condition = validCondition(body.condition)
  const input = validated('AlertRuleInput', { ...body, condition })
  if (input.name.trim() === '') throw badRequest('name must not be blank.')
  return input
}

function etag(rule: AlertRule): string {
  return `"${rule.version}"`
}

/** An answer carrying the rule's version as its ETag. */
function withEtag(response: Response, rule: AlertRule): Response {
  response.headers.set('ETag', etag(rule))
  return response
}

const preconditionRequired = () =>
  new ProblemError(428, 'Send If-Match with the version of the rule you changed.', {
    kind: 'precondition-required',
  })
const preconditionFailed = (rule: AlertRule) =>
  new ProblemError(412, `The rule is at version ${rule.version}; it changed since you read it.`, {
    kind: 'version-conflict',
    current: rule as unknown as Record<string, unknown>,
  })

function findRule(state: EnvironmentAlerts, ruleId: string | undefined): AlertRule {
  const rule = state.rules.find((candidate) => candidate.ruleId === ruleId)
  if (!rule) throw notFound(`No alert rule ${ruleId ?? ''} in environment ${state.env}.`)
  return rule
}

function nameTaken(state: EnvironmentAlerts, name: string, except?: string) {
  const taken = state.rules.find(
    (rule) => rule.ruleId !== except && rule.name.toLowerCase() === name.toLowerCase(),
  )
  if (taken) {
    throw conflict('rule-name-taken', `A rule named "${name}" already exists in ${state.env}.`)
  }
}

/** Reads start here: token, environment, then the environment's state evaluated up to now. */
async function readScope(request: Request) {
  const scope = await requireScope(request)
  const now = mockNow()
  return { scope, now, state: alertsOf(scope.tenant, scope.environment, now) }
}

/** Writes: the same, then the role (403 before anything about the body or the target). */
async function writeScope(request: Request) {
  const read = await readScope(request)
  const { principal, environment } = read.scope
  const role = accessOf(principal).roleIn(environment)
  if (role !== 'operator' && role !== 'admin') {
    throw forbiddenRole(`operator role required in ${environment}`)
  }
  return read
}

/** Every write is audited, allowed or refused, in the environment it names. */
function audited(
  request: Request,
  action: AuditEntry['action'],
  target: string,
  write: (note: { target: string; detail: string | null }) => Promise<Response>,
): Promise<Response> {
  const environment = new URL(request.url).searchParams.get('environment')
  return auditedWrite(request, action, { environment, target }, (_principal, note) => write(note))
}

const byNewest = (a: Alert, b: Alert) =>
  b.startedAt.localeCompare(a.startedAt) || b.alertId.localeCompare(a.alertId)

function pageAlerts(scope: RequestScope, state: EnvironmentAlerts) {
  const { url } = scope
  const stateFilter = enumParam(url, 'state', STATES)
  const severity = enumParam(url, 'severity', SEVERITIES)
  const ruleId = optionalParam(url, 'ruleId', 256)
  const limit = parseLimit(url)
  const filters = `${stateFilter ?? 'open'}|${severity ?? ''}|${ruleId ?? ''}`
  const position = decodeCursor(url.searchParams.get('cursor'), filters)
  const matching = state.alerts
    .filter((alert) => (stateFilter ? alert.state === stateFilter : isOpen(alert)))
    .filter((alert) => !severity || alert.severity === severity)
    .filter((alert) => !ruleId || alert.ruleId === ruleId)
    .sort(byNewest)
  const start = position
    ? matching.findIndex(
        (alert) =>
          byNewest(alert, {
            startedAt: String(position.startedAt),
            alertId: String(position.alertId),
          } as Alert) > 0,
      )
    : 0
  const items = start < 0 ? [] : matching.slice(start, start + limit)
  const last = items[items.length - 1]
  const more = start >= 0 && start + limit < matching.length
  return {
    items,
    nextCursor:
      more && last
        ? encodeCursor(filters, { startedAt: last.startedAt, alertId: last.alertId })
        : null,
  }
}

export const alertHandlers = [
  apiGet('/alerts/rules', async ({ request }) => {
    const { state } = await readScope(request)
    const items = [...state.rules].sort((a, b) => a.name.localeCompare(b.name))
    return ok('AlertRuleList', { items })
  }),

  apiPost('/alerts/rules/preview', async ({ request }) => {
    const { scope, now } = await readScope(request)
    const range = parseTimeRange(scope.url, now)
    const requested = optionalParam(scope.url, 'step')
      ? intParam(scope.url, 'step', { min: 10, max: 2_678_400, fallback: 60 })
      : undefined
    const step = resolveStep(range, requested)
    const body = await readJsonObject(request)
    checkMembers(body, ['condition', 'forSeconds'], [])
    const condition = validCondition(body.condition)
    const { forSeconds } = validated('AlertPreviewRequest', { ...body, condition })
    const result = preview(scope.tenant, scope.environment, condition, forSeconds, range, step, now)
    return ok('AlertPreview', {
      tenantId: scope.tenant,
      environment: scope.environment,
      step: result.step,
      points: result.points.map((point) => ({ t: toIso(point.t), value: point.value })),
      firings: result.firings.map((firing) => ({ from: toIso(firing.from), to: toIso(firing.to) })),
    })
  }),

  apiPost('/alerts/rules', ({ request }) =>
    audited(request, 'alert-rule.create', '', async (note) => {
      const { scope, now, state } = await writeScope(request)
      const body = await readJsonObject(request)
      if (typeof body.name === 'string') note.target = body.name.slice(0, 100)
      const input = validRuleInput(body)
      nameTaken(state, input.name)
      const at = toIso(now)
      const rule: AlertRule = {
        ...input,
        ruleId: nextId(state, 'rule-'),
        tenantId: scope.tenant,
        environment: scope.environment,
        version: 1,
        createdAt: at,
        updatedAt: at,
        updatedBy: { userId: scope.principal.userId, name: scope.principal.name },
      }
      state.rules.push(rule)
      saveAlerts(state)
      note.detail = rule.ruleId
      return withEtag(created('AlertRule', rule), rule)
    }),
  ),

  apiGet('/alerts/rules/:ruleId', async ({ request, params }) => {
    const { state } = await readScope(request)
    const rule = findRule(state, params.ruleId)
    return withEtag(ok('AlertRule', rule), rule)
  }),

  apiPut('/alerts/rules/:ruleId', ({ request, params }) =>
    audited(request, 'alert-rule.update', params.ruleId ?? '', async (note) => {
      const { scope, now, state } = await writeScope(request)
      const rule = findRule(state, params.ruleId)
      note.target = rule.name
      const ifMatch = request.headers.get('If-Match')
      if (!ifMatch) throw preconditionRequired()
      const input = validRuleInput(await readJsonObject(request))
      if (ifMatch !== etag(rule)) throw preconditionFailed(rule)
      nameTaken(state, input.name, rule.ruleId)
      Object.assign(rule, input, {
        version: rule.version + 1,
        updatedAt: toIso(now),
        updatedBy: { userId: scope.principal.userId, name: scope.principal.name },
      })
      for (const alert of state.alerts) {
        if (alert.ruleId !== rule.ruleId || !isOpen(alert)) continue
        alert.ruleName = rule.name
        alert.severity = rule.severity
        if (!rule.enabled) resolve(alert, now)
      }
      saveAlerts(state)
      note.detail = `version ${rule.version}`
      return withEtag(ok('AlertRule', rule), rule)
    }),
  ),

  apiDelete('/alerts/rules/:ruleId', ({ request, params }) =>
    audited(request, 'alert-rule.delete', params.ruleId ?? '', async (note) => {
      const { now, state } = await writeScope(request)
      const rule = findRule(state, params.ruleId)
      note.target = rule.name
      const ifMatch = request.headers.get('If-Match')
      if (ifMatch && ifMatch !== etag(rule)) throw preconditionFailed(rule)
      state.rules = state.rules.filter((candidate) => candidate !== rule)
      for (const alert of state.alerts) {
        if (alert.ruleId === rule.ruleId && isOpen(alert)) resolve(alert, now)
      }
      saveAlerts(state)
      return noContent()
    }),
  ),

  apiGet('/alerts/summary', async ({ request }) => {
    const { state } = await readScope(request)
    return ok('AlertSummary', summarize(state))
  }),

  apiGet('/alerts/silences', async ({ request }) => {
    const { now, state } = await readScope(request)
    const items = state.silences
      .filter((silence) => Date.parse(silence.endsAt) > now)
      .sort((a, b) => a.startsAt.localeCompare(b.startsAt))
    return ok('SilenceList', { items })
  }),

  apiPost('/alerts/silences', ({ request }) =>
    audited(request, 'silence.create', '', async (note) => {
      const { scope, now, state } = await writeScope(request)
      const body = await readJsonObject(request)
      note.target = String(body.ruleId ?? body.applicationId ?? 'whole environment').slice(0, 100)
      checkMembers(body, SILENCE_MEMBERS, ['silenceId', 'tenantId', 'environment', 'createdBy'])
      const input = validated('SilenceInput', body)
      if (input.ruleId !== null && !state.rules.some((rule) => rule.ruleId === input.ruleId)) {
        throw badRequest(`ruleId: no rule ${input.ruleId} in ${scope.environment}.`)
      }
      const startsAt = Date.parse(input.startsAt)
      const endsAt = Date.parse(input.endsAt)
      if (Number.isNaN(startsAt)) throw badRequest('startsAt: not a date-time.')
      if (Number.isNaN(endsAt)) throw badRequest('endsAt: not a date-time.')
      if (endsAt <= now) throw badRequest('endsAt must be in the future.')
      if (endsAt <= startsAt) throw badRequest('endsAt must be after startsAt.')
      if (endsAt - startsAt > MAX_SILENCE_MS) {
        throw badRequest('endsAt may be at most 30 days after startsAt.')
      }
      if (input.comment.trim() === '') throw badRequest('comment must not be blank.')
      const silence: Silence = {
        ...input,
        startsAt: toIso(startsAt),
        endsAt: toIso(endsAt),
        silenceId: nextId(state, 'silence-'),
        tenantId: scope.tenant,
        environment: scope.environment,
        createdBy: { userId: scope.principal.userId, name: scope.principal.name },
      }
      state.silences.push(silence)
      refreshSilences(state, now)
      saveAlerts(state)
      note.detail = `${silence.silenceId} until ${silence.endsAt}`
      return created('Silence', silence)
    }),
  ),

  apiDelete('/alerts/silences/:silenceId', ({ request, params }) =>
    audited(request, 'silence.delete', params.silenceId ?? '', async () => {
      const { now, state } = await writeScope(request)
      const silence = state.silences.find(
        (candidate) =>
          candidate.silenceId === params.silenceId && Date.parse(candidate.endsAt) > now,
      )
      if (!silence) throw notFound(`No active silence ${params.silenceId ?? ''} in ${state.env}.`)
      silence.endsAt = toIso(Math.max(now, Date.parse(silence.startsAt)))
      refreshSilences(state, now)
      saveAlerts(state)
      return noContent()
    }),
  ),

  apiGet('/alerts', async ({ request }) => {
    const { scope, state } = await readScope(request)
    return ok('AlertPage', pageAlerts(scope, state))
  }),

  apiPost('/alerts/:alertId/ack', ({ request, params }) =>
    audited(request, 'alert.ack', params.alertId ?? '', async (note) => {
      const { scope, now, state } = await writeScope(request)
      const alert = state.alerts.find((candidate) => candidate.alertId === params.alertId)
      if (!alert) throw notFound(`No alert ${params.alertId ?? ''} in ${state.env}.`)
      note.target = `${alert.ruleName} (${alert.alertId})`
      if (alert.state === 'RESOLVED') {
        throw conflict('alert-resolved', `The alert resolved at ${alert.resolvedAt ?? ''}.`)
      }
      if (alert.state === 'FIRING') {
        alert.state = 'ACKNOWLEDGED'
        alert.acknowledgedAt = toIso(now)
        alert.acknowledgedBy = { userId: scope.principal.userId, name: scope.principal.name }
        saveAlerts(state)
      }
      return ok('Alert', alert)
    }),
  ),
]
