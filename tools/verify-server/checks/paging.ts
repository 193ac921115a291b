import { isRecord, problemSuffix } from '../evidence'
import type { ProbeResponse, Query } from '../probe-client'
import {
  failed,
  iso,
  passed,
  skipped,
  spec,
  type Caller,
  type Discovered,
  type Outcome,
  type ProbeContext,
} from './context'

/**
 * `paging <endpoint> @<env>`: following `nextCursor` of `/executions`, an agent's `/events` and
 * `/logs` ends (`null`) within MAX_PAGES pages, with no id twice.
 *
 * The check measures paging, not traffic: a busy environment may well hold more than
 * MAX_PAGES pages in five minutes. So it first asks for the largest page the contract allows
 * (MAX_LIMIT, newest first). If that is everything, it pages the same request in pages of
 * PAGE_LIMIT. If not, a time-windowed request is narrowed to what is newer than the oldest
 * entry of that page (fewer than MAX_LIMIT entries, so at most MAX_LIMIT / PAGE_LIMIT pages);
 * a request without a window is followed in pages of MAX_LIMIT.
 */

const MAX_PAGES = 40
const PAGE_LIMIT = 25
/** The largest `limit` the contract allows (`components.parameters.limit`: 1–500). */
const MAX_LIMIT = 500
const PAGING_WINDOW_MS = 5 * 60_000

/** A request over [from, to), and the field of its items that holds their time. */
interface Windowed {
  to: number
  timeKey: string
}

interface Sequence {
  path: string
  idKey: string
  query: Query
  window: Windowed | null
}

export async function checkPaging(ctx: ProbeContext, a: Caller, found: Discovered): Promise<void> {
  const { environment } = found
  const lastFiveMinutes = (newest: string, timeKey: string) => {
    const to = Date.parse(newest) + 1
    return {
      query: { environment, from: iso(to - PAGING_WINDOW_MS), to: iso(to) },
      window: { to, timeKey },
    }
  }
  const execution = found.execution && lastFiveMinutes(found.execution.startTime, 'startTime')
  await followCursor(
    ctx,
    a,
    environment,
    '/executions',
    execution && {
      path: '/executions',
      idKey: 'executionId',
      ...execution,
    },
    'no execution in the last hour',
    'executions of the 5 minutes up to the newest',
  )
  await followCursor(
    ctx,
    a,
    environment,
    '/agents/{agentId}/events',
    found.agent && {
      path: `/agents/${encodeURIComponent(found.agent.agentId)}/events`,
      idKey: 'eventId',
      query: { environment },
      window: null,
    },
    'no agent listed',
    `events of agent ${found.agent?.agentId ?? ''}`,
  )
  const logs = found.newestLog && lastFiveMinutes(found.newestLog.timestamp, 'timestamp')
  await followCursor(
    ctx,
    a,
    environment,
    '/logs',
    {
      path: '/logs',
      idKey: 'id',
      ...(logs ?? { query: { environment }, window: null }),
    },
    '',
    logs ? 'log entries of the 5 minutes up to the newest' : 'log entries of the last hour',
  )
}

async function followCursor(
  ctx: ProbeContext,
  a: Caller,
  environment: string,
  endpoint: string,
  sequence: Sequence | null,
  missing: string,
  what: string,
): Promise<void> {
  const check = spec(
    'paging',
    `paging ${endpoint} @${environment}`,
    endpoint,
    environment,
    `paging: ${endpoint} in ${environment}: nextCursor ends within ${MAX_PAGES} pages, no id twice (${what})`,
    1 + MAX_PAGES,
  )
  if (!sequence) {
    ctx.record(check, skipped(missing))
    return
  }
  await ctx.check(check, async (http) => {
    const get = (query: Query) => http.get(sequence.path, query, a.token)
    // The largest page first: is everything in it?
    const sizing = await get({ ...sequence.query, limit: MAX_LIMIT })
    const first = pageOf(sizing, 1)
    if (typeof first === 'string') return failed(first)
    const { idKey } = sequence
    if (first.nextCursor === null) {
      return follow(get, idKey, { ...sequence.query, limit: PAGE_LIMIT }, null, '')
    }
    const narrowed = sequence.window && narrowedFrom(first.items, sequence.window)
    if (narrowed !== null && sequence.window) {
      const seconds = ((sequence.window.to - narrowed) / 1000).toFixed(1)
      return follow(
        get,
        idKey,
        { ...sequence.query, from: iso(narrowed), limit: PAGE_LIMIT },
        null,
        `; more than ${first.items.length} in the window, so narrowed to the last ${seconds} s of it`,
      )
    }
    return follow(
      get,
      idKey,
      { ...sequence.query, limit: MAX_LIMIT },
      { response: sizing, page: first },
      `; in pages of ${MAX_LIMIT}, as one did not hold them all`,
    )
  })
}

interface Page {
  items: unknown[]
  nextCursor: unknown
}

function pageOf(answer: ProbeResponse, page: number): Page | string {
  const body = answer.json
  if (answer.status !== 200 || !isRecord(body) || !Array.isArray(body.items)) {
    return `page ${page}: ${answer.label} answered ${answer.status}${problemSuffix(answer)}, expected 200 with items`
  }
  return { items: body.items, nextCursor: body.nextCursor }
}

/**
 * Just after the oldest time on a first page that did not hold everything: the window from
 * there holds only entries newer than that one, so fewer than the page did. `null` when that
 * leaves nothing (the whole page shares one millisecond) or the items carry no time.
 */
function narrowedFrom(items: unknown[], window: Windowed): number | null {
  const times = items.map((item) =>
    isRecord(item) && typeof item[window.timeKey] === 'string'
      ? Date.parse(item[window.timeKey] as string)
      : Number.NaN,
  )
  if (!times.length || times.some(Number.isNaN)) return null
  const from = Math.min(...times) + 1
  return from < window.to ? from : null
}

/** Follows `nextCursor` to its end: no id twice, at most MAX_PAGES pages. */
async function follow(
  get: (query: Query) => Promise<ProbeResponse>,
  idKey: string,
  query: Query,
  start: { response: ProbeResponse; page: Page } | null,
  note: string,
): Promise<Outcome> {
  const limit = query.limit
  const seen = new Map<string, number>()
  let cursor: string | undefined
  for (let page = 1; page <= MAX_PAGES; page += 1) {
    const answer = page === 1 && start ? start.response : await get({ ...query, cursor })
    const body = page === 1 && start ? start.page : pageOf(answer, page)
    if (typeof body === 'string') return failed(body)
    for (const item of body.items) {
      const id = isRecord(item) ? item[idKey] : undefined
      if (typeof id !== 'string')
        return failed(`page ${page}: ${answer.label}: an item without a string ${idKey}`)
      const first = seen.get(id)
      if (first !== undefined)
        return failed(
          `${idKey} ${JSON.stringify(id)} on page ${first} and again on page ${page} (${answer.label})`,
        )
      seen.set(id, page)
    }
    const next = body.nextCursor
    if (next === null)
      return passed(`${page} ${page === 1 ? 'page' : 'pages'}, ${seen.size} ids${note}`)
    if (typeof next !== 'string' || next === '')
      return failed(
        `page ${page}: ${answer.label}: nextCursor is ${JSON.stringify(next)}, expected a string or null`,
      )
    if (next === cursor)
      return failed(
        `page ${page}: ${answer.label} returned the cursor it was given: the pages would never end`,
      )
    cursor = next
  }
  return failed(`still a nextCursor after ${MAX_PAGES} pages of ${limit} (${seen.size} ids)${note}`)
}
