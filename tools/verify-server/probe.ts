import { jwtDecode } from 'jwt-decode'
import type { SchemaName } from '@/lib/api/types'
import { schemaCarriesScope } from '@/lib/api/response-validation'
import { responseSchemaOf } from './contract-document'
import {
  countScopedRows,
  isRecord,
  okIssue,
  problemIssue,
  problemSuffix,
  scopeIssue,
} from './evidence'
import type { ProbeClient, ProbeResponse, Query, Requester } from './probe-client'
import type { CheckGroup, CheckResult, CheckStatus } from './report'
import { schemaNamed } from '@/lib/api/schema-registry'

/**
 * The conformance and isolation probe: read-only requests against a Cameleer3 server that
 * check it against the OpenAPI document and the contract's tenancy rules
 * (docs/verify-server.md explains each check in terms of the multitenancy design).
 *
 * Token A (`CAMELEER_TOKEN`) reads everything; token B (`CAMELEER_OTHER_TOKEN`, optional) is
 * of another tenant (isolation) or of the same tenant with a narrower `envs` claim (403).
 */

export interface ProbeOptions {
  client: ProbeClient
  token: string
  otherToken: string | null
  /** Called as each check finishes (the CLI prints lines as they come). */
  onResult?: (result: CheckResult) => void
  /** The probe's clock, for the explicit time ranges it sends. */
  now?: () => number
}

/** Bounds, so a broken server cannot keep the probe busy. */
const MAX_ENVIRONMENTS = 8
const MAX_PAGES = 40
const PAGE_LIMIT = 25
const PAGING_WINDOW_MS = 5 * 60_000
const TAIL_ANCHOR_INDEX = 10
const DAY_MS = 86_400_000

/** The contract's data endpoints that take `environment` and are not addressed by an id. */
const COLLECTIONS = [
  '/agents',
  '/executions',
  '/stats/routes',
  '/stats/processors',
  '/stats/timeseries',
  '/metrics/names',
  '/metrics',
  '/logs',
  '/logs/stats',
  '/usage',
] as const
type Collection = (typeof COLLECTIONS)[number]

/** Of those, the ones with a `from`/`to` range. */
const RANGED: readonly Collection[] = [
  '/executions',
  '/stats/routes',
  '/stats/processors',
  '/stats/timeseries',
  '/metrics',
  '/logs',
  '/logs/stats',
  '/usage',
]

/** Every endpoint the probe reads, for the coverage test against the document. */
export const PROBED_ENDPOINTS = [
  '/me',
  '/environments',
  ...COLLECTIONS,
  '/agents/{agentId}',
  '/agents/{agentId}/events',
  '/executions/{executionId}',
  '/diagrams/{applicationId}/{routeId}',
] as const

const FALLBACK_METRIC = 'jvm.memory.heap.used'
const MALFORMED_ENVIRONMENT = 'Not A Valid Env!'
const SYNTHETIC_OUTSIDE_ENVIRONMENT = 'verify-outside-envs'

interface Claims {
  tenant: string | null
  /** `null`: the token has no `envs` claim (all environments); `undefined`: not a readable JWT. */
  envs: string[] | null | undefined
}

interface Caller {
  token: string
  claims: Claims
  /** The tenant the rows must carry: the `tenant` claim, else what `/me` says. */
  tenant: string | null
  environments: string[]
}

/** What the discovery reads of one environment, for the checks that need real ids. */
interface Discovered {
  environment: string
  agent: { agentId: string } | null
  execution: {
    executionId: string
    applicationId: string
    routeId: string
    startTime: string
  } | null
  newestLog: { timestamp: string } | null
  metricName: string | null
}

type Outcome = { status: CheckStatus; detail: string | null }
const passed = (detail: string | null = null): Outcome => ({ status: 'passed', detail })
const failed = (detail: string): Outcome => ({ status: 'failed', detail })
const skipped = (detail: string): Outcome => ({ status: 'skipped', detail })

interface CheckSpec {
  id: string
  group: CheckGroup
  endpoint: string | null
  environment: string | null
  title: string
  /** Requests the check may make. */
  budget: number
}

export async function runProbe(options: ProbeOptions): Promise<CheckResult[]> {
  const probe = new Probe(options)
  await probe.run()
  return probe.results
}

