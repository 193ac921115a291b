import { useQuery } from '@tanstack/react-query'
import { memo, useMemo } from 'react'
import type { ChartSeries } from '@/components/charts/chart-series'
import { TimeSeriesFigure, useChartView } from '@/components/charts/time-series-figure'
import { useValueInTurn } from '@/components/charts/use-render-turn'
import { ErrorState } from '@/components/query-states'
import { RefreshFailedNotice } from '@/components/refresh-failed-notice'
import { keepPreviousInScope, type Scope } from '@/lib/query/query-scope'
import { useDeferredInScope } from '@/lib/query/use-deferred-in-scope'
import { polling } from '@/lib/query/retry-policy'
import { metricsResources } from '@/lib/resources/metrics'
import type { TimeRange } from '@/lib/time-range/time-range'
import { metricLabel } from './known-metrics'

/** More lines than this on one chart cannot be told apart: the rest are counted, not drawn. */
export const TOP_AGENTS = 8

export interface ChartSpec {
  id: string
  title: string
  subtitle: string
  /** From the names list; `null` until it is in (the answer says it too). */
  unit: string | null
  /** One metric, or a metric and its limit (drawn dashed). */
  names: string[]
}

interface Props {
  scope: Scope
  range: TimeRange
  spec: ChartSpec
  applicationId: string | null
  /** Part of an agent id: only matching agents are drawn. */
  agentFilter: string
  showAll: boolean
  onShowAllChange: (showAll: boolean) => void
  colourKeys: readonly string[]
  describeAgent: (agentId: string) => string | null
  refetchInterval: number | false
}

/**
 * One agent metric chart: once it comes into view it asks for its own metric (or metric and
 * limit), for the chosen application's agents, at about one bucket per pixel of its plot; the
 * summaries it shows are those of what it fetched.
 *
 * Memoized, and its answer drawn in a transition: answers arrive together, and each one
 * re-renders its own chart only, in slices the browser can paint between, not every chart in
 * one task.
 */
export const AgentMetricChart = memo(function AgentMetricChart({
  scope,
  range,
  spec,
  applicationId,
  agentFilter,
  showAll,
  onShowAllChange,
  colourKeys,
  describeAgent,
  refetchInterval,
}: Props) {
  const view = useChartView()
  const wanted = view.inView && view.plotWidth > 0
  // Charts that come into view together send their requests in turns, one per task: starting
  // seven requests (headers, the Request, fetch) was tens of milliseconds of one task.
  const requested = useValueInTurn(true, wanted) === true
  const metrics = useQuery({
    ...metricsResources.series(scope, range, {
      names: spec.names,
      applicationId: applicationId ?? undefined,
      plotWidth: view.plotWidth,
    }),
    enabled: wanted && requested,
    refetchInterval: polling(refetchInterval),
    placeholderData: (previous, previousQuery) =>
      keepPreviousInScope(previous, previousQuery, scope),
  })
  // The answer reaches the query's subscriber in a blocking render (useSyncExternalStore):
  // that render keeps the chart as it was, and the new answer is drawn in a transition (never
  // the lagging answer of the environment before a switch).
  const data = useDeferredInScope(metrics.data, scope)

  const series = useMemo((): ChartSeries[] => {
    if (!data) return []
    const needle = agentFilter.toLowerCase()
    return data.series
      .filter((one) => !needle || one.agentId.toLowerCase().includes(needle))
      .map((one) => ({
        id: `${one.agentId}/${one.name}`,
        key: one.agentId,
        label: spec.names.length > 1 ? `${one.agentId} — ${metricLabel(one.name)}` : one.agentId,
        primary: one.name === spec.names[0],
        times: data.times,
        values: one.values,
        summary: one.summary,
      }))
  }, [data, agentFilter, spec.names])

  const domain = useMemo(
    () =>
      data
        ? { from: Date.parse(data.resolved.from), to: Date.parse(data.resolved.to) }
        : { from: 0, to: 1 },
    [data],
  )
  const unit = spec.unit ?? data?.series[0]?.unit ?? ''

  return (
    <div className="metrics-chart">
      <TimeSeriesFigure
        view={view}
        title={spec.title}
        subtitle={spec.subtitle}
        unit={unit}
        series={series}
        domain={domain}
        stepMs={(data?.step ?? 60) * 1000}
        colourKeys={colourKeys}
        noun="agent"
        topLimit={TOP_AGENTS}
        showAll={showAll}
        onShowAllChange={onShowAllChange}
        describeKey={describeAgent}
        pending={!data}
        problem={
          metrics.isError && !data ? (
            <ErrorState
              error={metrics.error}
              title="Could not load the agent metrics"
              onRetry={() => void metrics.refetch()}
            />
          ) : undefined
        }
        emptyText="No agent reported this metric in the time range (with these filters)."
      />
      <RefreshFailedNotice what={`the ${spec.title} chart`} query={metrics} />
    </div>
  )
})
