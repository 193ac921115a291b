import { useQueryClient } from '@tanstack/react-query'
import { Keyboard } from 'lucide-react'
import { lazy, Suspense, useEffect, useRef, useState } from 'react'
import { useLocation, useNavigate } from 'react-router'
import { useActiveEnvironment } from '@/environment/environment-store'

// Opened by `?` or the header button: loaded then, so the first paint carries only the button.
const ShortcutsDialog = lazy(async () => ({
  default: (await import('./shortcuts-dialog')).ShortcutsDialog,
}))

/**
 * The header's "Keyboard shortcuts" button and the document's shortcut keys. What each key
 * does (keyboard-shortcut-handler.ts) is loaded on the first key pressed: no page needs it to
 * show, so no first view downloads it. That key and any pressed while it loads are kept and
 * handed to it in order, so the first `?` or `g` `l` works like every later one.
 */
export function WorkspaceShortcuts() {
  const navigate = useNavigate()
  const location = useLocation()
  const env = useActiveEnvironment()
  const queryClient = useQueryClient()
  const [helpOpen, setHelpOpen] = useState(false)
  // The handler reads the latest location and environment from here when a key is pressed.
  const latest = useRef({ location, env, navigate })
  useEffect(() => {
    latest.current = { location, env, navigate }
  })

  useEffect(() => {
    let handler: ((event: KeyboardEvent) => void) | null = null
    let loading: Promise<void> | null = null
    let unmounted = false
    const early: KeyboardEvent[] = []
    const load = () =>
      import('./keyboard-shortcut-handler')
        .then(({ createShortcutHandler }) => {
          if (unmounted) return
          handler = createShortcutHandler({
            latest: () => latest.current,
            openHelp: () => setHelpOpen(true),
            refetchActive: () => void queryClient.refetchQueries({ type: 'active' }),
          })
          for (const event of early.splice(0)) handler(event)
        })
        .catch(() => {
          // Not fetched (offline, a new deploy): these keys keep their browser meaning; the
          // next key tries again.
          early.length = 0
          loading = null
        })
    const onKeyDown = (event: KeyboardEvent) => {
      if (handler) return handler(event)
      early.push(event)
      loading ??= load()
    }
    document.addEventListener('keydown', onKeyDown)
    return () => {
      unmounted = true
      document.removeEventListener('keydown', onKeyDown)
    }
  }, [queryClient])

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
