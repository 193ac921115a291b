import type { LogEntry, LogLevel, LogLevelCounts } from '@/lib/api/types'
import { toIso } from '../clock'
import {
  bucketStart,
  executionId,
  getBucket,
  parseExecutionId,
} from '../executions/execution-buckets'
import {
  agentOf,
  detailOf,
  exchangeIdOf,
  viewExecution,
  type ExecutionView,
} from '../executions/execution-data'
import { pointCount } from '../executions/execution-stats'
import { createRandom } from '../random'
import { BACKGROUND, BENCH, BURST, HUGE, INCIDENT, PAYLOAD, jsonDocument } from './log-kinds'
import type { BackgroundKind } from './log-kinds'
import {
  BUCKET_MS,
  executionLogsPayload,
  getLogBucket,
  getLogModel,
  HUGE_PERIOD_BUCKETS,
  isExecutionSource,
  levelOfCode,
  lineExists,
  logId,
  parseLogId,
  Source,
  SPILL_BUCKETS,
  type LogBucket,
  type LogModel,
} from './log-model'

/**
 * Log search as the server's store would answer it: newest first with a cursor, live tail
 * with `after` (oldest first), and volume by level. Lines are rendered only when a filter
 * needs their text or they are returned.
 */

export interface LogFilters {
  /** Epoch ms, inclusive. */
  from: number
  /** Epoch ms, exclusive. */
  to: number
  minLevel: number
  q?: string
  agentId?: string
  applicationId?: string
  executionId?: string
}

export interface LinePosition {
  bucket: number
  index: number
}

/** Lines examined per request before a page is cut short (with a cursor to continue). */
const SCAN_BUDGET = 400_000

// ---------------------------------------------------------------------------- one line

interface LineContext {
  model: LogModel
  bucket: LogBucket
  index: number
  now: number
}

function executionViewOf({ model, bucket, index, now }: LineContext): ExecutionView | undefined {
  const executionBucket = bucket.bucket - (bucket.execDelta[index] ?? 0)
  return viewExecution(
    model.executions,
    getBucket(model.executions, executionBucket),
    bucket.execIndex[index] ?? 0,
    now,
  )
}

/** Who logged the line, without rendering it. */
function ownerOf(context: LineContext): { agentId: string; applicationId: string } {
  const source = context.bucket.source[context.index] ?? 0
  if (isExecutionSource(source)) {
    const view = executionViewOf(context)
    const applicationId = view?.route.applicationId ?? 'unknown'
    return {
      agentId: (view && agentOf(view)?.agentId) ?? `${applicationId}-unknown`,
      applicationId,
    }
  }
  const agent = context.model.agents[context.bucket.agent[context.index] ?? 0]
  return { agentId: agent?.agentId ?? 'unknown', applicationId: agent?.applicationId ?? 'unknown' }
}

const KIND_OF_SOURCE: Partial<Record<number, BackgroundKind>> = {
  [Source.Burst]: BURST,
  [Source.Incident]: INCIDENT,
  [Source.Payload]: PAYLOAD,
  [Source.Huge]: HUGE,
  [Source.Bench]: BENCH,
}

export function renderLine(context: LineContext): LogEntry {
  const { model, bucket, index } = context
  const time = bucketStart(bucket.bucket) + (bucket.offset[index] ?? 0)
  const source = bucket.source[index] ?? 0
  const base = {
    id: logId(model, bucket.bucket, index),
    tenantId: model.tenantId,
    environment: model.environment,
    timestamp: toIso(time),
    level: levelOfCode(bucket.level[index] ?? 2),
  }
  const random = createRandom(`${model.key}/line/${bucket.bucket}/${index}`)
  if (isExecutionSource(source)) return { ...base, ...executionLine(context, source - 1, random) }
  const owner = ownerOf(context)
  const agent = model.agents[bucket.agent[index] ?? 0]
  const kind = KIND_OF_SOURCE[source] ?? BACKGROUND[bucket.kind[index] ?? 0] ?? BENCH
  const scene = { ...owner, hostname: agent?.hostname ?? 'localhost', random }
  return {
    ...base,
    logger: kind.logger,
    thread: kind.thread(scene),
    message: kind.message(scene),
    agentId: owner.agentId,
    applicationId: owner.applicationId,
    executionId: null,
    exchangeId: null,
    stackTrace: kind.stackTrace ? kind.stackTrace(scene) : null,
  }
}

