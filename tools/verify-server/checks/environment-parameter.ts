import { problemIssue } from '../evidence'
import {
  COLLECTIONS,
  outcomeOf,
  sampleQuery,
  skipped,
  spec,
  type Caller,
  type ProbeContext,
} from './context'

const MALFORMED_ENVIRONMENT = 'Not A Valid Env!'
const SYNTHETIC_OUTSIDE_ENVIRONMENT = 'verify-outside-envs'

/**
 * `environment missing|malformed|outside-envs <endpoint>`: on every collection endpoint,
 * `environment` missing or malformed → 400, outside the token's `envs` claim → 403.
 */
export async function checkEnvironmentParameter(
  ctx: ProbeContext,
  a: Caller,
  b: Caller | null,
): Promise<void> {
  const outside = outsideEnvironment(a, b)
  for (const endpoint of COLLECTIONS) {
    const query = (env: string | undefined) => sampleQuery(endpoint, env)
    await ctx.check(
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
    await ctx.check(
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
      ctx.record(
        forbidden,
        skipped(
          'neither token has an envs claim; give a CAMELEER_OTHER_TOKEN of a user with fewer environments (dev@acme on the mock)',
        ),
      )
    } else {
      await ctx.check(forbidden, async (http) =>
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
