import { lazy, Suspense, useId } from 'react'
import { describeError, ErrorState, LoadingState } from '@/components/query-states'
import { environmentLabel, isProduction } from '@/environment/environment-info'
import { useEnvironmentLookup } from '@/environment/use-environment-info'
import { formatPercent } from '@/lib/format'
import { useTimeZonePreference } from '@/lib/preferences-store'
import type { Granularity } from '@/lib/resources/usage'
import { MEASURES, type MeasureDefinition } from '../usage-measures'
import type { EnvironmentUsage } from './use-environment-usage'

const UsageStackedChart = lazy(async () => ({
  default: (await import('../charts/usage-charts')).UsageStackedChart,
}))

/**
 * Every environment the user may see, side by side: the period's totals, each one's share of
 * the total of the chosen measure, and a stacked chart of that measure by environment. One
 * environment that fails shows its error in its own row; the others stay.
 */
export function EnvironmentUsageTable({
  rows,
  listPending,
  listError,
  onRetryList,
  activeEnvironment,
  measure,
  granularity,
}: {
  rows: readonly EnvironmentUsage[]
  listPending: boolean
  listError: unknown
  onRetryList: () => void
  activeEnvironment: string
  measure: MeasureDefinition
  granularity: Granularity
}) {
  const timeZone = useTimeZonePreference()
  const captionId = useId()
  const lookup = useEnvironmentLookup()
  const labelOf = (environment: string) => environmentLabel(lookup(environment), environment)
  if (listPending) return <LoadingState label="Loading the environments…" />
  if (listError && rows.length === 0) {
    return (
      <ErrorState error={listError} title="Could not load the environments" onRetry={onRetryList} />
    )
  }
  const loaded = rows.filter((row) => row.query.data)
  const complete = loaded.length === rows.length
  const total = loaded.reduce((sum, row) => sum + (row.query.data?.totals[measure.key] ?? 0), 0)
  const missing = rows.filter((row) => !row.query.data).map((row) => row.environment)

  return (
    <>
      <div className="table-wrap">
        <table className="data-table usage-env-table" aria-labelledby={captionId}>
          <caption id={captionId} className="usage-table-caption">
            Usage by environment; share of the {measure.label.toLowerCase()} of{' '}
            {rows.length === 1 ? 'the environment' : `the ${rows.length} environments`} you may see
          </caption>
          <thead>
            <tr>
              <th scope="col">Environment</th>
              {MEASURES.map((column) => (
                <th key={column.key} scope="col" className="num">
                  {column.label}
                </th>
              ))}
              <th scope="col" className="num">
                Share of {measure.label.toLowerCase()}
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map(({ environment, query }) => (
              <tr
                key={environment}
                aria-current={environment === activeEnvironment ? 'true' : undefined}
              >
                <th scope="row">
                  {labelOf(environment)}
                  {environment === activeEnvironment ? (
                    <span className="usage-env-active"> (active)</span>
                  ) : null}
                </th>
                {query.data ? (
                  <>
                    {MEASURES.map((column) => {
                      const value = query.data.totals[column.key]
                      return (
                        <td key={column.key} className="num" title={column.exact(value)}>
                          {column.short(value)}
                        </td>
                      )
                    })}
                    <td className="num">
                      {complete && total > 0
                        ? formatPercent(query.data.totals[measure.key] / total)
                        : '—'}
                    </td>
                  </>
                ) : query.isError ? (
                  <td colSpan={MEASURES.length + 1} className="usage-row-error">
                    <span role="alert">
                      Could not load the usage of {labelOf(environment)}:{' '}
                      {describeError(query.error).title}.
                    </span>{' '}
                    <button type="button" className="button" onClick={() => void query.refetch()}>
                      Try again for {labelOf(environment)}
                    </button>
                  </td>
                ) : (
                  <td colSpan={MEASURES.length + 1}>
                    <span className="spinner usage-row-spinner" aria-hidden="true" /> Loading…
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {!complete && missing.length > 0 && loaded.length > 0 ? (
        <p className="usage-note">
          Shares are shown once every environment has loaded (missing:{' '}
          {missing.map(labelOf).join(', ')}).
        </p>
      ) : null}
      {loaded.length > 0 ? (
        <figure className="usage-figure" aria-label={`${measure.label} by environment, stacked`}>
          <figcaption className="usage-figure-caption">
            {measure.label} per {granularity === 'day' ? 'UTC day' : 'UTC hour'}, stacked by
            environment (the table above gives each environment&apos;s total; the CSV has every
            bucket)
          </figcaption>
          <div className="usage-chart usage-chart-stacked" aria-hidden="true">
            <Suspense fallback={<div className="usage-chart-placeholder" />}>
              <UsageStackedChart
                series={loaded.map((row) => ({
                  environment: row.environment,
                  label: labelOf(row.environment),
                  production: isProduction(lookup(row.environment)),
                  points: row.query.data?.points ?? [],
                }))}
                measure={measure}
                granularity={granularity}
                timeZone={timeZone}
              />
            </Suspense>
          </div>
        </figure>
      ) : null}
    </>
  )
}
