import type {
  ExecutionDetail,
  ExecutionStatus,
  ExecutionSummary,
  ProcessorExecution,
} from '@/lib/api/types'
import type { AgentRecord } from '../agents/agent-data'
import { mockNow, toIso } from '../clock'
import { createRandom, hashString } from '../random'
import type { ProcessorNode } from '../topology/topology'
import {
  bucketOf,
  bucketSize,
  bucketStart,
  executionId,
  getBucket,
  parseExecutionId,
  type Bucket,
} from './execution-buckets'
import {
  buildContent,
  businessKeyOf,
  generateBusiness,
  resolveUri,
  uuid,
  type Business,
  type Content,
} from './execution-content'
import { renderFailure } from './execution-errors'
import {
  agentFor,
  getEnvironmentModel,
  type EnvironmentModel,
  type RouteModel,
} from './execution-model'
import { capturesPayloads } from './execution-capture'
import { traceExecution, type Trace } from './execution-trace'

/**
 * Executions as the server's store would answer for them: search (filters, full text,
 * cursor), one execution by id, and the helpers tests and Playwright use to pick real ids.
 *
 * What an execution looks like depends on "now" only where it would on a real server: one
 * that has not finished yet is RUNNING (no end, no duration, the processors so far), and
 * nothing exists after now.
 */

/** Routes whose input is an order document; a few of their messages are bulk orders. */
const BULK_CAPABLE = new Set(['order-intake', 'order-validate', 'order-enrich', 'fraud-score'])
const BULK_RATE = 0.005

// ---------------------------------------------------------------------------- one execution

/** An execution's place in the generated data, plus what "now" makes of it. */
export interface ExecutionView {
  model: EnvironmentModel
  bucket: Bucket
  index: number
  route: RouteModel
  startTime: number
  status: ExecutionStatus
  /** The eventual duration (also for a running execution). */
  eventualDurationMs: number
  now: number
}

export function viewExecution(
  model: EnvironmentModel,
  bucket: Bucket,
  index: number,
  now: number,
): ExecutionView | undefined {
  const route = model.routes[bucket.route[index] ?? -1]
  if (!route || index >= bucket.size) return undefined
  const startTime = bucketStart(bucket.bucket) + (bucket.offset[index] ?? 0)
  const eventualDurationMs = bucket.duration[index] ?? 0
  const status: ExecutionStatus =
    startTime + eventualDurationMs > now ? 'RUNNING' : bucket.failed[index] ? 'FAILED' : 'COMPLETED'
  return { model, bucket, index, route, startTime, status, eventualDurationMs, now }
}

export function agentOf(view: ExecutionView): AgentRecord | undefined {
  return agentFor(
    view.model,
    view.route.applicationId,
    view.bucket.bucket,
    view.bucket.agentPick[view.index] ?? 0,
    view.now,
  )
}

/** Camel's `ID-<host>-<seed>-<context>-<counter>`, from the agent that ran it. */
function exchangeIdAt(model: EnvironmentModel, bucket: Bucket, index: number, now: number): string {
  const view = viewExecution(model, bucket, index, now)
  const agent = view ? agentOf(view) : undefined
  const hostname = agent?.hostname ?? 'localhost'
  const seed = 1_700_000_000_000 + (hashString(agent?.agentId ?? hostname) % 60_000_000_000)
  const counter = (bucket.bucket % 100_000) * 173 + index * 2 + 1
  return `ID-${hostname}-${seed}-0-${counter}`
}

export function exchangeIdOf(view: ExecutionView): string {
  return exchangeIdAt(view.model, view.bucket, view.index, view.now)
}

/**
 * A flow's executions share the exchange id of the one that started it (Camel's
 * breadcrumb); a lone execution has an upstream correlation id about half the time.
 */
export function correlationIdOf(view: ExecutionView): string | null {
  const { model, bucket, index } = view
  const leader = bucket.leader[index] ?? index
  if (leader !== index || bucket.hasFollowers[index]) {
    return exchangeIdAt(model, bucket, leader, view.now)
  }
  const random = createRandom(`${model.key}/correlation/${bucket.bucket}/${index}`)
  return random.bool(0.5) ? uuid(random) : null
}

