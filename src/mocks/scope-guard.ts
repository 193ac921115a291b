import { allowsEnvironment, authenticate, type Principal } from './auth/auth-tokens'
import { mockNow } from './clock'
import { getMockSettings } from './mock-settings'
import { badRequest, forbidden } from './problem'
import { accessOf } from './tenant-state/access'
import { readTenantState } from './tenant-state/tenant-state'

/**
 * Request validation shared by every data handler, in the order a server applies it:
 * token (401), `environment` present and well-formed (400), allowed by the token (403).
 * Each helper throws a ProblemError; handlers read as the happy path.
 */

const ENVIRONMENT_ID = /^[a-z0-9][a-z0-9-]{0,31}$/
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/
const HOUR_MS = 3_600_000
const MAX_SPAN_MS = 31 * 24 * HOUR_MS

export interface RequestScope {
  principal: Principal
  /** Always the token's tenant: nothing in the request can choose another. */
  tenant: string
  environment: string
  /**
   * Whether the tenant has this environment at all. A well-formed environment without data is
   * not an error: lists are empty and single resources 404 (see the OpenAPI document).
   */
  environmentExists: boolean
  url: URL
}

export async function requireScope(request: Request): Promise<RequestScope> {
  const principal = await authenticate(request)
  const url = new URL(request.url)
  const environment = url.searchParams.get('environment')
  if (environment === null || environment === '') {
    throw badRequest('The environment query parameter is required.')
  }
  if (!ENVIRONMENT_ID.test(environment)) {
    throw badRequest(`"${truncate(environment)}" is not a valid environment id.`)
  }
  if (!allowsEnvironment(principal, environment)) {
    throw forbidden(`Your token does not grant access to environment "${environment}".`)
  }
  if (getMockSettings().revokedEnvironments.includes(environment)) {
    throw forbidden(`Your access to environment "${environment}" has been revoked.`)
  }
  const state = readTenantState(principal.tenant)
  if (accessOf(principal, state).roleIn(environment) === null) {
    throw forbidden(`You have no access to environment "${environment}".`)
  }
  return {
    principal,
    tenant: principal.tenant,
    environment,
    environmentExists: state.environments.some((item) => item.id === environment),
    url,
  }
}

/** A query parameter, with an empty string treated as absent (the document's rule). */
export function optionalParam(url: URL, name: string, maxLength = 200): string | undefined {
  const value = url.searchParams.get(name)
  if (value === null || value === '') return undefined
  if (value.length > maxLength) throw badRequest(`${name} is longer than ${maxLength} characters.`)
  return value
}

export function enumParam<T extends string>(
  url: URL,
  name: string,
  allowed: readonly T[],
): T | undefined {
  const value = optionalParam(url, name)
  if (value === undefined) return undefined
  if (!(allowed as readonly string[]).includes(value)) {
    throw badRequest(`${name} must be one of ${allowed.join(', ')}; got "${truncate(value)}".`)
  }
  return value as T
}

export function intParam(
  url: URL,
  name: string,
  { min, max, fallback }: { min: number; max: number; fallback: number },
): number {
  const raw = optionalParam(url, name)
  if (raw === undefined) return fallback
  if (!/^-?\d+$/.test(raw)) throw badRequest(`${name} must be an integer; got "${truncate(raw)}".`)
  const value = Number(raw)
  if (value < min || value > max) {
    throw badRequest(`${name} must be between ${min} and ${max}; got ${value}.`)
  }
  return value
}

export function parseLimit(url: URL): number {
  return intParam(url, 'limit', { min: 1, max: 500, fallback: 50 })
}

export interface TimeRange {
  /** Inclusive, epoch ms. */
  from: number
  /** Exclusive, epoch ms. */
  to: number
}

/** `from`/`to` as ISO-8601; defaults to the last hour; at most 31 days. */
export function parseTimeRange(url: URL, now: number = mockNow()): TimeRange {
  const to = parseTime(url, 'to') ?? now
  const from = parseTime(url, 'from') ?? to - HOUR_MS
  if (from >= to) throw badRequest('from must be before to.')
  if (to - from > MAX_SPAN_MS) throw badRequest('The time range may span at most 31 days.')
  return { from, to }
}

function parseTime(url: URL, name: string): number | undefined {
  const raw = optionalParam(url, name)
  if (raw === undefined) return undefined
  const time = ISO_TIME.test(raw) ? Date.parse(raw) : Number.NaN
  if (Number.isNaN(time)) {
    throw badRequest(`${name} must be an ISO-8601 date-time; got "${truncate(raw)}".`)
  }
  return time
}

function truncate(value: string): string {
  return value.length > 40 ? `${value.slice(0, 40)}…` : value
}
