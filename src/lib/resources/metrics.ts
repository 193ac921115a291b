import { queryOptions } from '@tanstack/react-query'
import { scopedGet } from '@/lib/api/api-client'
import { metricNameListSchema } from '@/lib/api/generated/response-schemas/metric-name-list'
import { metricsResponseSchema } from '@/lib/api/generated/response-schemas/metrics-response'
import { assertAnswersFor } from '@/lib/api/response-validation'
import type { Schemas } from '@/lib/api/types'
import { scopedKey, scopedQuery, type Scope } from '@/lib/query/query-scope'
import { summarizeValues, type SeriesSummary } from '@/lib/series-summary'
import { resolveTimeRange, type TimeRange } from '@/lib/time-range/time-range'

/**
 * `/metrics/names` and `/metrics`, keyed by resource: a view spreads these and adds its own
 * `enabled`, `refetchInterval` or `placeholderData`. A chart asks for what it draws (one
 * metric, or a metric and its limit) at about one bucket per pixel of its plot, as Grafana's
 * `maxDataPoints` does; keys hold the range as the URL says it (`now-1h`), resolved when the
 * request runs, so a relative range moves with every refetch. (A day of ~40 agents' heap used
 * and heap max at a 400-pixel plot is ~270 kB of JSON.)
 */

/** The contract: buckets of at least 10 s, at most 1,000 of them. */
const MIN_STEP_SECONDS = 10
const MAX_BUCKETS = 1000
/** Plot widths are rounded down to this many pixels: a small resize is not a new request. */
const WIDTH_GRAIN_PX = 50

/** How many buckets a plot this wide asks for: about one per pixel, never more, within the contract. */
export function bucketsForWidth(plotWidth: number): number {
  const rounded = Math.floor(plotWidth / WIDTH_GRAIN_PX) * WIDTH_GRAIN_PX
  return Math.min(MAX_BUCKETS, Math.max(WIDTH_GRAIN_PX, rounded))
}

/**
 * Steps as Grafana rounds its intervals: a chart's buckets then start at round times, and
 * charts of about the same width share a step (and the server's buckets).
 */
const NICE_STEPS_SECONDS = [
  10, 15, 20, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 10800, 21600, 43200, 86400,
]

/** The smallest nice step giving at most `buckets` buckets over the span (at least 10 s). */
export function stepForBuckets(range: { from: string; to: string }, buckets: number): number {
  const spanSeconds = Math.max(0, (Date.parse(range.to) - Date.parse(range.from)) / 1000)
  const exact = Math.max(MIN_STEP_SECONDS, spanSeconds / Math.max(1, buckets))
  const nice = NICE_STEPS_SECONDS.find((step) => step >= exact)
  return nice ?? Math.ceil(exact / 86_400) * 86_400
}

export interface MetricSeriesRequest {
  /** One metric, or a metric and its limit (`jvm.memory.heap.used`, `jvm.memory.heap.max`). */
  names: readonly string[]
  applicationId?: string
  agentId?: string
  /** The plot's width in pixels: the answer has about one bucket per pixel. */
  plotWidth: number
}

export type MetricSeriesWithSummary = Schemas['MetricSeries'] & {
  /** Over every value fetched (the chart's latest, min, max and mean). */
  summary: SeriesSummary
}

/** A `/metrics` answer as charts read it: bucket start times once, a summary per series. */
export interface MetricSeriesAnswer extends Omit<Schemas['MetricsResponse'], 'series'> {
  series: MetricSeriesWithSummary[]
  /** Epoch ms of each bucket's start, shared by every series (`values[i]` is at `times[i]`). */
  times: Float64Array
  /** The range as resolved for this request. */
  resolved: { from: string; to: string }
}

/** The columnar answer with its bucket times and each series' summary. */
export function toSeriesAnswer(
  answer: Schemas['MetricsResponse'],
  resolved: { from: string; to: string },
): MetricSeriesAnswer {
  const start = Date.parse(answer.start)
  const stepMs = answer.step * 1000
  let buckets = 0
  for (const one of answer.series) buckets = Math.max(buckets, one.values.length)
  const times = new Float64Array(buckets)
  for (let i = 0; i < buckets; i++) times[i] = start + i * stepMs
  return {
    ...answer,
    resolved,
    times,
    series: answer.series.map((one) => ({ ...one, summary: summarizeValues(one.values) })),
  }
}

export const metricsResources = {
  names: (scope: Scope) =>
    queryOptions({
      ...scopedQuery(scopedKey(scope, 'metrics', 'names'), (key, signal) =>
        scopedGet('/metrics/names', { scope: key, schema: metricNameListSchema, signal }),
      ),
      // The names an environment reports change with deployments, not by the minute.
      staleTime: 5 * 60_000,
    }),

  series: (scope: Scope, range: TimeRange, request: MetricSeriesRequest) =>
    queryOptions({
      ...scopedQuery(
        scopedKey(scope, 'metrics', 'series', {
          from: range.from,
          to: range.to,
          // Sorted: the same set in another order is the same request.
          names: [...request.names].sort().join(','),
          applicationId: request.applicationId,
          agentId: request.agentId,
          buckets: bucketsForWidth(request.plotWidth),
        }),
        async (key, signal) => {
          const resolved = resolveTimeRange({ from: key.from, to: key.to })
          const answer = await scopedGet('/metrics', {
            scope: key,
            schema: metricsResponseSchema,
            signal,
            query: {
              ...resolved,
              names: key.names,
              applicationId: key.applicationId,
              agentId: key.agentId,
              step: stepForBuckets(resolved, key.buckets),
            },
          })
          // scopedGet refuses another tenant or environment; the filters are ours to check.
          const asked = {
            ...(key.applicationId === undefined ? {} : { applicationId: key.applicationId }),
            ...(key.agentId === undefined ? {} : { agentId: key.agentId }),
          }
          for (const one of answer.series) assertAnswersFor(one, asked, '/metrics')
          return toSeriesAnswer(answer, resolved)
        },
      ),
      // Each answer is new data: comparing it value by value with the last costs more than
      // drawing it again.
      structuralSharing: false,
    }),
}
