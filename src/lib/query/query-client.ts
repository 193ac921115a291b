import { QueryClient } from '@tanstack/react-query'
import { isApiFailure } from '@/lib/api/errors'

/** One client for the app's lifetime; a tenant change clears it whole (see session). */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        // Agents and executions change by the second, but refetching on every mount makes
        // the view jumpy; views that need live data set refetchInterval themselves.
        staleTime: 15_000,
        gcTime: 5 * 60_000,
        // Retry only what might work the second time: not 4xx, not a broken payload, and
        // not a scope mismatch (it would be refused again).
        retry: (failureCount, error) =>
          failureCount < 2 && (!isApiFailure(error) || error.retryable),
        retryDelay: (attempt) => Math.min(500 * 2 ** attempt, 4_000),
        refetchOnWindowFocus: false,
      },
    },
  })
}

export const queryClient = createQueryClient()
