import type { Location, NavigateFunction } from 'react-router'
import {
  createShortcutDispatcher,
  isTypingTarget,
  type Shortcut,
} from '@/lib/keyboard/shortcut-dispatcher'
import { navigationShortcuts } from './navigation-shortcuts'

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

export interface ShortcutContext {
  /** The latest location, environment and navigate function (read when a key is pressed). */
  latest: () => { location: Location; env: string | null; navigate: NavigateFunction }
  openHelp: () => void
  /** Refetches what the page shows (`r` on a view without a Refresh button). */
  refetchActive: () => void
}

/**
 * Handles one keydown on the document. Loaded after the first render (workspace-shortcuts.tsx):
 * nothing here is needed to show a page, and keys pressed before it loads are replayed.
 */
export function createShortcutHandler(context: ShortcutContext): (event: KeyboardEvent) => void {
  const dispatcher = createShortcutDispatcher(shortcuts)

  const run = (action: Action, target: EventTarget | null): boolean => {
    switch (action.kind) {
      case 'help':
        context.openHelp()
        return true
      case 'go': {
        const { location, env, navigate } = context.latest()
        const current = new URLSearchParams(location.search)
        const next = new URLSearchParams()
        if (env) next.set('env', env)
        for (const name of KEPT_PARAMS) {
          const value = current.get(name)
          if (value !== null) next.set(name, value)
        }
        const query = next.toString()
        void navigate(`${action.path}${query ? `?${query}` : ''}`)
        return true
      }
      case 'search': {
        const main = document.getElementById('main') ?? document
        const box =
          findByShortcut('/', main) ??
          [...main.querySelectorAll<HTMLElement>('input[type="search"]')].find(isShown) ??
          null
        if (!box) {
          // A page without a search box: `/` opens "Go to".
          const goTo = findByShortcut('Control+K Meta+K')
          if (!goTo) return false // the browser keeps its own `/` (quick find)
          goTo.click()
          return true
        }
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
        else if (!button) context.refetchActive()
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

  return (event: KeyboardEvent) => {
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
}
