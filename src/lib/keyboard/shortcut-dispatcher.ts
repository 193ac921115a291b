/**
 * Keyboard shortcuts as a pure state machine: keys in, at most one action out. The app binds
 * it to `keydown` on the document (src/app/keyboard-shortcut-handler.ts).
 *
 * What it refuses, on purpose:
 * - any key with Ctrl, Meta (Cmd) or Alt: those belong to the browser, the OS and screen
 *   readers (NVDA/JAWS use Insert/CapsLock + keys, VoiceOver Ctrl+Option), and AltGr on many
 *   layouts is Ctrl+Alt;
 * - keys typed in a field (text inputs, text areas, selects with their type-ahead, editable
 *   content), except shortcuts marked `inFields` (Escape, to leave the field);
 * - auto-repeat and IME composition.
 * Plain single characters never shadow a screen reader either: in browse mode the reader takes
 * them before the page sees them.
 */
export interface KeyInput {
  key: string
  shiftKey?: boolean
  ctrlKey?: boolean
  metaKey?: boolean
  altKey?: boolean
  repeat?: boolean
  isComposing?: boolean
  target?: EventTarget | null
}

export interface Shortcut<Action> {
  /** `event.key` values in order: `['g', 'a']`, `['?']`, `['E']` (Shift+E), `['Escape']`. */
  keys: readonly string[]
  action: Action
  /** Also while typing in a field (only Escape should). */
  inFields?: boolean
}

export type DispatchResult<Action> =
  | { kind: 'action'; action: Action }
  /** The first key of a sequence: swallow it and wait for the next. */
  | { kind: 'pending' }
  | { kind: 'none' }

export const SEQUENCE_TIMEOUT_MS = 1500

const NONE = { kind: 'none' } as const

/** Inputs whose keys do not type text: a letter pressed on them is free for a shortcut. */
const NON_TEXT_INPUTS = new Set([
  'button',
  'submit',
  'reset',
  'checkbox',
  'radio',
  'range',
  'color',
  'file',
  'image',
])

export function isTypingTarget(target: EventTarget | null | undefined): boolean {
  if (!target || typeof (target as Element).closest !== 'function') return false
  const element = target as HTMLElement
  if (element.isContentEditable) return true
  const tag = element.tagName
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true
  if (tag === 'INPUT') return !NON_TEXT_INPUTS.has((element as HTMLInputElement).type)
  return !!element.closest(
    '[contenteditable=""], [contenteditable="true"], [role="textbox"], [role="searchbox"], [role="combobox"], [role="application"]',
  )
}

/** Letters by what was pressed: Shift+E is `E`, e with Caps Lock on is still `e`. */
function normalizedKey(input: KeyInput): string {
  const { key } = input
  if (key.length === 1 && /\p{L}/u.test(key)) {
    return input.shiftKey ? key.toUpperCase() : key.toLowerCase()
  }
  return key
}

export function createShortcutDispatcher<Action>(
  shortcuts: ReadonlyArray<Shortcut<Action>>,
  { timeoutMs = SEQUENCE_TIMEOUT_MS, now = () => Date.now() } = {},
) {
  let pending: { prefix: string[]; at: number } | null = null

  const matchFrom = (prefix: readonly string[], inField: boolean): DispatchResult<Action> => {
    let longer = false
    for (const shortcut of shortcuts) {
      if (inField && !shortcut.inFields) continue
      if (shortcut.keys.length < prefix.length) continue
      if (!prefix.every((key, index) => shortcut.keys[index] === key)) continue
      if (shortcut.keys.length === prefix.length) return { kind: 'action', action: shortcut.action }
      longer = true
    }
    return longer ? { kind: 'pending' } : NONE
  }

  return {
    handle(input: KeyInput): DispatchResult<Action> {
      if (input.ctrlKey || input.metaKey || input.altKey || input.isComposing || input.repeat) {
        pending = null
        return NONE
      }
      // Modifier keys alone (pressing Shift on the way to `?`) neither match nor break a sequence.
      if (['Shift', 'Control', 'Alt', 'Meta', 'CapsLock', 'AltGraph'].includes(input.key)) {
        return NONE
      }
      const inField = isTypingTarget(input.target)
      const key = normalizedKey(input)
      const time = now()
      if (pending && time - pending.at <= timeoutMs && !inField) {
        const result = matchFrom([...pending.prefix, key], false)
        if (result.kind === 'pending') {
          pending = { prefix: [...pending.prefix, key], at: time }
          return result
        }
        pending = null
        if (result.kind === 'action') return result
        // Not a continuation: the key starts afresh (g then ? opens the help).
      }
      pending = null
      const result = matchFrom([key], inField)
      if (result.kind === 'pending') pending = { prefix: [key], at: time }
      return result
    },
    reset() {
      pending = null
    },
  }
}
