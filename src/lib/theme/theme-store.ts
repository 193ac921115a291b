import { useEffect, useSyncExternalStore } from 'react'
import { create } from 'zustand'
import { createJSONStorage, persist } from 'zustand/middleware'
import { registerTenantStore, tenantStorage } from '@/lib/tenant-storage'
import {
  appliedTheme,
  applyTheme,
  DEFAULT_THEME_CHOICE,
  onSystemThemeChange,
  parseThemeChoice,
  rememberLastThemeChoice,
  resolveTheme,
  systemPrefersDark,
  type ThemeChoice,
} from './theme'

/**
 * Each user's theme choice, per tenant on this browser (tenant storage: wiped with the
 * tenant's other preferences). Keyed by user id, so two users of one tenant sharing a browser
 * each keep their own. The boot script reads `cameleer3:tenant:<tenant>:theme` →
 * `state.choices[<sub>]` directly: the stored shape is part of its contract.
 */
interface ThemeState {
  choices: Record<string, ThemeChoice>
  setChoice: (userId: string, choice: ThemeChoice) => void
}

export const THEME_STORE_NAME = 'theme'

export const useThemeStore = create<ThemeState>()(
  persist(
    (set) => ({
      choices: {},
      setChoice: (userId, choice) =>
        set((state) => ({ choices: { ...state.choices, [userId]: choice } })),
    }),
    {
      name: THEME_STORE_NAME,
      version: 1,
      storage: createJSONStorage(() => tenantStorage),
      partialize: (state) => ({ choices: state.choices }),
      // Stored state is input: a hand-edited or old value must not break the page.
      merge: (persisted, current) => {
        const choices: Record<string, ThemeChoice> = Object.create(null) as Record<
          string,
          ThemeChoice
        >
        const raw = (persisted as { choices?: unknown } | undefined)?.choices
        if (raw && typeof raw === 'object') {
          for (const [userId, value] of Object.entries(raw)) {
            const choice = parseThemeChoice(value)
            if (choice) choices[userId] = choice
          }
        }
        return { ...current, choices }
      },
    },
  ),
)

registerTenantStore({
  reset: () => useThemeStore.setState({ choices: {} }),
  rehydrate: () => useThemeStore.persist.rehydrate(),
})

export function themeChoiceOf(choices: Record<string, ThemeChoice>, userId: string): ThemeChoice {
  return Object.hasOwn(choices, userId)
    ? (choices[userId] ?? DEFAULT_THEME_CHOICE)
    : DEFAULT_THEME_CHOICE
}

export const useThemeChoice = (userId: string) =>
  useThemeStore((state) => themeChoiceOf(state.choices, userId))

/**
 * Keeps `<html data-theme>` on the user's choice, following the system while the choice is
 * "system". The boot script already applied it before the first paint; this takes over once
 * the app runs (a change of choice, of user, or of the system's scheme).
 */
export function useApplyTheme(choice: ThemeChoice): void {
  useEffect(() => {
    const apply = () => applyTheme(resolveTheme(choice, systemPrefersDark()))
    apply()
    rememberLastThemeChoice(choice)
    notifyThemeListeners()
    if (choice !== 'system') return
    return onSystemThemeChange(() => {
      apply()
      notifyThemeListeners()
    })
  }, [choice])
}

const themeListeners = new Set<() => void>()
function notifyThemeListeners() {
  for (const listener of themeListeners) listener()
}
function subscribeTheme(listener: () => void) {
  themeListeners.add(listener)
  return () => themeListeners.delete(listener)
}

/** The theme on screen now, for code that cannot use CSS tokens (a library's own colour mode). */
export function useResolvedTheme() {
  return useSyncExternalStore(
    subscribeTheme,
    () => appliedTheme(),
    () => 'light' as const,
  )
}
