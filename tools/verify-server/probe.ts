import { checkAdministration } from './checks/administration'
import type { ProbeClient } from './probe-client'
import type { CheckResult } from './report'
import { checkAuthentication } from './checks/authentication'
import { checkRefusedCommands } from './checks/commands'
import {
  callerOf,
  COLLECTIONS,
  ProbeContext,
  skipped,
  spec,
  type Discovered,
} from './checks/context'
import { checkDataEndpoints } from './checks/data-endpoints'
import { checkEnvironmentIsolation } from './checks/environment-isolation'
import { checkEnvironmentParameter } from './checks/environment-parameter'
import { checkEnvironmentList, checkIdentity } from './checks/identity'
import { checkPaging } from './checks/paging'
import { checkRanges } from './checks/ranges'
import { checkTail } from './checks/tail'
import { checkTenantIsolation } from './checks/tenant-isolation'

/**
 * The conformance and isolation probe: read-only requests against a Cameleer3 server that
 * check it against the OpenAPI document and the contract's tenancy rules
 * (docs/verify-server.md explains each check in terms of the multitenancy design). Each group
 * of checks is one file under checks/; this runs them in order.
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

/** A bound, so a server with many environments cannot keep the probe busy. */
const MAX_ENVIRONMENTS = 8

/** Every endpoint the probe reads, for the coverage test against the document. */
export const PROBED_ENDPOINTS = [
  '/me',
  '/environments',
  ...COLLECTIONS,
  '/agents/{agentId}',
  '/agents/{agentId}/events',
  '/apps/{applicationId}/config',
  '/executions/{executionId}',
  '/executions/{executionId}/processors/{processorId}/snapshot',
  '/diagrams/{applicationId}/{routeId}',
  '/alerts/rules/{ruleId}',
  '/commands/{commandId}',
  '/admin/users',
  '/audit',
] as const

export async function runProbe(options: ProbeOptions): Promise<CheckResult[]> {
  const ctx = new ProbeContext(options.client, options.onResult, options.now)
  const a = callerOf(options.token)
  const b = options.otherToken ? callerOf(options.otherToken) : null

  await checkAuthentication(ctx, a)
  await checkIdentity(ctx, a, 'token')
  if (b) await checkIdentity(ctx, b, 'other token')
  await checkEnvironmentList(ctx, a)
  await checkAdministration(ctx, a, 'token')
  if (b) await checkAdministration(ctx, b, 'other token')

  const environments = a.environments.slice(0, MAX_ENVIRONMENTS)
  if (a.environments.length > MAX_ENVIRONMENTS) {
    ctx.record(
      spec('shape', 'shape more-environments', null, null, 'shape: every listed environment', 0),
      skipped(
        `${a.environments.length} environments listed; the probe reads the first ${MAX_ENVIRONMENTS}`,
      ),
    )
  }
  const discovered: Discovered[] = []
  for (const environment of environments)
    discovered.push(await checkDataEndpoints(ctx, a, environment))

  await checkEnvironmentParameter(ctx, a, b)
  await checkTenantIsolation(ctx, a, b, discovered)
  await checkEnvironmentIsolation(ctx, a, discovered)
  await checkRanges(ctx, a, environments[0] ?? 'default')
  for (const found of discovered) await checkPaging(ctx, a, found)
  for (const found of discovered) await checkTail(ctx, a, found.environment)
  await checkRefusedCommands(ctx, a)
  return ctx.results
}
