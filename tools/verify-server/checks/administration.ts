import { responseSchemaOf } from '../contract-document'
import { isRecord, okIssue, problemIssue, scopeIssue } from '../evidence'
import { failed, passed, spec, type Caller, type ProbeContext } from './context'

const ADMIN_ENDPOINTS = ['/admin/users', '/audit'] as const

/**
 * `shape|scope <endpoint>` or `auth admin-only <endpoint>` on the tenant's administration
 * reads: a tenant admin (`/me`'s `tenantRole`) gets a valid answer whose rows are all of their
 * tenant; anyone else gets 403. Nothing is written: the probe never changes a server's state.
 */
export async function checkAdministration(
  ctx: ProbeContext,
  caller: Caller,
  which: 'token' | 'other token',
): Promise<void> {
  const suffix = which === 'token' ? '' : ' (other token)'
  for (const endpoint of ADMIN_ENDPOINTS) {
    await ctx.check(
      spec(
        'scope',
        `scope ${endpoint}${suffix}`,
        endpoint,
        null,
        `scope: ${endpoint}${suffix} answers a tenant admin with rows of their tenant only, anyone else 403`,
        2,
      ),
      async (http) => {
        const me = await http.get('/me', {}, caller.token)
        const role = isRecord(me.json) ? me.json.tenantRole : undefined
        const answer = await http.get(endpoint, {}, caller.token)
        if (role !== 'admin') {
          const issue = problemIssue(answer, 403)
          return issue ? failed(`${issue} (tenant role ${JSON.stringify(role)})`) : passed()
        }
        const schema = responseSchemaOf(endpoint)
        const issue =
          okIssue(answer, schema, endpoint) ??
          (schema && caller.tenant ? scopeIssue(schema, answer, { tenant: caller.tenant }) : null)
        return issue ? failed(issue) : passed()
      },
    )
  }
}
