import { useClaims } from '@/session/session-store'
import type { Scope } from '@/lib/query/query-scope'
import { useActiveEnvironment } from './environment-store'

/**
 * The tenant and environment every scoped query is made for. Only rendered below the
 * environment gate, which guarantees both are resolved.
 */
export function useScope(): Scope {
  const claims = useClaims()
  const env = useActiveEnvironment()
  if (!claims || !env) {
    throw new Error('useScope() used outside the environment gate: no tenant or environment yet.')
  }
  return { tenant: claims.tenant, env }
}
