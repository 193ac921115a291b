import { QueryClientProvider, useQuery } from '@tanstack/react-query'
import { render, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { http, HttpResponse } from 'msw'
import { createMemoryRouter, RouterProvider } from 'react-router'
import { afterEach, beforeEach, describe, expect, it, onTestFinished } from 'vitest'
import { connectQueryClient } from '@/app/app-query-client'
import { scopedGet } from '@/lib/api/api-client'
import type { EnvironmentList } from '@/lib/api/types'
import { createQueryClient } from '@/lib/query/query-client'
import { environmentQueries } from './environment-queries'
import { scopedKey, scopedQuery } from '@/lib/query/query-scope'
import { switchStorageTenant } from '@/lib/tenant-storage'
import { signDemoToken } from '@/mocks/auth/auth-tokens'
import { setMockSettings } from '@/mocks/mock-settings'
import { server } from '@/mocks/node'
import { startSession, useSessionStore } from '@/session/session-store'
import { EnvironmentGate } from './environment-gate'
import { useEnvironmentStore } from './environment-store'
import { EnvironmentSwitcher } from './environment-switcher'
import { useScope } from './use-scope'
import { agentListSchema } from '@/lib/api/generated/response-schemas/agent-list'

/** A scoped page: says where it is and loads the agents of that scope. */
function ScopedProbe() {
  const scope = useScope()
  const agents = useQuery(
    scopedQuery(scopedKey(scope, 'gate-test', 'agents'), (key, signal) =>
      scopedGet('/agents', { scope: key, schema: agentListSchema, signal }),
    ),
  )
  return (
    <p>
      Scope {scope.tenant}/{scope.env}:{' '}
      {agents.data ? `${agents.data.items.length} agents` : 'loading'}
    </p>
  )
}

/** The header's switcher above the gate, as in the app shell. */
async function renderGate(
  url: string,
  { user = 'admin@acme', lastChosen = null as string | null } = {},
) {
  startSession(await signDemoToken(user), 'login')
  if (lastChosen) useEnvironmentStore.setState({ lastChosenEnvironment: lastChosen })
  const router = createMemoryRouter(
    [
      {
        path: '/agents',
        element: (
          <>
            <EnvironmentSwitcher />
            <EnvironmentGate>
              <ScopedProbe />
            </EnvironmentGate>
          </>
        ),
      },
    ],
    { initialEntries: [url] },
  )
  const queryClient = createQueryClient()
  onTestFinished(connectQueryClient(queryClient))
  render(
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>,
  )
  return {
    router,
    queryClient,
    search: () => new URLSearchParams(router.state.location.search),
  }
}

/** Waits until the scoped page has loaded its data in `env`. */
async function findScopedPage(tenant: string, env: string) {
  // Generous: the first render pays for module loading and the mock's data generation.
  return screen.findByText(
    new RegExp(`^Scope ${tenant}/${env}: \\d+ agents$`),
    {},
    { timeout: 5_000 },
  )
}

let requested: URL[] = []
const onRequest = ({ request }: { request: Request }) => void requested.push(new URL(request.url))
const environmentsAsked = () =>
  requested.map((url) => url.searchParams.get('environment')).filter((env) => env !== null)

beforeEach(() => {
  useSessionStore.setState({ token: null, claims: null, signedOutReason: null })
  switchStorageTenant(null, { wipe: true })
  requested = []
  server.events.on('request:start', onRequest)
})
afterEach(() => server.events.removeListener('request:start', onRequest))

describe('EnvironmentGate', () => {
  it('takes a valid ?env= from the URL into the store and leaves the URL as it is', async () => {
    const { router } = await renderGate('/agents?env=staging&status=DEAD')
    await findScopedPage('acme', 'staging')

    expect(useEnvironmentStore.getState()).toMatchObject({
      activeEnvironment: 'staging',
      lastChosenEnvironment: 'staging',
    })
    expect(router.state.location.search).toBe('?env=staging&status=DEAD')
    expect(environmentsAsked()).toEqual(['staging'])
    expect(screen.queryByRole('alert')).toBeNull()
  })

  it('lets the URL win over the last choice', async () => {
    await renderGate('/agents?env=prod', { lastChosen: 'dev' })
    await findScopedPage('acme', 'prod')
    expect(useEnvironmentStore.getState().lastChosenEnvironment).toBe('prod')
  })

  it.each([
    ['a malformed', 'PROD', /“PROD” is not a valid environment id/],
    ['an unknown', 'qa', /“qa” is not an environment you can see/],
    ['a path-like', '../prod', /“\.\.\/prod” is not a valid environment id/],
  ])(
    'falls back from %s ?env= with an alert naming it, and never sends it',
    async (_label, value, message) => {
      const { search } = await renderGate(`/agents?env=${encodeURIComponent(value)}`)
      await findScopedPage('acme', 'dev')

      const alert = await screen.findByRole('alert')
      expect(alert).toHaveTextContent(message)
      expect(alert).toHaveTextContent(/Showing Development \(dev\) instead/)
      expect(search().get('env')).toBe('dev')
      expect(useEnvironmentStore.getState().activeEnvironment).toBe('dev')
      expect(environmentsAsked().length).toBeGreaterThan(0)
      expect(environmentsAsked().every((env) => env === 'dev')).toBe(true)
      expect(requested.some((url) => url.href.includes(encodeURIComponent(value)))).toBe(false)
    },
  )

  it('shows a hostile ?env= as text, never as markup', async () => {
    const value = '<img src=x onerror=alert(1)>'
    await renderGate(`/agents?env=${encodeURIComponent(value)}`)
    await findScopedPage('acme', 'dev')
    expect(await screen.findByRole('alert')).toHaveTextContent(value)
    expect(document.querySelector('img')).toBeNull()
  })

  it('refuses an environment the token does not allow (dev@acme asking for prod)', async () => {
    const { search } = await renderGate('/agents?env=prod', { user: 'dev@acme' })
    await findScopedPage('acme', 'dev')

    expect(await screen.findByRole('alert')).toHaveTextContent(
      /“prod” is not an environment you can see/,
    )
    expect(search().get('env')).toBe('dev')
    expect(environmentsAsked()).not.toContain('prod')
    expect(environmentsAsked().length).toBeGreaterThan(0)
  })

  it('lets the user dismiss the alert', async () => {
    await renderGate('/agents?env=qa')
    await findScopedPage('acme', 'dev')
    await userEvent.click(
      within(await screen.findByRole('alert')).getByRole('button', { name: 'Dismiss' }),
    )
    expect(screen.queryByRole('alert')).toBeNull()
  })

  describe('on a first visit without ?env=', () => {
    it('picks the last choice in this tenant and writes it to the URL, keeping other parameters', async () => {
      const { router } = await renderGate('/agents?status=DEAD', { lastChosen: 'prod' })
      await findScopedPage('acme', 'prod')
      const search = new URLSearchParams(router.state.location.search)
      expect(search.get('env')).toBe('prod')
      expect(search.get('status')).toBe('DEAD')
      expect(screen.queryByRole('alert')).toBeNull()
    })

    it('picks `default` when there is no usable last choice, even when it is not listed first', async () => {
      const environment = (id: string) => ({
        id,
        displayName: id,
        production: false,
        description: null,
        retentionDays: 30,
        createdAt: null,
        agentCount: 0,
        liveAgentCount: 0,
        lastSeenAt: null,
      })
      const list: EnvironmentList = { items: ['alpha', 'default', 'zeta'].map(environment) }
      server.use(http.get('*/api/v1/environments', () => HttpResponse.json(list)))
      const { search } = await renderGate('/agents', { lastChosen: 'gone' })
      await findScopedPage('acme', 'default')
      expect(search().get('env')).toBe('default')
    })

    it('picks the first listed environment otherwise', async () => {
      const { search } = await renderGate('/agents')
      await findScopedPage('acme', 'dev')
      expect(search().get('env')).toBe('dev')
      expect(environmentsAsked().every((env) => env === 'dev')).toBe(true)
    })
  })

  it('says so, and requests nothing scoped, when the tenant has no environment', async () => {
    server.use(http.get('*/api/v1/environments', () => HttpResponse.json({ items: [] })))
    await renderGate('/agents?env=prod')
    expect(await screen.findByRole('alert', {}, { timeout: 5_000 })).toHaveTextContent(
      /No environment to show/,
    )
    expect(environmentsAsked()).toEqual([])
  })
})

describe('EnvironmentSwitcher', () => {
  it('lists only the allowed environments, each with its agent counts', async () => {
    const token = await signDemoToken('dev@acme')
    const response = await fetch('http://localhost/api/v1/environments', {
      headers: { Authorization: `Bearer ${token}` },
    })
    const expected = ((await response.json()) as EnvironmentList).items.map(
      (env) =>
        `${env.displayName} (${env.id}) · ${env.liveAgentCount}/${env.agentCount} agents live`,
    )
    await renderGate('/agents?env=staging', { user: 'dev@acme' })
    await findScopedPage('acme', 'staging')

    const switcher = screen.getByRole('combobox', { name: 'Environment' })
    const options = within(switcher).getAllByRole('option')
    expect(options.map((option) => option.textContent)).toEqual(expected)
    expect(expected.map((name) => name.split(' ')[0])).toEqual(['Development', 'Staging'])
    expect(switcher).toHaveValue('staging')
  })

  it('names environments as the server describes them, production (by the flag alone) first', async () => {
    const environment = (id: string, displayName: string, production: boolean) => ({
      id,
      displayName,
      production,
      description: null,
      retentionDays: 30,
      createdAt: null,
      agentCount: 0,
      liveAgentCount: 0,
      lastSeenAt: null,
    })
    const list: EnvironmentList = {
      items: [
        environment('dev', 'dev', false),
        environment('live', 'Live', true),
        environment('prod-mirror', 'Prod mirror', false),
      ],
    }
    server.use(http.get('*/api/v1/environments', () => HttpResponse.json(list)))
    await renderGate('/agents?env=prod-mirror')
    await findScopedPage('acme', 'prod-mirror')
    const switcher = screen.getByRole('combobox', { name: 'Environment' })
    expect(
      within(switcher)
        .getAllByRole('option')
        .map((option) => option.textContent),
    ).toEqual([
      'Live (live) · production · 0/0 agents live',
      'dev · 0/0 agents live',
      'Prod mirror (prod-mirror) · 0/0 agents live',
    ])
    // prod-mirror is not production, whatever its id says.
    expect(switcher.parentElement).not.toHaveClass('is-prod')
    await userEvent.selectOptions(switcher, 'live')
    await findScopedPage('acme', 'live')
    expect(screen.getByRole('combobox', { name: 'Environment' }).parentElement).toHaveClass(
      'is-prod',
    )
  })

  it('switches environment through the URL and the store, dropping the old cursor', async () => {
    const { search } = await renderGate('/agents?env=dev&status=DEAD&cursor=abc')
    await findScopedPage('acme', 'dev')
    requested = []

    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Environment' }), 'prod')
    await findScopedPage('acme', 'prod')

    expect(search().get('env')).toBe('prod')
    expect(search().get('status')).toBe('DEAD')
    expect(search().has('cursor')).toBe(false)
    expect(useEnvironmentStore.getState()).toMatchObject({
      activeEnvironment: 'prod',
      lastChosenEnvironment: 'prod',
    })
    expect(screen.getByRole('combobox', { name: 'Environment' })).toHaveValue('prod')
    expect(environmentsAsked()).toEqual(['prod'])
  })

  describe('when the server struggles after the page has loaded', () => {
    it('keeps the view when a background refresh of the environment list fails, and says so', async () => {
      const { queryClient } = await renderGate('/agents?env=prod')
      await findScopedPage('acme', 'prod')
      server.use(
        http.get('*/api/v1/environments', () =>
          HttpResponse.json(
            { type: 'about:blank', title: 'Bad Gateway', status: 502, detail: 'upstream down' },
            { status: 502, headers: { 'Content-Type': 'application/problem+json' } },
          ),
        ),
      )

      await queryClient
        .refetchQueries({ queryKey: environmentQueries.list('acme').queryKey })
        .catch(() => {})

      const alert = await screen.findByRole('alert', {}, { timeout: 10_000 })
      expect(alert).toHaveTextContent(/Could not refresh the environment list/)
      // The page is still there, in its environment.
      expect(screen.getByText(/^Scope acme\/prod: \d+ agents$/)).toBeInTheDocument()
    })

    it('moves to an allowed environment, naming the lost one, when the active one answers 403', async () => {
      const { search, queryClient } = await renderGate('/agents?env=prod')
      await findScopedPage('acme', 'prod')
      setMockSettings({ revokedEnvironments: ['prod'] })

      await queryClient.refetchQueries({ type: 'active' }).catch(() => {})

      const alert = await screen.findByRole('alert', {}, { timeout: 10_000 })
      // Whichever answer comes first names the lost environment: the 403 itself, or the
      // environment list refetched beside it, which no longer has prod.
      expect(alert).toHaveTextContent(
        /no longer have access to environment “prod”|environment “prod” is not an environment you can see/,
      )
      const shown = search().get('env')
      expect(shown).not.toBe('prod')
      await findScopedPage('acme', shown ?? '')
      expect(alert).toHaveTextContent(new RegExp(`\\(${shown}\\)`))
    })
  })
})
