import { isRecord, problemSuffix } from '../evidence'
import { failed, passed, skipped, spec, type Caller, type ProbeContext } from './context'

const TAIL_ANCHOR_INDEX = 10

interface LogRow {
  id: string
  timestamp: string
}

function isLogRow(value: unknown): value is LogRow {
  return isRecord(value) && typeof value.id === 'string' && typeof value.timestamp === 'string'
}

/**
 * `tail /logs @<env>`: `after=<id>` of the 11th newest entry returns only newer entries (never
 * the anchor, never an older one), oldest first, all of the first page's newer ones, and
 * `nextCursor: null`.
 */
export async function checkTail(ctx: ProbeContext, a: Caller, environment: string): Promise<void> {
  const check = spec(
    'tail',
    `tail /logs @${environment}`,
    '/logs',
    environment,
    `tail: /logs in ${environment} with after=<id> returns only newer entries, oldest first`,
    2,
  )
  await ctx.check(check, async (http) => {
    const page = await http.get('/logs', { environment, limit: 50 }, a.token)
    const body = page.json
    if (page.status !== 200 || !isRecord(body) || !Array.isArray(body.items)) {
      return failed(
        `${page.label} answered ${page.status}${problemSuffix(page)}, expected 200 with items`,
      )
    }
    const entries = body.items.filter(isLogRow)
    if (entries.length < 2)
      return skipped(`fewer than 2 log entries in ${environment} in the last hour`)
    const k = Math.min(TAIL_ANCHOR_INDEX, entries.length - 1)
    const anchor = entries[k] as LogRow
    const newer = new Set(entries.slice(0, k).map((entry) => entry.id))
    const older = new Set(entries.slice(k + 1).map((entry) => entry.id))

    const tail = await http.get('/logs', { environment, after: anchor.id, limit: 500 }, a.token)
    const tailBody = tail.json
    if (tail.status !== 200 || !isRecord(tailBody) || !Array.isArray(tailBody.items)) {
      return failed(
        `${tail.label} answered ${tail.status}${problemSuffix(tail)}, expected 200 with items`,
      )
    }
    const rows = tailBody.items.filter(isLogRow)
    for (const [index, row] of rows.entries()) {
      if (row.id === anchor.id)
        return failed(`${tail.label}: items[${index}] is the anchor entry itself`)
      if (older.has(row.id))
        return failed(
          `${tail.label}: items[${index}] (id ${JSON.stringify(row.id)}) is older than the anchor`,
        )
      if (Date.parse(row.timestamp) < Date.parse(anchor.timestamp)) {
        return failed(
          `${tail.label}: items[${index}] has timestamp ${row.timestamp}, before the anchor's ${anchor.timestamp}`,
        )
      }
      const previous = rows[index - 1]
      if (previous && Date.parse(row.timestamp) < Date.parse(previous.timestamp)) {
        return failed(
          `${tail.label}: not oldest first: items[${index}] (${row.timestamp}) is older than items[${index - 1}] (${previous.timestamp})`,
        )
      }
    }
    const returned = new Set(rows.map((row) => row.id))
    const absent = [...newer].filter((id) => !returned.has(id))
    if (absent.length)
      return failed(
        `${tail.label}: ${absent.length} of the ${newer.size} newer entries are missing, e.g. id ${JSON.stringify(absent[0])}`,
      )
    if (tailBody.nextCursor !== null)
      return failed(
        `${tail.label}: nextCursor is ${JSON.stringify(tailBody.nextCursor)}, expected null with after`,
      )
    return passed(`${rows.length} newer entries`)
  })
}