class Probe {
  readonly results: CheckResult[] = []
  private readonly client: ProbeClient
  private readonly options: ProbeOptions
  private readonly now: () => number

  constructor(options: ProbeOptions) {
    this.options = options
    this.client = options.client
    this.now = options.now ?? Date.now
  }

  async run(): Promise<void> {
    const a = callerOf(this.options.token)
    const b = this.options.otherToken ? callerOf(this.options.otherToken) : null

    await this.authentication(a)
    await this.identity(a, 'token')
    if (b) await this.identity(b, 'other token')
    await this.environmentList(a)

    const environments = a.environments.slice(0, MAX_ENVIRONMENTS)
    if (a.environments.length > MAX_ENVIRONMENTS) {
      this.record(
        spec('shape', 'shape more-environments', null, null, 'shape: every listed environment', 0),
        skipped(
          `${a.environments.length} environments listed; the probe reads the first ${MAX_ENVIRONMENTS}`,
        ),
      )
    }
    const discovered: Discovered[] = []
    for (const environment of environments)
      discovered.push(await this.dataEndpoints(a, environment))

    await this.environmentParameter(a, b)
    await this.tenantIsolation(a, b, discovered)
    await this.environmentIsolation(a, discovered)
    await this.ranges(a, environments[0] ?? 'default')
    for (const found of discovered) await this.paging(a, found)
    for (const found of discovered) await this.tail(a, found.environment)
  }

  // ------------------------------------------------------------------------ check runner

  private record(check: CheckSpec, outcome: Outcome): void {
    const result: CheckResult = {
      id: check.id,
      group: check.group,
      endpoint: check.endpoint,
      environment: check.environment,
      title: check.title,
      status: outcome.status,
      detail: outcome.detail,
    }
    this.results.push(result)
    this.options.onResult?.(result)
  }

  /** Runs one check within its request budget; an exception is a failure with its message. */
  private async check(
    check: CheckSpec,
    body: (http: Requester) => Promise<Outcome>,
  ): Promise<void> {
    let outcome: Outcome
    try {
      outcome = await body(this.client.withBudget(check.budget))
    } catch (error) {
      outcome = failed(error instanceof Error ? error.message : String(error))
    }
    this.record(check, outcome)
  }

  // ------------------------------------------------------------------------ authentication

  private async authentication(a: Caller): Promise<void> {
    const targets: [string, Query][] = [
      ['/me', {}],
      ['/environments', {}],
      ['/agents', { environment: a.claims.envs?.[0] ?? 'default' }],
    ]
    const cases: [string, string, string | null][] = [
      ['no-token', 'no token', null],
      ['malformed-token', 'a malformed token', 'not-a-jwt'],
      ['bad-signature', 'a token with a bad signature', withBadSignature(a.token)],
    ]
    for (const [id, words, token] of cases) {
      await this.check(
        spec(
          'auth',
          `auth ${id}`,
          null,
          null,
          `auth: ${words} → 401 with problem details (/me, /environments, /agents)`,
          targets.length,
        ),
        async (http) => {
          if (id === 'bad-signature' && token === null)
            return skipped('CAMELEER_TOKEN is not a JWT, so no badly signed copy can be made')
          const issues: string[] = []
          for (const [path, query] of targets) {
            const issue = problemIssue(await http.get(path, query, token), 401)
            if (issue) issues.push(issue)
          }
          return issues.length ? failed(issues.join('; ')) : passed()
        },
      )
    }
  }

  // ------------------------------------------------------------------------ identity

