import { getMockSettings, type HostileBody } from '../mock-settings'
import type { ExecutionStatus } from '@/lib/api/types'
import { apiGet, ok } from '../api-route'
import { mockNow } from '../clock'
import { decodeCursor, encodeCursor, type CursorPosition } from '../pagination'
import { badRequest, notFound } from '../problem'
import {
  enumParam,
  intParam,
  optionalParam,
  parseLimit,
  parseTimeRange,
  requireScope,
  type RequestScope,
} from '../scope-guard'
import { getRouteDefinition } from '../topology/topology'
import { searchExecutions, WHOLE_BUCKET, type SearchPosition } from './execution-data'
import { findAnyExecution, mergeReplays, searchReplays } from './execution-replays'
import { parseExecutionId } from './execution-buckets'
import { getEnvironmentModel } from './execution-model'
import { processorSnapshot } from './execution-snapshots'
import { processorStats, resolveStep, routeStats, timeseries } from './execution-stats'

/**
 * Executions, diagrams and statistics, validated like every other endpoint (token,
 * environment, range, limit) and answered from the generated executions.
 */

const STATUSES: readonly ExecutionStatus[] = ['COMPLETED', 'FAILED', 'RUNNING']
const RESOURCE_ID_MAX = 256
const MAX_STEP_SECONDS = 2_678_400

export const executionHandlers = [
  apiGet('/executions', async ({ request }) => {
    const scope = await requireScope(request)
    const { url } = scope
    const now = mockNow()
    const range = parseTimeRange(url, now)
    const filters = {
      status: enumParam(url, 'status', STATUSES),
      applicationId: optionalParam(url, 'applicationId', RESOURCE_ID_MAX),
      routeId: optionalParam(url, 'routeId', RESOURCE_ID_MAX),
      agentId: optionalParam(url, 'agentId', RESOURCE_ID_MAX),
      q: optionalParam(url, 'q'),
      minDurationMs: optionalParam(url, 'minDurationMs')
        ? intParam(url, 'minDurationMs', { min: 0, max: 2_147_483_647, fallback: 0 })
        : undefined,
    }
    const limit = parseLimit(url)
    // The cursor is bound to scope and filters, and to `from`/`to` as the client sent them:
    // a defaulted range moves with the clock, so the cursor carries its own lower bound.
    const fingerprint = JSON.stringify([
      'executions',
      scope.tenant,
      scope.environment,
      filters,
      optionalParam(url, 'from') ?? null,
      optionalParam(url, 'to') ?? null,
    ])
    const position = decodeCursor(url.searchParams.get('cursor'), fingerprint)
    const resume = position ? readPosition(position) : null
    const from = resume?.from ?? range.from

    const result = searchExecutions(
      scope.tenant,
      scope.environment,
      { ...filters, from, to: range.to, limit, after: resume?.after ?? null },
      now,
    )
    const replaysBefore = resume?.replaysBefore ?? Infinity
    const replays = searchReplays(
      scope.tenant,
      scope.environment,
      { ...filters, from, to: range.to },
      now,
    ).filter((replay) => Date.parse(replay.startTime) < replaysBefore)
    const model = getEnvironmentModel(scope.tenant, scope.environment)
    const page = mergeReplays(result, replays, limit, resume?.after ?? null, (id) =>
      model ? parseExecutionId(model, id) : null,
    )
    return ok('ExecutionPage', {
      items: page.items,
      nextCursor: page.next
        ? encodeCursor(fingerprint, {
            b: page.next.after?.bucket ?? -1,
            i: page.next.after?.index ?? 0,
            lo: from,
            ...(Number.isFinite(page.next.replaysBefore) ? { rb: page.next.replaysBefore } : {}),
          })
        : null,
      totalEstimate: result.totalEstimate + (resume ? 0 : replays.length),
    })
  }),

  apiGet('/executions/:executionId', async ({ request, params }) => {
    const scope = await requireScope(request)
    const id = params.executionId ?? ''
    const execution = findAnyExecution(scope.tenant, scope.environment, id, mockNow())
    if (!execution) throw notFound(`Execution ${id} not found in environment ${scope.environment}.`)
    const { hostileBody } = getMockSettings()
    return ok(
      'ExecutionDetail',
      hostileBody ? { ...execution, inputBody: hostileBodyText(hostileBody) } : execution,
    )
  }),

  apiGet(
    '/executions/:executionId/processors/:processorId/snapshot',
    async ({ request, params }) => {
      const scope = await requireScope(request)
      const id = params.executionId ?? ''
      const execution = findAnyExecution(scope.tenant, scope.environment, id, mockNow())
      if (!execution)
        throw notFound(`Execution ${id} not found in environment ${scope.environment}.`)
      const iteration = optionalParam(scope.url, 'iteration')
        ? intParam(scope.url, 'iteration', { min: 0, max: 1_000_000, fallback: 0 })
        : null
      const answer = processorSnapshot(execution, params.processorId ?? '', iteration)
      if (answer.kind === 'ok') return ok('ProcessorSnapshot', answer.snapshot)
      throw answer.kind === 'bad-request' ? badRequest(answer.detail) : notFound(answer.detail)
    },
  ),

  apiGet('/diagrams/:applicationId/:routeId', async ({ request, params }) => {
    const scope = await requireScope(request)
    const applicationId = params.applicationId ?? ''
    const routeId = params.routeId ?? ''
    const route = getRouteDefinition(scope.tenant, scope.environment, applicationId, routeId)
    if (!route) {
      throw notFound(
        `Route ${routeId} of application ${applicationId} not found in environment ${scope.environment}.`,
      )
    }
    return ok('RouteDiagram', {
      tenantId: scope.tenant,
      environment: scope.environment,
      applicationId: route.applicationId,
      routeId: route.routeId,
      version: route.version,
      nodes: route.nodes,
      edges: route.edges,
    })
  }),

  apiGet('/stats/routes', async ({ request }) => {
    const scope = await requireScope(request)
    const now = mockNow()
    const range = parseTimeRange(scope.url, now)
    const applicationId = optionalParam(scope.url, 'applicationId', RESOURCE_ID_MAX)
    return ok('RouteStatsList', {
      items: routeStats(scope.tenant, scope.environment, range, applicationId, now),
    })
  }),

  apiGet('/stats/processors', async ({ request }) => {
    const scope = await requireScope(request)
    const now = mockNow()
    const applicationId = requiredParam(scope, 'applicationId')
    const routeId = requiredParam(scope, 'routeId')
    const range = parseTimeRange(scope.url, now)
    return ok('ProcessorStatsList', {
      items: processorStats(scope.tenant, scope.environment, range, applicationId, routeId, now),
    })
  }),

  apiGet('/stats/timeseries', async ({ request }) => {
    const scope = await requireScope(request)
    const now = mockNow()
    const range = parseTimeRange(scope.url, now)
    const requested = optionalParam(scope.url, 'step')
      ? intParam(scope.url, 'step', { min: 10, max: MAX_STEP_SECONDS, fallback: 60 })
      : undefined
    const step = resolveStep(range, requested)
    const filters = {
      applicationId: optionalParam(scope.url, 'applicationId', RESOURCE_ID_MAX),
      routeId: optionalParam(scope.url, 'routeId', RESOURCE_ID_MAX),
    }
    return ok('Timeseries', {
      tenantId: scope.tenant,
      environment: scope.environment,
      step,
      points: timeseries(scope.tenant, scope.environment, range, step, filters, now),
    })
  }),
]

