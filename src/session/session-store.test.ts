import type { QueryClient } from '@tanstack/react-query'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { connectQueryClient } from '@/app/app-query-client'
import { useEnvironmentStore } from '@/environment/environment-store'
import { scopedGet } from '@/lib/api/api-client'
import { HttpError } from '@/lib/api/errors'
import { usePreferencesStore } from '@/lib/preferences-store'
import { createQueryClient } from '@/lib/query/query-client'
import { scopedKey, tenantKey } from '@/lib/query/query-scope'
import { switchStorageTenant } from '@/lib/tenant-storage'
import { signDemoToken, signToken } from '@/mocks/auth/auth-tokens'
import {
  acceptPendingHandoff,
  continueAsReplacement,
  declinePendingHandoff,
  endSession,
  followOtherTabs,
  offerHandoff,
  restoreSession,
  startSession,
  useSessionStore,
} from './session-store'
import type { TokenProblem } from './token-claims'
import { agentListSchema } from '@/lib/api/generated/response-schemas/agent-list'

const TOKEN_KEY = 'cameleer3:session-token'
const TENANT_PREFIX = 'cameleer3:tenant:'

function storedKeys(): string[] {
  return Array.from({ length: localStorage.length }, (_, i) => localStorage.key(i) ?? '')
}
const tenantKeys = () => storedKeys().filter((key) => key.startsWith(TENANT_PREFIX))

/** What a previous page load left on disk for a tenant's preferences and environment choice. */
function leaveStoredPreferences(tenant: string) {
  localStorage.setItem(
    `${TENANT_PREFIX}${tenant}:preferences`,
    JSON.stringify({ state: { timeZone: 'utc' }, version: 1 }),
  )
  localStorage.setItem(
    `${TENANT_PREFIX}${tenant}:environment`,
    JSON.stringify({ state: { lastChosenEnvironment: 'staging' }, version: 1 }),
  )
}

/** The state of a fresh page load: no session, stores pointing at no tenant. */
function freshPage() {
  useSessionStore.setState({
    token: null,
    claims: null,
    signedOutReason: null,
    pendingHandoff: null,
    replacedBy: null,
  })
  switchStorageTenant(null, { wipe: false })
  queryClient.clear()
}

function seedCache() {
  queryClient.setQueryData(scopedKey({ tenant: 'acme', env: 'prod' }, 'agents', 'list'), {
    items: ['a'],
  })
  queryClient.setQueryData(tenantKey('acme', 'environments', 'list'), { items: ['prod'] })
  expect(queryClient.getQueryCache().getAll()).toHaveLength(2)
}

/** Acme's admin signed in, with a cache, an active environment and a changed preference. */
async function signedInAsAcmeAdmin() {
  const token = await signDemoToken('admin@acme')
  expect(startSession(token, 'login').ok).toBe(true)
  seedCache()
  useEnvironmentStore.getState().activate('staging')
  usePreferencesStore.getState().setTimeZone('utc')
  expect(tenantKeys().sort()).toEqual([
    `${TENANT_PREFIX}acme:environment`,
    `${TENANT_PREFIX}acme:preferences`,
  ])
  return token
}

// The app's client, connected to the stores as the app connects it: a test sees the same
// cancel and clear the app does.
let queryClient: QueryClient
let disconnect: () => void
beforeEach(() => {
  queryClient = createQueryClient()
  disconnect = connectQueryClient(queryClient)
  freshPage()
  switchStorageTenant(null, { wipe: true })
})
afterEach(() => disconnect())

