import { skipped, spec, type Caller, type Discovered, type ProbeContext } from './context'
import { idTargets, isolationOutcome, nowhereId } from './isolation-targets'

/**
 * `isolation tenant <endpoint> @<env>`: the agent, its events, the execution and the route
 * diagram token A saw, asked for with token B (another tenant), are not found.
 */
export async function checkTenantIsolation(
  ctx: ProbeContext,
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
        2,
      )
      if (reason || !b) {
        ctx.record(check, skipped(reason ?? ''))
        continue
      }
      if (!target.ids) {
        ctx.record(check, skipped(target.missing))
        continue
      }
      // In B's tenant the id must not exist; ask in the same environment unless B's envs
      // claim forbids it. Where B's tenant lacks the environment, a server may well answer 403
      // whatever the id: the comparison with an id that exists nowhere tells that apart.
      const environment =
        b.claims.envs && !b.claims.envs.includes(found.environment)
          ? (b.claims.envs[0] ?? found.environment)
          : found.environment
      const ids = { foreign: target.ids, nowhere: target.ids.map(nowhereId) }
      const query = { environment, limit: target.limit }
      await ctx.check(check, async (http) =>
        isolationOutcome(
          await http.get(target.pathOf(ids.foreign), query, b.token),
          await http.get(target.pathOf(ids.nowhere), query, b.token),
          ids,
          { tenant: b.tenant ?? '', environment },
          `tenant ${a.tenant}`,
        ),
      )
    }
  }
}