function businessOf(view: ExecutionView): Business {
  const { model, bucket, index } = view
  const leader = bucket.leader[index] ?? index
  return generateBusiness(
    `${model.key}/business/${bucket.bucket}/${leader}`,
    1 + (hashString(`${bucket.bucket}/${leader}`) % 4),
  )
}

export function traceOf(view: ExecutionView): Trace {
  return traceExecution({
    model: view.model,
    route: view.route,
    bucket: view.bucket.bucket,
    index: view.index,
    failed: (view.bucket.failed[view.index] ?? 0) === 1,
    durationMs: view.eventualDurationMs,
    items: view.bucket.items[view.index] ?? 0,
  })
}

function contentOf(view: ExecutionView, exchangeId: string, correlationId: string | null): Content {
  const random = createRandom(`${view.model.key}/content/${view.bucket.bucket}/${view.index}`)
  return buildContent({
    route: view.route,
    business: businessOf(view),
    exchangeId,
    correlationId,
    startTime: view.startTime,
    items: view.bucket.items[view.index] ?? 0,
    completed: view.status === 'COMPLETED',
    large: BULK_CAPABLE.has(view.route.routeId) && random.bool(BULK_RATE),
    hostname: agentOf(view)?.hostname ?? 'localhost',
    random,
  })
}

interface Assembled {
  summary: ExecutionSummary
  processors: ProcessorExecution[]
  errorStackTrace: string | null
}

function assemble(view: ExecutionView, withStackTrace: boolean): Assembled {
  const { model, route, status, startTime } = view
  const trace = traceOf(view)
  const exchangeId = exchangeIdOf(view)
  const failed = status === 'FAILED'
  let errorMessage: string | null = null
  let errorStackTrace: string | null = null
  if (failed && trace.failure) {
    const failing = trace.records[trace.failIndex]
    const ancestors: ProcessorNode[] = []
    for (let i = failing?.parent ?? -1; i >= 0; i = trace.records[i]?.parent ?? -1) {
      const node = trace.records[i]?.node
      if (node) ancestors.push(node)
    }
    const node = failing?.node ?? route.definition.tree[0] ?? fallbackNode
    const business = businessOf(view)
    const businessKey = businessKeyOf(route, business)
    const rendered = renderFailure(
      trace.failure,
      {
        tenantId: model.tenantId,
        applicationId: route.applicationId,
        node,
        resolvedUri: resolveUri(node.endpointUri ?? '', business, businessKey),
        ancestors,
        fromUri: route.definition.tree[0]?.endpointUri ?? '',
        exchangeId,
        businessKey,
        random: createRandom(`${model.key}/failure/${view.bucket.bucket}/${view.index}`),
      },
      withStackTrace,
    )
    errorMessage = rendered.message
    if (withStackTrace) errorStackTrace = rendered.stackTrace
  }

  const processors = toProcessorExecutions(trace, view, errorMessage)
  const summary: ExecutionSummary = {
    executionId: executionId(model, view.bucket.bucket, view.index),
    tenantId: model.tenantId,
    environment: model.environment,
    applicationId: route.applicationId,
    routeId: route.routeId,
    agentId: agentOf(view)?.agentId ?? `${route.applicationId}-unknown`,
    exchangeId,
    correlationId: correlationIdOf(view),
    status,
    startTime: toIso(startTime),
    endTime: status === 'RUNNING' ? null : toIso(startTime + view.eventualDurationMs),
    durationMs: status === 'RUNNING' ? null : view.eventualDurationMs,
    // Every run the agent reported (what is metered), not the processors listed once.
    processorCount: trace.records.filter((record) => record.start <= elapsedOf(view)).length,
    errorMessage,
    replayOf: null,
  }
  return { summary, processors, errorStackTrace }
}

function elapsedOf(view: ExecutionView): number {
  return view.status === 'RUNNING' ? view.now - view.startTime : Infinity
}

