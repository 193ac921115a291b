import { useQuery } from '@tanstack/react-query'
import { useMemo } from 'react'
import { EmptyState, ErrorState, LoadingState } from '@/components/query-states'
import { ExactTime, useNow } from '@/components/time-display'
import { usePageTitle } from '@/environment/use-page-title'
import { useScope } from '@/environment/use-scope'
import type { Schemas } from '@/lib/api/types'
import { alertResources } from '@/lib/resources/alerts'

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
  return (
    <section aria-labelledby="silences-heading">
      <h2 id="silences-heading" className="visually-hidden">
        Silences
      </h2>
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
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  )
}
