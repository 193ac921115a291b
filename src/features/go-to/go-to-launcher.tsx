import { lazy, Suspense, useEffect, useState } from 'react'
import type { GoToPage } from './go-to-dialog'

// Loaded on first use: no first view carries the dialog, its ranking or its matcher.
const GoToDialog = lazy(async () => ({ default: (await import('./go-to-dialog')).GoToDialog }))

/**
 * The header's "Go to" button, and Ctrl+K (⌘K on macOS) anywhere; `/` opens it too where a
 * page has no search box (the workspace's key handler clicks this button then).
 */
export function GoToLauncher({ pages }: { pages: readonly GoToPage[] }) {
  const [open, setOpen] = useState(false)
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key.toLowerCase() !== 'k' || event.altKey || event.shiftKey) return
      if (!(event.ctrlKey || event.metaKey) || event.repeat || event.isComposing) return
      event.preventDefault()
      setOpen(true)
    }
    document.addEventListener('keydown', onKeyDown)
    return () => document.removeEventListener('keydown', onKeyDown)
  }, [])
  return (
    <>
      <button
        type="button"
        className="button button-quiet"
        aria-keyshortcuts="Control+K Meta+K"
        title="Go to a page, application, route, agent or id (Ctrl+K)"
        onClick={() => setOpen(true)}
      >
        Go to
      </button>
      {open ? (
        <Suspense fallback={null}>
          <GoToDialog pages={pages} onClose={() => setOpen(false)} />
        </Suspense>
      ) : null}
    </>
  )
}
