import { useMemo } from 'react'
import { useClaims } from '@/session/session-store'
import type { Scope } from '@/lib/query/query-scope'
import { useActiveEnvironment } from './environment-store'

/**
 * The tenant and environment every scoped query is made for. Only rendered below the
 * environment gate, which guarantees both are resolved. The object is stable while the scope
 * is, so pages can memoize query options and children on it.
 */
export function useScope(): Scope {
  const tenant = useClaims()?.tenant
  const env = useActiveEnvironment()
  const scope = useMemo(() => (tenant && env ? { tenant, env } : null), [tenant, env])
  if (!scope) {
    throw new Error('useScope() used outside the environment gate: no tenant or environment yet.')
  }
  return scope
}