  private async identity(caller: Caller, which: 'token' | 'other token'): Promise<void> {
    const suffix = which === 'token' ? '' : ' (other token)'
    let me: ProbeResponse | null = null
    await this.check(
      spec('shape', `shape /me${suffix}`, '/me', null, `shape: /me${suffix} answers a valid Me`, 1),
      async (http) => {
        me = await http.get('/me', {}, caller.token)
        const issue = okIssue(me, responseSchemaOf('/me'), '/me')
        return issue ? failed(issue) : passed()
      },
    )
    const body = (me as ProbeResponse | null)?.json
    const meTenant = isRecord(body) && typeof body.tenantId === 'string' ? body.tenantId : null
    if (isRecord(body) && Array.isArray(body.environments)) {
      caller.environments = body.environments.filter((id): id is string => typeof id === 'string')
    }
    caller.tenant ??= meTenant

    const check = spec(
      'scope',
      `scope /me${suffix}`,
      '/me',
      null,
      `scope: /me${suffix} names the token's tenant`,
      0,
    )
    if (caller.claims.tenant === null) {
      this.record(check, skipped('the token has no readable tenant claim to compare with'))
    } else if (meTenant === null) {
      this.record(check, skipped('no valid /me answer to check'))
    } else if (meTenant !== caller.claims.tenant) {
      this.record(
        check,
        failed(
          `GET /api/v1/me: tenantId ${JSON.stringify(meTenant)}, but the token's tenant claim is ${JSON.stringify(caller.claims.tenant)}`,
        ),
      )
    } else {
      this.record(check, passed())
    }
  }

  private async environmentList(a: Caller): Promise<void> {
    let answer: ProbeResponse | null = null
    await this.check(
      spec(
        'shape',
        'shape /environments',
        '/environments',
        null,
        'shape: /environments answers a valid EnvironmentList',
        1,
      ),
      async (http) => {
        answer = await http.get('/environments', {}, a.token)
        const issue = okIssue(answer, responseSchemaOf('/environments'), '/environments')
        return issue ? failed(issue) : passed()
      },
    )
    const body = (answer as ProbeResponse | null)?.json
    const listed =
      isRecord(body) && Array.isArray(body.items)
        ? body.items.flatMap((item) =>
            isRecord(item) && typeof item.id === 'string' ? [item.id] : [],
          )
        : null
    // The environments to probe: those listed, else those /me names.
    if (listed) a.environments = listed

    const check = spec(
      'scope',
      'scope /environments',
      '/environments',
      null,
      "scope: /environments lists only environments the token's envs claim allows",
      0,
    )
    if (listed === null) this.record(check, skipped('no valid /environments answer to check'))
    else if (!a.claims.envs)
      this.record(
        check,
        passed(
          a.claims.envs === null
            ? 'the token has no envs claim: every environment is allowed'
            : 'the token is not a readable JWT; nothing to compare',
        ),
      )
    else {
      const outside = listed.filter((id) => !a.claims.envs?.includes(id))
      this.record(
        check,
        outside.length
          ? failed(
              `GET /api/v1/environments lists ${outside.map((id) => JSON.stringify(id)).join(', ')}, outside the token's envs claim ${JSON.stringify(a.claims.envs)}`,
            )
          : passed(),
      )
    }
  }

  // ------------------------------------------------------------------------ shape and row scope

  /** Reads every data endpoint of one environment: a shape and a scope line for each. */
  private async dataEndpoints(a: Caller, environment: string): Promise<Discovered> {
    const found: Discovered = {
      environment,
      agent: null,
      execution: null,
      newestLog: null,
      metricName: null,
    }
    const E = { environment }

    const agents = await this.shapeAndScope(a, environment, '/agents', '/agents', E)
    const agent = firstItem(agents)
    if (agent && typeof agent.agentId === 'string') found.agent = { agentId: agent.agentId }
    const agentPath = found.agent ? `/agents/${encodeURIComponent(found.agent.agentId)}` : null
    await this.shapeAndScope(a, environment, '/agents/{agentId}', agentPath, E, 'no agent listed')
    await this.shapeAndScope(
      a,
      environment,
      '/agents/{agentId}/events',
      agentPath && `${agentPath}/events`,
      { ...E, limit: 20 },
      'no agent listed',
    )

    const executions = await this.shapeAndScope(a, environment, '/executions', '/executions', {
      ...E,
      limit: 50,
    })
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
    await this.shapeAndScope(
      a,
      environment,
      '/executions/{executionId}',
      ex && `/executions/${encodeURIComponent(ex.executionId)}`,
      E,
      'no execution in the last hour',
    )
    await this.shapeAndScope(
      a,
      environment,
      '/diagrams/{applicationId}/{routeId}',
      ex && `/diagrams/${encodeURIComponent(ex.applicationId)}/${encodeURIComponent(ex.routeId)}`,
      E,
      'no execution in the last hour to take a route from',
    )
    await this.shapeAndScope(a, environment, '/stats/routes', '/stats/routes', E)
    await this.shapeAndScope(
      a,
      environment,
      '/stats/processors',
      ex && '/stats/processors',
      { ...E, applicationId: ex?.applicationId, routeId: ex?.routeId },
      'no execution in the last hour to take a route from',
    )
    await this.shapeAndScope(a, environment, '/stats/timeseries', '/stats/timeseries', {
      ...E,
      step: 60,
    })

    const names = await this.shapeAndScope(a, environment, '/metrics/names', '/metrics/names', E)
    const name = firstItem(names)?.name
    found.metricName = typeof name === 'string' ? name : null
    await this.shapeAndScope(a, environment, '/metrics', '/metrics', {
      ...E,
      names: found.metricName ?? FALLBACK_METRIC,
      step: 60,
    })

    const logs = await this.shapeAndScope(a, environment, '/logs', '/logs', { ...E, limit: 50 })
    const log = firstItem(logs)
    if (log && typeof log.timestamp === 'string') found.newestLog = { timestamp: log.timestamp }
    await this.shapeAndScope(a, environment, '/logs/stats', '/logs/stats', { ...E, step: 60 })
    await this.shapeAndScope(a, environment, '/usage', '/usage', { ...E, granularity: 'hour' })
    return found
  }

