import type { UseQueryResult } from '@tanstack/react-query'
import type { Schemas } from '@/lib/api/types'
import type { Scope } from '@/lib/query/query-scope'
import type { Resolved } from '@/lib/resources/range'

/** One side of the comparison as the sections see it: its scope and its own queries only. */
export interface SideView {
  /** `null`: this side has no environment (none chosen, or refused). */
  scope: Scope | null
  env: string | null
  agents: UseQueryResult<Schemas['AgentList']> | null
  stats: UseQueryResult<Schemas['RouteStatsList'] & Resolved> | null
}

/** What a section shows for a side that has nothing (yet): loading, failed, or none chosen. */
export function sideStatus(
  env: string | null,
  query: { isPending: boolean; isError: boolean; data?: unknown } | null,
): string | null {
  if (!env || !query) return 'no environment chosen'
  if (query.data !== undefined) return null
  if (query.isError) return `could not load ${env}`
  return `loading ${env}…`
}