function executionLine(
  context: LineContext,
  line: number,
  random: ReturnType<typeof createRandom>,
): Omit<LogEntry, 'id' | 'tenantId' | 'environment' | 'timestamp' | 'level'> {
  const view = executionViewOf(context)
  const { model } = context
  const executionBucket = context.bucket.bucket - (context.bucket.execDelta[context.index] ?? 0)
  const executionIndex = context.bucket.execIndex[context.index] ?? 0
  const route = view?.route
  const applicationId = route?.applicationId ?? 'unknown'
  const agentId = (view && agentOf(view)?.agentId) ?? `${applicationId}-unknown`
  const exchangeId = view ? exchangeIdOf(view) : null
  const routeId = route?.routeId ?? 'route'
  const fromUri = route?.definition.tree[0]?.endpointUri ?? 'direct:start'
  const scheme = fromUri.split(':')[0] ?? 'direct'
  const thread = `Camel (camel-1) thread #${random.int(1, 24)} - ${scheme}://${fromUri.slice(scheme.length + 1).split('?')[0] ?? ''}`
  const common = {
    thread,
    agentId,
    applicationId,
    executionId: executionId(model.executions, executionBucket, executionIndex),
    exchangeId,
    stackTrace: null as string | null,
  }
  const calls = (route?.definition.nodes ?? []).filter(
    (node) => (node.type === 'to' || node.type === 'enrich') && node.endpointUri,
  )
  switch (line) {
    case 0:
      return {
        ...common,
        logger: `org.apache.camel.component.${scheme}.${scheme[0]?.toUpperCase() ?? ''}${scheme.slice(1)}Consumer`,
        message: `Received exchange ${exchangeId ?? ''} from ${fromUri}`,
      }
    case 1:
      return {
        ...common,
        logger: routeId,
        message: `Processing ${routeId} for exchange ${exchangeId ?? ''} (${random.int(1, 40)} headers, body ${random.int(200, 9_000)} bytes)`,
      }
    case 2: {
      if (executionLogsPayload(model, executionBucket, executionIndex)) {
        return {
          ...common,
          logger: 'io.cameleer.agent.PayloadSampler',
          message: `Outbound payload of ${routeId}: ${jsonDocument(random, random.int(5_000, 20_000))}`,
        }
      }
      const call = calls.length > 0 ? random.pick(calls) : undefined
      return {
        ...common,
        logger: 'org.apache.camel.processor.SendProcessor',
        message: call
          ? `Sending to ${call.endpointUri ?? ''} (${call.id})`
          : `Continuing ${routeId} after ${random.int(1, 9)} processors`,
      }
    }
    default: {
      if (view?.status === 'FAILED') {
        const detail = detailOf(view)
        return {
          ...common,
          logger: 'org.apache.camel.processor.errorhandler.DefaultErrorHandler',
          message: `Failed delivery for (MessageId: ${exchangeId ?? ''} on ExchangeId: ${exchangeId ?? ''}). Exhausted after delivery attempt: 1 caught: ${detail.errorMessage ?? 'error'}`,
          stackTrace: detail.errorStackTrace,
        }
      }
      return {
        ...common,
        logger: 'io.cameleer.agent.ExchangeTracer',
        message: `Exchange ${exchangeId ?? ''} of route ${routeId} completed in ${view?.eventualDurationMs ?? 0} ms`,
      }
    }
  }
}