  /** One request, two lines: `shape` (200, valid against the document) and `scope`. */
  private async shapeAndScope(
    a: Caller,
    environment: string,
    endpoint: string,
    path: string | null,
    query: Query,
    missing = '',
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
      this.record(shape, skipped(missing))
      this.record(scope, skipped(missing))
      return undefined
    }
    let answer: ProbeResponse | null = null
    const schema: SchemaName | null = responseSchemaOf(endpoint)
    await this.check(shape, async (http) => {
      answer = await http.get(path, query, a.token)
      const issue = okIssue(answer, schema, endpoint)
      return issue ? failed(issue) : passed()
    })
    const response = answer as ProbeResponse | null
    if (!response || response.status !== 200 || response.json === undefined) {
      this.record(
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
      this.record(
        scope,
        skipped('the tenant of CAMELEER_TOKEN is unknown (no tenant claim, no /me)'),
      )
    } else if (schema === null) {
      this.record(scope, skipped(`the OpenAPI document defines no 200 schema for ${endpoint}`))
    } else if (!schemaCarriesScope(schemaNamed(schema))) {
      this.record(scope, skipped(`the contract puts no tenantId on ${endpoint}'s answer`))
    } else {
      const issue = scopeIssue(schema, response, { tenant: a.tenant, env: environment })
      const rows = countScopedRows(response.json)
      if (issue) this.record(scope, failed(issue))
      else if (rows === 0)
        this.record(
          scope,
          failed(
            `${response.label}: the answer carries no tenantId at all (every row, or the envelope, must)`,
          ),
        )
      else this.record(scope, passed(`${rows} ${rows === 1 ? 'row' : 'rows'}`))
    }
    return response.json
  }

  // ------------------------------------------------------------------------ environment parameter

  private async environmentParameter(a: Caller, b: Caller | null): Promise<void> {
    const outside = outsideEnvironment(a, b)
    for (const endpoint of COLLECTIONS) {
      const query = (env: string | undefined) => sampleQuery(endpoint, env)
      await this.check(
        spec(
          'environment',
          `environment missing ${endpoint}`,
          endpoint,
          null,
          `environment: ${endpoint} without environment → 400`,
          1,
        ),
        async (http) =>
          outcomeOf(problemIssue(await http.get(endpoint, query(undefined), a.token), 400)),
      )
      await this.check(
        spec(
          'environment',
          `environment malformed ${endpoint}`,
          endpoint,
          null,
          `environment: ${endpoint} with a malformed environment → 400`,
          1,
        ),
        async (http) =>
          outcomeOf(
            problemIssue(await http.get(endpoint, query(MALFORMED_ENVIRONMENT), a.token), 400),
          ),
      )
      const forbidden = spec(
        'environment',
        `environment outside-envs ${endpoint}`,
        endpoint,
        outside?.environment ?? null,
        `environment: ${endpoint} with an environment outside the token's envs claim → 403`,
        1,
      )
      if (!outside) {
        this.record(
          forbidden,
          skipped(
            'neither token has an envs claim; give a CAMELEER_OTHER_TOKEN of a user with fewer environments (dev@acme on the mock)',
          ),
        )
      } else {
        await this.check(forbidden, async (http) =>
          outcomeOf(
            problemIssue(
              await http.get(endpoint, query(outside.environment), outside.caller.token),
              403,
            ),
          ),
        )
      }
    }
  }

