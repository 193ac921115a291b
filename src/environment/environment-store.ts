import { create } from 'zustand'
import { createJSONStorage, persist } from 'zustand/middleware'
import { registerTenantStore, tenantStorage } from '@/lib/tenant-storage'

/**
 * The active environment. The URL (`?env=`) is what a link reproduces and it wins; the
 * environment gate copies the resolved value here before anything scoped renders, and every
 * query reads it from here into its key. The last choice is persisted per tenant.
 */
interface EnvironmentState {
  /** The environment every scoped query uses right now; null until resolved. */
  activeEnvironment: string | null
  /** The user's last choice in this tenant (persisted), used when a URL names none. */
  lastChosenEnvironment: string | null
  activate: (env: string) => void
}

export const useEnvironmentStore = create<EnvironmentState>()(
  persist(
    (set, get) => ({
      activeEnvironment: null,
      lastChosenEnvironment: null,
      activate: (env) => {
        if (get().activeEnvironment === env) return
        set({ activeEnvironment: env, lastChosenEnvironment: env })
      },
    }),
    {
      name: 'environment',
      version: 1,
      storage: createJSONStorage(() => tenantStorage),
      partialize: (state) => ({ lastChosenEnvironment: state.lastChosenEnvironment }),
    },
  ),
)

registerTenantStore({
  reset: () =>
    useEnvironmentStore.setState({ activeEnvironment: null, lastChosenEnvironment: null }),
  rehydrate: () => useEnvironmentStore.persist.rehydrate(),
})

/**
 * Called when the active environment changes from one to another (not when it is first
 * resolved, nor when a tenant change resets it). The app cancels the old environment's
 * requests here: they are useless now, and their answers would land only in the old scope's
 * cache entries anyway. Returns the function that stops listening.
 */
export function onEnvironmentSwitch(
  listener: (previous: string, next: string) => void,
): () => void {
  return useEnvironmentStore.subscribe((state, before) => {
    const next = state.activeEnvironment
    const previous = before.activeEnvironment
    if (previous && next && previous !== next) listener(previous, next)
  })
}

export const useActiveEnvironment = () => useEnvironmentStore((state) => state.activeEnvironment)
