import { useInfiniteQuery, useQuery } from '@tanstack/react-query'
import { useMemo } from 'react'
import { IgnoredLinkValues } from '@/components/ignored-link-values'
import { EmptyState, ErrorState, LoadingState } from '@/components/query-states'
import { RelativeTime } from '@/components/time-display'
import { usePageTitle } from '@/environment/use-page-title'
import { useScope } from '@/environment/use-scope'
import { SEVERITY_WORDS } from '@/lib/alert-conditions'
import { pluralize } from '@/lib/format'
import { alertResources, type AlertFilters } from '@/lib/resources/alerts'
import { choice, defineUrlState, id } from '@/lib/url-state/url-state'
import { useUrlState } from '@/lib/url-state/use-url-state'
import { ExplainLinks, SeverityBadge, StartedCell } from './alert-cells'

const SEVERITIES = ['CRITICAL', 'WARNING', 'INFO'] as const

/** `?severity=CRITICAL&rule=<ruleId>`: what a link to the history reproduces. */
export const historyFilters = defineUrlState({
  severity: choice('severity', SEVERITIES, { label: 'severity', upperCase: true }),
  rule: id('rule', 'rule filter'),
})

/** `/alerts/history`: resolved alerts, newest first, paged by cursor to the end. */
export function AlertHistoryPage() {
  usePageTitle('Alert history')
  const scope = useScope()
  const { values: filters, ignored, set } = useUrlState(historyFilters)
  const apiFilters = useMemo(() => {
    const chosen: AlertFilters = { state: 'RESOLVED' }
    if (filters.severity) chosen.severity = filters.severity
    if (filters.rule) chosen.ruleId = filters.rule
    return chosen
  }, [filters.severity, filters.rule])
  const history = useInfiniteQuery(alertResources.list(scope, apiFilters))
  const rules = useQuery(alertResources.rules(scope))
  const ruleById = useMemo(
    () => new Map((rules.data?.items ?? []).map((rule) => [rule.ruleId, rule])),
    [rules.data],
  )
  const items = useMemo(
    () => history.data?.pages.flatMap((page) => page.items) ?? [],
    [history.data],
  )

  return (
    <section aria-labelledby="alert-history-heading">
      <h2 id="alert-history-heading" className="visually-hidden">
        History
      </h2>
      <IgnoredLinkValues rangeProblem={null} problems={ignored} />
      <div className="filters-bar">
        <div className="field">
          <label htmlFor="history-severity">Severity</label>
          <select
            id="history-severity"
            value={filters.severity ?? ''}
            onChange={(event) =>
              set({ severity: (event.target.value || null) as (typeof SEVERITIES)[number] | null })
            }
          >
            <option value="">Any</option>
            {SEVERITIES.map((severity) => (
              <option key={severity} value={severity}>
                {SEVERITY_WORDS[severity]}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="history-rule">Rule</label>
          <select
            id="history-rule"
            value={filters.rule ?? ''}
            onChange={(event) => set({ rule: event.target.value || null })}
          >
            <option value="">Any</option>
            {(rules.data?.items ?? []).map((rule) => (
              <option key={rule.ruleId} value={rule.ruleId}>
                {rule.name}
              </option>
            ))}
            {filters.rule && !ruleById.has(filters.rule) ? (
              <option value={filters.rule}>{filters.rule} (deleted)</option>
            ) : null}
          </select>
        </div>
      </div>
      {history.isPending ? (
        <LoadingState label={`Loading the alert history of ${scope.env}…`} />
      ) : history.isError && !history.data ? (
        <ErrorState error={history.error} onRetry={() => void history.refetch()} />
      ) : items.length === 0 ? (
        <EmptyState title="No resolved alerts match" />
      ) : (
        <>
          <p className="result-count" role="status">
            {history.hasNextPage
              ? `${pluralize(items.length, 'alert')} so far`
              : pluralize(items.length, 'alert')}
          </p>
          <div className="table-wrap">
            <table className="data-table" aria-label="History">
              <thead>
                <tr>
                  <th scope="col">Severity</th>
                  <th scope="col">Rule</th>
                  <th scope="col">Summary</th>
                  <th scope="col">Started</th>
                  <th scope="col">Resolved</th>
                  <th scope="col">Acknowledged by</th>
                  <th scope="col">Explained by</th>
                </tr>
              </thead>
              <tbody>
                {items.map((alert) => (
                  <tr key={alert.alertId}>
                    <td>
                      <SeverityBadge severity={alert.severity} />
                    </td>
                    <td>{alert.ruleName}</td>
                    <td>{alert.summary}</td>
                    <td>
                      <StartedCell iso={alert.startedAt} />
                    </td>
                    <td>{alert.resolvedAt ? <RelativeTime iso={alert.resolvedAt} /> : '—'}</td>
                    <td>{alert.acknowledgedBy?.name ?? '—'}</td>
                    <td>
                      <ExplainLinks alert={alert} rule={ruleById.get(alert.ruleId)} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {history.hasNextPage ? (
            <button
              type="button"
              className="button"
              disabled={history.isFetchingNextPage}
              onClick={() => void history.fetchNextPage()}
            >
              {history.isFetchingNextPage ? 'Loading…' : 'Load more'}
            </button>
          ) : null}
        </>
      )}
    </section>
  )
}
