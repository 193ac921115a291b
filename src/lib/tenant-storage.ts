import type { StateStorage } from 'zustand/middleware'

/**
 * Per-tenant preferences live in localStorage under `cameleer3:tenant:<tenant>:<name>`.
 * Stores persist through `tenantStorage`, so they can only ever read and write the signed-in
 * tenant's keys; when another tenant signs in, every such key is wiped and every registered
 * store is reset, so nothing of the previous tenant stays on screen or on disk.
 */
const PREFIX = 'cameleer3:tenant:'

let currentTenant: string | null = null

export interface TenantStore {
  /** Back to defaults in memory. Runs while storage points nowhere, so nothing is written. */
  reset: () => void
  /** Read the (new) tenant's saved state. */
  rehydrate: () => void | Promise<void>
}
const stores = new Set<TenantStore>()

function storageKey(name: string): string | null {
  return currentTenant ? `${PREFIX}${currentTenant}:${name}` : null
}

function safeLocalStorage(): Storage | null {
  try {
    return globalThis.localStorage ?? null
  } catch {
    return null // storage disabled (privacy mode): preferences simply do not persist
  }
}

export const tenantStorage: StateStorage = {
  getItem: (name) => {
    const key = storageKey(name)
    return key ? (safeLocalStorage()?.getItem(key) ?? null) : null
  },
  setItem: (name, value) => {
    const key = storageKey(name)
    if (key) safeLocalStorage()?.setItem(key, value)
  },
  removeItem: (name) => {
    const key = storageKey(name)
    if (key) safeLocalStorage()?.removeItem(key)
  },
}

/** A store that holds per-tenant state registers how to reset and re-read itself. */
export function registerTenantStore(store: TenantStore): void {
  stores.add(store)
}

/**
 * Point the stores at a tenant. With `wipe`, every other tenant's stored preferences are
 * deleted first (a different tenant signed in).
 */
export function switchStorageTenant(tenant: string | null, { wipe }: { wipe: boolean }): void {
  if (wipe) wipeAllTenantStorage({ except: tenant })
  // zustand's persist writes on every setState: reset while storage points nowhere, or the
  // defaults would overwrite the tenant's saved state before it is read.
  currentTenant = null
  for (const store of stores) store.reset()
  currentTenant = tenant
  for (const store of stores) void store.rehydrate()
}

export function wipeAllTenantStorage({ except }: { except?: string | null } = {}): void {
  const storage = safeLocalStorage()
  if (!storage) return
  const kept = except ? `${PREFIX}${except}:` : null
  const doomed: string[] = []
  for (let i = 0; i < storage.length; i++) {
    const key = storage.key(i)
    if (key?.startsWith(PREFIX) && !(kept && key.startsWith(kept))) doomed.push(key)
  }
  for (const key of doomed) storage.removeItem(key)
}

export function currentStorageTenant(): string | null {
  return currentTenant
}
