import { defineUrlState, sort } from '@/lib/url-state/url-state'

/**
 * The Overview table's order as the URL holds it (`?sort=errorRate&dir=desc`), beside `env`,
 * `from`, `to` and `refresh`, which belong to the shell and the shared time range. No `sort`
 * means worst first (health.ts).
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

export const overviewView = defineUrlState({
  sort: sort({ column: 'sort', dir: 'dir' }, OVERVIEW_SORT_COLUMNS, {
    label: 'sort column',
    fallback: null,
    defaultDesc: false,
  }),
})

export type OverviewViewState = typeof overviewView.defaults
