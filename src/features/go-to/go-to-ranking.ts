import { go } from 'fuzzysort'
import { tenantStorage } from '@/lib/tenant-storage'

/** One place "Go to" can open. */
export interface GoToItem {
  /** Stable across sessions (what "recent" remembers): `agent:order-service-1`. */
  key: string
  kind: 'page' | 'application' | 'route' | 'agent' | 'saved-view' | 'environment'
  label: string
  /** Shown after the label and matched too (a route's application, an agent's host). */
  detail: string | null
  /** In-app path and query, without `env` (added when opened), or the environment to switch to. */
  target: { path: string } | { environment: string }
}

export const KIND_LABELS: Record<GoToItem['kind'], string> = {
  page: 'Page',
  application: 'Application',
  route: 'Route',
  agent: 'Agent',
  'saved-view': 'Saved view',
  environment: 'Environment',
}

const MAX_RESULTS = 50
const MAX_RECENT = 8

/**
 * The items for what was typed: with nothing typed, the recently opened ones first and then the
 * rest as given; else ranked by fuzzysort over label and detail, a recent item ahead of an
 * equally good match.
 */
export function rankItems(
  query: string,
  items: readonly GoToItem[],
  recent: readonly string[],
): GoToItem[] {
  const recency = new Map(recent.map((key, i) => [key, i]))
  const text = query.trim()
  if (text === '') {
    const byRecency = items
      .filter((item) => recency.has(item.key))
      .sort((a, b) => (recency.get(a.key) ?? 0) - (recency.get(b.key) ?? 0))
    return [...byRecency, ...items.filter((item) => !recency.has(item.key))].slice(0, MAX_RESULTS)
  }
  const results = go(text, items, {
    keys: ['label', (item) => item.detail ?? ''],
    limit: MAX_RESULTS,
    threshold: 0.2,
    scoreFn: (result) => {
      const best = Math.max(result[0]?.score ?? 0, (result[1]?.score ?? 0) * 0.9)
      return recency.has(result.obj.key) ? Math.min(1, best * 1.15) : best
    },
  })
  return results.map((result) => result.obj)
}

/** What was pasted, when it looks like an id of an execution or an exchange. */
export interface PastedId {
  id: string
  /** The likeliest kind, for wording only: the lookup tries every kind. */
  kind: 'exchange' | 'correlation' | 'execution'
}

const CAMEL_EXCHANGE_ID = /^ID-[\w.-]+-\d+-\d+-\d+$/
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/**
 * An id is one token of 8 to 200 characters with a digit in it (names of pages, applications
 * and routes rarely have one; ids always do). Camel's exchange ids and UUIDs are recognised by
 * their shape; anything else id-like may be an execution id. Each is looked up as all three.
 */
export function detectPastedId(text: string): PastedId | null {
  const id = text.trim()
  if (id.length < 8 || id.length > 200 || /\s/.test(id) || !/\d/.test(id)) return null
  if (CAMEL_EXCHANGE_ID.test(id)) return { id, kind: 'exchange' }
  if (UUID.test(id)) return { id, kind: 'correlation' }
  if (/^[\w.:-]+$/.test(id)) return { id, kind: 'execution' }
  return null
}

// ---------------------------------------------------------------------------- recent items

const RECENT_KEY = 'go-to-recent'

/** The keys this user opened last, newest first (per tenant, like every preference). */
export function readRecent(userId: string): string[] {
  try {
    const stored: unknown = JSON.parse(String(tenantStorage.getItem(RECENT_KEY) ?? '{}'))
    const mine = (stored as Record<string, unknown>)[userId]
    return Array.isArray(mine)
      ? mine.filter((key): key is string => typeof key === 'string').slice(0, MAX_RECENT)
      : []
  } catch {
    return []
  }
}

export function rememberRecent(userId: string, key: string): void {
  let stored: Record<string, unknown> = {}
  try {
    const parsed: unknown = JSON.parse(String(tenantStorage.getItem(RECENT_KEY) ?? '{}'))
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed))
      stored = parsed as Record<string, unknown>
  } catch {
    // unreadable: start again
  }
  const next = [key, ...readRecent(userId).filter((candidate) => candidate !== key)]
  void tenantStorage.setItem(
    RECENT_KEY,
    JSON.stringify({ ...stored, [userId]: next.slice(0, MAX_RECENT) }),
  )
}
