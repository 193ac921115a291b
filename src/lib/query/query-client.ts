import { QueryClient } from '@tanstack/react-query'
import { retryDelay, shouldRetry } from './retry-policy'

/**
 * The query client's policies. The app creates its one client (`app/app-query-client.ts`) and
 * cancels or clears it when the environment or the session changes; tests create their own.
 */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        // Agents and executions change by the second, but refetching on every mount makes
        // the view jumpy; views that need live data set refetchInterval themselves.
        staleTime: 15_000,
        gcTime: 5 * 60_000,
        // Jittered, honouring Retry-After; see retry-policy.ts.
        retry: shouldRetry,
        retryDelay,
        refetchOnWindowFocus: false,
      },
    },
  })
}
