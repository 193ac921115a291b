import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query'
import { tenantGet } from '@/lib/api/api-client'
import type { AuditAction } from '@/lib/api/types'
import { tenantKey } from '@/lib/query/query-scope'
import { auditPageSchema } from '@/lib/api/generated/response-schemas/audit-page'
import { userListSchema } from '@/lib/api/generated/response-schemas/user-list'

/** What the audit log is filtered by (the URL holds it); times as written, resolved per request. */
export interface AuditFilters {
  /** An environment id, `tenant` for tenant-wide entries only, or null for all. */
  environment: string | null
  actor: string | null
  action: AuditAction | null
  from: string
  to: string
}

export const AUDIT_PAGE_SIZE = 100

/**
 * Tenant administration (tenant role `admin`): the tenant's users with their access, and the
 * audit log. Tenant-level keys: no environment is in them, and a new tenant or user clears
 * the cache anyway.
 */
export const adminResources = {
  users: (tenant: string) =>
    queryOptions({
      queryKey: tenantKey(tenant, 'admin-users', 'list'),
      queryFn: ({ queryKey: [{ tenant }], signal }) =>
        tenantGet('/admin/users', { tenant, schema: userListSchema, signal }),
    }),

  /** Pages of the audit log, newest first; `resolve` turns `now-1h` into an instant. */
  audit: (
    tenant: string,
    filters: AuditFilters,
    resolve: (range: { from: string; to: string }) => { from: string; to: string },
  ) =>
    infiniteQueryOptions({
      queryKey: [{ ...tenantKey(tenant, 'audit', 'page')[0], ...filters }] as const,
      queryFn: ({ queryKey: [key], pageParam, signal }) => {
        const range = resolve({ from: key.from, to: key.to })
        return tenantGet('/audit', {
          tenant: key.tenant,
          schema: auditPageSchema,
          signal,
          query: {
            ...(key.environment === 'tenant'
              ? { tenantWide: true }
              : key.environment
                ? { environment: key.environment }
                : {}),
            ...(key.actor ? { actor: key.actor } : {}),
            ...(key.action ? { action: key.action } : {}),
            from: range.from,
            to: range.to,
            limit: AUDIT_PAGE_SIZE,
            ...(pageParam ? { cursor: pageParam } : {}),
          },
        })
      },
      initialPageParam: null as string | null,
      getNextPageParam: (page) => page.nextCursor,
    }),
}
