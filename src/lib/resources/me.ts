import { queryOptions } from '@tanstack/react-query'
import { tenantGet } from '@/lib/api/api-client'
import { tenantKey } from '@/lib/query/query-scope'
import { meSchema } from '@/lib/api/generated/response-schemas/me'

/**
 * Tenant-level: the signed-in user as the server knows them now, with their tenant role and
 * their role in each environment. Another tenant or user clears the whole cache (the app does
 * that on an identity change), so the key needs the tenant only; a 403 `/forbidden-role`
 * invalidates it (roles change while the token stays the same).
 */
export const meResources = {
  current: (tenant: string) =>
    queryOptions({
      queryKey: tenantKey(tenant, 'me', 'current'),
      queryFn: ({ queryKey: [{ tenant }], signal }) =>
        tenantGet('/me', { tenant, schema: meSchema, signal }),
    }),
}
