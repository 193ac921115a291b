import type { ExecutionDetail, ExecutionStatus, ExecutionSummary } from '@/lib/api/types'
import { toIso } from '../clock'
import { hashString } from '../random'
import { findReplay, listReplays, type StoredReplay } from '../tenant-state/replays'
import { findExecution, type SearchPosition } from './execution-data'

/**
 * Executions that replays produced (POST /commands), merged into the generated ones: a replay
 * runs the original's route again on the chosen agent, with the original's trace and outcome
 * (the mock does not re-run routes), starting when the agent acknowledged, with the body and
 * headers the operator gave (else as captured) and `replayOf` naming the original.
 */

const MAX_DEPTH = 20

/** Any execution of the environment by id: a generated one, or a replay that has run by now. */
export function findAnyExecution(
  tenantId: string,
  environment: string,
  executionId: string,
  now: number,
): ExecutionDetail | undefined {
  return findWithin(tenantId, environment, executionId, now, 0)
}

function findWithin(
  tenantId: string,
  environment: string,
  executionId: string,
  now: number,
  depth: number,
): ExecutionDetail | undefined {
  const replay = findReplay(tenantId, environment, executionId, now)
  if (!replay) return findExecution(tenantId, environment, executionId, now)
  if (depth >= MAX_DEPTH) return undefined
  // The original as it was when the replay ran (a running original had not finished then).
  const original = findWithin(tenantId, environment, replay.originalId, now, depth + 1)
  return original ? replayDetail(replay, original, now) : undefined
}

function replayDetail(
  replay: StoredReplay,
  original: ExecutionDetail,
  now: number,
): ExecutionDetail {
  const durationMs = original.durationMs ?? 50
  const finished = replay.startTime + durationMs <= now
  const status: ExecutionStatus = finished
    ? original.status === 'RUNNING'
      ? 'COMPLETED'
      : original.status
    : 'RUNNING'
  const counter = hashString(replay.executionId) % 1_000_000
  const exchangeId = `${original.exchangeId.replace(/-\d+$/, '')}-${counter}`
  return {
    ...original,
    executionId: replay.executionId,
    agentId: replay.agentId,
    exchangeId,
    status,
    startTime: toIso(replay.startTime),
    endTime: finished ? toIso(replay.startTime + durationMs) : null,
    durationMs: finished ? durationMs : null,
    errorMessage: status === 'FAILED' ? original.errorMessage : null,
    errorStackTrace: status === 'FAILED' ? original.errorStackTrace : null,
    replayOf: replay.originalId,
    inputBody: replay.inputBody ?? original.inputBody,
    headers: replay.headers ?? original.headers,
    processors: finished
      ? original.processors
      : original.processors.filter(
          (processor) => processor.startOffsetMs <= now - replay.startTime,
        ),
  }
}

export function summaryOf(detail: ExecutionDetail): ExecutionSummary {
  return {
    executionId: detail.executionId,
    tenantId: detail.tenantId,
    environment: detail.environment,
    applicationId: detail.applicationId,
    routeId: detail.routeId,
    agentId: detail.agentId,
    exchangeId: detail.exchangeId,
    correlationId: detail.correlationId,
    status: detail.status,
    startTime: detail.startTime,
    endTime: detail.endTime,
    durationMs: detail.durationMs,
    processorCount: detail.processorCount,
    errorMessage: detail.errorMessage,
    replayOf: detail.replayOf,
  }
}

export interface ReplayFilters {
  from: number
  /** Exclusive. */
  to: number
  status?: ExecutionStatus
  applicationId?: string
  routeId?: string
  agentId?: string
  q?: string
  minDurationMs?: number
}