const fallbackNode: ProcessorNode = {
  id: 'from1',
  type: 'from',
  label: 'from',
  endpointUri: null,
  children: [],
}

/**
 * The records as the API lists them: a processor inside a split runs once per item but is
 * listed once, at its first run, its span covering every run and `iterations` counting them
 * (`null` outside a split). `snapshot` says whether the application captured the message.
 */
function toProcessorExecutions(
  trace: Trace,
  view: ExecutionView,
  errorMessage: string | null,
): ProcessorExecution[] {
  const { records } = trace
  const captured = capturesPayloads(
    view.model.tenantId,
    view.model.environment,
    view.route.applicationId,
  )
  const elapsed = view.status === 'RUNNING' ? view.now - view.startTime : Infinity
  const failedChain = new Set<number>()
  if (view.status === 'FAILED') {
    for (let i = trace.failIndex; i >= 0; i = records[i]?.parent ?? -1) failedChain.add(i)
  }
  const iterating = new Uint8Array(records.length)
  const listed: ProcessorExecution[] = []
  const ends: number[] = []
  const at = new Map<string, number>()
  records.forEach((record, i) => {
    const parent = records[record.parent]
    iterating[i] =
      parent && (parent.node.type === 'split' || iterating[record.parent] === 1) ? 1 : 0
    if (record.start > elapsed) return
    const running = record.end > elapsed
    const end = running ? elapsed : record.end
    const status: ExecutionStatus = running
      ? 'RUNNING'
      : failedChain.has(i)
        ? 'FAILED'
        : 'COMPLETED'
    const seen = at.get(record.node.id)
    if (seen !== undefined) {
      const entry = listed[seen] as ProcessorExecution
      entry.iterations = (entry.iterations ?? 1) + 1
      ends[seen] = Math.max(ends[seen] ?? 0, end)
      entry.durationMs = (ends[seen] ?? 0) - entry.startOffsetMs
      if (status !== 'COMPLETED') {
        entry.status = status
        entry.errorMessage = status === 'FAILED' ? errorMessage : null
      }
      return
    }
    at.set(record.node.id, listed.length)
    ends.push(end)
    listed.push({
      processorId: record.node.id,
      parentProcessorId: parent?.node.id ?? null,
      processorType: record.node.type,
      label: record.node.label,
      endpointUri: record.node.endpointUri,
      startOffsetMs: record.start,
      durationMs: end - record.start,
      status,
      errorMessage: status === 'FAILED' ? errorMessage : null,
      iterations: iterating[i] === 1 ? 1 : null,
      snapshot: captured,
    })
  })
  return listed
}

export function summarizeExecution(view: ExecutionView): ExecutionSummary {
  return assemble(view, false).summary
}

export function detailOf(view: ExecutionView): ExecutionDetail {
  const { summary, processors, errorStackTrace } = assemble(view, true)
  const content = contentOf(view, summary.exchangeId, summary.correlationId)
  return { ...summary, ...content, errorStackTrace, processors }
}

/**
 * One execution by id, or `undefined` when the id does not name an execution of this tenant
 * and environment that has started by now. O(1): decodes (bucket, index), checks the tag
 * against tenant and environment, and generates that one bucket.
 */
export function findExecution(
  tenantId: string,
  environment: string,
  id: string,
  now: number = mockNow(),
): ExecutionDetail | undefined {
  const view = findExecutionView(tenantId, environment, id, now)
  return view ? detailOf(view) : undefined
}

export function findExecutionView(
  tenantId: string,
  environment: string,
  id: string,
  now: number = mockNow(),
): ExecutionView | undefined {
  const model = getEnvironmentModel(tenantId, environment)
  const position = model ? parseExecutionId(model, id) : null
  if (!model || !position) return undefined
  const bucket = getBucket(model, position.bucket)
  if (position.index >= bucket.size) return undefined
  const view = viewExecution(model, bucket, position.index, now)
  return view && view.startTime <= now ? view : undefined
}

// ---------------------------------------------------------------------------- search

