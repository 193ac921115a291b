import type { QueryClient } from '@tanstack/react-query'
import { environmentResources } from '@/lib/resources/environments'
import { adminResources } from '@/lib/resources/admin'
import { meResources } from '@/lib/resources/me'

/**
 * After an administrative write: what the tenant's environments, people, the user's own roles
 * and the audit log look like has changed. Tenant-level keys only; no environment's data is
 * touched (a deleted environment's queries go with the switch away from it).
 */
export function invalidateAdministration(queryClient: QueryClient, tenant: string): Promise<void> {
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: environmentResources.list(tenant).queryKey }),
    queryClient.invalidateQueries({ queryKey: adminResources.users(tenant).queryKey }),
    queryClient.invalidateQueries({ queryKey: meResources.current(tenant).queryKey }),
    queryClient.invalidateQueries({ queryKey: [{ tenant, resource: 'audit' }] }),
  ]).then(() => undefined)
}
