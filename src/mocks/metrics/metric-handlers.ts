import { apiGet, ok } from '../api-route'
import { mockNow, toIso } from '../clock'
import { pointCount, resolveStep, MAX_POINTS } from '../executions/execution-stats'
import { badRequest } from '../problem'
import { intParam, optionalParam, parseTimeRange, requireScope } from '../scope-guard'
import { METRICS } from './metric-catalog'
import { bucketStart, metricNamesWithData, metricSeries } from './metric-data'

/** GET /metrics/names and GET /metrics, validated like every other endpoint. */

const NAMES_PATTERN = /^[A-Za-z0-9_.:-]+(,[A-Za-z0-9_.:-]+){0,19}$/
const MAX_STEP_SECONDS = 2_678_400
const RESOURCE_ID_MAX = 256

/**
 * The step actually used: the requested one (default as `/stats/timeseries`), raised to the
 * smallest multiple of 10 s that gives at most 1,000 buckets, so the finest step over 24 h is
 * 90 s (961 buckets) rather than a coarser "nice" step.
 */
export function resolveMetricStep(range: { from: number; to: number }, requested?: number) {
  if (requested === undefined) return resolveStep(range, undefined)
  let step = requested
  if (pointCount(range, step) > MAX_POINTS) {
    step = Math.max(step, Math.ceil((range.to - range.from) / 1000 / MAX_POINTS / 10) * 10)
    while (pointCount(range, step) > MAX_POINTS) step += 10
  }
  return step
}

export const metricHandlers = [
  apiGet('/metrics/names', async ({ request }) => {
    const scope = await requireScope(request)
    return ok('MetricNameList', {
      items: metricNamesWithData(scope.tenant, scope.environment)
        ? METRICS.map((metric) => ({ ...metric }))
        : [],
    })
  }),

  apiGet('/metrics', async ({ request }) => {
    const scope = await requireScope(request)
    const { url } = scope
    const now = mockNow()
    const rawNames = url.searchParams.get('names')
    if (rawNames === null || rawNames === '') {
      throw badRequest('The names query parameter is required (comma-separated metric names).')
    }
    if (rawNames.length > 2000 || !NAMES_PATTERN.test(rawNames)) {
      throw badRequest('names must be 1–20 comma-separated metric names without spaces.')
    }
    const range = parseTimeRange(url, now)
    const requested = optionalParam(url, 'step')
      ? intParam(url, 'step', { min: 10, max: MAX_STEP_SECONDS, fallback: 60 })
      : undefined
    const step = resolveMetricStep(range, requested)
    const agentId = optionalParam(url, 'agentId', RESOURCE_ID_MAX)
    const applicationId = optionalParam(url, 'applicationId', RESOURCE_ID_MAX)
    const names = [...new Set(rawNames.split(','))]
    return ok('MetricsResponse', {
      tenantId: scope.tenant,
      environment: scope.environment,
      start: toIso(bucketStart(range.from, step)),
      step,
      series: metricSeries(
        scope.tenant,
        scope.environment,
        { names, agentId, applicationId, ...range, stepSeconds: step },
        now,
      ),
    })
  }),
]