export interface ExecutionQuery {
  /** Epoch ms, inclusive. */
  from: number
  /** Epoch ms, exclusive. */
  to: number
  status?: ExecutionStatus
  applicationId?: string
  routeId?: string
  agentId?: string
  q?: string
  minDurationMs?: number
  limit: number
  /** Continue after this execution (exclusive), newest first. */
  after?: SearchPosition | null
}

export interface SearchPosition {
  bucket: number
  /** Only indexes below this one in `bucket` are left; 65536 = the whole bucket. */
  index: number
}

export interface ExecutionSearchResult {
  items: ExecutionSummary[]
  next: SearchPosition | null
  totalEstimate: number
  /** Buckets generated or read for the page (not for the estimate). */
  scannedBuckets: number
}

export const WHOLE_BUCKET = 65_536

/**
 * How far one request may walk back before answering with what it has and a cursor to go
 * on: a rare filter over 31 days must not stall the server (or the browser running the
 * mock). Matching on the bucket skeleton (route, status, duration, agent) is cheap, so a
 * request may cover two days of buckets; full text has to render headers and bodies, so a
 * request stops after the bucket in which it has examined 2,000 executions (~30 minutes of
 * acme/prod at its peak, many hours of a dev environment). A page may therefore be short,
 * or even empty, and still carry a `nextCursor`: clients continue until it is `null`.
 */
export const MAX_SCAN_BUCKETS = 2 * 24 * 60
export const MAX_TEXT_EXAMINED = 2_000

/** Up to this span the estimate counts every bucket; beyond it, it samples (see below). */
const EXACT_ESTIMATE_BUCKETS = 24 * 60
const ESTIMATE_SAMPLE_BUCKETS = 720

interface Matcher {
  routes: Uint8Array
  /** No filter but time: every execution in the range matches. */
  everything: boolean
  status?: ExecutionStatus
  minDurationMs?: number
  agentId?: string
  terms: string[]
}

export function searchExecutions(
  tenantId: string,
  environment: string,
  query: ExecutionQuery,
  now: number = mockNow(),
): ExecutionSearchResult {
  const empty: ExecutionSearchResult = {
    items: [],
    next: null,
    totalEstimate: 0,
    scannedBuckets: 0,
  }
  const model = getEnvironmentModel(tenantId, environment)
  if (!model) return empty
  const matcher = buildMatcher(model, query)
  const last = Math.min(query.to - 1, now)
  if (!matcher || last < query.from) return empty

  const firstBucket = bucketOf(query.from)
  const found: Array<{ view: ExecutionView }> = []
  let bucketNumber = query.after ? query.after.bucket : bucketOf(last)
  let below = query.after ? query.after.index : WHOLE_BUCKET
  let scanned = 0
  let textExamined = 0
  let textHits = 0
  let capped: SearchPosition | null = null

  scan: for (; bucketNumber >= firstBucket; bucketNumber--, below = WHOLE_BUCKET) {
    if (scanned >= MAX_SCAN_BUCKETS || textExamined >= MAX_TEXT_EXAMINED) {
      capped = { bucket: bucketNumber, index: WHOLE_BUCKET }
      break
    }
    scanned++
    const bucket = getBucket(model, bucketNumber)
    const base = bucketStart(bucketNumber)
    for (let i = Math.min(below, bucket.size) - 1; i >= 0; i--) {
      const time = base + (bucket.offset[i] ?? 0)
      if (time > last) continue
      if (time < query.from) break
      if (!matchesColumns(model, bucket, i, time, now, matcher)) continue
      const view = viewExecution(model, bucket, i, now)
      if (!view) continue
      if (matcher.terms.length > 0) {
        textExamined++
        if (!matchesText(view, matcher.terms)) continue
        textHits++
      }
      found.push({ view })
      // One beyond the page tells whether there is a next page at all.
      if (found.length > query.limit) break scan
    }
  }

  const page = found.slice(0, query.limit)
  const lastOnPage = page[page.length - 1]?.view
  const next: SearchPosition | null =
    found.length > query.limit && lastOnPage
      ? { bucket: lastOnPage.bucket.bucket, index: lastOnPage.index }
      : capped
  const scannedWholeRange = !query.after && next === null
  return {
    items: page.map(({ view }) => summarizeExecution(view)),
    next,
    totalEstimate: scannedWholeRange
      ? found.length
      : estimateTotal(model, query, matcher, now, textExamined, textHits),
    scannedBuckets: scanned,
  }
}

