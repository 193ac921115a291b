import type { LogLevel } from '@/lib/api/types'
import { apiGet, ok } from '../api-route'
import { mockNow } from '../clock'
import { resolveStep } from '../executions/execution-stats'
import { decodeCursor, encodeCursor } from '../pagination'
import { badRequest } from '../problem'
import {
  enumParam,
  intParam,
  optionalParam,
  parseLimit,
  parseTimeRange,
  requireScope,
  type RequestScope,
} from '../scope-guard'
import { LEVELS, levelRank } from './log-kinds'
import { replayLogLines } from './log-replays'
import { findLinePosition, logStats, searchLogs, tailLogs, type LogFilters } from './log-data'

/**
 * `/logs` (search, cursor paging, live tail with `after`) and `/logs/stats`, validated like
 * every other endpoint and answered from the generated logs.
 */

const RESOURCE_ID_MAX = 256
const MAX_STEP_SECONDS = 2_678_400

function readFilters(scope: RequestScope, now: number) {
  const { url } = scope
  const range = parseTimeRange(url, now)
  const level = enumParam<LogLevel>(url, 'level', LEVELS)
  const filters: Omit<LogFilters, 'from' | 'to'> = {
    minLevel: level ? levelRank(level) : 0,
    q: optionalParam(url, 'q'),
    agentId: optionalParam(url, 'agentId', RESOURCE_ID_MAX),
    applicationId: optionalParam(url, 'applicationId', RESOURCE_ID_MAX),
    executionId: optionalParam(url, 'executionId', RESOURCE_ID_MAX),
  }
  return { range, filters }
}

export const logHandlers = [
  apiGet('/logs', async ({ request }) => {
    const scope = await requireScope(request)
    const { url } = scope
    const now = mockNow()
    const { range, filters } = readFilters(scope, now)
    const limit = parseLimit(url)
    const after = optionalParam(url, 'after', 512)
    const cursor = url.searchParams.get('cursor')
    if (after !== undefined && cursor) {
      throw badRequest('after (live tail) and cursor (paging) cannot be combined.')
    }
    if (after !== undefined) {
      const position = findLinePosition(scope.tenant, scope.environment, after)
      if (!position) {
        throw badRequest(`after: no log entry ${after} in environment ${scope.environment}.`)
      }
      const items = tailLogs(
        scope.tenant,
        scope.environment,
        { ...filters, ...range },
        limit,
        position,
        now,
      )
      return ok('LogPage', { items, nextCursor: null })
    }
    const replayLines = replayLogLines(
      scope.tenant,
      scope.environment,
      { ...filters, ...range },
      now,
    )
    if (replayLines) return ok('LogPage', { items: replayLines.slice(0, limit), nextCursor: null })
    // Bound to scope, filters and `from`/`to` as sent: a defaulted range moves with the clock,
    // so the cursor carries the range the first page was answered for.
    const fingerprint = JSON.stringify([
      'logs',
      scope.tenant,
      scope.environment,
      filters,
      optionalParam(url, 'from') ?? null,
      optionalParam(url, 'to') ?? null,
    ])
    const position = decodeCursor(cursor, fingerprint)
    const resume =
      position &&
      typeof position.b === 'number' &&
      typeof position.i === 'number' &&
      typeof position.lo === 'number' &&
      typeof position.hi === 'number'
        ? { bucket: position.b, index: position.i, from: position.lo, to: position.hi }
        : null
    if (position && !resume) throw badRequest('The cursor is malformed.')
    const from = resume?.from ?? range.from
    const to = resume?.to ?? range.to
    const result = searchLogs(
      scope.tenant,
      scope.environment,
      { ...filters, from, to },
      limit,
      resume,
      now,
    )
    return ok('LogPage', {
      items: result.items,
      nextCursor: result.next
        ? encodeCursor(fingerprint, {
            b: result.next.bucket,
            i: result.next.index,
            lo: from,
            hi: to,
          })
        : null,
    })
  }),

  apiGet('/logs/stats', async ({ request }) => {
    const scope = await requireScope(request)
    const now = mockNow()
    const { range, filters } = readFilters(scope, now)
    const requested = optionalParam(scope.url, 'step')
      ? intParam(scope.url, 'step', { min: 10, max: MAX_STEP_SECONDS, fallback: 60 })
      : undefined
    const step = resolveStep(range, requested)
    const stats = logStats(scope.tenant, scope.environment, { ...filters, ...range }, step, now)
    return ok('LogStats', {
      tenantId: scope.tenant,
      environment: scope.environment,
      step,
      points: stats.points,
      total: stats.total,
    })
  }),
]
