import { useQuery } from '@tanstack/react-query'
import { lazy, memo, Suspense, useId, useMemo } from 'react'
import { ErrorState, LoadingState } from '@/components/query-states'
import { RefreshFailedNotice } from '@/components/refresh-failed-notice'
import { useTimeZonePreference } from '@/lib/preferences-store'
import { keepPreviousInScope, type Scope } from '@/lib/query/query-scope'
import type { TimeRange } from '@/lib/time-range/time-range'
import { logQueries } from '../log-queries'
import type { LogFilters } from '../search/log-filters'
import { summarizeLogVolume, toLogVolumeBars } from './log-volume-bars'

// The chart code is fetched only once the logs view draws its histogram, after the lines.
const LogHistogramChart = lazy(async () => ({
  default: (await import('./log-histogram-chart')).LogHistogramChart,
}))

/** Volume over the range by level, with its totals as text; a bar narrows the range. */
export const LogHistogram = memo(function LogHistogram({
  scope,
  range,
  filters,
  onSelectRange,
  drawChart,
}: {
  scope: Scope
  range: TimeRange
  filters: LogFilters
  onSelectRange: (range: TimeRange) => void
  /**
   * False until the lines are on screen: the chart's code must not
   * compete with the lines the engineer came for. The totals show at once either way.
   */
  drawChart: boolean
}) {
  const timeZone = useTimeZonePreference()
  const captionId = useId()
  const query = useQuery({
    ...logQueries.stats(scope, range, filters),
    placeholderData: (previous, previousQuery) =>
      keepPreviousInScope(previous, previousQuery, scope),
  })
  const data = query.data
  const bars = useMemo(() => (data ? toLogVolumeBars(data.points) : []), [data])
  if (query.isPending) return <LoadingState label="Loading the log volume…" />
  if (query.isError && !data) {
    return (
      <ErrorState
        error={query.error}
        title="Could not load the log volume"
        onRetry={() => void query.refetch()}
      />
    )
  }
  if (!data) return null
  return (
    <figure className="logs-histogram" aria-labelledby={captionId}>
      <figcaption id={captionId}>
        <span className="logs-histogram-title">Log volume</span>{' '}
        <span className="logs-histogram-summary">{summarizeLogVolume(data)}</span>
      </figcaption>
      <div
        className="logs-histogram-chart"
        aria-hidden="true"
        title="Click a bar to zoom into that interval"
      >
        {drawChart ? (
          <Suspense fallback={<div className="logs-histogram-placeholder" />}>
            <LogHistogramChart
              bars={bars}
              stepSeconds={data.step}
              timeZone={timeZone}
              onSelectBucket={(from, to) =>
                onSelectRange({ from: from.toISOString(), to: to.toISOString() })
              }
            />
          </Suspense>
        ) : (
          <div className="logs-histogram-placeholder" />
        )}
      </div>
      <RefreshFailedNotice what="the log volume" query={query} />
    </figure>
  )
})