function buildMatcher(model: EnvironmentModel, query: ExecutionQuery): Matcher | null {
  let agentApplication: string | undefined
  if (query.agentId !== undefined) {
    const agent = [...model.agentsByApplication.values()]
      .flat()
      .find((candidate) => candidate.agentId === query.agentId)
    if (!agent) return null
    agentApplication = agent.applicationId
  }
  const routes = new Uint8Array(model.routes.length)
  let any = false
  for (const route of model.routes) {
    const ok =
      (query.applicationId === undefined || route.applicationId === query.applicationId) &&
      (query.routeId === undefined || route.routeId === query.routeId) &&
      (agentApplication === undefined || route.applicationId === agentApplication)
    routes[route.index] = ok ? 1 : 0
    any ||= ok
  }
  if (!any) return null
  return {
    routes,
    everything:
      routes.every(Boolean) &&
      query.status === undefined &&
      query.minDurationMs === undefined &&
      query.agentId === undefined,
    status: query.status,
    minDurationMs: query.minDurationMs,
    agentId: query.agentId,
    terms: (query.q ?? '').toLowerCase().split(/\s+/).filter(Boolean),
  }
}

/** Everything but the full text: what a real store would answer from its columns. */
function matchesColumns(
  model: EnvironmentModel,
  bucket: Bucket,
  index: number,
  time: number,
  now: number,
  matcher: Matcher,
): boolean {
  const routeIndex = bucket.route[index] ?? 0
  if (!matcher.routes[routeIndex]) return false
  const duration = bucket.duration[index] ?? 0
  const running = time + duration > now
  if (matcher.status !== undefined) {
    const status = running ? 'RUNNING' : bucket.failed[index] ? 'FAILED' : 'COMPLETED'
    if (status !== matcher.status) return false
  }
  if (matcher.minDurationMs !== undefined && (running || duration < matcher.minDurationMs)) {
    return false
  }
  if (matcher.agentId !== undefined) {
    const applicationId = model.routes[routeIndex]?.applicationId ?? ''
    const pick = bucket.agentPick[index] ?? 0
    if (agentFor(model, applicationId, bucket.bucket, pick, now)?.agentId !== matcher.agentId) {
      return false
    }
  }
  return true
}

/** The search index: exchange id, correlation id, header values and bodies. */
export function searchableText(view: ExecutionView): string {
  const exchangeId = exchangeIdOf(view)
  const correlationId = correlationIdOf(view)
  const content = contentOf(view, exchangeId, correlationId)
  return [
    exchangeId,
    correlationId ?? '',
    ...Object.values(content.headers),
    content.inputBody ?? '',
    content.outputBody ?? '',
  ]
    .join('\n')
    .toLowerCase()
}

function matchesText(view: ExecutionView, terms: readonly string[]): boolean {
  const text = searchableText(view)
  return terms.every((term) => text.includes(term))
}

/**
 * `totalEstimate`, as a server would compute it from its per-partition counts:
 * - without filters (but time): exact, from each bucket's size;
 * - up to 24 h: the exact number of executions matching every filter but `q` (the bucket
 *   skeletons are cheap and cached);
 * - beyond: the matching share of 720 evenly spaced sample buckets, times the number of
 *   executions in the range (each bucket's size is known without generating it);
 * - with `q`: that count times the share of text matches among the executions this request
 *   examined (exact when the first page already covered the whole range).
 */
