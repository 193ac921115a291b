import { responseSchemaOf } from '../contract-document'
import { isRecord, okIssue } from '../evidence'
import type { ProbeResponse } from '../probe-client'
import { failed, passed, skipped, spec, type Caller, type ProbeContext } from './context'

/**
 * `shape /me`, `scope /me` (and the same for the other token): `/me` is a valid Me naming the
 * token's tenant. Fills in the caller's tenant and environments for the later checks.
 */
export async function checkIdentity(
  ctx: ProbeContext,
  caller: Caller,
  which: 'token' | 'other token',
): Promise<void> {
  const suffix = which === 'token' ? '' : ' (other token)'
  let me: ProbeResponse | null = null
  await ctx.check(
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
    ctx.record(check, skipped('the token has no readable tenant claim to compare with'))
  } else if (meTenant === null) {
    ctx.record(check, skipped('no valid /me answer to check'))
  } else if (meTenant !== caller.claims.tenant) {
    ctx.record(
      check,
      failed(
        `GET /api/v1/me: tenantId ${JSON.stringify(meTenant)}, but the token's tenant claim is ${JSON.stringify(caller.claims.tenant)}`,
      ),
    )
  } else {
    ctx.record(check, passed())
  }
}

/**
 * `shape /environments`, `scope /environments`: a valid EnvironmentList within the token's
 * `envs` claim. The environments it lists are the ones the probe reads.
 */
export async function checkEnvironmentList(ctx: ProbeContext, a: Caller): Promise<void> {
  let answer: ProbeResponse | null = null
  await ctx.check(
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
  if (listed === null) ctx.record(check, skipped('no valid /environments answer to check'))
  else if (!a.claims.envs)
    ctx.record(
      check,
      passed(
        a.claims.envs === null
          ? 'the token has no envs claim: every environment is allowed'
          : 'the token is not a readable JWT; nothing to compare',
      ),
    )
  else {
    const outside = listed.filter((id) => !a.claims.envs?.includes(id))
    ctx.record(
      check,
      outside.length
        ? failed(
            `GET /api/v1/environments lists ${outside.map((id) => JSON.stringify(id)).join(', ')}, outside the token's envs claim ${JSON.stringify(a.claims.envs)}`,
          )
        : passed(),
    )
  }
}
