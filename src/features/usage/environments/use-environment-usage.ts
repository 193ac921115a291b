import { useQueries, useQuery, type UseQueryResult } from '@tanstack/react-query'
import { useMemo } from 'react'
import { environmentQueries } from '@/environment/environment-queries'
import { tokenAllowsEnvironment, type TokenClaims } from '@/session/token-claims'
import type { Granularity } from '@/lib/resources/usage'
import type { UsagePeriodKey } from '../period/usage-period'
import { usageQueries, type UsageOverPeriod } from '../usage-queries'

export interface EnvironmentUsage {
  environment: string
  query: UseQueryResult<UsageOverPeriod>
}

/**
 * The period's usage of every environment the user may see, one request each. Each request's
 * key is built from that environment's own scope (`{ tenant, env }`), never from the active
 * environment, so each answer is checked against the environment it was asked for. An
 * environment the token's `envs` does not allow is never asked for, whatever the environment
 * list says.
 */
export function useEnvironmentUsage(
  claims: TokenClaims,
  period: UsagePeriodKey,
  granularity: Granularity,
): {
  list: { isPending: boolean; error: unknown; refetch: () => unknown }
  rows: EnvironmentUsage[]
} {
  const list = useQuery(environmentQueries.list(claims.tenant))
  const environments = useMemo(
    () =>
      (list.data?.items ?? [])
        .map((item) => item.id)
        .filter((id) => tokenAllowsEnvironment(claims, id))
        .sort(),
    [list.data, claims],
  )
  const queries = useQueries({
    queries: environments.map((env) =>
      usageQueries.period({ tenant: claims.tenant, env }, period, granularity),
    ),
  })
  const rows = environments.map((environment, index) => ({
    environment,
    query: queries[index] as UseQueryResult<UsageOverPeriod>,
  }))
  return { list, rows }
}
