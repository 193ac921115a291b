import { scopedGet } from '@/lib/api/api-client'
import { ContractError } from '@/lib/api/errors'
import { assertAnswersFor } from '@/lib/api/response-validation'
import type { UsageResponse } from '@/lib/api/types'
import type { Scope } from '@/lib/query/query-scope'
import { usageResponseSchema } from '@/lib/api/generated/response-schemas/usage-response'

export type Granularity = UsageResponse['granularity']

const HOUR_MS = 3_600_000
const DAY_MS = 24 * HOUR_MS

/** The start of the UTC hour or day that holds `time`. */
function bucketStartOf(time: number, granularity: Granularity): number {
  const size = granularity === 'day' ? DAY_MS : HOUR_MS
  return Math.floor(time / size) * size
}

/**
 * Metered usage of one environment between two instants, in UTC hours or days. The usage view
 * decides what a period ("this month", the period before) means; this is the request, checked.
 */
export async function fetchUsage(
  scope: Scope,
  range: { from: string; to: string },
  granularity: Granularity,
  signal: AbortSignal,
): Promise<UsageResponse> {
  const body = await scopedGet('/usage', {
    scope,
    schema: usageResponseSchema,
    query: { from: range.from, to: range.to, granularity },
    signal,
  })
  assertAnswersFor(body, { granularity }, '/usage')
  assertBucketsInRange(body, range, granularity)
  return body
}

/** Buckets outside what was asked would be charted and exported as if they were in it. */
function assertBucketsInRange(
  body: UsageResponse,
  range: { from: string; to: string },
  granularity: Granularity,
): void {
  const first = bucketStartOf(Date.parse(range.from), granularity)
  const end = Date.parse(range.to)
  const stray = body.points.find((point) => {
    const t = Date.parse(point.t)
    return t < first || t >= end || bucketStartOf(t, granularity) !== t
  })
  if (stray) {
    throw new ContractError('/usage', [
      `bucket ${stray.t} is not the start of a UTC ${granularity} in the range asked for`,
    ])
  }
}
