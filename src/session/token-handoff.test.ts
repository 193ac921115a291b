import { afterEach, describe, expect, it, vi } from 'vitest'
import { takeHandoffToken } from './token-handoff'

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
