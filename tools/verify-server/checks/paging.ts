import { isRecord, problemSuffix } from '../evidence'
import type { Query } from '../probe-client'
import {
  failed,
  iso,
  passed,
  skipped,
  spec,
  type Caller,
  type Discovered,
  type ProbeContext,
} from './context'

const MAX_PAGES = 40
const PAGE_LIMIT = 25
const PAGING_WINDOW_MS = 5 * 60_000

/**
 * `paging <endpoint> @<env>`: following `nextCursor` of `/executions`, an agent's `/events` and
 * `/logs` ends (`null`) within MAX_PAGES pages, with no id twice.
 */
export async function checkPaging(ctx: ProbeContext, a: Caller, found: Discovered): Promise<void> {
  const { environment } = found
  const windowFrom = (newest: string) => {
    const to = Date.parse(newest) + 1
    return { from: iso(to - PAGING_WINDOW_MS), to: iso(to) }
  }
  await followCursor(
    ctx,
    a,
    '/executions',
    environment,
    'executionId',
    found.execution
      ? { environment, limit: PAGE_LIMIT, ...windowFrom(found.execution.startTime) }
      : null,
    'no execution in the last hour',
    'executions of the 5 minutes up to the newest',
  )
  await followCursor(
    ctx,
    a,
    '/agents/{agentId}/events',
    environment,
    'eventId',
    found.agent ? { environment, limit: PAGE_LIMIT } : null,
    'no agent listed',
    `events of agent ${found.agent?.agentId ?? ''}`,
    found.agent ? `/agents/${encodeURIComponent(found.agent.agentId)}/events` : undefined,
  )
  await followCursor(
    ctx,
    a,
    '/logs',
    environment,
    'id',
    found.newestLog
      ? { environment, limit: PAGE_LIMIT, ...windowFrom(found.newestLog.timestamp) }
      : { environment, limit: PAGE_LIMIT },
    '',
    found.newestLog
      ? 'log entries of the 5 minutes up to the newest'
      : 'log entries of the last hour',
  )
}

/** Follows `nextCursor` to its end: no id twice, at most MAX_PAGES pages. */
async function followCursor(
  ctx: ProbeContext,
  a: Caller,
  endpoint: string,
  environment: string,
  idKey: string,
  query: Query | null,
  missing: string,
  what: string,
  path = endpoint,
): Promise<void> {
  const check = spec(
    'paging',
    `paging ${endpoint} @${environment}`,
    endpoint,
    environment,
    `paging: ${endpoint} in ${environment}: nextCursor ends within ${MAX_PAGES} pages, no id twice (${what})`,
    MAX_PAGES,
  )
  if (!query) {
    ctx.record(check, skipped(missing))
    return
  }
  await ctx.check(check, async (http) => {
    const seen = new Map<string, number>()
    let cursor: string | undefined
    for (let page = 1; page <= MAX_PAGES; page += 1) {
      const answer = await http.get(path, { ...query, cursor }, a.token)
      const body = answer.json
      if (answer.status !== 200 || !isRecord(body) || !Array.isArray(body.items)) {
        return failed(
          `page ${page}: ${answer.label} answered ${answer.status}${problemSuffix(answer)}, expected 200 with items`,
        )
      }
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
      if (next === null) return passed(`${page} ${page === 1 ? 'page' : 'pages'}, ${seen.size} ids`)
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
    return failed(`still a nextCursor after ${MAX_PAGES} pages of ${PAGE_LIMIT} (${seen.size} ids)`)
  })
}