function requiredParam(scope: RequestScope, name: string): string {
  const value = optionalParam(scope.url, name, RESOURCE_ID_MAX)
  if (value === undefined) throw badRequest(`The ${name} query parameter is required.`)
  return value
}

/** `b` -1: from the newest (a page that held only replays); `rb`: replays still to come. */
function readPosition(position: CursorPosition): {
  after: SearchPosition | null
  from: number
  replaysBefore: number
} {
  const { b, i, lo, rb } = position
  if (
    (rb !== undefined && !Number.isSafeInteger(rb)) ||
    !Number.isSafeInteger(b) ||
    !Number.isSafeInteger(i) ||
    !Number.isSafeInteger(lo) ||
    (i as number) < 0 ||
    (i as number) > WHOLE_BUCKET
  ) {
    throw badRequest('The cursor is malformed: pass nextCursor from the previous page verbatim.')
  }
  return {
    after: b === -1 ? null : { bucket: b as number, index: i as number },
    from: lo as number,
    replaysBefore: rb === undefined ? Infinity : (rb as number),
  }
}

const hostileBodyCache = new Map<HostileBody, string>()

/** Bodies crafted to be expensive to show (see MockSettings.hostileBody); made once each. */
function hostileBodyText(kind: HostileBody): string {
  let body = hostileBodyCache.get(kind)
  if (body === undefined) {
    if (kind === 'huge-json') {
      const item = (i: number) =>
        `{"orderId":"ORD-${i}","sku":"SKU-${i % 977}","quantity":${i % 13},"note":"${'x'.repeat(40)}"}`
      const items: string[] = []
      let size = 0
      for (let i = 0; size < 5_000_000; i++) {
        const next = item(i)
        items.push(next)
        size += next.length + 1
      }
      body = `[${items.join(',')}]`
    } else if (kind === 'deep-json') {
      body = '['.repeat(10_000) + '"bottom"' + ']'.repeat(10_000)
    } else {
      body = `<order>${'<!x>'.repeat(200_000)}</order>`
    }
    hostileBodyCache.set(kind, body)
  }
  return body
}
