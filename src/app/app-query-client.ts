import type { QueryClient } from '@tanstack/react-query'
import { onEnvironmentSwitch } from '@/environment/environment-store'
import { createQueryClient } from '@/lib/query/query-client'
import { keyIsInScope } from '@/lib/query/query-scope'
import { onIdentityChange } from '@/session/session-store'

/**
 * What the app's query client does when scope changes under it. The stores only announce:
 * - a switch of environment cancels the old environment's requests in flight (their keys are
 *   no longer shown; nothing needs invalidating, every key holds its scope);
 * - the session ending or passing to another user or tenant cancels everything in flight and
 *   clears the whole cache, before anything of the new session renders.
 * Returns the function that disconnects the client from the stores.
 */
export function connectQueryClient(client: QueryClient): () => void {
  const stopFollowingEnvironment = onEnvironmentSwitch((previous) => {
    void client.cancelQueries({
      predicate: (query) => keyIsInScope(query.queryKey, { env: previous }),
    })
  })
  const stopFollowingSession = onIdentityChange(() => {
    void client.cancelQueries()
    client.clear()
  })
  return () => {
    stopFollowingEnvironment()
    stopFollowingSession()
  }
}

/** The app's one query client, for the page's lifetime (created in main.tsx). */
export function createAppQueryClient(): QueryClient {
  const client = createQueryClient()
  connectQueryClient(client)
  return client
}
