import { useQuery } from '@tanstack/react-query'
import { useMemo, useState } from 'react'
import { EmptyState, ErrorState, LoadingState } from '@/components/query-states'
import { RefreshFailedNotice } from '@/components/refresh-failed-notice'
import { useNow } from '@/components/time-display'
import { usePageTitle } from '@/environment/use-page-title'
import { GuardedAction } from '@/environment/guarded-action'
import { usePermissions } from '@/environment/use-permissions'
import { useScope } from '@/environment/use-scope'
import type { Schemas } from '@/lib/api/types'
import { polling } from '@/lib/query/retry-policy'
import { alertResources } from '@/lib/resources/alerts'
import { AlertValue, ExplainLinks, SeverityBadge, StartedCell } from './alert-cells'
import { AcknowledgeDialog, NewSilenceDialog } from './alert-writes'

/** `/alerts`: what is open in this environment now, newest first. */
export function OpenAlertsPage() {
  usePageTitle('Open alerts')
  const scope = useScope()
  const now = useNow(10_000)
  const alerts = useQuery({ ...alertResources.open(scope), refetchInterval: polling(30_000) })
  const rules = useQuery(alertResources.rules(scope))
  const { can } = usePermissions()
  const actions = can('alert.ack') || can('silences.change')
  const [dialog, setDialog] = useState<{ kind: 'ack' | 'silence'; alert: Schemas['Alert'] } | null>(
    null,
  )
  const ruleById = useMemo(
    () => new Map((rules.data?.items ?? []).map((rule) => [rule.ruleId, rule])),
    [rules.data],
  )
  if (alerts.isPending) return <LoadingState label={`Loading the open alerts of ${scope.env}…`} />
  if (alerts.isError && !alerts.data) {
    return <ErrorState error={alerts.error} onRetry={() => void alerts.refetch()} />
  }
  const items = alerts.data.items
  return (
    <section aria-labelledby="open-alerts-heading">
      <h2 id="open-alerts-heading" className="visually-hidden">
        Open alerts
      </h2>
      <RefreshFailedNotice what="the open alerts" query={alerts} now={now} />
      {items.length === 0 ? (
        <EmptyState title={`Nothing is firing in ${scope.env}`} />
      ) : (
        <div className="table-wrap">
          <table className="data-table" aria-label="Open alerts">
            <thead>
              <tr>
                <th scope="col">Severity</th>
                <th scope="col">Rule</th>
                <th scope="col">Summary</th>
                <th scope="col" className="num">
                  Value
                </th>
                <th scope="col">Started</th>
                <th scope="col">Acknowledged by</th>
                <th scope="col">Explained by</th>
                {actions ? <th scope="col">Actions</th> : null}
              </tr>
            </thead>
            <tbody>
              {items.map((alert) => {
                const rule = ruleById.get(alert.ruleId)
                return (
                  <tr key={alert.alertId}>
                    <td>
                      <SeverityBadge severity={alert.severity} />
                    </td>
                    <td>{alert.ruleName}</td>
                    <td>
                      {alert.summary}
                      {alert.silencedBy ? (
                        <>
                          {' '}
                          <strong className="alert-silenced">Silenced</strong>
                        </>
                      ) : null}
                    </td>
                    <td className="num">
                      <AlertValue alert={alert} rule={rule} />
                    </td>
                    <td>
                      <StartedCell iso={alert.startedAt} />
                    </td>
                    <td>
                      {alert.acknowledgedBy?.name ?? (alert.state === 'FIRING' ? 'Not yet' : '—')}
                    </td>
                    <td>
                      <ExplainLinks alert={alert} rule={rule} />
                    </td>
                    {actions ? (
                      <td className="alert-actions">
                        {alert.state === 'FIRING' ? (
                          <GuardedAction
                            action="alert.ack"
                            onClick={() => setDialog({ kind: 'ack', alert })}
                          >
                            Acknowledge {alert.ruleName}
                          </GuardedAction>
                        ) : null}
                        <GuardedAction
                          action="silences.change"
                          className="button button-quiet"
                          onClick={() => setDialog({ kind: 'silence', alert })}
                        >
                          <span className="visually-hidden">{alert.ruleName}: </span>Silence…
                        </GuardedAction>
                      </td>
                    ) : null}
                  </tr>
                )
              })}
            </tbody>
          </table>
        </div>
      )}
      {dialog?.kind === 'ack' ? (
        <AcknowledgeDialog alert={dialog.alert} onClose={() => setDialog(null)} />
      ) : null}
      {dialog?.kind === 'silence' ? (
        <NewSilenceDialog
          prefill={{ ruleId: dialog.alert.ruleId }}
          onClose={() => setDialog(null)}
        />
      ) : null}
    </section>
  )
}
