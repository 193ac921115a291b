import { create } from 'zustand'
import { createJSONStorage, persist } from 'zustand/middleware'
import { registerTenantStore, tenantStorage } from '@/lib/tenant-storage'

/**
 * Saved views: a name for an in-app URL (path and query: page, filters, range, environment —
 * the URL is the view). Persisted per tenant through tenant storage (so wiped with the
 * tenant's other preferences when another tenant signs in), and each view records the user
 * who saved it: another user of the same tenant on this browser never sees it.
 */
export interface SavedView {
  id: string
  userId: string
  name: string
  /** `/executions?env=staging&from=now-1h&to=now&status=FAILED`: never an origin or fragment. */
  url: string
  savedAt: string
}

export const MAX_VIEW_NAME_LENGTH = 80
export const MAX_SAVED_VIEWS_PER_USER = 100
const MAX_URL_LENGTH = 4_000

interface SavedViewsState {
  views: SavedView[]
  save: (input: { userId: string; name: string; url: string }) => SavedView
  rename: (userId: string, id: string, name: string) => void
  remove: (userId: string, id: string) => void
}

/** A name as stored: trimmed, single-line, bounded. Empty means "no name". */
export function cleanViewName(name: string): string {
  return name.replace(/\s+/g, ' ').trim().slice(0, MAX_VIEW_NAME_LENGTH)
}

/**
 * Only same-app paths are views: `/…` but not `//host` (protocol-relative) nor a backslash
 * variant browsers treat the same way. Anything else from storage is dropped.
 */
export function isInAppUrl(url: unknown): url is string {
  return (
    typeof url === 'string' &&
    url.length <= MAX_URL_LENGTH &&
    url.startsWith('/') &&
    !url.startsWith('//') &&
    !url.startsWith('/\\') &&
    !url.includes('#')
  )
}

function isSavedView(value: unknown): value is SavedView {
  if (!value || typeof value !== 'object') return false
  const view = value as Record<string, unknown>
  return (
    typeof view.id === 'string' &&
    typeof view.userId === 'string' &&
    typeof view.name === 'string' &&
    cleanViewName(view.name) !== '' &&
    typeof view.savedAt === 'string' &&
    isInAppUrl(view.url)
  )
}

function newId(): string {
  return globalThis.crypto?.randomUUID?.() ?? `${Date.now()}-${Math.random().toString(36).slice(2)}`
}

export const useSavedViewsStore = create<SavedViewsState>()(
  persist(
    (set) => ({
      views: [],
      save: ({ userId, name, url }) => {
        const cleaned = cleanViewName(name)
        if (!cleaned) throw new Error('A saved view needs a name.')
        if (!isInAppUrl(url)) throw new Error('Only a page of this app can be saved as a view.')
        const view: SavedView = {
          id: newId(),
          userId,
          name: cleaned,
          url,
          savedAt: new Date().toISOString(),
        }
        set((state) => {
          const mine = state.views.filter((candidate) => candidate.userId === userId)
          // Bounded: the oldest of this user's views go first.
          const overflow = new Set(
            mine.slice(0, Math.max(0, mine.length + 1 - MAX_SAVED_VIEWS_PER_USER)).map((v) => v.id),
          )
          return { views: [...state.views.filter((v) => !overflow.has(v.id)), view] }
        })
        return view
      },
      rename: (userId, id, name) => {
        const cleaned = cleanViewName(name)
        if (!cleaned) return
        set((state) => ({
          views: state.views.map((view) =>
            view.id === id && view.userId === userId ? { ...view, name: cleaned } : view,
          ),
        }))
      },
      remove: (userId, id) =>
        set((state) => ({
          views: state.views.filter((view) => !(view.id === id && view.userId === userId)),
        })),
    }),
    {
      name: 'saved-views',
      version: 1,
      storage: createJSONStorage(() => tenantStorage),
      partialize: (state) => ({ views: state.views }),
      // What is on disk is input: a hand-edited entry (say a url to another origin) is dropped.
      merge: (persisted, current) => {
        const raw = (persisted as { views?: unknown } | undefined)?.views
        return { ...current, views: Array.isArray(raw) ? raw.filter(isSavedView) : [] }
      },
    },
  ),
)

registerTenantStore({
  reset: () => useSavedViewsStore.setState({ views: [] }),
  rehydrate: () => useSavedViewsStore.persist.rehydrate(),
})

export function savedViewsOf(views: readonly SavedView[], userId: string): SavedView[] {
  return views
    .filter((view) => view.userId === userId)
    .sort((a, b) => a.name.localeCompare(b.name, undefined, { sensitivity: 'base' }))
}
