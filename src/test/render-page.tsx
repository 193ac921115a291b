import { QueryClientProvider } from '@tanstack/react-query'
import { render } from '@testing-library/react'
import type { ReactElement } from 'react'
import { createMemoryRouter, RouterProvider, type RouteObject } from 'react-router'
import { onTestFinished } from 'vitest'
import { connectQueryClient } from '@/app/app-query-client'
import { EnvironmentGate } from '@/environment/environment-gate'
import { createQueryClient } from '@/lib/query/query-client'
import { signDemoToken } from '@/mocks/auth/auth-tokens'
import { startSession } from '@/session/session-store'

/**
 * Render a page as a signed-in user would see it: a real session (token signed like the
 * mock's), the real environment gate resolving `?env=` against the mock's environment list,
 * the real API client and mock handlers, and a query client connected to the stores as the
 * app's is. Returns the router and the client so tests can read the URL and the cache.
 */
export async function renderPage(options: {
  path: string
  element: ReactElement
  url: string
  user?: string
  extraRoutes?: RouteObject[]
}) {
  const token = await signDemoToken(options.user ?? 'admin@acme')
  startSession(token, 'login')
  const queryClient = createQueryClient()
  onTestFinished(connectQueryClient(queryClient))
  const router = createMemoryRouter(
    [
      {
        path: '/',
        element: <EnvironmentGate>{null}</EnvironmentGate>,
      },
      { path: options.path, element: <EnvironmentGate>{options.element}</EnvironmentGate> },
      ...(options.extraRoutes ?? []).map((route) => ({
        ...route,
        element: <EnvironmentGate>{route.element}</EnvironmentGate>,
      })),
    ] as RouteObject[],
    { initialEntries: [options.url] },
  )
  const view = render(
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>,
  )
  return { ...view, router, queryClient }
}

/** The current URL's search params, as the page wrote them. */
export function currentSearch(router: {
  state: { location: { search: string } }
}): URLSearchParams {
  return new URLSearchParams(router.state.location.search)
}
