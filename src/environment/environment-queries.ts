import { queryOptions } from '@tanstack/react-query'
import { tenantGet } from '@/lib/api/api-client'
import { tenantKey } from '@/lib/query/query-scope'
import { polling } from '@/lib/query/retry-policy'
import { environmentListSchema } from '@/lib/api/generated/response-schemas/environment-list'

/** Tenant-level queries: the environments a user may switch between. */
export const environmentQueries = {
  list: (tenant: string) =>
    queryOptions({
      queryKey: tenantKey(tenant, 'environments', 'list'),
      queryFn: ({ queryKey: [{ tenant }], signal }) =>
        tenantGet('/environments', { tenant, schema: environmentListSchema, signal }),
      // The switcher shows live agent counts: keep them reasonably fresh.
      staleTime: 30_000,
      refetchInterval: polling(60_000),
    }),
}
