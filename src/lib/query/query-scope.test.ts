import { QueryClient, QueryObserver } from '@tanstack/react-query'
import { afterEach, describe, expect, it, vi } from 'vitest'
import {
  keepPreviousInScope,
  keyHasScope,
  keyIsInScope,
  scopedInfiniteQuery,
  scopedKey,
  scopedQuery,
  tenantKey,
  type Scope,
} from './query-scope'

const acmeProd: Scope = { tenant: 'acme', env: 'prod' }
const acmeDev: Scope = { tenant: 'acme', env: 'dev' }
const betaProd: Scope = { tenant: 'beta', env: 'prod' }

describe('scopedKey', () => {
  it('puts tenant and environment at the root of a single key object, with the params beside them', () => {
    expect(scopedKey(acmeProd, 'agents', 'list', { status: 'DEAD', q: 'order' })).toEqual([
      {
        tenant: 'acme',
        env: 'prod',
        resource: 'agents',
        entity: 'list',
        status: 'DEAD',
        q: 'order',
      },
    ])
  })

  it('gives another environment or tenant another key', () => {
    const keys = [acmeProd, acmeDev, betaProd].map((scope) =>
      JSON.stringify(scopedKey(scope, 'agents', 'list')),
    )
    expect(new Set(keys).size).toBe(3)
  })

  it('never lets a param named env, tenant, resource or entity override the scope', () => {
    const hostile = { env: 'dev', tenant: 'beta', resource: 'x', entity: 'y', status: 'LIVE' }
    expect(scopedKey(acmeProd, 'agents', 'list', hostile)).toEqual([
      { tenant: 'acme', env: 'prod', resource: 'agents', entity: 'list', status: 'LIVE' },
    ])
  })
})

describe('scopedQuery', () => {
  it('hands the query function its own key object and the abort signal, and caches under that key', async () => {
    const client = new QueryClient()
    const key = scopedKey(acmeProd, 'agents', 'detail', { agentId: 'a-1' })
    const fetcher = vi.fn(
      async (scope: { env: string; tenant: string; agentId: string }, signal: AbortSignal) => {
        expect(signal).toBeInstanceOf(AbortSignal)
        return `${scope.tenant}/${scope.env}/${scope.agentId}`
      },
    )
    await expect(client.fetchQuery(scopedQuery(key, fetcher))).resolves.toBe('acme/prod/a-1')
    expect(fetcher).toHaveBeenCalledWith(key[0], expect.any(AbortSignal))
    expect(client.getQueryData(key)).toBe('acme/prod/a-1')
  })

  it('reads the environment from the key it is run with, not from where the options were built', async () => {
    const options = scopedQuery(scopedKey(acmeProd, 'agents', 'list'), async (scope) => scope.env)
    const queryFn = options.queryFn as (context: unknown) => Promise<string>
    const devKey = scopedKey(acmeDev, 'agents', 'list')
    // React Query calls the function with the key of the query being fetched.
    await expect(queryFn({ queryKey: devKey, signal: new AbortController().signal })).resolves.toBe(
      'dev',
    )
  })
})

describe('scopedInfiniteQuery', () => {
  it('hands each page function its own key object, the page parameter and the signal', async () => {
    const client = new QueryClient()
    const key = scopedKey(acmeProd, 'agents', 'events', { agentId: 'a-1' })
    const fetcher = vi.fn(async (scope: { env: string; agentId: string }, page: number) => ({
      label: `${scope.env}/${scope.agentId}#${page}`,
      next: page < 2 ? page + 1 : undefined,
    }))
    const options = scopedInfiniteQuery(key, {
      fetch: (scope, page: number) => fetcher(scope, page),
      initialPageParam: 1,
      getNextPageParam: (last) => last.next,
    })
    const data = await client.fetchInfiniteQuery({ ...options, pages: 2 })
    expect(data.pages.map((page) => page.label)).toEqual(['prod/a-1#1', 'prod/a-1#2'])
    expect(fetcher).toHaveBeenCalledWith(key[0], 1)
    expect(client.getQueryData(key)).toEqual(data)
  })
})

