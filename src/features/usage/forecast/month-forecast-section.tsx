import { useQuery } from '@tanstack/react-query'
import { useMemo } from 'react'
import { ErrorState, LoadingState } from '@/components/query-states'
import type { Scope } from '@/lib/query/query-scope'
import { MEASURES } from '../usage-measures'
import { usageQueries } from '../usage-queries'
import { computeMonthForecast, FORECAST_WINDOW_DAYS } from './month-forecast'

const utcDate = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  timeZone: 'UTC',
})
const utcMonth = new Intl.DateTimeFormat('en-GB', {
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
})
const daysFormat = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 })

/** The billing month so far and where it is heading, for the active environment. */
export function MonthForecastSection({
  scope,
  headingId,
  enabled,
}: {
  scope: Scope
  headingId: string
  /** False until the page's totals are in: they go first. */
  enabled: boolean
}) {
  const query = useQuery({ ...usageQueries.monthForecast(scope), enabled })
  const forecast = useMemo(
    () => (query.data ? computeMonthForecast(query.data.points, new Date(query.data.now)) : null),
    [query.data],
  )
  const month = utcMonth.format(forecast ? new Date(forecast.monthStart) : new Date())

  return (
    <section className="usage-section" aria-labelledby={headingId}>
      <h2 id={headingId}>
        This month so far ({month}, UTC) in {scope.env}
      </h2>
      {query.isPending ? (
        <LoadingState label="Loading this month's usage…" />
      ) : query.isError || !forecast ? (
        <ErrorState
          error={query.error}
          title="Could not load this month's usage"
          onRetry={() => void query.refetch()}
        />
      ) : (
        <>
          <div className="table-wrap">
            <table className="data-table usage-forecast-table">
              <caption className="visually-hidden">Month to date and estimate for {month}</caption>
              <thead>
                <tr>
                  <th scope="col">Measure</th>
                  <th scope="col" className="num">
                    Month to date
                  </th>
                  <th scope="col" className="num">
                    Estimate for the whole month
                  </th>
                </tr>
              </thead>
              <tbody>
                {MEASURES.map((measure) => (
                  <tr key={measure.key}>
                    <th scope="row">{measure.label}</th>
                    <td className="num" title={measure.exact(forecast.monthToDate[measure.key])}>
                      {measure.short(forecast.monthToDate[measure.key])}
                    </td>
                    <td className="num">
                      {forecast.estimate ? (
                        <span title={measure.exact(forecast.estimate[measure.key])}>
                          ≈ {measure.short(forecast.estimate[measure.key])}
                        </span>
                      ) : (
                        '—'
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <p className="usage-note">
            {forecast.basis ? (
              <>
                <strong>Estimate</strong>, not a bill: month to date plus the mean daily usage of
                the last {forecast.basis.days} complete UTC{' '}
                {forecast.basis.days === 1 ? 'day' : 'days'} (
                {utcDate.format(new Date(forecast.basis.from))}–
                {utcDate.format(new Date(Date.parse(forecast.basis.to) - 1))}) times the{' '}
                {daysFormat.format(forecast.daysLeft)} days left until the month ends (
                {utcDate.format(new Date(forecast.monthEnd))} 00:00 UTC). A change in traffic from
                today on is not in it.
              </>
            ) : (
              <>
                No estimate yet: it needs at least one complete UTC day of usage in the last{' '}
                {FORECAST_WINDOW_DAYS} days.
              </>
            )}
          </p>
        </>
      )}
    </section>
  )
}
