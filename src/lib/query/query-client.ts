import { QueryClient } from '@tanstack/react-query'
import { retryDelay, shouldRetry } from './retry-policy'

/** One client for the app's lifetime; a tenant change clears it whole (see session). */
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

export const queryClient = createQueryClient()
