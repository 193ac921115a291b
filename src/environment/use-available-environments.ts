import { useQuery } from '@tanstack/react-query'
import { useMemo } from 'react'
import type { Schemas } from '@/lib/api/types'
import { useClaims } from '@/session/session-store'
import { tokenAllowsEnvironment } from '@/session/token-claims'
import { environmentQueries } from './environment-queries'

/**
 * The environments this user may pick, as the switcher and the gate see them: the server's
 * list (filtered by the token already) filtered by the token once more (defence in depth).
 */
export function useAvailableEnvironments(): {
  items: Schemas['EnvironmentList']['items']
  ids: string[]
  isPending: boolean
} {
  const claims = useClaims()
  const environments = useQuery({
    ...environmentQueries.list(claims?.tenant ?? ''),
    enabled: !!claims,
  })
  return useMemo(() => {
    const items = (environments.data?.items ?? []).filter((environment) =>
      claims ? tokenAllowsEnvironment(claims, environment.id) : false,
    )
    return { items, ids: items.map((item) => item.id), isPending: environments.isPending }
  }, [environments.data, environments.isPending, claims])
}