describe('startSession', () => {
  it('keeps the token under the one session key and nowhere else, and reads its claims', async () => {
    const token = await signDemoToken('dev@acme')
    const result = startSession(token, 'login')

    expect(result.ok).toBe(true)
    expect(localStorage.getItem(TOKEN_KEY)).toBe(token)
    expect(storedKeys().filter((key) => localStorage.getItem(key)?.includes(token))).toEqual([
      TOKEN_KEY,
    ])
    expect(useSessionStore.getState()).toMatchObject({
      token,
      claims: { userId: 'dev@acme', tenant: 'acme', name: 'Dev Eloper', envs: ['dev', 'staging'] },
      signedOutReason: null,
    })
  })

  it.each(['login', 'handoff'] as const)(
    'on a token of another tenant (%s), drops the whole cache and every per-tenant preference',
    async (source) => {
      await signedInAsAcmeAdmin()
      localStorage.setItem(
        `${TENANT_PREFIX}gamma:preferences`,
        '{"state":{"timeZone":"utc"},"version":1}',
      )
      const betaToken = await signDemoToken('admin@beta')

      expect(startSession(betaToken, source).ok).toBe(true)

      expect(queryClient.getQueryCache().getAll()).toEqual([])
      expect(tenantKeys().filter((key) => !key.startsWith(`${TENANT_PREFIX}beta:`))).toEqual([])
      expect(useEnvironmentStore.getState()).toMatchObject({
        activeEnvironment: null,
        lastChosenEnvironment: null,
      })
      expect(usePreferencesStore.getState().timeZone).toBe('local')
      expect(useSessionStore.getState().claims?.tenant).toBe('beta')
      expect(localStorage.getItem(TOKEN_KEY)).toBe(betaToken)
    },
  )

  it('wipes the previous tenant even when it signed out before the other tenant signs in', async () => {
    await signedInAsAcmeAdmin()
    endSession('signed-out')
    startSession(await signDemoToken('user@default'), 'login')
    expect(tenantKeys().filter((key) => key.startsWith(`${TENANT_PREFIX}acme:`))).toEqual([])
    expect(usePreferencesStore.getState().timeZone).toBe('local')
  })

  it('cancels requests in flight when another tenant signs in', async () => {
    await signedInAsAcmeAdmin()
    let aborted = false
    void queryClient
      .fetchQuery({
        queryKey: scopedKey({ tenant: 'acme', env: 'prod' }, 'agents', 'slow'),
        queryFn: ({ signal }) =>
          new Promise((_, reject) => {
            signal.addEventListener('abort', () => {
              aborted = true
              reject(signal.reason)
            })
          }),
      })
      .catch(() => {})
    startSession(await signDemoToken('admin@beta'), 'login')
    expect(aborted).toBe(true)
  })

  it("keeps the tenant's preferences when the same user signs in again", async () => {
    await signedInAsAcmeAdmin()
    startSession(await signDemoToken('admin@acme'), 'login')
    expect(usePreferencesStore.getState().timeZone).toBe('utc')
    expect(useEnvironmentStore.getState().lastChosenEnvironment).toBe('staging')
    expect(tenantKeys()).toHaveLength(2)
  })

  it("drops the cache but keeps the tenant's preferences when another user of the tenant signs in", async () => {
    await signedInAsAcmeAdmin()
    startSession(await signDemoToken('dev@acme'), 'handoff')
    expect(queryClient.getQueryCache().getAll()).toEqual([])
    expect(usePreferencesStore.getState().timeZone).toBe('utc')
    expect(useEnvironmentStore.getState().lastChosenEnvironment).toBe('staging')
  })

  it("keeps the tenant's preferences across sign-out and sign-in", async () => {
    await signedInAsAcmeAdmin()
    endSession('signed-out')
    startSession(await signDemoToken('admin@acme'), 'login')
    expect(usePreferencesStore.getState().timeZone).toBe('utc')
    expect(useEnvironmentStore.getState().lastChosenEnvironment).toBe('staging')
  })

  it("keeps the tenant's preferences when it signs in again on a fresh page after its session expired", async () => {
    // The everyday case: yesterday's token expired overnight, the user signs in again today.
    leaveStoredPreferences('acme')
    localStorage.setItem(TOKEN_KEY, await signDemoToken('admin@acme', { expiresInSeconds: -60 }))
    freshPage()
    restoreSession()
    expect(useSessionStore.getState().signedOutReason).toBe('session-expired')

    startSession(await signDemoToken('admin@acme'), 'login')

    expect(usePreferencesStore.getState().timeZone).toBe('utc')
    expect(useEnvironmentStore.getState().lastChosenEnvironment).toBe('staging')
  })

  it("still wipes another tenant's preferences on a fresh page", async () => {
    leaveStoredPreferences('acme')
    freshPage()
    startSession(await signDemoToken('admin@beta'), 'login')
    expect(tenantKeys().filter((key) => key.startsWith(`${TENANT_PREFIX}acme:`))).toEqual([])
    expect(usePreferencesStore.getState().timeZone).toBe('local')
  })

  const badTokens: [string, () => Promise<string>, TokenProblem][] = [
    ['a malformed', async () => 'not-a-jwt', 'malformed'],
    ['an expired', () => signDemoToken('admin@beta', { expiresInSeconds: -1 }), 'expired'],
    ['a tenant-less', () => signToken({ sub: 'someone', name: 'Someone' }), 'no-tenant'],
  ]
  it.each(badTokens)(
    'ends the previous session when %s hand-off token arrives',
    async (_label, makeToken, reason) => {
      await signedInAsAcmeAdmin()
      const result = startSession(await makeToken(), 'handoff')

      expect(result).toEqual({ ok: false, problem: reason })
      expect(useSessionStore.getState()).toEqual(
        expect.objectContaining({ token: null, claims: null, signedOutReason: reason }),
      )
      expect(localStorage.getItem(TOKEN_KEY)).toBeNull()
      expect(queryClient.getQueryCache().getAll()).toEqual([])
    },
  )
})

