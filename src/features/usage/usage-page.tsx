import type { Granularity } from '@/lib/resources/usage'
import { useQuery } from '@tanstack/react-query'
import { useCallback, useId, useMemo } from 'react'
import { useSearchParams } from 'react-router'
import { IgnoredLinkValues } from '@/components/ignored-link-values'
import { usePageTitle } from '@/environment/use-page-title'
import { useScope } from '@/environment/use-scope'
import { formatInstant } from '@/lib/time-format'
import { useTimeZonePreference } from '@/lib/preferences-store'
import { useUrlState } from '@/lib/url-state/use-url-state'
import { useClaims } from '@/session/session-store'
import { UsageBucketsFigure } from './charts/usage-buckets-figure'
import { EnvironmentUsageTable } from './environments/environment-usage-table'
import { useEnvironmentUsage } from './environments/use-environment-usage'
import { DownloadCsvButton } from './export/download-csv-button'
import { MonthForecastSection } from './forecast/month-forecast-section'
import { UsagePeriodControl } from './period/usage-period-control'
import {
  defaultGranularity,
  describeUsagePeriod,
  periodSlug,
  readUsagePeriod,
  resolveUsagePeriod,
  spanMs,
  usagePeriodKey,
  writeUsagePeriod,
  usageView,
  type UsagePeriod,
} from './period/usage-period'
import { UsageTotalsCards } from './totals/usage-totals'
import { MEASURES, measureDefinition, type Measure } from './usage-measures'
import { usageQueries } from './usage-queries'
import './usage.css'

/**
 * `/usage`: what the tenant ingests, per environment and over time. The active environment's
 * totals against the period before, its buckets, every environment side by side (the
 * question other tools cannot answer: which environment is eating the quota), the billing
 * month so far with a forecast, and a CSV for finance.
 */
export function UsagePage() {
  usePageTitle('Usage')
  const scope = useScope()
  const claims = useSessionClaims()
  const timeZone = useTimeZonePreference()
  const [searchParams, setSearchParams] = useSearchParams()
  const { set } = useUrlState(usageView)
  const reading = useMemo(() => readUsagePeriod(searchParams), [searchParams])
  const { period } = reading
  const periodKey = useMemo(() => usagePeriodKey(period), [period])
  // Resolved for labels and defaults; the queries resolve their own instants when they fetch.
  const resolved = useMemo(() => resolveUsagePeriod(period), [period])
  const granularity = reading.granularity ?? defaultGranularity(resolved)
  const measureKey = reading.measure
  const measure = measureDefinition(measureKey)
  const headings = { totals: useId(), envs: useId(), month: useId() }

  const setPeriod = useCallback(
    (next: UsagePeriod) => setSearchParams((params) => writeUsagePeriod(params, next)),
    [setSearchParams],
  )
  const setGranularity = useCallback((granularity: Granularity) => set({ granularity }), [set])
  const setMeasure = useCallback((measure: Measure) => set({ measure }, { replace: true }), [set])

  const current = useQuery(usageQueries.period(scope, periodKey, granularity))
  // The totals first: the comparison and the forecast each cost the server as much as the
  // totals again (a whole period of the busiest environment), and are worth less while the
  // totals are missing. They are asked for once the totals are in (or have failed).
  const totalsSettled = !current.isPending
  const previous = useQuery({
    ...usageQueries.previousTotals(scope, periodKey),
    enabled: totalsSettled,
  })
  const environments = useEnvironmentUsage(claims, periodKey, granularity)

  const range = current.data?.range ?? resolved
  const periodName = describeUsagePeriod(period)
  const shownRange = `${formatInstant(range.from, timeZone)} – ${formatInstant(range.to, timeZone)}`
  const loadedSeries = environments.rows.flatMap((row) =>
    row.query.data ? [{ environment: row.environment, points: row.query.data.points }] : [],
  )
  const missing = environments.rows.filter((row) => !row.query.data).map((row) => row.environment)

  return (
    <div className="usage-page">
      <header className="page-header">
        <h1>Usage</h1>
      </header>
      <p className="usage-intro">
        What {claims.tenant} ingests, per environment. Periods and buckets are in{' '}
        <strong>UTC</strong> (the platform bills per UTC calendar month); times are shown in{' '}
        {timeZone === 'utc' ? 'UTC' : 'your time zone'}.
      </p>
      <IgnoredLinkValues rangeProblem={reading.rangeProblem} problems={reading.ignored} />
      <UsagePeriodControl
        period={period}
        resolved={resolved}
        granularity={granularity}
        onPeriodChange={setPeriod}
        onGranularityChange={setGranularity}
      />
      <p className="usage-period-summary" role="status">
        {periodName ? <strong>{periodName}: </strong> : null}
        {shownRange}, per {granularity === 'day' ? 'UTC day' : 'UTC hour'}.
      </p>

      <section className="usage-section" aria-labelledby={headings.totals}>
        <h2 id={headings.totals}>Totals for {scope.env}</h2>
        <UsageTotalsCards
          environment={scope.env}
          totals={current}
          previous={previous}
          previousLabel={`the previous ${describeSpan(spanMs(range))}`}
        />
        <div className="usage-measure">
          <label htmlFor={`${headings.totals}-measure`}>Measure</label>
          <select
            id={`${headings.totals}-measure`}
            value={measureKey}
            onChange={(event) => setMeasure(event.target.value as Measure)}
          >
            {MEASURES.map((option) => (
              <option key={option.key} value={option.key}>
                {option.label}
              </option>
            ))}
          </select>
        </div>
        {current.data ? (
          <UsageBucketsFigure
            environment={scope.env}
            points={current.data.points}
            measure={measure}
            granularity={current.data.granularity}
          />
        ) : null}
      </section>

      <section className="usage-section" aria-labelledby={headings.envs}>
        <div className="usage-section-header">
          <h2 id={headings.envs}>All environments</h2>
          <DownloadCsvButton
            tenant={claims.tenant}
            series={loadedSeries}
            missing={missing}
            periodSlug={periodSlug(period, range)}
            granularity={granularity}
          />
        </div>
        <EnvironmentUsageTable
          rows={environments.rows}
          listPending={environments.list.isPending}
          listError={environments.list.error}
          onRetryList={() => void environments.list.refetch()}
          activeEnvironment={scope.env}
          measure={measure}
          granularity={granularity}
        />
      </section>

      <MonthForecastSection scope={scope} headingId={headings.month} enabled={totalsSettled} />
    </div>
  )
}

function useSessionClaims() {
  const claims = useClaims()
  // Only rendered inside RequireSession, which renders nothing without claims.
  if (!claims) throw new Error('UsagePage rendered without a session.')
  return claims
}

/** "30 days", "9 h 30 min", "15 min": how long the period compared against is. */
function describeSpan(ms: number): string {
  const minutes = Math.round(ms / 60_000)
  const days = Math.floor(minutes / 1440)
  const hours = Math.floor((minutes % 1440) / 60)
  const rest = minutes % 60
  if (days >= 2 && hours === 0 && rest === 0) return `${days} days`
  const parts = [
    days > 0 ? `${days} ${days === 1 ? 'day' : 'days'}` : null,
    hours > 0 ? `${hours} h` : null,
    rest > 0 && days === 0 ? `${rest} min` : null,
  ]
  return parts.filter(Boolean).join(' ') || 'period'
}
