import { useQuery } from '@tanstack/react-query'
import { lazy, memo, Suspense, useId, useMemo } from 'react'
import { ErrorState, LoadingState } from '@/components/query-states'
import { RefreshFailedNotice } from '@/components/refresh-failed-notice'
import { useTimeZonePreference } from '@/lib/preferences-store'
import { keepPreviousInScope, type Scope } from '@/lib/query/query-scope'
import type { TimeRange } from '@/lib/time-range/time-range'
import { executionSearchQueries } from '@/features/executions/search/execution-search-queries'
import type { ExecutionFilters } from '@/features/executions/search/execution-filters'
import { summarizeHistogram, toHistogramBars } from './histogram-bars'
import './execution-histogram.css'

// The chart code is fetched only when this route renders a histogram.
const ExecutionHistogramChart = lazy(async () => ({
  default: (await import('./execution-histogram-chart')).ExecutionHistogramChart,
}))

export interface ExecutionHistogramProps {
  scope: Scope
  range: TimeRange
  filters: ExecutionFilters
  /** Narrow the time range to one bucket (a click on its bar). */
  onSelectRange: (range: TimeRange) => void
}

/**
 * Executions over the range, completed vs failed, with the same content as text. Memoized:
 * the results below it re-render on every scroll step, the chart has no reason to.
 */
export const ExecutionHistogram = memo(function ExecutionHistogram({
  scope,
  range,
  filters,
  onSelectRange,
}: ExecutionHistogramProps) {
  const timeZone = useTimeZonePreference()
  const captionId = useId()
  const query = useQuery({
    ...executionSearchQueries.histogram(scope, range, filters),
    placeholderData: (previous, previousQuery) =>
      keepPreviousInScope(previous, previousQuery, scope),
  })
  const data = query.data
  const bars = useMemo(() => (data ? toHistogramBars(data.points) : []), [data])
  const partial =
    filters.status !== null ||
    filters.agent !== null ||
    filters.q !== '' ||
    filters.minDuration !== null

  if (query.isPending) return <LoadingState label="Loading the histogram…" />
  if (query.isError && !data) {
    return (
      <ErrorState
        error={query.error}
        title="Could not load the histogram"
        onRetry={() => void query.refetch()}
      />
    )
  }
  if (!data) return null

  return (
    <figure className="exec-histogram" aria-labelledby={captionId}>
      <figcaption id={captionId} className="exec-histogram-caption">
        <span className="exec-histogram-title">Executions over time</span>{' '}
        <span className="exec-histogram-summary">
          {summarizeHistogram(data.points, data.step, timeZone)}
        </span>
        {partial ? (
          <span className="exec-histogram-note">
            {' '}
            (The histogram follows the application and route filters only.)
          </span>
        ) : null}
      </figcaption>
      <div
        className="exec-histogram-chart"
        aria-hidden="true"
        title="Click a bar to zoom into that interval"
      >
        <Suspense fallback={<div className="exec-histogram-placeholder" />}>
          <ExecutionHistogramChart
            bars={bars}
            stepSeconds={data.step}
            timeZone={timeZone}
            onSelectBucket={(from, to) =>
              onSelectRange({ from: from.toISOString(), to: to.toISOString() })
            }
          />
        </Suspense>
      </div>
      <p className="exec-histogram-legend" aria-hidden="true">
        <span className="exec-swatch exec-swatch-ok" /> Completed or running{' '}
        <span className="exec-swatch exec-swatch-bad" /> Failed
      </p>
      <RefreshFailedNotice what="the histogram" query={query} />
    </figure>
  )
})
