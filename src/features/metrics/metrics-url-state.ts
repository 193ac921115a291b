import {
  defineUrlState,
  flag,
  id,
  list,
  param,
  routeRef,
  shown,
  text,
} from '@/lib/url-state/url-state'
import { DEFAULT_METRICS } from './agents/known-metrics'

export type RouteSortColumn =
  | 'application'
  | 'route'
  | 'exchanges'
  | 'failed'
  | 'errorRate'
  | 'meanMs'
  | 'p50Ms'
  | 'p95Ms'
  | 'p99Ms'

const ROUTE_SORT_COLUMNS: readonly RouteSortColumn[] = [
  'application',
  'route',
  'exchanges',
  'failed',
  'errorRate',
  'meanMs',
  'p50Ms',
  'p95Ms',
  'p99Ms',
]

const METRIC_NAME = /^[A-Za-z0-9_.:-]{1,200}$/
/** The API takes 20 names per request. */
export const MAX_METRICS = 20

type RouteSort = { column: RouteSortColumn; desc: boolean }

/**
 * Every choice of the metrics view, as the URL holds it (beside `env`, `from`, `to` and
 * `refresh`, which belong to the shell and the shared time range), so a copied link opens
 * the same view: the routes table's application filter and sort (`sort=p99Ms.asc`), the route
 * whose charts are shown, the metric names charted (in the order chosen), the agents'
 * application filter (exact) and agent filter (contains), and whether every agent's series
 * is shown instead of the top ones.
 */
export const metricsView = defineUrlState({
  routesApp: id('routesApp', 'application filter of the routes'),
  routeSort: param<RouteSort>('sort', {
    fallback: { column: 'errorRate', desc: true },
    equals: (a, b) => a.column === b.column && a.desc === b.desc,
    parse(raw) {
      if (raw === '') return { value: { column: 'errorRate', desc: true } }
      const [column, direction] = raw.split('.')
      if (
        (ROUTE_SORT_COLUMNS as readonly string[]).includes(column ?? '') &&
        (direction === 'asc' || direction === 'desc')
      )
        return { value: { column: column as RouteSortColumn, desc: direction === 'desc' } }
      return { ignored: `The sort order ${shown(raw)} is not one this table has.` }
    },
    serialize: (sort) => `${sort.column}.${sort.desc ? 'desc' : 'asc'}`,
  }),
  route: routeRef(
    { applicationId: 'routeApp', routeId: 'route' },
    { applicationId: 'route’s application', routeId: 'route' },
  ),
  metrics: list('metrics', {
    fallback: DEFAULT_METRICS,
    item: METRIC_NAME,
    max: MAX_METRICS,
    label: 'metric names',
    itemName: 'a metric name',
  }),
  agentApp: id('agentApp', 'application filter of the agents'),
  agent: text('agent', { label: 'agent filter', max: 200, whenLonger: 'drop', idLike: true }),
  allAgents: flag('agents', 'all', 'agents shown'),
})

export type MetricsViewState = typeof metricsView.defaults