function estimateTotal(
  model: EnvironmentModel,
  query: ExecutionQuery,
  matcher: Matcher,
  now: number,
  textExamined: number,
  textHits: number,
): number {
  const last = Math.min(query.to - 1, now)
  const first = bucketOf(query.from)
  const lastBucket = bucketOf(last)
  const span = lastBucket - first + 1
  const countIn = (bucketNumber: number) => {
    const bucket = getBucket(model, bucketNumber)
    const base = bucketStart(bucketNumber)
    let count = 0
    for (let i = 0; i < bucket.size; i++) {
      const time = base + (bucket.offset[i] ?? 0)
      if (time < query.from || time > last) continue
      if (matchesColumns(model, bucket, i, time, now, matcher)) count++
    }
    return count
  }
  let count = 0
  if (matcher.everything) {
    // Every execution counts: interior buckets by their size (known without generating
    // them), the two edge buckets execution by execution. Exact at any span.
    for (let b = first + 1; b < lastBucket; b++) count += bucketSize(model, b)
    count += countIn(first) + (lastBucket > first ? countIn(lastBucket) : 0)
  } else if (span <= EXACT_ESTIMATE_BUCKETS) {
    for (let b = first; b <= lastBucket; b++) count += countIn(b)
  } else {
    const stride = Math.ceil(span / ESTIMATE_SAMPLE_BUCKETS)
    let sampledMatches = 0
    let sampledSize = 0
    let totalSize = 0
    for (let b = first; b <= lastBucket; b++) {
      const size = bucketSize(model, b)
      totalSize += size
      if ((b - first) % stride === 0) {
        sampledMatches += countIn(b)
        sampledSize += size
      }
    }
    count = sampledSize > 0 ? Math.round((sampledMatches / sampledSize) * totalSize) : 0
  }
  if (matcher.terms.length === 0) return count
  return textExamined > 0 ? Math.round((count * textHits) / textExamined) : 0
}

// ---------------------------------------------------------------------------- sample ids

export interface SampleExecutionIds {
  /** A recent FAILED execution. */
  failed: string | null
  /** A recent finished execution with at least 500 processor records. */
  manyProcessors: string | null
  /** A recent finished execution whose input body is over 50 kB. */
  largeBody: string | null
  /** An execution still running at `now`. */
  running: string | null
}

/**
 * Real ids for tests and Playwright, newest first within the last `withinMs` (default 24 h).
 * `null` for a kind the environment does not produce (e.g. no route with a split).
 */
export function findSampleExecutionIds(
  tenantId: string,
  environment: string,
  now: number = mockNow(),
  withinMs: number = 24 * 3_600_000,
): SampleExecutionIds {
  const result: SampleExecutionIds = {
    failed: null,
    manyProcessors: null,
    largeBody: null,
    running: null,
  }
  const model = getEnvironmentModel(tenantId, environment)
  if (!model) return result
  const bigRoutes = new Set(
    model.routes
      .filter((route) => route.split && route.split.max >= 150)
      .map((route) => route.index),
  )
  const lastBucket = bucketOf(now)
  const firstBucket = bucketOf(now - withinMs)
  for (let b = lastBucket; b >= firstBucket; b--) {
    const bucket = getBucket(model, b)
    for (let i = bucket.size - 1; i >= 0; i--) {
      const view = viewExecution(model, bucket, i, now)
      if (!view || view.startTime > now) continue
      const id = executionId(model, b, i)
      if (view.status === 'RUNNING') result.running ??= id
      if (view.status === 'FAILED') result.failed ??= id
      if (
        result.manyProcessors === null &&
        view.status !== 'RUNNING' &&
        bigRoutes.has(view.route.index) &&
        (bucket.items[i] ?? 0) >= 150 &&
        summarizeExecution(view).processorCount >= 500
      ) {
        result.manyProcessors = id
      }
      if (
        result.largeBody === null &&
        BULK_CAPABLE.has(view.route.routeId) &&
        view.status !== 'RUNNING'
      ) {
        const random = createRandom(`${model.key}/content/${b}/${i}`)
        // Mirrors contentOf's first draw, which decides whether the body is a bulk order.
        if (random.bool(BULK_RATE)) result.largeBody = id
      }
    }
    if (result.failed && result.manyProcessors && result.largeBody && result.running) break
  }
  return result
}