describe('endSession', () => {
  it("ends the session with its reason, drops the cache and keeps the tenant's preferences", async () => {
    await signedInAsAcmeAdmin()
    endSession('session-expired')

    expect(useSessionStore.getState()).toEqual(
      expect.objectContaining({ token: null, claims: null, signedOutReason: 'session-expired' }),
    )
    expect(localStorage.getItem(TOKEN_KEY)).toBeNull()
    expect(queryClient.getQueryCache().getAll()).toEqual([])
    expect(tenantKeys()).toContain(`${TENANT_PREFIX}acme:preferences`)
  })
})

describe('restoreSession', () => {
  it("restores a valid stored token with the tenant's stored preferences", async () => {
    const token = await signDemoToken('admin@acme')
    leaveStoredPreferences('acme')
    localStorage.setItem(TOKEN_KEY, token)
    freshPage()

    restoreSession()

    expect(useSessionStore.getState()).toMatchObject({
      token,
      claims: { tenant: 'acme' },
      signedOutReason: null,
    })
    expect(usePreferencesStore.getState().timeZone).toBe('utc')
    expect(useEnvironmentStore.getState().lastChosenEnvironment).toBe('staging')
  })

  it('drops an expired stored token with the reason session-expired', async () => {
    localStorage.setItem(TOKEN_KEY, await signDemoToken('admin@acme', { expiresInSeconds: -5 }))
    restoreSession()
    expect(useSessionStore.getState()).toEqual(
      expect.objectContaining({ token: null, claims: null, signedOutReason: 'session-expired' }),
    )
    expect(localStorage.getItem(TOKEN_KEY)).toBeNull()
  })

  it('drops a malformed stored token', () => {
    localStorage.setItem(TOKEN_KEY, 'garbage')
    restoreSession()
    expect(useSessionStore.getState()).toMatchObject({ token: null, signedOutReason: 'malformed' })
    expect(localStorage.getItem(TOKEN_KEY)).toBeNull()
  })

  it('does nothing without a stored token', () => {
    restoreSession()
    expect(useSessionStore.getState()).toEqual(
      expect.objectContaining({ token: null, claims: null, signedOutReason: null }),
    )
  })
})