  // ------------------------------------------------------------------------ isolation

  private async tenantIsolation(
    a: Caller,
    b: Caller | null,
    discovered: Discovered[],
  ): Promise<void> {
    const reason = !b
      ? 'no CAMELEER_OTHER_TOKEN (a user of another tenant) given'
      : b.tenant === null || a.tenant === null
        ? 'the tenant of one of the tokens is unknown'
        : b.tenant === a.tenant
          ? `CAMELEER_OTHER_TOKEN is of the same tenant (${a.tenant}); give one of another tenant`
          : null
    for (const found of discovered) {
      for (const target of idTargets(found)) {
        const check = spec(
          'isolation',
          `isolation tenant ${target.endpoint} @${found.environment}`,
          target.endpoint,
          found.environment,
          `isolation: ${target.what} of tenant ${a.tenant ?? '?'} (${found.environment}) asked with tenant ${b?.tenant ?? 'B'}'s token → 404`,
          1,
        )
        if (reason || !b) {
          this.record(check, skipped(reason ?? ''))
          continue
        }
        if (!target.path) {
          this.record(check, skipped(target.missing))
          continue
        }
        // In B's tenant the id must not exist; ask in the same environment unless B's envs
        // claim forbids it (then a 403 would say nothing about isolation).
        const environment =
          b.claims.envs && !b.claims.envs.includes(found.environment)
            ? (b.claims.envs[0] ?? found.environment)
            : found.environment
        const path = target.path
        await this.check(check, async (http) => {
          const answer = await http.get(path, { environment, limit: target.limit }, b.token)
          return isolationOutcome(
            answer,
            { tenant: b.tenant ?? '', environment },
            `tenant ${a.tenant}`,
          )
        })
      }
    }
  }

  private async environmentIsolation(a: Caller, discovered: Discovered[]): Promise<void> {
    for (const [index, found] of discovered.entries()) {
      const other =
        discovered.length > 1 ? discovered[(index + 1) % discovered.length]?.environment : undefined
      for (const target of idTargets(found).filter(
        (item) => item.endpoint !== '/diagrams/{applicationId}/{routeId}',
      )) {
        const check = spec(
          'isolation',
          `isolation environment ${target.endpoint} @${found.environment}`,
          target.endpoint,
          found.environment,
          `isolation: ${target.what} of ${found.environment} asked for in ${other ?? 'another environment'} → 404`,
          1,
        )
        if (!other) {
          this.record(check, skipped('the token sees only one environment'))
          continue
        }
        if (!target.path) {
          this.record(check, skipped(target.missing))
          continue
        }
        const path = target.path
        await this.check(check, async (http) => {
          const answer = await http.get(path, { environment: other, limit: target.limit }, a.token)
          return isolationOutcome(
            answer,
            { tenant: a.tenant ?? '', environment: other },
            `environment ${found.environment}`,
          )
        })
      }
    }
  }

  // ------------------------------------------------------------------------ ranges and paging

  private async ranges(a: Caller, environment: string): Promise<void> {
    const to = Math.floor(this.now() / 1000) * 1000
    for (const endpoint of RANGED) {
      const base = sampleQuery(endpoint, environment)
      await this.check(
        spec(
          'range',
          `range from-not-before-to ${endpoint}`,
          endpoint,
          environment,
          `range: ${endpoint} with from ≥ to → 400`,
          2,
        ),
        async (http) => {
          const issues: string[] = []
          for (const from of [to, to + 3_600_000]) {
            const issue = problemIssue(
              await http.get(endpoint, { ...base, from: iso(from), to: iso(to) }, a.token),
              400,
            )
            if (issue) issues.push(issue)
          }
          return issues.length ? failed(issues.join('; ')) : passed()
        },
      )
      await this.check(
        spec(
          'range',
          `range over-31-days ${endpoint}`,
          endpoint,
          environment,
          `range: ${endpoint} over more than 31 days → 400`,
          1,
        ),
        async (http) => {
          const from = to - 31 * DAY_MS - 60_000
          return outcomeOf(
            problemIssue(
              await http.get(endpoint, { ...base, from: iso(from), to: iso(to) }, a.token),
              400,
            ),
          )
        },
      )
    }
  }

