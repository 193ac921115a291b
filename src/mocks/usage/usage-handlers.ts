import { apiGet, ok } from '../api-route'
import { mockNow } from '../clock'
import { enumParam, parseTimeRange, requireScope } from '../scope-guard'
import { usageResponse, type Granularity } from './usage-data'

const GRANULARITIES: readonly Granularity[] = ['hour', 'day']

/**
 * `GET /usage`: validated like every data endpoint (token, environment, range of at most 31
 * days, granularity), every bucket present. An environment of the tenant without data, or a
 * well-formed one it does not have, answers zeros: usage of nothing is zero, not an error.
 */
export const usageHandlers = [
  apiGet('/usage', async ({ request }) => {
    const scope = await requireScope(request)
    const now = mockNow()
    const range = parseTimeRange(scope.url, now)
    const granularity = enumParam(scope.url, 'granularity', GRANULARITIES) ?? 'hour'
    const body = usageResponse(scope.tenant, scope.environment, range, granularity, now)
    return ok('UsageResponse', body)
  }),
]
