import { useQuery } from '@tanstack/react-query'
import { useMemo, useState } from 'react'
import { EmptyState, ErrorState, LoadingState } from '@/components/query-states'
import { ExactTime, useNow } from '@/components/time-display'
import { usePageTitle } from '@/environment/use-page-title'
import { GuardedAction } from '@/environment/guarded-action'
import { usePermissions } from '@/environment/use-permissions'
import { useScope } from '@/environment/use-scope'
import type { Schemas } from '@/lib/api/types'
import { alertResources } from '@/lib/resources/alerts'
import { EndSilenceDialog, NewSilenceDialog } from './alert-writes'

/** What a silence covers, in words. */
export function silenceTarget(
  silence: Pick<Schemas['Silence'], 'ruleId' | 'applicationId'>,
  ruleName: (ruleId: string) => string | undefined,
): string {
  const parts: string[] = []
  if (silence.ruleId) parts.push(`Rule ${ruleName(silence.ruleId) ?? silence.ruleId}`)
  if (silence.applicationId) parts.push(`Application ${silence.applicationId}`)
  return parts.length ? parts.join(', ') : 'The whole environment'
}

/** `/alerts/silences`: the silences in force now and those still to come. */
export function SilencesPage() {
  usePageTitle('Silences')
  const scope = useScope()
  const silences = useQuery(alertResources.silences(scope))
  const rules = useQuery(alertResources.rules(scope))
  const names = useMemo(
    () => new Map((rules.data?.items ?? []).map((rule) => [rule.ruleId, rule.name])),
    [rules.data],
  )
  const now = useNow(30_000).getTime()
  const { can } = usePermissions()
  const [dialog, setDialog] = useState<
    { kind: 'new' } | { kind: 'end'; silence: Schemas['Silence']; what: string } | null
  >(null)
  return (
    <section aria-labelledby="silences-heading">
      <div className="alerts-section-header">
        <h2 id="silences-heading" className="visually-hidden">
          Silences
        </h2>
        <GuardedAction
          action="silences.change"
          className="button button-primary"
          onClick={() => setDialog({ kind: 'new' })}
        >
          New silence
        </GuardedAction>
      </div>
      {silences.isPending ? (
        <LoadingState label={`Loading the silences of ${scope.env}…`} />
      ) : silences.isError ? (
        <ErrorState error={silences.error} onRetry={() => void silences.refetch()} />
      ) : silences.data.items.length === 0 ? (
        <EmptyState title={`No silences in ${scope.env}`}>Every alert notifies.</EmptyState>
      ) : (
        <div className="table-wrap">
          <table className="data-table" aria-label="Silences">
            <thead>
              <tr>
                <th scope="col">Silences</th>
                <th scope="col">State</th>
                <th scope="col">From</th>
                <th scope="col">Until</th>
                <th scope="col">Comment</th>
                <th scope="col">Created by</th>
                {can('silences.change') ? <th scope="col">Actions</th> : null}
              </tr>
            </thead>
            <tbody>
              {silences.data.items.map((silence) => (
                <tr key={silence.silenceId}>
                  <td>{silenceTarget(silence, (id) => names.get(id))}</td>
                  <td>{Date.parse(silence.startsAt) <= now ? 'Active' : 'Scheduled'}</td>
                  <td>
                    <ExactTime iso={silence.startsAt} />
                  </td>
                  <td>
                    <ExactTime iso={silence.endsAt} />
                  </td>
                  <td>{silence.comment}</td>
                  <td>{silence.createdBy.name}</td>
                  {can('silences.change') ? (
                    <td>
                      <button
                        type="button"
                        className="button"
                        onClick={() =>
                          setDialog({
                            kind: 'end',
                            silence,
                            what: silenceTarget(silence, (id) => names.get(id)),
                          })
                        }
                      >
                        End now
                        <span className="visually-hidden">
                          : the silence of {silenceTarget(silence, (id) => names.get(id))}
                        </span>
                      </button>
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {dialog?.kind === 'new' ? <NewSilenceDialog onClose={() => setDialog(null)} /> : null}
      {dialog?.kind === 'end' ? (
        <EndSilenceDialog
          silence={dialog.silence}
          what={dialog.what}
          onClose={() => setDialog(null)}
        />
      ) : null}
    </section>
  )
}
