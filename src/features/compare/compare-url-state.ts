import { isWellFormedId } from '@/lib/ids'
import { isAggregation, type Aggregation } from './overlay-series'
import type { RouteSort } from './route-comparison'

/**
 * The compare view's choices besides the two environments (`env`, `with`, handled by the
 * environment gate and `resolveComparison`) and the time range: the overlay's route, metric
 * and aggregation, the routes table's sort, and whether the fleet table shows only the
 * applications that differ. All in the URL, so a copied link opens the same comparison.
 */
export interface CompareViewState {
  route: { applicationId: string; routeId: string } | null
  metric: string | null
  aggregation: Aggregation
  sort: RouteSort
  /** The fleet table shows only applications that differ. */
  onlyDiffering: boolean
}

const DEFAULT_SORT: RouteSort = { key: 'p99', desc: true }

export function readCompareViewState(params: URLSearchParams): CompareViewState {
  const id = (name: string) => {
    const value = params.get(name)
    return value && isWellFormedId(value) ? value : null
  }
  const routeApp = id('routeApp')
  const routeId = id('route')
  const sortKey = params.get('sort')
  const aggregation = params.get('agg')
  return {
    route: routeApp && routeId ? { applicationId: routeApp, routeId } : null,
    metric: id('metric'),
    aggregation: isAggregation(aggregation) ? aggregation : 'mean',
    sort:
      sortKey === 'route' || sortKey === 'p99' || sortKey === 'errorRate'
        ? { key: sortKey, desc: params.get('dir') !== 'asc' }
        : DEFAULT_SORT,
    onlyDiffering: params.get('apps') === 'differing',
  }
}

export function writeCompareViewState(
  params: URLSearchParams,
  state: CompareViewState,
): URLSearchParams {
  const set = (name: string, value: string | null) => {
    if (value === null) params.delete(name)
    else params.set(name, value)
  }
  set('routeApp', state.route?.applicationId ?? null)
  set('route', state.route?.routeId ?? null)
  set('metric', state.metric)
  set('agg', state.aggregation === 'mean' ? null : state.aggregation)
  const defaultSort = state.sort.key === DEFAULT_SORT.key && state.sort.desc === DEFAULT_SORT.desc
  set('sort', defaultSort ? null : state.sort.key)
  set('dir', defaultSort ? null : state.sort.desc ? 'desc' : 'asc')
  set('apps', state.onlyDiffering ? 'differing' : null)
  return params
}
