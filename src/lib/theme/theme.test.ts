import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { switchStorageTenant } from '@/lib/tenant-storage'
import { LAST_THEME_KEY, parseThemeChoice, resolveTheme } from './theme'
import { themeChoiceOf, useThemeStore } from './theme-store'

describe('theme resolution', () => {
  it('uses a stored light or dark choice whatever the system says', () => {
    expect(resolveTheme('dark', false)).toBe('dark')
    expect(resolveTheme('light', true)).toBe('light')
  })

  it('follows the system for "system"', () => {
    expect(resolveTheme('system', true)).toBe('dark')
    expect(resolveTheme('system', false)).toBe('light')
  })

  it('follows the system when nothing (or garbage) is stored', () => {
    expect(resolveTheme(null, true)).toBe('dark')
    expect(resolveTheme(undefined, false)).toBe('light')
    expect(resolveTheme('purple', true)).toBe('dark')
    expect(parseThemeChoice({ toString: () => 'dark' })).toBeNull()
  })
})

// The boot script runs before the app and reads what the store writes: run both against one
// localStorage and check they agree.
const bootScript = readFileSync(resolve(__dirname, '../../../public/theme-boot.js'), 'utf8')

function base64Url(text: string): string {
  return btoa(String.fromCharCode(...new TextEncoder().encode(text)))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '')
}

function fakeToken(claims: Record<string, unknown>): string {
  return `${base64Url('{"alg":"HS256"}')}.${base64Url(JSON.stringify(claims))}.signature`
}

function runBootScript(systemDark: boolean): string | null {
  vi.stubGlobal('matchMedia', (query: string) => ({ matches: systemDark, media: query }))
  document.documentElement.removeAttribute('data-theme')
  // The script is a plain classic script (public/), run as the browser would.
  new Function(bootScript)()
  return document.documentElement.getAttribute('data-theme')
}

describe('theme storage and the boot script', () => {
  beforeEach(() => {
    localStorage.clear()
    switchStorageTenant('acme', { wipe: false })
  })
  afterEach(() => {
    vi.unstubAllGlobals()
    switchStorageTenant(null, { wipe: false })
  })

  it('keeps one choice per user of a tenant', () => {
    useThemeStore.getState().setChoice('admin@acme', 'dark')
    useThemeStore.getState().setChoice('dev@acme', 'light')
    const { choices } = useThemeStore.getState()
    expect(themeChoiceOf(choices, 'admin@acme')).toBe('dark')
    expect(themeChoiceOf(choices, 'dev@acme')).toBe('light')
    expect(themeChoiceOf(choices, 'someone@acme')).toBe('system')
    expect(themeChoiceOf(choices, 'constructor')).toBe('system')
  })

  it('boots with the signed-in user’s stored choice, not another user’s', () => {
    useThemeStore.getState().setChoice('admin@acme', 'dark')
    useThemeStore.getState().setChoice('dev@acme', 'light')
    localStorage.setItem(
      'cameleer3:session-token',
      fakeToken({ sub: 'admin@acme', tenant: 'acme' }),
    )
    expect(runBootScript(false)).toBe('dark')
    localStorage.setItem('cameleer3:session-token', fakeToken({ sub: 'dev@acme', tenant: 'acme' }))
    expect(runBootScript(true)).toBe('light')
    localStorage.setItem('cameleer3:session-token', fakeToken({ sub: 'new@acme', tenant: 'acme' }))
    expect(runBootScript(true)).toBe('dark') // no choice yet: the system's
  })

  it('boots with the system theme for "system", a broken token or broken storage', () => {
    useThemeStore.getState().setChoice('admin@acme', 'system')
    localStorage.setItem(
      'cameleer3:session-token',
      fakeToken({ sub: 'admin@acme', tenant: 'acme' }),
    )
    expect(runBootScript(true)).toBe('dark')
    expect(runBootScript(false)).toBe('light')
    localStorage.setItem('cameleer3:session-token', 'not-a-jwt')
    expect(runBootScript(true)).toBe('dark')
    localStorage.setItem(
      'cameleer3:session-token',
      fakeToken({ sub: 'admin@acme', tenant: 'acme' }),
    )
    localStorage.setItem('cameleer3:tenant:acme:theme', '{not json')
    expect(runBootScript(false)).toBe('light')
  })

  it('boots the sign-in page (no session) with the last choice made on this browser', () => {
    localStorage.setItem(LAST_THEME_KEY, 'dark')
    expect(runBootScript(false)).toBe('dark')
    localStorage.setItem(LAST_THEME_KEY, 'system')
    expect(runBootScript(true)).toBe('dark')
    expect(runBootScript(false)).toBe('light')
  })

  it('is wiped with the tenant’s other preferences when another tenant signs in', () => {
    useThemeStore.getState().setChoice('admin@acme', 'dark')
    expect(localStorage.getItem('cameleer3:tenant:acme:theme')).toContain('dark')
    switchStorageTenant('beta', { wipe: true })
    expect(localStorage.getItem('cameleer3:tenant:acme:theme')).toBeNull()
    expect(useThemeStore.getState().choices).toEqual({})
  })
})