  private async paging(a: Caller, found: Discovered): Promise<void> {
    const { environment } = found
    const windowFrom = (newest: string) => {
      const to = Date.parse(newest) + 1
      return { from: iso(to - PAGING_WINDOW_MS), to: iso(to) }
    }
    await this.followCursor(
      a,
      '/executions',
      environment,
      'executionId',
      found.execution
        ? { environment, limit: PAGE_LIMIT, ...windowFrom(found.execution.startTime) }
        : null,
      'no execution in the last hour',
      'executions of the 5 minutes up to the newest',
    )
    await this.followCursor(
      a,
      '/agents/{agentId}/events',
      environment,
      'eventId',
      found.agent ? { environment, limit: PAGE_LIMIT } : null,
      'no agent listed',
      `events of agent ${found.agent?.agentId ?? ''}`,
      found.agent ? `/agents/${encodeURIComponent(found.agent.agentId)}/events` : undefined,
    )
    await this.followCursor(
      a,
      '/logs',
      environment,
      'id',
      found.newestLog
        ? { environment, limit: PAGE_LIMIT, ...windowFrom(found.newestLog.timestamp) }
        : { environment, limit: PAGE_LIMIT },
      '',
      found.newestLog
        ? 'log entries of the 5 minutes up to the newest'
        : 'log entries of the last hour',
    )
  }

  /** Follows `nextCursor` to its end: no id twice, at most MAX_PAGES pages. */
  private async followCursor(
    a: Caller,
    endpoint: string,
    environment: string,
    idKey: string,
    query: Query | null,
    missing: string,
    what: string,
    path = endpoint,
  ): Promise<void> {
    const check = spec(
      'paging',
      `paging ${endpoint} @${environment}`,
      endpoint,
      environment,
      `paging: ${endpoint} in ${environment}: nextCursor ends within ${MAX_PAGES} pages, no id twice (${what})`,
      MAX_PAGES,
    )
    if (!query) {
      this.record(check, skipped(missing))
      return
    }
    await this.check(check, async (http) => {
      const seen = new Map<string, number>()
      let cursor: string | undefined
      for (let page = 1; page <= MAX_PAGES; page += 1) {
        const answer = await http.get(path, { ...query, cursor }, a.token)
        const body = answer.json
        if (answer.status !== 200 || !isRecord(body) || !Array.isArray(body.items)) {
          return failed(
            `page ${page}: ${answer.label} answered ${answer.status}${problemSuffix(answer)}, expected 200 with items`,
          )
        }
        for (const item of body.items) {
          const id = isRecord(item) ? item[idKey] : undefined
          if (typeof id !== 'string')
            return failed(`page ${page}: ${answer.label}: an item without a string ${idKey}`)
          const first = seen.get(id)
          if (first !== undefined)
            return failed(
              `${idKey} ${JSON.stringify(id)} on page ${first} and again on page ${page} (${answer.label})`,
            )
          seen.set(id, page)
        }
        const next = body.nextCursor
        if (next === null)
          return passed(`${page} ${page === 1 ? 'page' : 'pages'}, ${seen.size} ids`)
        if (typeof next !== 'string' || next === '')
          return failed(
            `page ${page}: ${answer.label}: nextCursor is ${JSON.stringify(next)}, expected a string or null`,
          )
        if (next === cursor)
          return failed(
            `page ${page}: ${answer.label} returned the cursor it was given: the pages would never end`,
          )
        cursor = next
      }
      return failed(
        `still a nextCursor after ${MAX_PAGES} pages of ${PAGE_LIMIT} (${seen.size} ids)`,
      )
    })
  }