describe('keepPreviousInScope', () => {
  const previousQuery = { queryKey: scopedKey(acmeProd, 'agents', 'list', { status: 'LIVE' }) }

  it('keeps the previous data within the same tenant and environment', () => {
    expect(keepPreviousInScope(['row'], previousQuery, acmeProd)).toEqual(['row'])
  })

  it('drops it across an environment switch', () => {
    expect(keepPreviousInScope(['row'], previousQuery, acmeDev)).toBeUndefined()
  })

  it('drops it across a tenant switch', () => {
    expect(keepPreviousInScope(['row'], previousQuery, betaProd)).toBeUndefined()
  })

  it('has nothing to keep without a previous query or data', () => {
    expect(keepPreviousInScope(undefined, previousQuery, acmeProd)).toBeUndefined()
    expect(keepPreviousInScope(['row'], undefined, acmeProd)).toBeUndefined()
    expect(keepPreviousInScope(['row'], { queryKey: ['agents'] }, acmeProd)).toBeUndefined()
  })

  describe('as placeholderData of a live query', () => {
    const keyFor = (scope: Scope, status: string) => scopedKey(scope, 'agents', 'list', { status })
    type Key = ReturnType<typeof keyFor>
    let observer: QueryObserver<string, Error, string, string, Key> | undefined
    afterEach(() => observer?.destroy())

    function observe(client: QueryClient, scope: Scope, status: string, data: Promise<string>) {
      const options = {
        ...scopedQuery(keyFor(scope, status), () => data),
        placeholderData: (previous: string | undefined, query: { queryKey: Key } | undefined) =>
          keepPreviousInScope(previous, query, scope),
      }
      if (!observer) observer = new QueryObserver(client, options)
      else observer.setOptions(options)
      return observer
    }

    it('shows the old page while a filter changes, never while the environment changes', async () => {
      const client = new QueryClient()
      const first = observe(client, acmeProd, 'LIVE', Promise.resolve('prod LIVE'))
      const unsubscribe = first.subscribe(() => {})
      await vi.waitFor(() => expect(first.getCurrentResult().data).toBe('prod LIVE'))

      const pending = new Promise<string>(() => {})
      observe(client, acmeProd, 'DEAD', pending)
      expect(first.getCurrentResult()).toMatchObject({ data: 'prod LIVE', isPlaceholderData: true })

      observe(client, acmeDev, 'DEAD', pending)
      expect(first.getCurrentResult()).toMatchObject({ data: undefined, isPlaceholderData: false })
      unsubscribe()
    })
  })
})

describe('keyHasScope', () => {
  it('matches keys of exactly this tenant and environment, not tenant-level ones', () => {
    expect(keyHasScope(scopedKey(acmeProd, 'agents', 'list'), acmeProd)).toBe(true)
    expect(keyHasScope(scopedKey(acmeDev, 'agents', 'list'), acmeProd)).toBe(false)
    expect(keyHasScope(scopedKey(betaProd, 'agents', 'list'), acmeProd)).toBe(false)
    expect(keyHasScope(tenantKey('acme', 'environments', 'list'), acmeProd)).toBe(false)
  })
})

describe('keyIsInScope', () => {
  const key = scopedKey(acmeProd, 'agents', 'list')

  it('matches a scoped key by tenant and environment', () => {
    expect(keyIsInScope(key, acmeProd)).toBe(true)
    expect(keyIsInScope(key, { env: 'prod' })).toBe(true)
    expect(keyIsInScope(key, { tenant: 'acme' })).toBe(true)
    expect(keyIsInScope(key, { env: 'dev' })).toBe(false)
    expect(keyIsInScope(key, { tenant: 'beta' })).toBe(false)
    expect(keyIsInScope(key, betaProd)).toBe(false)
  })

  it('counts a tenant-level key as in every environment of its tenant only', () => {
    const environments = tenantKey('acme', 'environments', 'list')
    expect(keyIsInScope(environments, { env: 'dev' })).toBe(true)
    expect(keyIsInScope(environments, acmeProd)).toBe(true)
    expect(keyIsInScope(environments, { tenant: 'beta' })).toBe(false)
  })

  it('does not claim keys that are not scope objects', () => {
    expect(keyIsInScope(['agents', 'list'], { env: 'prod' })).toBe(false)
    expect(keyIsInScope([], acmeProd)).toBe(false)
  })
})
