import { Keyboard } from 'lucide-react'
import { lazy, Suspense, useEffect, useMemo, useRef, useState } from 'react'
import { useLocation, useNavigate } from 'react-router'
import { useActiveEnvironment } from '@/environment/environment-store'
import {
  createShortcutDispatcher,
  isTypingTarget,
  type Shortcut,
} from '@/lib/keyboard/shortcut-dispatcher'
import { queryClient } from '@/lib/query/query-client'
import { navigationShortcuts } from './navigation-shortcuts'

// Opened by `?` or the header button: loaded then, so the first paint carries only the handler.
const ShortcutsDialog = lazy(async () => ({
  default: (await import('./shortcuts-dialog')).ShortcutsDialog,
}))

/**
 * The workspace's keyboard shortcuts: `?` lists them, `g` + a letter goes to a view (keeping
 * environment and time range), `/` search, `Shift+E` environment, `t` time range, `r`
 * refresh, Escape leaves a field. Which element a key triggers is found by its
 * `aria-keyshortcuts` (the same attribute tells assistive technology about the key), so a
 * view opts in by marking its control, and this module knows no feature.
 */
type Action =
  | { kind: 'help' }
  | { kind: 'go'; path: string }
  | { kind: 'search' }
  | { kind: 'environment' }
  | { kind: 'time-range' }
  | { kind: 'refresh' }
  | { kind: 'escape' }

const shortcuts: Shortcut<Action>[] = [
  { keys: ['?'], action: { kind: 'help' } },
  ...navigationShortcuts.map((shortcut) => ({
    keys: ['g', shortcut.key],
    action: { kind: 'go', path: shortcut.path } as const,
  })),
  { keys: ['/'], action: { kind: 'search' } },
  { keys: ['E'], action: { kind: 'environment' } },
  { keys: ['t'], action: { kind: 'time-range' } },
  { keys: ['r'], action: { kind: 'refresh' } },
  { keys: ['Escape'], action: { kind: 'escape' }, inFields: true },
]

/** What a link keeps when a shortcut changes view: the time range and its auto-refresh. */
const KEPT_PARAMS = ['from', 'to', 'refresh']

function isShown(element: HTMLElement): boolean {
  return element.getClientRects().length > 0 && !element.closest('[hidden], [inert]')
}

function findByShortcut(shortcut: string, within: ParentNode = document): HTMLElement | null {
  const candidates = within.querySelectorAll<HTMLElement>(`[aria-keyshortcuts="${shortcut}"]`)
  return [...candidates].find((element) => isShown(element)) ?? null
}

export function WorkspaceShortcuts() {
  const navigate = useNavigate()
  const location = useLocation()
  const env = useActiveEnvironment()
  const [helpOpen, setHelpOpen] = useState(false)
  const dispatcher = useMemo(() => createShortcutDispatcher(shortcuts), [])
  // The handler is installed once; it reads the latest location and environment from here.
  const latest = useRef({ location, env, navigate })
  useEffect(() => {
    latest.current = { location, env, navigate }
  })

  useEffect(() => {
    const run = (action: Action, target: EventTarget | null): boolean => {
      switch (action.kind) {
        case 'help':
          setHelpOpen(true)
          return true
        case 'go': {
          const current = new URLSearchParams(latest.current.location.search)
          const next = new URLSearchParams()
          if (latest.current.env) next.set('env', latest.current.env)
          for (const name of KEPT_PARAMS) {
            const value = current.get(name)
            if (value !== null) next.set(name, value)
          }
          const query = next.toString()
          void latest.current.navigate(`${action.path}${query ? `?${query}` : ''}`)
          return true
        }
        case 'search': {
          const main = document.getElementById('main') ?? document
          const box =
            findByShortcut('/', main) ??
            [...main.querySelectorAll<HTMLElement>('input[type="search"]')].find(isShown) ??
            null
          if (!box) return false // the browser keeps its own `/` (quick find) where we have none
          box.focus()
          if (box instanceof HTMLInputElement) box.select()
          return true
        }
        case 'environment': {
          const select = findByShortcut('Shift+E')
          if (!select) return false
          select.focus()
          if (select instanceof HTMLSelectElement) {
            try {
              select.showPicker()
            } catch {
              // not allowed or not supported: focused, the arrow keys and Alt+Down still open it
            }
          }
          return true
        }
        case 'time-range': {
          const trigger = findByShortcut('t')
          if (!trigger) return false
          if (trigger.getAttribute('aria-expanded') !== 'true') trigger.click()
          return true
        }
        case 'refresh': {
          const button = findByShortcut('r')
          if (button && !(button as HTMLButtonElement).disabled) button.click()
          else if (!button) void queryClient.refetchQueries({ type: 'active' })
          return true
        }
        case 'escape':
          if (target instanceof HTMLElement && isTypingTarget(target)) {
            target.blur()
            return true
          }
          return false // dialogs and panels close themselves on Escape
      }
    }

    const onKeyDown = (event: KeyboardEvent) => {
      // A key a component already used (a tree grid's arrows, a popover's Escape) is not ours,
      // and a modal dialog owns the keyboard while it is open.
      if (event.defaultPrevented || document.querySelector('dialog[open]')) {
        dispatcher.reset()
        return
      }
      const result = dispatcher.handle(event)
      if (result.kind === 'pending') {
        event.preventDefault()
        return
      }
      if (result.kind !== 'action') return
      if (run(result.action, event.target)) event.preventDefault()
    }
    document.addEventListener('keydown', onKeyDown)
    return () => document.removeEventListener('keydown', onKeyDown)
  }, [dispatcher])

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
