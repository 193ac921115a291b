import { create } from 'zustand'
import { createJSONStorage, persist } from 'zustand/middleware'
import { registerTenantStore, tenantStorage } from './tenant-storage'

/** UI preferences, persisted per tenant (wiped with everything else when the tenant changes). */
export type TimeZonePreference = 'local' | 'utc'

interface PreferencesState {
  timeZone: TimeZonePreference
  setTimeZone: (timeZone: TimeZonePreference) => void
}

const defaults = { timeZone: 'local' as TimeZonePreference }

export const usePreferencesStore = create<PreferencesState>()(
  persist(
    (set) => ({
      ...defaults,
      setTimeZone: (timeZone) => set({ timeZone }),
    }),
    {
      name: 'preferences',
      version: 1,
      storage: createJSONStorage(() => tenantStorage),
      partialize: (state) => ({ timeZone: state.timeZone }),
    },
  ),
)

registerTenantStore({
  reset: () => usePreferencesStore.setState(defaults),
  rehydrate: () => usePreferencesStore.persist.rehydrate(),
})

export const useTimeZonePreference = () => usePreferencesStore((state) => state.timeZone)
