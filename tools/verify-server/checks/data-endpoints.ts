import type { SchemaName } from '@/lib/api/types'
import { schemaCarriesScope } from '@/lib/api/response-validation'
import { schemaNamed } from '@/lib/api/schema-registry'
import { responseSchemaOf } from '../contract-document'
import { countScopedRows, okIssue, scopeIssue } from '../evidence'
import { checkConfigEtag } from './app-config'
import type { ProbeResponse, Query } from '../probe-client'
import {
  failed,
  FALLBACK_METRIC,
  firstItem,
  passed,
  skipped,
  spec,
  type Caller,
  type Discovered,
  type ProbeContext,
} from './context'

/**
 * `shape <endpoint> @<env>` and `scope <endpoint> @<env>`: reads every data endpoint of one
 * environment, a shape and a scope line for each, and returns the ids later checks ask for.
 */
export async function checkDataEndpoints(
  ctx: ProbeContext,
  a: Caller,
  environment: string,
): Promise<Discovered> {
  const found: Discovered = {
    environment,
    agent: null,
    execution: null,
    newestLog: null,
    metricName: null,
  }
  const E = { environment }
  const read = (endpoint: string, path: string | null, query: Query, missing = '') =>
    shapeAndScope(ctx, a, environment, endpoint, path, query, missing)

  const agents = await read('/agents', '/agents', E)
  const agent = firstItem(agents)
  if (agent && typeof agent.agentId === 'string') found.agent = { agentId: agent.agentId }
  const agentPath = found.agent ? `/agents/${encodeURIComponent(found.agent.agentId)}` : null
  await read('/agents/{agentId}', agentPath, E, 'no agent listed')
  await read(
    '/agents/{agentId}/events',
    agentPath && `${agentPath}/events`,
    { ...E, limit: 20 },
    'no agent listed',
  )
  const applicationId = typeof agent?.applicationId === 'string' ? agent.applicationId : null
  const configPath = applicationId ? `/apps/${encodeURIComponent(applicationId)}/config` : null
  await read('/apps/{applicationId}/config', configPath, E, 'no agent listed')
  await checkConfigEtag(ctx, a, environment, configPath)

  const executions = await read('/executions', '/executions', { ...E, limit: 50 })
  const execution = firstItem(executions)
  if (
    execution &&
    ['executionId', 'applicationId', 'routeId', 'startTime'].every(
      (key) => typeof execution[key] === 'string',
    )
  ) {
    found.execution = execution as unknown as NonNullable<Discovered['execution']>
  }
  const ex = found.execution
  const detail = await read(
    '/executions/{executionId}',
    ex && `/executions/${encodeURIComponent(ex.executionId)}`,
    E,
    'no execution in the last hour',
  )
  const snapshotPath = await findSnapshotPath(ctx, a, E, ex, detail, executions)
  await read(
    '/executions/{executionId}/processors/{processorId}/snapshot',
    snapshotPath,
    E,
    'no processor with a snapshot in the newest execution of any application (payload capture off)',
  )
  await read(
    '/diagrams/{applicationId}/{routeId}',
    ex && `/diagrams/${encodeURIComponent(ex.applicationId)}/${encodeURIComponent(ex.routeId)}`,
    E,
    'no execution in the last hour to take a route from',
  )
  await read('/stats/routes', '/stats/routes', E)
  await read(
    '/stats/processors',
    ex && '/stats/processors',
    { ...E, applicationId: ex?.applicationId, routeId: ex?.routeId },
    'no execution in the last hour to take a route from',
  )
  await read('/stats/timeseries', '/stats/timeseries', { ...E, step: 60 })
  await read('/stats/overview', '/stats/overview', E)

  const names = await read('/metrics/names', '/metrics/names', E)
  const name = firstItem(names)?.name
  found.metricName = typeof name === 'string' ? name : null
  await read('/metrics', '/metrics', {
    ...E,
    names: found.metricName ?? FALLBACK_METRIC,
    step: 60,
  })

  const logs = await read('/logs', '/logs', { ...E, limit: 50 })
  const log = firstItem(logs)
  if (log && typeof log.timestamp === 'string') found.newestLog = { timestamp: log.timestamp }
  await read('/logs/stats', '/logs/stats', { ...E, step: 60 })
  await read('/usage', '/usage', { ...E, granularity: 'hour' })

  const rules = await read('/alerts/rules', '/alerts/rules', E)
  const rule = firstItem(rules)
  await read(
    '/alerts/rules/{ruleId}',
    rule && typeof rule.ruleId === 'string'
      ? `/alerts/rules/${encodeURIComponent(rule.ruleId)}`
      : null,
    E,
    'no alert rule listed',
  )
  await read('/alerts', '/alerts', { ...E, limit: 50 })
  await read('/alerts/summary', '/alerts/summary', E)
  await read('/alerts/silences', '/alerts/silences', E)

  const commands = await read('/commands', '/commands', { ...E, limit: 20 })
  const command = firstItem(commands)
  await read(
    '/commands/{commandId}',
    command && typeof command.commandId === 'string'
      ? `/commands/${encodeURIComponent(command.commandId)}`
      : null,
    E,
    'no command listed (nothing was done in this environment)',
  )
  return found
}

