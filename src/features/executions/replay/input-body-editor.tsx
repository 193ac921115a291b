import { defaultKeymap, history, historyKeymap } from '@codemirror/commands'
import { jsonLanguage } from '@codemirror/lang-json'
import { xmlLanguage } from '@codemirror/lang-xml'
import { HighlightStyle, syntaxHighlighting } from '@codemirror/language'
import { forceLinting, linter, type Diagnostic } from '@codemirror/lint'
import { Compartment, EditorState, type Extension } from '@codemirror/state'
import { EditorView, keymap, lineNumbers } from '@codemirror/view'
import { tags } from '@lezer/highlight'
import { useEffect, useEffectEvent, useRef } from 'react'
import { checkBody, type BodyCheck } from './body-check'
import type { BodyFormat } from './body-format'

/**
 * The replay's "Input body" editor: CodeMirror 6, in its own chunk (the dialog imports this
 * module dynamically), checking JSON or XML as it is typed.
 *
 * Why a shadow root: CodeMirror writes its styles at run time through style-mod, which puts a
 * `<style>` element into a document (refused by the production policy's `style-src 'self'`:
 * no inline style, and a static deploy has no nonce for `EditorView.cspNonce`) but, in a
 * shadow root, a constructed stylesheet (`new CSSStyleSheet` + `insertRule`, adopted through
 * `adoptedStyleSheets`), which no style-src rule governs. Nothing here builds HTML from a
 * string, so Trusted Types has nothing to refuse. e2e/content-security-policy.spec.ts proves
 * both under the real policy. Design tokens (custom properties) inherit into the shadow tree,
 * so the editor follows the theme.
 */

export type BodyEditorState =
  { status: 'checking' } | { status: 'checked'; text: string; check: BodyCheck }

export interface InputBodyEditorProps {
  initialText: string
  format: BodyFormat
  /** Called with `checking` on every change and with the text and its check once it settles. */
  onChange: (state: BodyEditorState) => void
  /** The editor's accessible name, and the name of the text box assistive technology sees. */
  label?: string
}

/** How long typing must pause before the body is checked (a large body is parsed whole). */
const CHECK_DELAY_MS = 250

const highlight = HighlightStyle.define([
  { tag: tags.propertyName, color: 'var(--series-1)' },
  { tag: [tags.string, tags.attributeValue], color: 'var(--ok-fg)' },
  { tag: [tags.number, tags.bool, tags.null], color: 'var(--info-fg)' },
  { tag: [tags.tagName, tags.angleBracket], color: 'var(--accent)' },
  { tag: tags.attributeName, color: 'var(--series-4)' },
  { tag: [tags.comment, tags.processingInstruction], color: 'var(--text-muted)' },
  { tag: tags.invalid, color: 'var(--bad-fg)' },
])

const theme = EditorView.theme({
  '&': {
    border: '1px solid var(--border)',
    borderRadius: 'var(--radius)',
    background: 'var(--surface)',
    color: 'var(--text)',
    fontSize: '13px',
    height: '16rem',
  },
  '&.cm-focused': { outline: '2px solid var(--focus)', outlineOffset: '1px' },
  '.cm-scroller': { fontFamily: 'var(--mono)', lineHeight: '1.45', overflow: 'auto' },
  '.cm-content': { caretColor: 'var(--text)' },
  '.cm-cursor, .cm-dropCursor': { borderLeftColor: 'var(--text)' },
  '.cm-gutters': {
    background: 'var(--surface-2)',
    color: 'var(--text-muted)',
    borderRight: '1px solid var(--border)',
  },
  '&.cm-focused .cm-selectionBackground, .cm-selectionBackground, ::selection': {
    background: 'var(--info-bg)',
  },
  '.cm-lintRange-error': {
    backgroundImage: 'none',
    textDecoration: 'underline wavy var(--bad-fg)',
  },
  '.cm-tooltip': {
    background: 'var(--surface)',
    color: 'var(--text)',
    border: '1px solid var(--border)',
  },
  '.cm-diagnostic-error': { borderLeftColor: 'var(--bad-fg)' },
})

// The grammars alone, for highlighting: `xml()` would add tag completion (and its package).
const languageOf = (format: BodyFormat): Extension =>
  format === 'json' ? jsonLanguage : format === 'xml' ? xmlLanguage : []

export default function InputBodyEditor({
  initialText,
  format,
  onChange,
  label = 'Input body',
}: InputBodyEditorProps) {
  const hostRef = useRef<HTMLDivElement>(null)
  const viewRef = useRef<EditorView | null>(null)
  const language = useRef(new Compartment())
  const formatRef = useRef(format)
  const report = useEffectEvent(onChange)

  useEffect(() => {
    const host = hostRef.current
    if (!host) return
    const shadow = host.shadowRoot ?? host.attachShadow({ mode: 'open' })
    const parent = document.createElement('div')
    shadow.append(parent)
    const check = linter(
      (view): Diagnostic[] => {
        const text = view.state.doc.toString()
        const result = checkBody(text, formatRef.current)
        report({ status: 'checked', text, check: result })
        return result.ok
          ? []
          : [{ from: result.from, to: result.to, severity: 'error', message: result.message }]
      },
      {
        delay: CHECK_DELAY_MS,
        // A change of format reconfigures the language; the check must then run again
        // (forceLinting alone does nothing once the last check has run).
        needsRefresh: (update) => update.transactions.some((tr) => tr.reconfigured),
      },
    )
    const view = new EditorView({
      root: shadow,
      parent,
      state: EditorState.create({
        doc: initialText,
        extensions: [
          lineNumbers(),
          history(),
          keymap.of([...defaultKeymap, ...historyKeymap]),
          EditorView.lineWrapping,
          EditorView.contentAttributes.of({ 'aria-label': label }),
          language.current.of(languageOf(formatRef.current)),
          syntaxHighlighting(highlight),
          theme,
          check,
          EditorView.updateListener.of((update) => {
            if (update.docChanged) report({ status: 'checking' })
          }),
        ],
      }),
    })
    viewRef.current = view
    return () => {
      view.destroy()
      parent.remove()
      viewRef.current = null
    }
    // The document is the editor's own after it starts: `initialText` only seeds it.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [label])

  useEffect(() => {
    const view = viewRef.current
    if (!view || formatRef.current === format) return
    formatRef.current = format
    report({ status: 'checking' })
    view.dispatch({ effects: language.current.reconfigure(languageOf(format)) })
    forceLinting(view)
  }, [format])

  return <div ref={hostRef} className="input-body-editor" />
}
