import { create } from 'zustand'
import { configureApiAuth } from '@/lib/api/api-client'
import { currentStorageTenant, switchStorageTenant } from '@/lib/tenant-storage'
import { readToken, type TokenClaims, type TokenProblem } from './token-claims'

/**
 * The one session module: who is signed in, for which tenant, and why a session ended.
 *
 * The token is kept in localStorage under one fixed key and nowhere else (never in the URL,
 * logs or a tenant-keyed preference). localStorage, not memory or sessionStorage, because a
 * reload and a link opened in a new tab must stay signed in, and because it is shared by every
 * tab of the origin: its `storage` event is how the tabs agree on one session (see
 * `followOtherTabs` and docs/architecture.md).
 */
const TOKEN_KEY = 'cameleer3:session-token'
/** Why the last session ended, written just before the token is removed, for the other tabs. */
const ENDED_KEY = 'cameleer3:session-ended'

export type SignedOutReason = TokenProblem | 'session-expired' | 'signed-out'

export type SessionSource = 'login' | 'handoff' | 'storage'

interface SessionState {
  token: string | null
  claims: TokenClaims | null
  /** Why the user is on the sign-in page, shown there as an alert. */
  signedOutReason: SignedOutReason | null
  /**
   * A hand-off of another user or tenant that arrived while a session was active: it replaces
   * nothing until the user says so (`acceptPendingHandoff` / `declinePendingHandoff`).
   */
  pendingHandoff: { token: string; claims: TokenClaims } | null
  /**
   * Another user or tenant signed in in another tab: this tab shows nothing of the old
   * session any more, and offers to continue as the new one.
   */
  replacedBy: TokenClaims | null
}

export const useSessionStore = create<SessionState>()(() => ({
  token: null,
  claims: null,
  signedOutReason: null,
  pendingHandoff: null,
  replacedBy: null,
}))

const sameIdentity = (a: TokenClaims | null | undefined, b: TokenClaims) =>
  a?.userId === b.userId && a.tenant === b.tenant

function storage(): Storage | null {
  try {
    return globalThis.localStorage ?? null
  } catch {
    return null
  }
}

/**
 * Start a session from a token. A token of another tenant (or another user) replaces the
 * session: it is announced (`onIdentityChange`: the app cancels requests in flight and drops
 * the whole query cache) before anything of the new session renders; another tenant also
 * wipes every per-tenant preference.
 */
export function startSession(
  token: string,
  source: SessionSource,
): { ok: true; claims: TokenClaims } | { ok: false; problem: TokenProblem } {
  const reading = readToken(token)
  if (!reading.ok) {
    // A bad hand-off token must not leave the previous session half alive either.
    if (source !== 'storage') endSession(reading.problem)
    else clearSessionState(reading.problem === 'expired' ? 'session-expired' : reading.problem)
    return reading
  }
  const { claims } = reading
  const previous = useSessionStore.getState().claims
  const tenantChanged =
    previous?.tenant !== claims.tenant && currentStorageTenant() !== claims.tenant
  const userChanged = previous?.userId !== claims.userId || previous?.tenant !== claims.tenant
  if (userChanged) dropCachedData()
  switchStorageTenant(claims.tenant, { wipe: tenantChanged && source !== 'storage' })
  storage()?.removeItem(ENDED_KEY)
  storage()?.setItem(TOKEN_KEY, token)
  useSessionStore.setState({
    token,
    claims,
    signedOutReason: null,
    pendingHandoff: null,
    replacedBy: null,
  })
  return { ok: true, claims }
}

/**
 * A `#access_token=` hand-off. With no session, or with a renewed token of the same user and
 * tenant, it starts (or renews) the session at once. A token of another user or tenant never
 * replaces an active session silently: it waits in `pendingHandoff` until the user chooses.
 */
export function offerHandoff(token: string): void {
  const current = useSessionStore.getState().claims
  const reading = readToken(token)
  if (current && reading.ok && !sameIdentity(current, reading.claims)) {
    useSessionStore.setState({ pendingHandoff: { token, claims: reading.claims } })
    return
  }
  startSession(token, 'handoff')
}

export function acceptPendingHandoff(): void {
  const pending = useSessionStore.getState().pendingHandoff
  if (pending) startSession(pending.token, 'handoff')
}

