import { Keyboard } from 'lucide-react'
import { lazy, Suspense, useEffect, useRef, useState } from 'react'
import { useLocation, useNavigate } from 'react-router'
import { useActiveEnvironment } from '@/environment/environment-store'

// Opened by `?` or the header button: loaded then, so the first paint carries only the button.
const ShortcutsDialog = lazy(async () => ({
  default: (await import('./shortcuts-dialog')).ShortcutsDialog,
}))

/**
 * The header's "Keyboard shortcuts" button and the document's shortcut keys. The key handler
 * (keyboard-shortcut-handler.ts, what each key does) is loaded once the shell has rendered:
 * no page needs it to show, so it stays out of every first visit's critical JavaScript. Keys
 * pressed before it arrives are kept and handed to it, so an early `?` is not lost.
 */
export function WorkspaceShortcuts() {
  const navigate = useNavigate()
  const location = useLocation()
  const env = useActiveEnvironment()
  const [helpOpen, setHelpOpen] = useState(false)
  // The handler is installed once; it reads the latest location and environment from here.
  const latest = useRef({ location, env, navigate })
  useEffect(() => {
    latest.current = { location, env, navigate }
  })

  useEffect(() => {
    let handler: ((event: KeyboardEvent) => void) | null = null
    let unmounted = false
    const early: KeyboardEvent[] = []
    const onKeyDown = (event: KeyboardEvent) => {
      if (handler) handler(event)
      else early.push(event)
    }
    document.addEventListener('keydown', onKeyDown)
    void import('./keyboard-shortcut-handler')
      .then(({ createShortcutHandler }) => {
        if (unmounted) return
        handler = createShortcutHandler({
          latest: () => latest.current,
          openHelp: () => setHelpOpen(true),
        })
        for (const event of early.splice(0)) handler(event)
      })
      .catch(() => {
        // Not fetched (offline, a new deploy): no shortcuts until the next load; keys keep
        // their browser meaning.
        document.removeEventListener('keydown', onKeyDown)
      })
    return () => {
      unmounted = true
      document.removeEventListener('keydown', onKeyDown)
    }
  }, [])

  return (
    <>
      <button
        type="button"
        className="button button-quiet"
        aria-keyshortcuts="?"
        title="Keyboard shortcuts (?)"
        onClick={() => setHelpOpen(true)}
      >
        <Keyboard size={14} aria-hidden="true" />
        <span className="visually-hidden">Keyboard shortcuts</span>
      </button>
      {helpOpen ? (
        <Suspense fallback={null}>
          <ShortcutsDialog onClose={() => setHelpOpen(false)} />
        </Suspense>
      ) : null}
    </>
  )
}