/** The replays an execution search matches, newest first (few: searched in full). */
export function searchReplays(
  tenantId: string,
  environment: string,
  filters: ReplayFilters,
  now: number,
): ExecutionSummary[] {
  const terms = (filters.q ?? '').toLowerCase().split(/\s+/).filter(Boolean)
  return listReplays(tenantId, environment, now)
    .filter((replay) => replay.startTime >= filters.from && replay.startTime < filters.to)
    .filter((replay) => !filters.applicationId || replay.applicationId === filters.applicationId)
    .filter((replay) => !filters.routeId || replay.routeId === filters.routeId)
    .filter((replay) => !filters.agentId || replay.agentId === filters.agentId)
    .flatMap((replay) => {
      const detail = findAnyExecution(tenantId, environment, replay.executionId, now)
      return detail ? [detail] : []
    })
    .filter((detail) => !filters.status || detail.status === filters.status)
    .filter(
      (detail) =>
        filters.minDurationMs === undefined ||
        (detail.durationMs !== null && detail.durationMs >= filters.minDurationMs),
    )
    .filter((detail) => {
      if (terms.length === 0) return true
      const text = [
        detail.executionId,
        detail.exchangeId,
        detail.correlationId ?? '',
        detail.errorMessage ?? '',
        detail.inputBody ?? '',
        ...Object.entries(detail.headers).flat(),
      ]
        .join('\n')
        .toLowerCase()
      return terms.every((term) => text.includes(term))
    })
    .map(summaryOf)
}

export interface GeneratedPage {
  items: ExecutionSummary[]
  /** Where the generated search goes on, or `null` when it is done. */
  next: SearchPosition | null
}

export interface MergedPage {
  items: ExecutionSummary[]
  /**
   * Where the next page starts, or `null` on the last: the generated search's position (`null`:
   * from the newest) and the time below which replays are still to come.
   */
  next: { after: SearchPosition | null; replaysBefore: number } | null
}

/**
 * One page of a search with the replays merged in by start time, newest first, at most `limit`
 * items. `replays` are the matches older than `replaysBefore` (the previous page's last time);
 * those that belong before the generated page's last item join this page. When that makes it
 * too long, the oldest go, and the cursor resumes after the last generated item kept (its
 * position is in its id) so nothing is skipped or repeated.
 */
export function mergeReplays(
  generated: GeneratedPage,
  replays: readonly ExecutionSummary[],
  limit: number,
  resumedFrom: SearchPosition | null,
  positionOf: (executionId: string) => SearchPosition | null,
): MergedPage {
  const time = (item: ExecutionSummary) => Date.parse(item.startTime)
  const lastGenerated = generated.items[generated.items.length - 1]
  const low = generated.next ? (lastGenerated ? time(lastGenerated) : Infinity) : -Infinity
  const joining = replays.filter((replay) => time(replay) >= low)
  if (joining.length === 0) {
    return {
      items: generated.items,
      next: generated.next
        ? { after: generated.next, replaysBefore: lastGenerated ? time(lastGenerated) : Infinity }
        : null,
    }
  }
  const merged = [...generated.items, ...joining].sort(
    (a, b) => time(b) - time(a) || b.executionId.localeCompare(a.executionId),
  )
  const items = merged.slice(0, limit)
  const isReplay = new Set(replays.map((replay) => replay.executionId))
  const keptGenerated = items.filter((item) => !isReplay.has(item.executionId))
  const lastKept = items[items.length - 1]
  const replaysLeft = replays.some(
    (replay) => !items.includes(replay) && lastKept && time(replay) <= time(lastKept),
  )
  const generatedLeft = generated.next !== null || keptGenerated.length < generated.items.length
  if (!generatedLeft && !replaysLeft) return { items, next: null }
  const lastKeptGenerated = keptGenerated[keptGenerated.length - 1]
  const after =
    keptGenerated.length === generated.items.length && generated.next
      ? generated.next
      : lastKeptGenerated
        ? positionOf(lastKeptGenerated.executionId)
        : resumedFrom
  return {
    items,
    next: { after, replaysBefore: lastKept ? time(lastKept) : Infinity },
  }
}
