import { useCallback, useMemo } from 'react'
import type { Environment } from '@/lib/api/types'
import { useAvailableEnvironments } from './use-available-environments'

/** Looks environments up by id in the list the switcher shows (undefined while it loads). */
export function useEnvironmentLookup(): (id: string | null | undefined) => Environment | undefined {
  const { items } = useAvailableEnvironments()
  const byId = useMemo(() => new Map(items.map((item) => [item.id, item])), [items])
  return useCallback((id) => (id ? byId.get(id) : undefined), [byId])
}

/** One environment as the server describes it (undefined while the list loads). */
export function useEnvironmentInfo(id: string | null | undefined): Environment | undefined {
  return useEnvironmentLookup()(id)
}