/**
 * One request, two lines: `shape` (200, valid against the document) and `scope` (every row the
 * document defines carries the caller's tenant and the environment asked for). Which rows
 * carry scope comes from the answer's schema, so an envelope-scoped answer (a time series,
 * `/metrics` in its row or its columnar form, usage) is checked on its top-level `tenantId` and
 * `environment`, and a list on every item.
 */
/** How many other applications' executions to look into for a captured message. */
const SNAPSHOT_SEARCH_APPLICATIONS = 5

type ProcessorFlags = { processorId?: unknown; snapshot?: unknown; iterations?: unknown }

function capturedProcessor(detail: unknown): string | null {
  const processors = (detail as { processors?: unknown } | null)?.processors
  if (!Array.isArray(processors)) return null
  const captured = (processors as ProcessorFlags[]).find(
    (p) => p.snapshot === true && p.iterations === null && typeof p.processorId === 'string',
  )
  return captured ? String(captured.processorId) : null
}

/**
 * A snapshot to read: a captured processor of the newest execution, else of the newest
 * execution of another application (an application may capture no payloads, and which one ran
 * last is chance).
 */
async function findSnapshotPath(
  ctx: ProbeContext,
  a: Caller,
  query: Query,
  newest: Discovered['execution'],
  newestDetail: unknown,
  executions: unknown,
): Promise<string | null> {
  const pathOf = (executionId: string, processorId: string) =>
    `/executions/${encodeURIComponent(executionId)}/processors/${encodeURIComponent(processorId)}/snapshot`
  if (!newest) return null
  const own = capturedProcessor(newestDetail)
  if (own) return pathOf(newest.executionId, own)
  const items = (executions as { items?: unknown } | null)?.items
  const others = new Map<string, string>()
  for (const item of Array.isArray(items) ? (items as Record<string, unknown>[]) : []) {
    const { applicationId, executionId } = item
    if (typeof applicationId !== 'string' || typeof executionId !== 'string') continue
    // Only rows of the environment asked for: a row of another one (a server that ignores the
    // filter) is the scope check's failure, not a snapshot to read here.
    if (item.environment !== query.environment) continue
    if (applicationId === newest.applicationId || others.has(applicationId)) continue
    others.set(applicationId, executionId)
  }
  for (const executionId of [...others.values()].slice(0, SNAPSHOT_SEARCH_APPLICATIONS)) {
    const detail = await ctx.discover(
      `/executions/${encodeURIComponent(executionId)}`,
      query,
      a.token,
    )
    const processorId = capturedProcessor(detail)
    if (processorId) return pathOf(executionId, processorId)
  }
  return null
}

async function shapeAndScope(
  ctx: ProbeContext,
  a: Caller,
  environment: string,
  endpoint: string,
  path: string | null,
  query: Query,
  missing: string,
): Promise<unknown> {
  const where = `${endpoint} in ${environment}`
  const shape = spec(
    'shape',
    `shape ${endpoint} @${environment}`,
    endpoint,
    environment,
    `shape: ${where} answers 200 and validates against the document`,
    1,
  )
  const scope = spec(
    'scope',
    `scope ${endpoint} @${environment}`,
    endpoint,
    environment,
    `scope: ${where}: every row carries tenant ${a.tenant ?? '?'} and environment ${environment}`,
    0,
  )
  if (path === null) {
    ctx.record(shape, skipped(missing))
    ctx.record(scope, skipped(missing))
    return undefined
  }
  let answer: ProbeResponse | null = null
  const schema: SchemaName | null = responseSchemaOf(endpoint)
  await ctx.check(shape, async (http) => {
    answer = await http.get(path, query, a.token)
    const issue = okIssue(answer, schema, endpoint)
    return issue ? failed(issue) : passed()
  })
  const response = answer as ProbeResponse | null
  if (!response || response.status !== 200 || response.json === undefined) {
    ctx.record(
      scope,
      skipped(
        response
          ? `no 200 JSON answer to check (${response.label} answered ${response.status})`
          : 'the request got no answer',
      ),
    )
    return undefined
  }
  if (a.tenant === null) {
    ctx.record(scope, skipped('the tenant of CAMELEER_TOKEN is unknown (no tenant claim, no /me)'))
  } else if (schema === null) {
    ctx.record(scope, skipped(`the OpenAPI document defines no 200 schema for ${endpoint}`))
  } else if (!schemaCarriesScope(schemaNamed(schema))) {
    ctx.record(scope, skipped(`the contract puts no tenantId on ${endpoint}'s answer`))
  } else {
    const issue = scopeIssue(schema, response, { tenant: a.tenant, env: environment })
    const rows = countScopedRows(response.json)
    if (issue) ctx.record(scope, failed(issue))
    else if (rows === 0 && isEmptyList(response.json))
      ctx.record(scope, skipped('the list is empty: no row to check (e.g. no alerts open)'))
    else if (rows === 0)
      ctx.record(
        scope,
        failed(
          `${response.label}: the answer carries no tenantId at all (every row, or the envelope, must)`,
        ),
      )
    else ctx.record(scope, passed(`${rows} ${rows === 1 ? 'row' : 'rows'}`))
  }
  return response.json
}

/** `{ "items": [] }` (and maybe a cursor): a list with nothing in it, unlike rows without scope. */
function isEmptyList(json: unknown): boolean {
  const items = (json as { items?: unknown } | null)?.items
  return Array.isArray(items) && items.length === 0
}
