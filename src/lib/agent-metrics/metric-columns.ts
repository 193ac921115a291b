import { checkedAnswerJob } from '@/lib/api/checked-answer-job'
import { metricsResponseSchema } from '@/lib/api/generated/response-schemas/metrics-response'
import type { Schemas } from '@/lib/api/types'
import type { JobResult } from '@/lib/workers/off-thread-job'
import { instantMs } from '@/lib/canonical-utc'
import { summarizeValues, type SeriesSummary } from '@/lib/series-summary'

/**
 * A `/metrics` answer as the charts use it: each series' points as two typed arrays (epoch ms
 * and values, views into two buffers shared by all series, so the whole answer moves from the
 * worker in two transfers) and its summary over every point (the text alternative's latest,
 * min, max and mean stay exact whatever the charts are reduced to). Forty agents × eight
 * metrics × 1,000 points are 5 MB here against ~14 MB of JSON and 300,000 objects.
 */
export interface MetricColumns {
  tenantId: string
  environment: string
  /** Seconds between points, as the server used it. */
  step: number
  series: MetricSeriesColumns[]
}

export interface MetricSeriesColumns {
  agentId: string
  name: string
  unit: string
  /** Epoch ms, oldest first (as the contract orders them). */
  times: Float64Array
  values: Float64Array
  summary: SeriesSummary
}

export function toMetricColumns(answer: Schemas['MetricsResponse']): JobResult<MetricColumns> {
  let total = 0
  for (const one of answer.series) total += one.points.length
  const times = new Float64Array(total)
  const values = new Float64Array(total)
  let offset = 0
  const series = answer.series.map((one): MetricSeriesColumns => {
    const start = offset
    for (const point of one.points) {
      times[offset] = instantMs(point.t)
      values[offset] = point.v
      offset++
    }
    const seriesValues = values.subarray(start, offset)
    return {
      agentId: one.agentId,
      name: one.name,
      unit: one.unit,
      times: times.subarray(start, offset),
      values: seriesValues,
      summary: summarizeValues(seriesValues),
    }
  })
  return {
    value: {
      tenantId: answer.tenantId,
      environment: answer.environment,
      step: answer.step,
      series,
    },
    transfer: [times.buffer, values.buffer],
  }
}

/** The `/metrics` answer read, checked (as scopedGet does) and turned into columns. */
export const metricColumnsJob = checkedAnswerJob(metricsResponseSchema, toMetricColumns)
