import { create } from 'zustand'
import { configureApiAuth } from '@/lib/api/api-client'
import { queryClient } from '@/lib/query/query-client'
import { currentStorageTenant, switchStorageTenant } from '@/lib/tenant-storage'
import { readToken, type TokenClaims, type TokenProblem } from './token-claims'

/**
 * The one session module: who is signed in, for which tenant, and why a session ended.
 * The token is kept in localStorage under one fixed key (so a reload keeps the session) and
 * nowhere else: never in the URL, never in logs, never in a tenant-keyed preference.
 */
const TOKEN_KEY = 'cameleer3:session-token'

export type SignedOutReason = TokenProblem | 'session-expired' | 'signed-out'

export type SessionSource = 'login' | 'handoff' | 'storage'

interface SessionState {
  token: string | null
  claims: TokenClaims | null
  /** Why the user is on the sign-in page, shown there as an alert. */
  signedOutReason: SignedOutReason | null
}

export const useSessionStore = create<SessionState>()(() => ({
  token: null,
  claims: null,
  signedOutReason: null,
}))

function storage(): Storage | null {
  try {
    return globalThis.localStorage ?? null
  } catch {
    return null
  }
}

/**
 * Start a session from a token. A token of another tenant (or another user) replaces the
 * session: requests in flight are cancelled and the whole query cache is dropped before
 * anything of the new session renders; another tenant also wipes every per-tenant preference.
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
  storage()?.setItem(TOKEN_KEY, token)
  useSessionStore.setState({ token, claims, signedOutReason: null })
  return { ok: true, claims }
}

/** End the session (sign-out, expiry, any 401). Preferences of this tenant are kept. */
export function endSession(reason: SignedOutReason): void {
  dropCachedData()
  clearSessionState(reason)
}

function clearSessionState(reason: SignedOutReason): void {
  storage()?.removeItem(TOKEN_KEY)
  useSessionStore.setState({ token: null, claims: null, signedOutReason: reason })
}

function dropCachedData(): void {
  void queryClient.cancelQueries()
  queryClient.clear()
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

export const signedOutMessages: Record<SignedOutReason, string> = {
  malformed:
    'The sign-in token is malformed, so it was not used. Sign in again or ask for a new link.',
  expired: 'The sign-in token has expired. Sign in again or ask for a new link.',
  'no-tenant':
    'The sign-in token names no tenant, so Cameleer3 cannot tell whose data to show. Sign in again.',
  'session-expired': 'Your session expired. Sign in again to continue where you were.',
  'signed-out': 'You signed out.',
}
