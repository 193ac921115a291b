import { tenantGet } from '@/lib/api/api-client'
import { tenantKey } from '@/lib/query/query-scope'
import { queryOptions } from '@tanstack/react-query'
import { environmentListSchema } from '@/lib/api/generated/response-schemas/environment-list'

/** Tenant-level: the environments of the signed-in tenant (with their live agent counts). */
export const environmentResources = {
  list: (tenant: string) =>
    queryOptions({
      queryKey: tenantKey(tenant, 'environments', 'list'),
      queryFn: ({ queryKey: [{ tenant }], signal }) =>
        tenantGet('/environments', { tenant, schema: environmentListSchema, signal }),
    }),
}
