import { infiniteQueryOptions, queryOptions, type QueryKey } from '@tanstack/react-query'

/**
 * Scope lives in the query key. Every key is `[{ tenant, env, resource, entity, ...params }]`,
 * built here and nowhere else, and every query function reads its tenant and environment back
 * out of the key, so the request made and the cache entry written can never disagree, however
 * fast the user switches. Switching environment changes every key: no manual invalidation.
 * A key names the resource fetched (`agents`/`list`), never the view that asks, so two views
 * that read the same thing share one cache entry (see `lib/resources`).
 */
export interface Scope {
  tenant: string
  env: string
}

export interface ScopedKeyHead extends Scope {
  resource: string
  entity: string
}

export function scopedKey<
  const R extends string,
  const E extends string,
  P extends object = object,
>(
  scope: Scope,
  resource: R,
  entity: E,
  params?: P,
): readonly [{ tenant: string; env: string; resource: R; entity: E } & P] {
  // Scope first, then params: a param can never overwrite the scope.
  return [
    { ...params, tenant: scope.tenant, env: scope.env, resource, entity } as {
      tenant: string
      env: string
      resource: R
      entity: E
    } & P,
  ] as const
}

/**
 * A query whose function receives its own key object (scope included) and the abort signal.
 * Use this for every data query so a query cannot be written without a scope.
 */
export function scopedQuery<K extends ScopedKeyHead, TData>(
  key: readonly [K],
  fetch: (key: K, signal: AbortSignal) => Promise<TData>,
) {
  return queryOptions({
    queryKey: key,
    queryFn: ({ queryKey, signal }) => fetch(queryKey[0], signal),
  })
}

/**
 * `scopedQuery` for paged resources: the page function receives its own key object, the page
 * parameter and the abort signal.
 */
export function scopedInfiniteQuery<K extends ScopedKeyHead, TPage, TPageParam>(
  key: readonly [K],
  paging: {
    fetch: (key: K, pageParam: TPageParam, signal: AbortSignal) => Promise<TPage>
    initialPageParam: TPageParam
    getNextPageParam: (lastPage: TPage) => TPageParam | undefined
  },
) {
  return infiniteQueryOptions({
    queryKey: key,
    queryFn: ({ queryKey, pageParam, signal }) =>
      paging.fetch(queryKey[0], pageParam as TPageParam, signal),
    initialPageParam: paging.initialPageParam,
    getNextPageParam: paging.getNextPageParam,
  })
}

/** Tenant-level key (for resources above environments, e.g. the environment list). */
export function tenantKey<const R extends string, const E extends string>(
  tenant: string,
  resource: R,
  entity: E,
) {
  return [{ tenant, resource, entity }] as const
}

function headOf(key: QueryKey): Partial<ScopedKeyHead> | undefined {
  const head = key[0]
  return head && typeof head === 'object' ? (head as Partial<ScopedKeyHead>) : undefined
}

/** Whether a key is of exactly this tenant and environment (tenant-level keys are not). */
export function keyHasScope(key: QueryKey, scope: Scope): boolean {
  const head = headOf(key)
  return head?.tenant === scope.tenant && head.env === scope.env
}

export function keyIsInScope(key: QueryKey, scope: Partial<Scope>): boolean {
  const head = headOf(key)
  if (!head) return false
  if (scope.tenant !== undefined && head.tenant !== scope.tenant) return false
  if (scope.env !== undefined && head.env !== undefined && head.env !== scope.env) return false
  return true
}

/**
 * `placeholderData` that keeps the previous page only while it belongs to the same tenant and
 * environment (e.g. while a filter changes), never across a switch.
 */
export function keepPreviousInScope<T>(
  previousData: T | undefined,
  previousQuery: { queryKey: QueryKey } | undefined,
  scope: Scope,
): T | undefined {
  if (!previousQuery || previousData === undefined) return undefined
  const head = headOf(previousQuery.queryKey)
  return head?.tenant === scope.tenant && head?.env === scope.env ? previousData : undefined
}
