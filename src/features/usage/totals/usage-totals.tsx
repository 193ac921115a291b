import type { UseQueryResult } from '@tanstack/react-query'
import { ErrorState, LoadingState } from '@/components/query-states'
import type { UsageTotals } from '@/lib/api/types'
import { MEASURES } from '../usage-measures'
import { compareWithPrevious } from './usage-change'

/**
 * The period's totals for the active environment, each with its change against the period of
 * the same length before, as text ("+12 % vs the previous 9 h 30 min").
 */
export function UsageTotalsCards({
  environment,
  totals,
  previous,
  previousLabel,
}: {
  environment: string
  totals: UseQueryResult<{ totals: UsageTotals }>
  previous: UseQueryResult<{ totals: UsageTotals }>
  /** "the previous 30 days": what the change is measured against. */
  previousLabel: string
}) {
  if (totals.isPending) return <LoadingState label={`Loading the usage of ${environment}…`} />
  if (totals.isError) {
    return (
      <ErrorState
        error={totals.error}
        title={`Could not load the usage of ${environment}`}
        onRetry={() => void totals.refetch()}
      />
    )
  }
  const current = totals.data.totals
  return (
    <ul className="cards usage-cards" aria-label={`Totals for ${environment}`}>
      {MEASURES.map((measure) => {
        const value = current[measure.key]
        const change = previous.data
          ? compareWithPrevious(value, previous.data.totals[measure.key])
          : null
        return (
          <li key={measure.key} className="card usage-card">
            <div className="card-label">{measure.label}</div>
            <div className="card-value" title={measure.exact(value)}>
              {measure.short(value)}
            </div>
            <div className="usage-change">
              {change ? (
                <>
                  <strong>{change.text}</strong>{' '}
                  {change.kind === 'change'
                    ? `vs ${previousLabel}`
                    : change.kind === 'new'
                      ? `(none in ${previousLabel})`
                      : `in this or ${previousLabel}`}
                </>
              ) : previous.isError ? (
                'no comparison (the previous period did not load)'
              ) : (
                'comparing…'
              )}
            </div>
          </li>
        )
      })}
    </ul>
  )
}
