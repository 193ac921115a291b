/**
 * The Overview table's order as the URL holds it (`?sort=errorRate.desc`), beside `env`,
 * `from`, `to` and `refresh`, which belong to the shell and the shared time range. No `sort`
 * means worst first. Reading never throws: an unusable value is dropped with a message.
 */
export type OverviewSortColumn =
  'application' | 'health' | 'throughput' | 'errorRate' | 'p99' | 'inflight'

export const OVERVIEW_SORT_COLUMNS: readonly OverviewSortColumn[] = [
  'application',
  'health',
  'throughput',
  'errorRate',
  'p99',
  'inflight',
]

export interface OverviewViewState {
  /** null: worst first (health, then error rate…: see health.ts). */
  sort: { column: OverviewSortColumn; desc: boolean } | null
}

export function readOverviewState(params: URLSearchParams): {
  state: OverviewViewState
  problems: string[]
} {
  const raw = params.get('sort')
  if (raw === null || raw === '') return { state: { sort: null }, problems: [] }
  const [column, direction, ...rest] = raw.split('.')
  if (
    rest.length === 0 &&
    (OVERVIEW_SORT_COLUMNS as readonly string[]).includes(column ?? '') &&
    (direction === 'asc' || direction === 'desc')
  ) {
    return {
      state: { sort: { column: column as OverviewSortColumn, desc: direction === 'desc' } },
      problems: [],
    }
  }
  return {
    state: { sort: null },
    problems: ['The sort order in the link is not one this table has; it was ignored.'],
  }
}

/** Writes the state into `params` (mutating and returning them), leaving every other key. */
export function writeOverviewState(
  params: URLSearchParams,
  state: OverviewViewState,
): URLSearchParams {
  if (state.sort) {
    params.set('sort', `${state.sort.column}.${state.sort.desc ? 'desc' : 'asc'}`)
  } else params.delete('sort')
  return params
}
