import { skipped, spec, type Caller, type Discovered, type ProbeContext } from './context'
import { idTargets, isolationOutcome, nowhereId } from './isolation-targets'

/**
 * `isolation environment <endpoint> @<env>`: an agent, its events and an execution of one
 * environment, asked for in another with the same token, are not found.
 */
export async function checkEnvironmentIsolation(
  ctx: ProbeContext,
  a: Caller,
  discovered: Discovered[],
): Promise<void> {
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
        2,
      )
      if (!other) {
        ctx.record(check, skipped('the token sees only one environment'))
        continue
      }
      if (!target.ids) {
        ctx.record(check, skipped(target.missing))
        continue
      }
      const ids = { foreign: target.ids, nowhere: target.ids.map(nowhereId) }
      const query = { environment: other, limit: target.limit }
      await ctx.check(check, async (http) =>
        isolationOutcome(
          await http.get(target.pathOf(ids.foreign), query, a.token),
          await http.get(target.pathOf(ids.nowhere), query, a.token),
          ids,
          { tenant: a.tenant ?? '', environment: other },
          `environment ${found.environment}`,
        ),
      )
    }
  }
}