describe('a 401 from the API', () => {
  const scope = { tenant: 'acme', env: 'prod' }

  it("signs out with 'session-expired' when the server rejects the token", async () => {
    // Readable, unexpired, with a tenant, but signed with another secret: only the server can tell.
    const forged = await signToken(
      { sub: 'admin@acme', tenant: 'acme', name: 'Ada', roles: ['admin'] },
      { secret: 'not-the-server-secret' },
    )
    expect(startSession(forged, 'login').ok).toBe(true)
    seedCache()

    const error = await scopedGet('/agents', { scope, schema: agentListSchema }).catch(
      (e: unknown) => e,
    )

    expect(error).toBeInstanceOf(HttpError)
    expect((error as HttpError).status).toBe(401)
    expect(useSessionStore.getState()).toEqual(
      expect.objectContaining({ token: null, claims: null, signedOutReason: 'session-expired' }),
    )
    expect(localStorage.getItem(TOKEN_KEY)).toBeNull()
    expect(queryClient.getQueryCache().getAll()).toEqual([])
  })

  it('does not sign out on a 403 (an environment the token does not allow)', async () => {
    const token = await signDemoToken('dev@acme')
    startSession(token, 'login')
    const error = await scopedGet('/agents', { scope, schema: agentListSchema }).catch(
      (e: unknown) => e,
    )
    expect((error as HttpError).status).toBe(403)
    expect(useSessionStore.getState().token).toBe(token)
  })

  it('does not replace the reason of a session that has already ended', async () => {
    startSession(await signDemoToken('admin@acme'), 'login')
    endSession('signed-out')
    const error = await scopedGet('/agents', { scope, schema: agentListSchema }).catch(
      (e: unknown) => e,
    )
    expect((error as HttpError).status).toBe(401)
    expect(useSessionStore.getState().signedOutReason).toBe('signed-out')
  })
})

describe('a hand-off while a session is active', () => {
  it('with no session, starts one without asking', async () => {
    const token = await signDemoToken('admin@beta')
    offerHandoff(token)
    expect(useSessionStore.getState()).toMatchObject({ token, pendingHandoff: null })
  })

  it('of the same user and tenant (a renewed token), is taken without asking', async () => {
    await signedInAsAcmeAdmin()
    const renewed = await signDemoToken('admin@acme', { expiresInSeconds: 7200 })
    offerHandoff(renewed)
    expect(useSessionStore.getState()).toMatchObject({ token: renewed, pendingHandoff: null })
    expect(queryClient.getQueryCache().getAll()).toHaveLength(2)
  })

  it('of another tenant, waits for the user and changes nothing until then', async () => {
    const acmeToken = await signedInAsAcmeAdmin()
    const betaToken = await signDemoToken('admin@beta')

    offerHandoff(betaToken)

    const state = useSessionStore.getState()
    expect(state.token).toBe(acmeToken)
    expect(state.claims?.tenant).toBe('acme')
    expect(state.pendingHandoff?.claims).toMatchObject({ tenant: 'beta', userId: 'admin@beta' })
    expect(localStorage.getItem(TOKEN_KEY)).toBe(acmeToken)
    expect(queryClient.getQueryCache().getAll()).toHaveLength(2)
    expect(tenantKeys()).toContain(`${TENANT_PREFIX}acme:preferences`)
  })

  it('Cancel keeps the current session untouched', async () => {
    const acmeToken = await signedInAsAcmeAdmin()
    offerHandoff(await signDemoToken('dev@acme'))
    declinePendingHandoff()
    expect(useSessionStore.getState()).toMatchObject({ token: acmeToken, pendingHandoff: null })
    expect(queryClient.getQueryCache().getAll()).toHaveLength(2)
  })

  it('Switch replaces the session as a sign-in would', async () => {
    await signedInAsAcmeAdmin()
    const betaToken = await signDemoToken('admin@beta')
    offerHandoff(betaToken)
    acceptPendingHandoff()
    expect(useSessionStore.getState()).toMatchObject({ token: betaToken, pendingHandoff: null })
    expect(queryClient.getQueryCache().getAll()).toEqual([])
    expect(tenantKeys().filter((key) => key.startsWith(`${TENANT_PREFIX}acme:`))).toEqual([])
  })
})

