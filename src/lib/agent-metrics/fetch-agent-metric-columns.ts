import { apiFailureCodec } from '@/lib/api/api-failure-codec'
import { metricsResponseSchema } from '@/lib/api/generated/response-schemas/metrics-response'
import { scopedGetOffThread } from '@/lib/api/off-thread-get'
import type { Resolved } from '@/lib/api/range-requests'
import type { Scope } from '@/lib/query/query-scope'
import { resolveTimeRange } from '@/lib/time-range/time-range'
import { createOffThreadRunner } from '@/lib/workers/off-thread-job'
import type { MetricColumns } from './metric-columns'
import workerUrl from './metric-columns.worker.ts?worker&url'

/**
 * Every agent's series of `names` as columns (metric-columns.ts), the answer parsed, validated
 * and scope-checked in a worker: ~14 MB of JSON for forty agents over a day would otherwise
 * hold the main thread for most of a second. The same request as range-requests.ts'
 * fetchAgentMetrics, with the same errors. Loaded lazily by the views that chart agents.
 */
const runner = createOffThreadRunner({
  name: 'metric-columns',
  workerUrl,
  loadInline: () => import('./metric-columns').then((module) => module.metricColumnsJob),
  codec: apiFailureCodec,
})

export async function fetchAgentMetricColumns(
  key: Scope & { from: string; to: string },
  signal: AbortSignal,
  names: string,
  stepFor: (resolved: Resolved['resolved']) => number,
): Promise<MetricColumns & Resolved> {
  const resolved = resolveTimeRange({ from: key.from, to: key.to })
  const columns = await scopedGetOffThread('/metrics', {
    scope: key,
    schema: metricsResponseSchema,
    signal,
    query: { ...resolved, names, step: stepFor(resolved) },
    runner,
  })
  return { ...columns, resolved }
}
