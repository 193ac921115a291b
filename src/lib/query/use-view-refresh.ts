import { useIsFetching, useQueryClient } from '@tanstack/react-query'
import { keyHasScope, type Scope } from './query-scope'

type QueryPredicate = (query: { queryKey: readonly unknown[] }) => boolean

/**
 * A page's Refresh: refetches the active queries `ofThisView` picks and says whether any of
 * them is fetching (its spinner). Given a scope, every key of that scope: keys name resources,
 * not views, and the page's are the only ones of the environment on screen.
 */
export function useViewRefresh(ofThisView: Scope | QueryPredicate): {
  refresh: () => void
  refreshing: boolean
} {
  const queryClient = useQueryClient()
  const predicate: QueryPredicate =
    typeof ofThisView === 'function'
      ? ofThisView
      : (query) => keyHasScope(query.queryKey, ofThisView)
  const refreshing = useIsFetching({ predicate }) > 0
  const refresh = () => void queryClient.refetchQueries({ predicate, type: 'active' })
  return { refresh, refreshing }
}
