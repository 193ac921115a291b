import { jwtDecode } from 'jwt-decode'
import { isRecord } from '../evidence'
import type { ProbeClient, Query, Requester } from '../probe-client'
import type { CheckGroup, CheckResult, CheckStatus } from '../report'

/**
 * What every group of checks shares: the callers (tokens A and B and what is known of them),
 * what the discovery found in each environment, and the runner that gives a check its request
 * budget and records its outcome.
 */

export interface Claims {
  tenant: string | null
  /** `null`: the token has no `envs` claim (all environments); `undefined`: not a readable JWT. */
  envs: string[] | null | undefined
}

export interface Caller {
  token: string
  claims: Claims
  /** The tenant the rows must carry: the `tenant` claim, else what `/me` says. */
  tenant: string | null
  environments: string[]
}

/** What the discovery reads of one environment, for the checks that need real ids. */
export interface Discovered {
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

export type Outcome = { status: CheckStatus; detail: string | null }
export const passed = (detail: string | null = null): Outcome => ({ status: 'passed', detail })
export const failed = (detail: string): Outcome => ({ status: 'failed', detail })
export const skipped = (detail: string): Outcome => ({ status: 'skipped', detail })

export function outcomeOf(issue: string | null): Outcome {
  return issue ? failed(issue) : passed()
}

export interface CheckSpec {
  id: string
  group: CheckGroup
  endpoint: string | null
  environment: string | null
  title: string
  /** Requests the check may make. */
  budget: number
}

export function spec(
  group: CheckGroup,
  id: string,
  endpoint: string | null,
  environment: string | null,
  title: string,
  budget: number,
): CheckSpec {
  return { id, group, endpoint, environment, title, budget }
}

export class ProbeContext {
  readonly results: CheckResult[] = []
  readonly now: () => number
  private readonly client: ProbeClient
  private readonly onResult: ((result: CheckResult) => void) | undefined

  constructor(
    client: ProbeClient,
    onResult?: (result: CheckResult) => void,
    now: () => number = Date.now,
  ) {
    this.client = client
    this.onResult = onResult
    this.now = now
  }

  record(check: CheckSpec, outcome: Outcome): void {
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
    this.onResult?.(result)
  }

  /**
   * A request that only finds ids for later checks (not a check of its own): the parsed body
   * of a 200, else null.
   */
  async discover(path: string, query: Query, token: string): Promise<unknown> {
    try {
      const response = await this.client.withBudget(1).get(path, query, token)
      return response.status === 200 ? response.json : null
    } catch {
      return null
    }
  }

  /** Runs one check within its request budget; an exception is a failure with its message. */
  async check(check: CheckSpec, body: (http: Requester) => Promise<Outcome>): Promise<void> {
    let outcome: Outcome
    try {
      outcome = await body(this.client.withBudget(check.budget))
    } catch (error) {
      outcome = failed(error instanceof Error ? error.message : String(error))
    }
    this.record(check, outcome)
  }
}

export function callerOf(token: string): Caller {
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

/** The contract's data endpoints that take `environment` and are not addressed by an id. */
export const COLLECTIONS = [
  '/agents',
  '/executions',
  '/stats/routes',
  '/stats/processors',
  '/stats/timeseries',
  '/stats/overview',
  '/metrics/names',
  '/metrics',
  '/logs',
  '/logs/stats',
  '/usage',
  '/alerts/rules',
  '/alerts',
  '/alerts/summary',
  '/alerts/silences',
  '/commands',
] as const
export type Collection = (typeof COLLECTIONS)[number]

export const FALLBACK_METRIC = 'jvm.memory.heap.used'

/** Valid parameters for each collection endpoint, so only the one under test is wrong. */
export function sampleQuery(endpoint: Collection, environment: string | undefined): Query {
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

export function firstItem(body: unknown): Record<string, unknown> | null {
  const items = isRecord(body) ? body.items : undefined
  const first: unknown = Array.isArray(items) ? items[0] : undefined
  return isRecord(first) ? first : null
}

export function iso(epochMs: number): string {
  return new Date(epochMs).toISOString()
}
