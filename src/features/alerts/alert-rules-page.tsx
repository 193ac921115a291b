import { useQuery } from '@tanstack/react-query'
import { useMemo } from 'react'
import { EmptyState, ErrorState, LoadingState } from '@/components/query-states'
import { RelativeTime } from '@/components/time-display'
import { ScopedLink } from '@/environment/scoped-link'
import { usePageTitle } from '@/environment/use-page-title'
import { usePermissions } from '@/environment/use-permissions'
import { useScope } from '@/environment/use-scope'
import { conditionSentence } from '@/lib/alert-conditions'
import { alertResources } from '@/lib/resources/alerts'
import { SeverityBadge } from './alert-cells'

/** `/alerts/rules`: the environment's rules, each in a sentence, and whether it fires now. */
export function AlertRulesPage() {
  usePageTitle('Alert rules')
  const scope = useScope()
  const rules = useQuery(alertResources.rules(scope))
  const open = useQuery(alertResources.open(scope))
  const { can } = usePermissions()
  const firing = useMemo(
    () => new Set((open.data?.items ?? []).map((alert) => alert.ruleId)),
    [open.data],
  )
  return (
    <section aria-labelledby="alert-rules-heading">
      <div className="alerts-section-header">
        <h2 id="alert-rules-heading" className="visually-hidden">
          Rules
        </h2>
        {can('alert-rules.change') ? (
          <ScopedLink to="/alerts/rules/new" className="button button-primary">
            New rule
          </ScopedLink>
        ) : null}
      </div>
      {rules.isPending ? (
        <LoadingState label={`Loading the alert rules of ${scope.env}…`} />
      ) : rules.isError ? (
        <ErrorState error={rules.error} onRetry={() => void rules.refetch()} />
      ) : rules.data.items.length === 0 ? (
        <EmptyState title={`No alert rules in ${scope.env}`} />
      ) : (
        <div className="table-wrap">
          <table className="data-table" aria-label="Alert rules">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Severity</th>
                <th scope="col">Condition</th>
                <th scope="col">Enabled</th>
                <th scope="col">Firing now</th>
                <th scope="col">Last changed</th>
              </tr>
            </thead>
            <tbody>
              {rules.data.items.map((rule) => (
                <tr key={rule.ruleId}>
                  <td>
                    <ScopedLink to={`/alerts/rules/${encodeURIComponent(rule.ruleId)}`}>
                      {rule.name}
                    </ScopedLink>
                  </td>
                  <td>
                    <SeverityBadge severity={rule.severity} />
                  </td>
                  <td>{conditionSentence(rule.condition, rule.forSeconds)}</td>
                  <td>{rule.enabled ? 'Yes' : 'No'}</td>
                  <td>{open.data ? (firing.has(rule.ruleId) ? 'Yes' : 'No') : '…'}</td>
                  <td>
                    by {rule.updatedBy.name}, <RelativeTime iso={rule.updatedAt} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  )
}
