import {
  choiceOr,
  defineUrlState,
  flag,
  id,
  mapField,
  routeRef,
  sort,
} from '@/lib/url-state/url-state'
import { aggregations } from './overlay-series'
import type { RouteSort } from './route-comparison'

const DEFAULT_SORT: RouteSort = { key: 'p99', desc: true }

/**
 * The compare view's choices besides the two environments (`env`, `with`, handled by the
 * environment gate and `resolveComparison`) and the time range: the overlay's route, metric
 * and aggregation, the routes table's sort, and whether the fleet table shows only the
 * applications that differ (`apps=differing`). All in the URL, so a copied link opens the
 * same comparison.
 */
export const compareView = defineUrlState({
  route: routeRef(
    { applicationId: 'routeApp', routeId: 'route' },
    { applicationId: 'route’s application', routeId: 'route' },
  ),
  metric: id('metric', 'metric'),
  aggregation: choiceOr(
    'agg',
    aggregations.map((option) => option.value),
    'mean',
    { label: 'aggregation' },
  ),
  sort: mapField(
    sort({ column: 'sort', dir: 'dir' }, ['route', 'p99', 'errorRate'], {
      label: 'sort column',
      fallback: { column: DEFAULT_SORT.key, desc: DEFAULT_SORT.desc },
      defaultDesc: true,
    }),
    {
      fallback: DEFAULT_SORT,
      from: ({ column, desc }): RouteSort => ({ key: column, desc }),
      to: ({ key, desc }) => ({ column: key, desc }),
    },
  ),
  onlyDiffering: flag('apps', 'differing', 'applications shown'),
})

export type CompareViewState = typeof compareView.defaults
