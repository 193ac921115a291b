import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { QueryClient } from '@tanstack/react-query'
import { useEnvironmentStore } from '@/environment/environment-store'
import { createQueryClient } from '@/lib/query/query-client'
import { scopedKey, tenantKey, type Scope } from '@/lib/query/query-scope'
import { signDemoToken } from '@/mocks/auth/auth-tokens'
import { endSession, startSession } from '@/session/session-store'
import { connectQueryClient } from './app-query-client'

const acmeProd: Scope = { tenant: 'acme', env: 'prod' }
const acmeStaging: Scope = { tenant: 'acme', env: 'staging' }

let client: QueryClient
let disconnect: () => void
beforeEach(async () => {
  client = createQueryClient()
  disconnect = connectQueryClient(client)
  startSession(await signDemoToken('admin@acme'), 'login')
  useEnvironmentStore.getState().activate('prod')
})
afterEach(() => {
  disconnect()
  endSession('signed-out')
})

/** Starts a request that only ends when it is aborted; tells whether it was. */
function inFlight(key: readonly unknown[]): { aborted: () => boolean } {
  let aborted = false
  void client
    .fetchQuery({
      queryKey: key,
      queryFn: ({ signal }) =>
        new Promise((_, reject) => {
          signal.addEventListener('abort', () => {
            aborted = true
            reject(signal.reason)
          })
        }),
    })
    .catch(() => {})
  return { aborted: () => aborted }
}

describe('the app query client', () => {
  it("cancels the old environment's requests when the environment switches, and only those", () => {
    const prod = inFlight(scopedKey(acmeProd, 'agents', 'list'))
    const staging = inFlight(scopedKey(acmeStaging, 'agents', 'list'))

    useEnvironmentStore.getState().activate('staging')

    expect(prod.aborted()).toBe(true)
    expect(staging.aborted()).toBe(false)
  })

  it('cancels everything and clears the cache when another tenant signs in', async () => {
    client.setQueryData(scopedKey(acmeStaging, 'agents', 'list'), { items: [] })
    client.setQueryData(tenantKey('acme', 'environments', 'list'), { items: [] })
    const prod = inFlight(scopedKey(acmeProd, 'agents', 'list'))

    startSession(await signDemoToken('admin@beta'), 'login')

    expect(prod.aborted()).toBe(true)
    expect(client.getQueryCache().getAll()).toEqual([])
  })

  it('stops following the stores once disconnected', () => {
    disconnect()
    const prod = inFlight(scopedKey(acmeProd, 'agents', 'list'))
    useEnvironmentStore.getState().activate('staging')
    expect(prod.aborted()).toBe(false)
    void client.cancelQueries()
  })
})
