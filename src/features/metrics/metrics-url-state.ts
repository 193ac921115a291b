import { isWellFormedId } from '@/lib/ids'
import { DEFAULT_METRICS } from './agents/known-metrics'

/**
 * Every choice of the metrics view, as the URL holds it (beside `env`, `from`, `to` and
 * `refresh`, which belong to the shell and the shared time range), so a copied link opens
 * the same view. Reading never throws: an unusable value is dropped with a message.
 */
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

export const ROUTE_SORT_COLUMNS: readonly RouteSortColumn[] = [
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

export interface MetricsViewState {
  /** Routes table: only this application. */
  routesApp: string | null
  routeSort: { column: RouteSortColumn; desc: boolean }
  /** The route whose charts are shown. */
  route: { applicationId: string; routeId: string } | null
  /** Metric names charted, in the order chosen. */
  metrics: readonly string[]
  /** Agent filters: application (exact) and agent id (contains). */
  agentApp: string | null
  agent: string
  /** Show every agent's series instead of the top ones. */
  allAgents: boolean
}

export const defaultRouteSort = { column: 'errorRate', desc: true } as const

const METRIC_NAME = /^[A-Za-z0-9_.:-]{1,200}$/
/** The API takes 20 names per request. */
export const MAX_METRICS = 20
const MAX_AGENT_FILTER = 200

export function readMetricsViewState(params: URLSearchParams): {
  state: MetricsViewState
  problems: string[]
} {
  const problems: string[] = []
  const id = (name: string, what: string): string | null => {
    const value = params.get(name)
    if (value === null || value === '') return null
    if (!isWellFormedId(value)) {
      problems.push(`The ${what} in the link is not a valid id; it was ignored.`)
      return null
    }
    return value
  }

  const rawSort = params.get('sort')
  let routeSort: MetricsViewState['routeSort'] = { ...defaultRouteSort }
  if (rawSort) {
    const [column, direction] = rawSort.split('.')
    if (
      (ROUTE_SORT_COLUMNS as readonly string[]).includes(column ?? '') &&
      (direction === 'asc' || direction === 'desc')
    ) {
      routeSort = { column: column as RouteSortColumn, desc: direction === 'desc' }
    } else problems.push('The sort order in the link is not one this table has; it was ignored.')
  }

  const routeApp = id('routeApp', 'route’s application')
  const routeId = id('route', 'route')
  const route = routeApp && routeId ? { applicationId: routeApp, routeId } : null

  let metrics: readonly string[] = DEFAULT_METRICS
  const rawMetrics = params.get('metrics')
  if (rawMetrics !== null) {
    const names = [...new Set(rawMetrics.split(',').filter((name) => name !== ''))]
    const valid = names.filter((name) => METRIC_NAME.test(name)).slice(0, MAX_METRICS)
    if (valid.length < names.length) {
      problems.push(
        `Some metric names in the link were ignored (not a metric name, or more than ${MAX_METRICS}).`,
      )
    }
    metrics = valid
  }

  let agent = (params.get('agent') ?? '').trim()
  if (agent.length > MAX_AGENT_FILTER || !isWellFormedId(agent)) {
    problems.push('The agent filter in the link is too long or not valid; it was ignored.')
    agent = ''
  }

  return {
    state: {
      routesApp: id('routesApp', 'application filter of the routes'),
      routeSort,
      route,
      metrics,
      agentApp: id('agentApp', 'application filter of the agents'),
      agent,
      allAgents: params.get('agents') === 'all',
    },
    problems,
  }
}

const sameList = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((item, i) => item === b[i])

/** Writes the state into `params` (mutated and returned); defaults leave no parameter. */
export function writeMetricsViewState(
  params: URLSearchParams,
  state: MetricsViewState,
): URLSearchParams {
  const set = (name: string, value: string | null) => {
    if (value === null || value === '') params.delete(name)
    else params.set(name, value)
  }
  set('routesApp', state.routesApp)
  const sort = state.routeSort
  set(
    'sort',
    sort.column === defaultRouteSort.column && sort.desc === defaultRouteSort.desc
      ? null
      : `${sort.column}.${sort.desc ? 'desc' : 'asc'}`,
  )
  set('routeApp', state.route?.applicationId ?? null)
  set('route', state.route?.routeId ?? null)
  if (sameList(state.metrics, DEFAULT_METRICS)) params.delete('metrics')
  else params.set('metrics', state.metrics.join(','))
  set('agentApp', state.agentApp)
  set('agent', state.agent)
  set('agents', state.allAgents ? 'all' : null)
  return params
}