describe('sessions across tabs', () => {
  let stop: () => void = () => {}
  beforeEach(() => {
    stop = followOtherTabs()
    return () => stop()
  })

  /** What another tab of the origin does to the shared storage, and the event this tab gets. */
  function otherTab(change: () => void) {
    change()
    window.dispatchEvent(new StorageEvent('storage', { key: TOKEN_KEY }))
  }

  it.each([
    ['signed-out', 'signed-out'],
    ['session-expired', 'session-expired'],
    ['malformed', 'signed-out'],
  ] as const)('ends here too when the other tab ends it (%s)', async (ended, shown) => {
    await signedInAsAcmeAdmin()
    otherTab(() => {
      localStorage.setItem('cameleer3:session-ended', ended)
      localStorage.removeItem(TOKEN_KEY)
    })
    expect(useSessionStore.getState()).toMatchObject({
      token: null,
      claims: null,
      signedOutReason: shown,
    })
    expect(queryClient.getQueryCache().getAll()).toEqual([])
  })

  it('ending a session leaves its reason for the other tabs', async () => {
    await signedInAsAcmeAdmin()
    endSession('session-expired')
    expect(localStorage.getItem('cameleer3:session-ended')).toBe('session-expired')
    startSession(await signDemoToken('admin@acme'), 'login')
    expect(localStorage.getItem('cameleer3:session-ended')).toBeNull()
  })

  it('picks up a renewed token of the same user silently, keeping the cache', async () => {
    await signedInAsAcmeAdmin()
    const renewed = await signDemoToken('admin@acme', { expiresInSeconds: 7200 })
    otherTab(() => localStorage.setItem(TOKEN_KEY, renewed))
    expect(useSessionStore.getState()).toMatchObject({ token: renewed, replacedBy: null })
    expect(queryClient.getQueryCache().getAll()).toHaveLength(2)
  })

  it('stops showing the old session at once when another tenant signs in there', async () => {
    await signedInAsAcmeAdmin()
    const betaToken = await signDemoToken('admin@beta')
    otherTab(() => {
      // What the other tab's sign-in did: wiped acme's preferences, stored its token.
      for (const key of tenantKeys()) localStorage.removeItem(key)
      localStorage.setItem(TOKEN_KEY, betaToken)
    })

    const state = useSessionStore.getState()
    expect(state.claims).toBeNull()
    expect(state.token).toBeNull()
    expect(state.replacedBy).toMatchObject({ tenant: 'beta', userId: 'admin@beta' })
    expect(queryClient.getQueryCache().getAll()).toEqual([])
    // This tab writes nothing for acme any more.
    usePreferencesStore.getState().setTimeZone('local')
    useEnvironmentStore.getState().activate('prod')
    expect(tenantKeys().filter((key) => key.startsWith(`${TENANT_PREFIX}acme:`))).toEqual([])

    continueAsReplacement()
    expect(useSessionStore.getState()).toMatchObject({ token: betaToken, replacedBy: null })
    expect(useSessionStore.getState().claims?.tenant).toBe('beta')
  })

  it('a tab on the sign-in page takes a sign-in made in another tab', async () => {
    const token = await signDemoToken('dev@acme')
    otherTab(() => localStorage.setItem(TOKEN_KEY, token))
    expect(useSessionStore.getState()).toMatchObject({ token, claims: { userId: 'dev@acme' } })
  })
})
