import { Bookmark, BookmarkPlus } from 'lucide-react'
import { lazy, Suspense, useState } from 'react'

const loadDialogs = () => import('./saved-views-dialogs')
// Errors are left to the lazy components, which load again when a dialog opens.
const preloadDialogs = () => void loadDialogs().catch(() => undefined)
const SaveViewDialog = lazy(async () => ({ default: (await loadDialogs()).SaveViewDialog }))
const SavedViewsDialog = lazy(async () => ({
  default: (await loadDialogs()).SavedViewsDialog,
}))

/**
 * "Save view" and "Saved views" in the header. A view is the current URL (page, filters,
 * range, environment); opening one is following that link, so the environment gate treats it
 * like any shared link (a forbidden environment gets the usual notice, another environment
 * than the last one is announced).
 */
export function SavedViewsMenu({ userId }: { userId: string }) {
  const [open, setOpen] = useState<'save' | 'list' | null>(null)
  return (
    // Pointing at or focusing a button starts the download, so the dialog is usually there by
    // the click.
    <span className="saved-views-menu" onPointerOver={preloadDialogs} onFocus={preloadDialogs}>
      <button type="button" className="button button-quiet" onClick={() => setOpen('save')}>
        <BookmarkPlus size={14} aria-hidden="true" />
        Save view
      </button>
      <button type="button" className="button button-quiet" onClick={() => setOpen('list')}>
        <Bookmark size={14} aria-hidden="true" />
        Saved views
      </button>
      {open ? (
        <Suspense fallback={null}>
          {open === 'save' ? (
            <SaveViewDialog userId={userId} onClose={() => setOpen(null)} />
          ) : (
            <SavedViewsDialog userId={userId} onClose={() => setOpen(null)} />
          )}
        </Suspense>
      ) : null}
    </span>
  )
}
