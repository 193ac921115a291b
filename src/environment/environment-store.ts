import { create } from 'zustand'
import { createJSONStorage, persist } from 'zustand/middleware'
import { queryClient } from '@/lib/query/query-client'
import { keyIsInScope } from '@/lib/query/query-scope'
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
        const previous = get().activeEnvironment
        if (previous === env) return
        // Requests for the old environment are useless now: cancel them rather than let them
        // finish (their answers would land only in the old scope's cache entries anyway).
        if (previous) {
          void queryClient.cancelQueries({
            predicate: (query) => keyIsInScope(query.queryKey, { env: previous }),
          })
        }
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

export const useActiveEnvironment = () => useEnvironmentStore((state) => state.activeEnvironment)

/** Production environments get the unmistakable treatment (colour and a text label). */
export function isProductionEnvironment(env: string | null | undefined): boolean {
  return !!env && /^(prod|production)(-|$)/.test(env)
}