// ---------------------------------------------------------------------------- matching

interface Matcher {
  model: LogModel
  filters: LogFilters
  now: number
  terms: string | null
  execution: { bucket: number; index: number } | null
}

function matcherFor(model: LogModel, filters: LogFilters, now: number): Matcher | null {
  let execution: Matcher['execution'] = null
  if (filters.executionId) {
    execution = parseExecutionId(model.executions, filters.executionId)
    // An id of no execution here matches nothing.
    if (!execution) return null
  }
  const q = filters.q?.trim().toLowerCase()
  return { model, filters, now, terms: q ? q : null, execution }
}

/** The line if it exists and matches; rendered only when the text has to be looked at. */
function matchLine(matcher: Matcher, bucket: LogBucket, index: number): LogEntry | true | false {
  const { model, filters, now } = matcher
  const time = bucketStart(bucket.bucket) + (bucket.offset[index] ?? 0)
  if (time < filters.from || time >= filters.to) return false
  if ((bucket.level[index] ?? 0) < filters.minLevel) return false
  if (!lineExists(model, bucket, index, now)) return false
  const source = bucket.source[index] ?? 0
  if (matcher.execution) {
    if (!isExecutionSource(source)) return false
    if (bucket.bucket - (bucket.execDelta[index] ?? 0) !== matcher.execution.bucket) return false
    if ((bucket.execIndex[index] ?? 0) !== matcher.execution.index) return false
  }
  const context = { model, bucket, index, now }
  if (filters.agentId || filters.applicationId) {
    const owner = ownerOf(context)
    if (filters.applicationId && owner.applicationId !== filters.applicationId) return false
    if (filters.agentId && owner.agentId !== filters.agentId) return false
  }
  if (!matcher.terms) return true
  const entry = renderLine(context)
  const terms = matcher.terms
  const hit =
    entry.message.toLowerCase().includes(terms) ||
    entry.logger.toLowerCase().includes(terms) ||
    (entry.stackTrace?.toLowerCase().includes(terms) ?? false)
  return hit ? entry : false
}

/** Buckets worth scanning: the range, narrowed to an execution's run when filtering by one. */
function bucketBounds(matcher: Matcher): { first: number; last: number } {
  const { filters, now } = matcher
  let first = Math.floor(filters.from / BUCKET_MS)
  let last = Math.floor((Math.min(filters.to, now + 1) - 1) / BUCKET_MS)
  if (matcher.execution) {
    first = Math.max(first, matcher.execution.bucket)
    last = Math.min(last, matcher.execution.bucket + SPILL_BUCKETS - 1)
  }
  return { first, last }
}

// ---------------------------------------------------------------------------- search

export interface LogSearchResult {
  items: LogEntry[]
  /** Where the next page starts (exclusive), or null at the end. */
  next: LinePosition | null
}

/** Newest first, starting below `before` (exclusive) when given. */
export function searchLogs(
  tenantId: string,
  environment: string,
  filters: LogFilters,
  limit: number,
  before: LinePosition | null,
  now: number,
): LogSearchResult {
  const model = getLogModel(tenantId, environment)
  const matcher = model ? matcherFor(model, filters, now) : null
  if (!model || !matcher) return { items: [], next: null }
  const { first, last } = bucketBounds(matcher)
  const items: LogEntry[] = []
  let examined = 0
  for (let b = Math.min(last, before?.bucket ?? last); b >= first; b--) {
    const bucket = getLogBucket(model, b)
    const top = before && b === before.bucket ? before.index - 1 : bucket.size - 1
    for (let j = top; j >= 0; j--) {
      const match = matchLine(matcher, bucket, j)
      if (match) {
        items.push(match === true ? renderLine({ model, bucket, index: j, now }) : match)
        if (items.length === limit) {
          const more = j > 0 || b > first
          return { items, next: more ? { bucket: b, index: j } : null }
        }
      }
      if (++examined >= SCAN_BUDGET) {
        const more = j > 0 || b > first
        return { items, next: more ? { bucket: b, index: j } : null }
      }
    }
  }
  return { items, next: null }
}

