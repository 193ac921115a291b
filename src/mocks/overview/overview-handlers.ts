import { apiGet, ok } from '../api-route'
import { mockNow, toIso } from '../clock'
import { intParam, parseTimeRange, requireScope } from '../scope-guard'
import { bucketSecondsFor, DEFAULT_BUCKETS, MAX_BUCKETS, overview } from './overview-data'

/** The environment at a glance: one item per application (see overview-data.ts). */
export const overviewHandlers = [
  apiGet('/stats/overview', async ({ request }) => {
    const scope = await requireScope(request)
    const now = mockNow()
    const range = parseTimeRange(scope.url, now)
    const buckets = intParam(scope.url, 'buckets', {
      min: 1,
      max: MAX_BUCKETS,
      fallback: DEFAULT_BUCKETS,
    })
    const bucketSeconds = bucketSecondsFor(range, buckets)
    return ok('Overview', {
      tenantId: scope.tenant,
      environment: scope.environment,
      from: toIso(range.from),
      to: toIso(range.to),
      bucketSeconds,
      items: overview(scope.tenant, scope.environment, range, bucketSeconds, now),
    })
  }),
]