  /** `after` on /logs: only entries newer than the anchor, oldest first. */
  private async tail(a: Caller, environment: string): Promise<void> {
    const check = spec(
      'tail',
      `tail /logs @${environment}`,
      '/logs',
      environment,
      `tail: /logs in ${environment} with after=<id> returns only newer entries, oldest first`,
      2,
    )
    await this.check(check, async (http) => {
      const page = await http.get('/logs', { environment, limit: 50 }, a.token)
      const body = page.json
      if (page.status !== 200 || !isRecord(body) || !Array.isArray(body.items)) {
        return failed(
          `${page.label} answered ${page.status}${problemSuffix(page)}, expected 200 with items`,
        )
      }
      const entries = body.items.filter(isLogRow)
      if (entries.length < 2)
        return skipped(`fewer than 2 log entries in ${environment} in the last hour`)
      const k = Math.min(TAIL_ANCHOR_INDEX, entries.length - 1)
      const anchor = entries[k] as LogRow
      const newer = new Set(entries.slice(0, k).map((entry) => entry.id))
      const older = new Set(entries.slice(k + 1).map((entry) => entry.id))

      const tail = await http.get('/logs', { environment, after: anchor.id, limit: 500 }, a.token)
      const tailBody = tail.json
      if (tail.status !== 200 || !isRecord(tailBody) || !Array.isArray(tailBody.items)) {
        return failed(
          `${tail.label} answered ${tail.status}${problemSuffix(tail)}, expected 200 with items`,
        )
      }
      const rows = tailBody.items.filter(isLogRow)
      for (const [index, row] of rows.entries()) {
        if (row.id === anchor.id)
          return failed(`${tail.label}: items[${index}] is the anchor entry itself`)
        if (older.has(row.id))
          return failed(
            `${tail.label}: items[${index}] (id ${JSON.stringify(row.id)}) is older than the anchor`,
          )
        if (Date.parse(row.timestamp) < Date.parse(anchor.timestamp)) {
          return failed(
            `${tail.label}: items[${index}] has timestamp ${row.timestamp}, before the anchor's ${anchor.timestamp}`,
          )
        }
        const previous = rows[index - 1]
        if (previous && Date.parse(row.timestamp) < Date.parse(previous.timestamp)) {
          return failed(
            `${tail.label}: not oldest first: items[${index}] (${row.timestamp}) is older than items[${index - 1}] (${previous.timestamp})`,
          )
        }
      }
      const returned = new Set(rows.map((row) => row.id))
      const absent = [...newer].filter((id) => !returned.has(id))
      if (absent.length)
        return failed(
          `${tail.label}: ${absent.length} of the ${newer.size} newer entries are missing, e.g. id ${JSON.stringify(absent[0])}`,
        )
      if (tailBody.nextCursor !== null)
        return failed(
          `${tail.label}: nextCursor is ${JSON.stringify(tailBody.nextCursor)}, expected null with after`,
        )
      return passed(`${rows.length} newer entries`)
    })
  }
}

// ------------------------------------------------------------------------------ helpers

function spec(
  group: CheckGroup,
  id: string,
  endpoint: string | null,
  environment: string | null,
  title: string,
  budget: number,
): CheckSpec {
  return { id, group, endpoint, environment, title, budget }
}

function outcomeOf(issue: string | null): Outcome {
  return issue ? failed(issue) : passed()
}

function callerOf(token: string): Caller {
  const claims = claimsOf(token)
  return { token, claims, tenant: claims.tenant, environments: [] }
}

function claimsOf(token: string): Claims {
  try {
    const payload = jwtDecode<{ tenant?: unknown; envs?: unknown }>(token)
    return {
      tenant: typeof payload.tenant === 'string' ? payload.tenant : null,
      envs: Array.isArray(payload.envs)
        ? payload.envs.filter((id): id is string => typeof id === 'string')
        : null,
    }
  } catch {
    return { tenant: null, envs: undefined }
  }
}

/** The same header and claims with another signature: the first signature character changed. */
function withBadSignature(token: string): string | null {
  const parts = token.split('.')
  const signature = parts[2]
  if (parts.length !== 3 || !signature) return null
  const swapped = signature[0] === 'A' ? 'B' : 'A'
  return `${parts[0]}.${parts[1]}.${swapped}${signature.slice(1)}`
}

/** A token with an `envs` claim and a well-formed environment outside it, if there is one. */
function outsideEnvironment(
  a: Caller,
  b: Caller | null,
): { caller: Caller; environment: string } | null {
  for (const [caller, other] of [
    [a, b],
    [b, a],
  ] as const) {
    const envs = caller?.claims.envs
    if (!caller || !envs) continue
    const known = [...(other?.environments ?? []), ...a.environments, ...(b?.environments ?? [])]
    const environment = known.find((id) => !envs.includes(id)) ?? SYNTHETIC_OUTSIDE_ENVIRONMENT
    return { caller, environment }
  }
  return null
}