/** Keep the current session untouched (the fragment is already gone from the address bar). */
export function declinePendingHandoff(): void {
  useSessionStore.setState({ pendingHandoff: null })
}

/** End the session (sign-out, expiry, any 401), in every tab. Preferences are kept. */
export function endSession(reason: SignedOutReason): void {
  dropCachedData()
  clearSessionState(reason)
}

function clearSessionState(reason: SignedOutReason): void {
  // The reason first: the other tabs read it when they see the token go.
  storage()?.setItem(ENDED_KEY, reason)
  storage()?.removeItem(TOKEN_KEY)
  endLocally(reason)
}

function endLocally(reason: SignedOutReason): void {
  useSessionStore.setState({
    token: null,
    claims: null,
    signedOutReason: reason,
    pendingHandoff: null,
    replacedBy: null,
  })
}

/** What another tab's end of the session is called here: signed out, or expired. */
function reasonFromOtherTab(): SignedOutReason {
  return storage()?.getItem(ENDED_KEY) === 'session-expired' ? 'session-expired' : 'signed-out'
}

/**
 * Follow the session of the other tabs of this origin (they share the token's localStorage
 * key; the `storage` event fires in every tab but the one that wrote, at once):
 * - the token removed: the session ended there (sign-out, expiry, a 401), so it ends here too,
 *   with the same message;
 * - a renewed token of the same user and tenant: taken silently;
 * - a token of another user or tenant: this tab drops everything of the old session at once,
 *   writes nothing more for its tenant, and offers to continue as the new one;
 * - a sign-in while this tab is signed out: taken, as a reload would.
 * Returns the function that stops following.
 */
export function followOtherTabs(target: Window = window): () => void {
  const onStorage = (event: StorageEvent) => {
    if (event.key !== TOKEN_KEY && event.key !== null) return
    const token = storage()?.getItem(TOKEN_KEY) ?? null
    const state = useSessionStore.getState()
    if (token === state.token) return
    if (!token) {
      if (state.token) {
        dropCachedData()
        endLocally(reasonFromOtherTab())
      }
      return
    }
    const reading = readToken(token)
    if (!reading.ok) return // that tab refuses it too, and removes it
    if (!state.claims || sameIdentity(state.claims, reading.claims)) {
      if (state.replacedBy) return // waiting for the user's choice
      startSession(token, 'storage')
      return
    }
    dropCachedData()
    // The other tab has already wiped the old tenant's preferences: write none of them again.
    switchStorageTenant(null, { wipe: false })
    useSessionStore.setState({
      token: null,
      claims: null,
      signedOutReason: null,
      pendingHandoff: null,
      replacedBy: reading.claims,
    })
  }
  target.addEventListener('storage', onStorage)
  return () => target.removeEventListener('storage', onStorage)
}

/** Continue as the user another tab signed in as. */
export function continueAsReplacement(): void {
  const token = storage()?.getItem(TOKEN_KEY)
  if (token) startSession(token, 'storage')
  else endLocally('signed-out')
}

const identityListeners = new Set<() => void>()

/**
 * Called when whatever was fetched for the session may no longer be shown: the session ended,
 * or another user or tenant took it over. The app cancels its requests in flight and clears
 * its query cache here, before anything of the new session renders.
 * Returns the function that stops listening.
 */
export function onIdentityChange(listener: () => void): () => void {
  identityListeners.add(listener)
  return () => void identityListeners.delete(listener)
}

function dropCachedData(): void {
  for (const listener of identityListeners) listener()
}

/** Restore the session saved by a previous page load, if it is still valid. */
export function restoreSession(): void {
  const token = storage()?.getItem(TOKEN_KEY)
  if (token) startSession(token, 'storage')
}

configureApiAuth({
  getToken: () => useSessionStore.getState().token,
  onUnauthorized: () => {
    if (useSessionStore.getState().token) endSession('session-expired')
  },
})

// Narrow hooks: components re-render only for the part they read.
export const useClaims = () => useSessionStore((state) => state.claims)
export const useSignedOutReason = () => useSessionStore((state) => state.signedOutReason)
export const usePendingHandoff = () => useSessionStore((state) => state.pendingHandoff)
export const useReplacedBy = () => useSessionStore((state) => state.replacedBy)