/** The position of a line id, or null when no such line was ever generated here. */
export function findLinePosition(
  tenantId: string,
  environment: string,
  id: string,
): LinePosition | null {
  const model = getLogModel(tenantId, environment)
  const position = model ? parseLogId(model, id) : null
  if (!model || !position) return null
  return position.index < getLogBucket(model, position.bucket).size ? position : null
}

/** Live tail: lines after `after` (exclusive), oldest first, at most `limit`. */
export function tailLogs(
  tenantId: string,
  environment: string,
  filters: LogFilters,
  limit: number,
  after: LinePosition,
  now: number,
): LogEntry[] {
  const model = getLogModel(tenantId, environment)
  const matcher = model ? matcherFor(model, filters, now) : null
  if (!model || !matcher) return []
  const { last } = bucketBounds(matcher)
  const items: LogEntry[] = []
  for (let b = after.bucket; b <= last; b++) {
    const bucket = getLogBucket(model, b)
    for (let j = b === after.bucket ? after.index + 1 : 0; j < bucket.size; j++) {
      const match = matchLine(matcher, bucket, j)
      if (!match) continue
      items.push(match === true ? renderLine({ model, bucket, index: j, now }) : match)
      if (items.length === limit) return items
    }
  }
  return items
}

// ---------------------------------------------------------------------------- stats

export interface LogStatsResult {
  points: Array<{ t: string; counts: LogLevelCounts }>
  total: number
}

const LEVEL_NAMES: readonly LogLevel[] = ['TRACE', 'DEBUG', 'INFO', 'WARN', 'ERROR']

export function logStats(
  tenantId: string,
  environment: string,
  filters: LogFilters,
  stepSeconds: number,
  now: number,
): LogStatsResult {
  const stepMs = stepSeconds * 1000
  const firstPoint = Math.floor(filters.from / stepMs)
  const points = pointCount(filters, stepSeconds)
  const counts = Array.from({ length: points }, () => new Float64Array(5))
  const model = getLogModel(tenantId, environment)
  const matcher = model ? matcherFor(model, filters, now) : null
  let total = 0
  if (model && matcher) {
    const { first, last } = bucketBounds(matcher)
    for (let b = first; b <= last; b++) {
      const bucket = getLogBucket(model, b)
      const start = bucketStart(b)
      for (let j = 0; j < bucket.size; j++) {
        if (!matchLine(matcher, bucket, j)) continue
        const point = Math.floor((start + (bucket.offset[j] ?? 0)) / stepMs) - firstPoint
        const level = bucket.level[j] ?? 0
        const row = counts[point]
        if (row) row[level] = (row[level] ?? 0) + 1
        total++
      }
    }
  }
  return {
    total,
    points: counts.map((row, i) => ({
      t: toIso((firstPoint + i) * stepMs),
      counts: Object.fromEntries(
        LEVEL_NAMES.map((name, l) => [name, row[l] ?? 0]),
      ) as LogLevelCounts,
    })),
  }
}

/** The bucket and index of the newest huge report before now (a > 1 MB message). */
export function newestHugeLine(
  tenantId: string,
  environment: string,
  now: number,
): LogEntry | undefined {
  const model = getLogModel(tenantId, environment)
  if (!model) return undefined
  const last = Math.floor(now / BUCKET_MS)
  for (let b = last; b > last - 24 * 60; b--) {
    if (b % HUGE_PERIOD_BUCKETS !== model.hugePhase) continue
    const bucket = getLogBucket(model, b)
    for (let j = bucket.size - 1; j >= 0; j--) {
      if (bucket.source[j] === Source.Huge && lineExists(model, bucket, j, now)) {
        return renderLine({ model, bucket, index: j, now })
      }
    }
  }
  return undefined
}
