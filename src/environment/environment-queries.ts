import { queryOptions } from '@tanstack/react-query'
import { polling } from '@/lib/query/retry-policy'
import { environmentResources } from '@/lib/resources/environments'

/** The environments a user may switch between, as the switcher and the gate watch them. */
export const environmentQueries = {
  list: (tenant: string) =>
    queryOptions({
      ...environmentResources.list(tenant),
      // The switcher shows live agent counts: keep them reasonably fresh.
      staleTime: 30_000,
      refetchInterval: polling(60_000),
    }),
}
