import { isRecord, problemIssue } from '../evidence'
import { failed, passed, skipped, spec, type Caller, type ProbeContext } from './context'

/**
 * `refusal commands no-idempotency-key @<env>` and `refusal commands viewer @<env>`: two
 * `POST /commands` the contract must refuse, the only writes the probe sends. Without an
 * `Idempotency-Key` (where token A is operator) → 400; as a viewer (where token A is one) →
 * 403 `/forbidden-role`. Each body asks to *start* a route that its LIVE agent reports as
 * Started, so even a server that wrongly accepted one would change nothing; the server records
 * the refusal in its audit log, as it records every write.
 */

type Role = 'viewer' | 'operator' | 'admin'

interface Access {
  tenantRole: Role | null
  environmentRoles: Record<string, Role>
}

async function accessOf(ctx: ProbeContext, a: Caller): Promise<Access | null> {
  const me = await ctx.discover('/me', {}, a.token)
  if (!isRecord(me) || !isRecord(me.environmentRoles)) return null
  return {
    tenantRole: typeof me.tenantRole === 'string' ? (me.tenantRole as Role) : null,
    environmentRoles: me.environmentRoles as Record<string, Role>,
  }
}

const roleIn = (access: Access, environment: string): Role | null =>
  access.tenantRole === 'admin' ? 'admin' : (access.environmentRoles[environment] ?? null)

/** Start, on one LIVE agent, a route it reports as Started: nothing to do if it were sent. */
async function harmlessStart(
  ctx: ProbeContext,
  a: Caller,
  environment: string,
): Promise<Record<string, unknown> | null> {
  const agents = await ctx.discover('/agents', { environment, status: 'LIVE' }, a.token)
  const items = isRecord(agents) && Array.isArray(agents.items) ? agents.items : []
  for (const agent of items) {
    if (!isRecord(agent) || typeof agent.agentId !== 'string') continue
    if (agent.status !== 'LIVE' || !isRecord(agent.routeStates)) continue
    const states = agent.routeStates
    const routeId = Object.keys(states).find((route) => states[route] === 'Started')
    if (routeId && typeof agent.applicationId === 'string') {
      return {
        type: 'route-control',
        applicationId: agent.applicationId,
        routeId,
        action: 'start',
        agentIds: [agent.agentId],
      }
    }
  }
  return null
}

export async function checkRefusedCommands(ctx: ProbeContext, a: Caller): Promise<void> {
  const access = await accessOf(ctx, a)
  const environments = a.environments
  const operatorIn = access
    ? environments.find((env) => ['operator', 'admin'].includes(roleIn(access, env) ?? ''))
    : undefined
  const viewerIn = access ? environments.find((env) => roleIn(access, env) === 'viewer') : undefined

  const noKey = spec(
    'refusal',
    `refusal commands no-idempotency-key @${operatorIn ?? '-'}`,
    '/commands',
    operatorIn ?? null,
    `refusal: POST /commands without Idempotency-Key${operatorIn ? ` in ${operatorIn}` : ''} → 400`,
    1,
  )
  const asViewer = spec(
    'refusal',
    `refusal commands viewer @${viewerIn ?? '-'}`,
    '/commands',
    viewerIn ?? null,
    `refusal: POST /commands as a viewer${viewerIn ? ` in ${viewerIn}` : ''} → 403 /forbidden-role`,
    1,
  )
  if (!access) {
    for (const check of [noKey, asViewer]) ctx.record(check, skipped('no valid /me to read roles'))
    return
  }

  if (!operatorIn) {
    ctx.record(noKey, skipped('token A is operator in no environment it may see'))
  } else {
    const body = await harmlessStart(ctx, a, operatorIn)
    if (!body) ctx.record(noKey, skipped(`no LIVE agent with a started route in ${operatorIn}`))
    else
      await ctx.check(noKey, async (http) => {
        const answer = await http.post('/commands', { environment: operatorIn }, a.token, body)
        const issue = problemIssue(answer, 400)
        return issue ? failed(issue) : passed()
      })
  }

  if (!viewerIn) {
    ctx.record(asViewer, skipped('token A is viewer in no environment it may see'))
  } else {
    const body = await harmlessStart(ctx, a, viewerIn)
    if (!body) ctx.record(asViewer, skipped(`no LIVE agent with a started route in ${viewerIn}`))
    else
      await ctx.check(asViewer, async (http) => {
        const key = `verify-server-${ctx.now().toString(36)}`
        const answer = await http.post('/commands', { environment: viewerIn }, a.token, body, {
          'Idempotency-Key': key,
        })
        const issue = problemIssue(answer, 403)
        if (issue) return failed(issue)
        const type = isRecord(answer.json) ? answer.json.type : undefined
        return typeof type === 'string' && type.endsWith('/forbidden-role')
          ? passed()
          : failed(
              `${answer.label}: the problem's type ${JSON.stringify(type)} does not end in /forbidden-role`,
            )
      })
  }
}
