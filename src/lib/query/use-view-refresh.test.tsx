import { QueryClient, QueryClientProvider, useQuery } from '@tanstack/react-query'
import { act, render, waitFor } from '@testing-library/react'
import { describe, expect, it, vi } from 'vitest'
import { scopedKey, type Scope } from './query-scope'
import { useViewRefresh } from './use-view-refresh'

const prod: Scope = { tenant: 'acme', env: 'prod' }
const dev: Scope = { tenant: 'acme', env: 'dev' }

describe('useViewRefresh', () => {
  it('refetches the active queries of the scope only, and says while they fetch', async () => {
    const client = new QueryClient({ defaultOptions: { queries: { staleTime: Infinity } } })
    const fetched = vi.fn<(what: string) => void>()
    // Loads answer at once until `hold`; then they wait for `release`.
    let hold = false
    let release: () => void = () => undefined
    const query = (scope: Scope, what: string) => ({
      queryKey: scopedKey(scope, 'stats', what),
      queryFn: () => {
        fetched(`${scope.env}/${what}`)
        return new Promise<string>((resolve) => {
          if (hold) release = () => resolve(what)
          else resolve(what)
        })
      },
    })
    // An inactive query of the scope: cached, not on screen.
    await client.prefetchQuery(query(prod, 'inactive'))
    let view: ReturnType<typeof useViewRefresh> | undefined
    function Page() {
      useQuery(query(prod, 'routes'))
      useQuery(query(dev, 'routes'))
      view = useViewRefresh(prod)
      return null
    }
    render(
      <QueryClientProvider client={client}>
        <Page />
      </QueryClientProvider>,
    )
    await waitFor(() => expect(view?.refreshing).toBe(false))
    fetched.mockClear()
    hold = true

    act(() => view?.refresh())
    expect(fetched.mock.calls).toEqual([['prod/routes']])
    await waitFor(() => expect(view?.refreshing).toBe(true))
    act(() => release())
    await waitFor(() => expect(view?.refreshing).toBe(false))
  })
})
