/**
 * Themes: what the user chose (light, dark or the system's) and what that means right now.
 * `public/theme-boot.js` does the same resolution before the first paint, from the same stored
 * values (see docs/architecture.md, "Themes"); keep the two in step.
 */
export type ThemeChoice = 'light' | 'dark' | 'system'
export type ResolvedTheme = 'light' | 'dark'

export const themeChoices: ReadonlyArray<{ value: ThemeChoice; label: string }> = [
  { value: 'system', label: 'Follow the system' },
  { value: 'light', label: 'Light' },
  { value: 'dark', label: 'Dark' },
]

export const DEFAULT_THEME_CHOICE: ThemeChoice = 'system'

/**
 * The last choice made on this browser, for the pages nobody is signed in to (sign-in):
 * a fixed key, read by the boot script when there is no session. Holds no identity.
 */
export const LAST_THEME_KEY = 'cameleer3:theme-last'

const SYSTEM_DARK_QUERY = '(prefers-color-scheme: dark)'

export function parseThemeChoice(value: unknown): ThemeChoice | null {
  return value === 'light' || value === 'dark' || value === 'system' ? value : null
}

/** A stored choice wins; none (or garbage) follows the system; no system preference is light. */
export function resolveTheme(choice: unknown, systemPrefersDark: boolean): ResolvedTheme {
  const parsed = parseThemeChoice(choice) ?? DEFAULT_THEME_CHOICE
  if (parsed === 'system') return systemPrefersDark ? 'dark' : 'light'
  return parsed
}

function systemQuery(): MediaQueryList | null {
  return typeof globalThis.matchMedia === 'function'
    ? globalThis.matchMedia(SYSTEM_DARK_QUERY)
    : null
}

export function systemPrefersDark(): boolean {
  return systemQuery()?.matches ?? false
}

/** Calls back when the system switches between light and dark. */
export function onSystemThemeChange(callback: () => void): () => void {
  const query = systemQuery()
  if (!query) return () => {}
  query.addEventListener('change', callback)
  return () => query.removeEventListener('change', callback)
}

/** The theme on screen: `data-theme` on `<html>`, which every stylesheet's tokens follow. */
export function appliedTheme(root: HTMLElement = document.documentElement): ResolvedTheme {
  return root.dataset.theme === 'dark' ? 'dark' : 'light'
}

export function applyTheme(theme: ResolvedTheme, root: HTMLElement = document.documentElement) {
  if (root.dataset.theme !== theme) root.dataset.theme = theme
}

export function rememberLastThemeChoice(choice: ThemeChoice): void {
  try {
    globalThis.localStorage?.setItem(LAST_THEME_KEY, choice)
  } catch {
    // storage disabled: the sign-in page follows the system instead
  }
}