/** Valid parameters for each collection endpoint, so only the one under test is wrong. */
function sampleQuery(endpoint: Collection, environment: string | undefined): Query {
  const query: Query = { environment }
  switch (endpoint) {
    case '/stats/processors':
      return { ...query, applicationId: 'verify-probe-app', routeId: 'verify-probe-route' }
    case '/stats/timeseries':
    case '/logs/stats':
      return { ...query, step: 60 }
    case '/metrics':
      return { ...query, names: FALLBACK_METRIC, step: 60 }
    case '/usage':
      return { ...query, granularity: 'hour' }
    default:
      return query
  }
}

interface IdTarget {
  endpoint: string
  what: string
  path: string | null
  missing: string
  limit?: number
}

function idTargets(found: Discovered): IdTarget[] {
  const agent = found.agent && encodeURIComponent(found.agent.agentId)
  const ex = found.execution
  return [
    {
      endpoint: '/agents/{agentId}',
      what: `agent ${found.agent?.agentId ?? ''}`.trim(),
      path: agent && `/agents/${agent}`,
      missing: 'no agent listed',
    },
    {
      endpoint: '/agents/{agentId}/events',
      what: `the events of agent ${found.agent?.agentId ?? ''}`.trim(),
      path: agent && `/agents/${agent}/events`,
      missing: 'no agent listed',
      limit: 5,
    },
    {
      endpoint: '/executions/{executionId}',
      what: `execution ${ex?.executionId ?? ''}`.trim(),
      path: ex && `/executions/${encodeURIComponent(ex.executionId)}`,
      missing: 'no execution in the last hour',
    },
    {
      endpoint: '/diagrams/{applicationId}/{routeId}',
      what: `the diagram of route ${ex ? `${ex.applicationId}/${ex.routeId}` : ''}`.trim(),
      path:
        ex && `/diagrams/${encodeURIComponent(ex.applicationId)}/${encodeURIComponent(ex.routeId)}`,
      missing: 'no execution in the last hour to take a route from',
    },
  ]
}

/** 404 passes; a 200 of the asker's own scope is a coincidence (skipped); anything else fails. */
function isolationOutcome(
  answer: ProbeResponse,
  asker: { tenant: string; environment: string },
  owner: string,
): Outcome {
  if (answer.status === 404) {
    const issue = problemIssue(answer, 404)
    return issue ? failed(issue) : passed()
  }
  if (answer.status === 403) {
    return failed(
      `${answer.label} answered 403${problemSuffix(answer)}: that discloses that the id exists elsewhere; expected 404`,
    )
  }
  if (answer.status === 200) {
    const body = answer.json
    const tenantId = isRecord(body) ? body.tenantId : undefined
    const environment = isRecord(body) ? body.environment : undefined
    const rowOf = firstItem(body)
    const scopeTenant = tenantId ?? rowOf?.tenantId
    const scopeEnvironment = environment ?? rowOf?.environment
    if (scopeTenant === asker.tenant && scopeEnvironment === asker.environment) {
      return skipped(
        `the same id also exists in tenant ${asker.tenant}, environment ${asker.environment}: not a leak, but nothing to test`,
      )
    }
    return failed(
      `${answer.label} answered 200 with ${owner}'s data (tenantId ${JSON.stringify(scopeTenant)}, environment ${JSON.stringify(scopeEnvironment)}); expected 404`,
    )
  }
  return failed(`${answer.label} answered ${answer.status}${problemSuffix(answer)}, expected 404`)
}

function firstItem(body: unknown): Record<string, unknown> | null {
  const items = isRecord(body) ? body.items : undefined
  const first: unknown = Array.isArray(items) ? items[0] : undefined
  return isRecord(first) ? first : null
}

interface LogRow {
  id: string
  timestamp: string
}

function isLogRow(value: unknown): value is LogRow {
  return isRecord(value) && typeof value.id === 'string' && typeof value.timestamp === 'string'
}

function iso(epochMs: number): string {
  return new Date(epochMs).toISOString()
}
