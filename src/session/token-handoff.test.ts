import { afterEach, describe, expect, it, vi } from 'vitest'
import { listenForPastedHandoffs, takeHandoffToken } from './token-handoff'

function visit(url: string) {
  window.history.replaceState(null, '', url)
}

afterEach(() => visit('/'))

describe('takeHandoffToken', () => {
  it('takes the token and removes it from the address bar without adding a history entry', () => {
    visit('/agents?env=prod#access_token=eyJ.secret.token&token_type=Bearer&expires_in=3600')
    const historyLength = window.history.length
    const replaceState = vi.spyOn(window.history, 'replaceState')

    expect(takeHandoffToken()).toBe('eyJ.secret.token')

    expect(replaceState).toHaveBeenCalledTimes(1)
    expect(window.history.length).toBe(historyLength)
    expect(window.location.pathname).toBe('/agents')
    expect(window.location.search).toBe('?env=prod')
    expect(window.location.hash).toBe('')
    expect(window.location.href).not.toContain('secret')
    expect(window.location.href).not.toMatch(/token_type|expires_in/)
  })

  it('keeps other fragment parameters', () => {
    visit('/executions?env=dev#state=xyz&access_token=tok123')
    expect(takeHandoffToken()).toBe('tok123')
    expect(window.location.pathname).toBe('/executions')
    expect(window.location.search).toBe('?env=dev')
    expect(window.location.hash).toBe('#state=xyz')
  })

  it('returns null and leaves the address bar alone without a fragment token', () => {
    visit('/agents?env=prod#section')
    const replaceState = vi.spyOn(window.history, 'replaceState')
    expect(takeHandoffToken()).toBeNull()
    expect(replaceState).not.toHaveBeenCalled()
    expect(window.location.hash).toBe('#section')
  })

  it('returns null without any fragment', () => {
    visit('/agents')
    expect(takeHandoffToken()).toBeNull()
    expect(window.location.href).toMatch(/\/agents$/)
  })

  it('returns null for an empty token but still clears the parameter', () => {
    visit('/#access_token=&token_type=Bearer')
    expect(takeHandoffToken()).toBeNull()
    expect(window.location.hash).toBe('')
  })
})

describe('listenForPastedHandoffs', () => {
  /** What a fragment-only navigation (a hand-off pasted into the tab) does: popstate, then hashchange. */
  function paste(url: string, between: () => void = () => {}) {
    visit(url)
    window.dispatchEvent(new PopStateEvent('popstate', { state: null }))
    between()
    window.dispatchEvent(new HashChangeEvent('hashchange'))
  }

  it('takes the token at popstate, before a listener registered earlier (the router) reads the address', () => {
    const seenByRouter: string[] = []
    const router = () => seenByRouter.push(window.location.href)
    window.addEventListener('popstate', router)
    const tokens: string[] = []
    const stop = listenForPastedHandoffs((token) => tokens.push(token))
    try {
      paste('/agents#access_token=pasted.token')
      expect(tokens).toEqual(['pasted.token'])
      expect(seenByRouter).toHaveLength(1)
      expect(seenByRouter[0]).not.toContain('access_token')
      expect(window.location.hash).toBe('')
    } finally {
      stop()
      window.removeEventListener('popstate', router)
    }
  })

  it('keeps the token when the address is rewritten between popstate and hashchange', () => {
    const tokens: string[] = []
    const stop = listenForPastedHandoffs((token) => tokens.push(token))
    try {
      // The environment gate adding `?env=` with replaceState drops the fragment.
      paste('/agents#access_token=pasted.token', () => visit('/agents?env=prod'))
      expect(tokens).toEqual(['pasted.token'])
    } finally {
      stop()
    }
  })

  it('takes it at hashchange where no popstate came first, and stops when told', () => {
    const tokens: string[] = []
    const stop = listenForPastedHandoffs((token) => tokens.push(token))
    visit('/agents?env=dev#access_token=only.hashchange')
    window.dispatchEvent(new HashChangeEvent('hashchange'))
    expect(tokens).toEqual(['only.hashchange'])
    expect(window.location.search).toBe('?env=dev')

    stop()
    paste('/agents#access_token=after.stop')
    expect(tokens).toEqual(['only.hashchange'])
  })
})
