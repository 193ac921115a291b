import { resolveTimeRange } from '@/lib/time-range/time-range'
import type { Scope } from '@/lib/query/query-scope'
import type { Resolved } from '@/lib/resources/range'
import { scopedGet } from './api-client'
import type { Schemas } from './types'
import { metricsResponseSchema } from './generated/response-schemas/metrics-response'

export type { Resolved }

type RangeKey = Scope & { from: string; to: string }

/**
 * Every agent's series of `names` (comma-separated), at the step `stepFor` picks. The range is
 * resolved when the request runs and handed back with the answer, as `lib/resources` does.
 */
export async function fetchAgentMetrics(
  key: RangeKey,
  signal: AbortSignal,
  names: string,
  stepFor: (resolved: Resolved['resolved']) => number,
): Promise<Schemas['MetricsResponse'] & Resolved> {
  const resolved = resolveTimeRange({ from: key.from, to: key.to })
  const response = await scopedGet('/metrics', {
    scope: key,
    schema: metricsResponseSchema,
    signal,
    query: { ...resolved, names, step: stepFor(resolved) },
  })
  return { ...response, resolved }
}
