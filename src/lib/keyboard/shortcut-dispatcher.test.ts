import { describe, expect, it } from 'vitest'
import {
  createShortcutDispatcher,
  isTypingTarget,
  SEQUENCE_TIMEOUT_MS,
} from './shortcut-dispatcher'

const shortcuts = [
  { keys: ['?'], action: 'help' },
  { keys: ['g', 'a'], action: 'go-agents' },
  { keys: ['g', 'e'], action: 'go-executions' },
  { keys: ['/'], action: 'search' },
  { keys: ['E'], action: 'environment' },
  { keys: ['t'], action: 'time-range' },
  { keys: ['Escape'], action: 'escape', inFields: true },
] as const

function setup() {
  let time = 1_000
  const dispatcher = createShortcutDispatcher(shortcuts, { now: () => time })
  const press = (key: string, extra: Record<string, unknown> = {}) => {
    const result = dispatcher.handle({ key, target: document.body, ...extra })
    return result.kind === 'action' ? result.action : result.kind
  }
  return { press, advance: (ms: number) => (time += ms) }
}

describe('the shortcut dispatcher', () => {
  it('runs single-key shortcuts', () => {
    const { press } = setup()
    expect(press('?', { shiftKey: true })).toBe('help')
    expect(press('/')).toBe('search')
    expect(press('t')).toBe('time-range')
    expect(press('x')).toBe('none')
  })

  it('waits after the first key of a sequence and runs it on the second', () => {
    const { press } = setup()
    expect(press('g')).toBe('pending')
    expect(press('a')).toBe('go-agents')
    expect(press('a')).toBe('none') // the sequence is over
    expect(press('g')).toBe('pending')
    expect(press('e')).toBe('go-executions')
  })

  it('drops a sequence whose second key comes too late', () => {
    const { press, advance } = setup()
    expect(press('g')).toBe('pending')
    advance(SEQUENCE_TIMEOUT_MS + 1)
    expect(press('a')).toBe('none')
  })

  it('starts afresh when the second key does not continue the sequence', () => {
    const { press } = setup()
    expect(press('g')).toBe('pending')
    expect(press('t')).toBe('time-range')
    expect(press('g')).toBe('pending')
    expect(press('x')).toBe('none')
    expect(press('a')).toBe('none')
  })

  it('lets Shift alone pass inside a sequence (g, Shift, ?)', () => {
    const { press } = setup()
    expect(press('g')).toBe('pending')
    expect(press('Shift', { shiftKey: true })).toBe('none')
    expect(press('a')).toBe('go-agents')
  })

  it('tells Shift+E from e, and ignores Caps Lock', () => {
    const { press } = setup()
    expect(press('E', { shiftKey: true })).toBe('environment')
    expect(press('e')).toBe('none')
    expect(press('E')).toBe('none') // Caps Lock: an "E" without Shift is a plain e
  })

  it('never fires with Ctrl, Meta or Alt (browser, OS and screen-reader keys)', () => {
    const { press } = setup()
    for (const modifier of ['ctrlKey', 'metaKey', 'altKey']) {
      expect(press('t', { [modifier]: true })).toBe('none')
      expect(press('/', { [modifier]: true })).toBe('none')
      expect(press('g', { [modifier]: true })).toBe('none')
    }
    expect(press('g')).toBe('pending')
    expect(press('a', { ctrlKey: true })).toBe('none')
    expect(press('a')).toBe('none') // the modified key ended the sequence
  })

  it('ignores auto-repeat and IME composition', () => {
    const { press } = setup()
    expect(press('t', { repeat: true })).toBe('none')
    expect(press('t', { isComposing: true })).toBe('none')
  })

  it('never fires while the user types in a field, except Escape', () => {
    const { press } = setup()
    const fields = [
      Object.assign(document.createElement('input'), { type: 'text' }),
      Object.assign(document.createElement('input'), { type: 'search' }),
      document.createElement('input'),
      document.createElement('textarea'),
      document.createElement('select'),
    ]
    const editable = document.createElement('div')
    editable.setAttribute('contenteditable', 'true')
    editable.append(document.createElement('span'))
    for (const target of [...fields, editable.firstElementChild]) {
      expect(press('t', { target })).toBe('none')
      expect(press('/', { target })).toBe('none')
      expect(press('?', { target, shiftKey: true })).toBe('none')
      expect(press('g', { target })).toBe('none')
      expect(press('a', { target })).toBe('none')
      expect(press('Escape', { target })).toBe('escape')
    }
  })

  it('does not finish a sequence started outside a field with a key typed in one', () => {
    const { press } = setup()
    expect(press('g')).toBe('pending')
    expect(press('a', { target: document.createElement('textarea') })).toBe('none')
  })

  it('counts buttons and checkboxes as free for shortcuts', () => {
    const button = document.createElement('button')
    const checkbox = Object.assign(document.createElement('input'), { type: 'checkbox' })
    expect(isTypingTarget(button)).toBe(false)
    expect(isTypingTarget(checkbox)).toBe(false)
    expect(isTypingTarget(document.body)).toBe(false)
    expect(isTypingTarget(null)).toBe(false)
  })
})
