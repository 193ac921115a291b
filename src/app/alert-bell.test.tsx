import { focusManager, QueryClientProvider } from '@tanstack/react-query'
import { act, render, screen } from '@testing-library/react'
import { MemoryRouter } from 'react-router'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { Schemas } from '@/lib/api/types'
import { createQueryClient } from '@/lib/query/query-client'
import { resetMockState } from '@/mocks/tenant-state/tenant-state'
import { signDemoToken } from '@/mocks/auth/auth-tokens'
import { setMockNow } from '@/mocks/clock'
import { setMockSettings } from '@/mocks/mock-settings'
import { startSession } from '@/session/session-store'
import { watchRequests } from '@/test/watch-requests'
import { AlertBell, BELL_POLL_MS } from './alert-bell'

const NOW = Date.parse('2026-11-28T07:00:00.000Z')

/** The bell's client, to wait until its polls have been answered (a tick while one is on its
 * way is skipped, as TanStack Query skips a refetch while fetching). */
let bellClient = createQueryClient()

async function renderBell(user = 'admin@acme') {
  const token = await signDemoToken(user)
  startSession(token, 'login')
  const client = createQueryClient()
  bellClient = client
  // The app's retries, without their waits: a failed poll is three failed requests at once.
  client.setDefaultOptions({ queries: { ...client.getDefaultOptions().queries, retryDelay: 0 } })
  render(
    <QueryClientProvider client={client}>
      <MemoryRouter>
        <AlertBell tenant="acme" />
      </MemoryRouter>
    </QueryClientProvider>,
  )
  return token
}

/** waitFor re-checks on a faked setInterval or a DOM change; polling changes neither. */
async function eventually(check: () => void, timeoutMs = 8_000) {
  const start = performance.now()
  for (;;) {
    try {
      check()
      return
    } catch (error) {
      if (performance.now() - start > timeoutMs) throw error
      await new Promise((resolve) => setTimeout(resolve, 10))
    }
  }
}

const summaryRequests = (seen: URL[], env: string) =>
  seen.filter(
    (url) =>
      url.pathname.endsWith('/alerts/summary') && url.searchParams.get('environment') === env,
  ).length

async function summaryOf(env: string, token: string): Promise<Schemas['AlertSummary']> {
  const response = await fetch(`http://localhost/api/v1/alerts/summary?environment=${env}`, {
    headers: { Authorization: `Bearer ${token}` },
  })
  return (await response.json()) as Schemas['AlertSummary']
}

beforeEach(() => {
  resetMockState()
  setMockNow(NOW)
})
afterEach(() => {
  vi.useRealTimers()
  focusManager.setFocused(undefined)
  setMockNow(null)
  resetMockState()
})

describe('AlertBell', () => {
  it('names what is firing in every environment the user may see, production first', async () => {
    const token = await renderBell()
    const prod = await summaryOf('prod', token)
    const staging = await summaryOf('staging', token)
    expect(prod.firing).toBeGreaterThan(0)
    expect(staging.firing).toBeGreaterThan(0)
    const button = await screen.findByRole(
      'button',
      { name: `Alerts: ${prod.firing} firing in Production, ${staging.firing} in Staging` },
      { timeout: 8_000 },
    )
    // The badge: production's unacknowledged in the production colour, the others apart.
    const badges = button.parentElement as HTMLElement
    expect(badges.querySelector('.alert-bell-badge-prod')).toHaveTextContent(
      String(prod.unacknowledged),
    )
    expect(badges.querySelector('.alert-bell-badge:not(.alert-bell-badge-prod)')).toHaveTextContent(
      String(staging.unacknowledged),
    )
  })

  it('watches only the environments the token allows', async () => {
    const seen = watchRequests()
    await renderBell('dev@acme')
    await screen.findByRole('button', { name: /^Alerts: 1 firing in Staging$/ }, { timeout: 8_000 })
    expect(summaryRequests(seen, 'prod')).toBe(0)
  })

  it('polls each environment once per 30 s, never while the tab is hidden', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] })
    const seen = watchRequests()
    await renderBell()
    // Every environment answered: a tick while a first answer is on its way would be skipped.
    await screen.findByRole(
      'button',
      { name: /^Alerts: \d+ firing in Production, \d+ in Staging$/ },
      { timeout: 8_000 },
    )
    for (const env of ['prod', 'staging', 'dev']) expect(summaryRequests(seen, env)).toBe(1)
    await eventually(() => expect(bellClient.isFetching()).toBe(0))

    for (let tick = 1; tick <= 3; tick++) {
      act(() => vi.advanceTimersByTime(BELL_POLL_MS))
      await eventually(() => {
        for (const env of ['prod', 'staging', 'dev']) {
          expect(summaryRequests(seen, env)).toBe(1 + tick)
        }
      })
      await eventually(() => expect(bellClient.isFetching()).toBe(0))
    }

    act(() => focusManager.setFocused(false))
    const hidden = seen.length
    act(() => vi.advanceTimersByTime(10 * BELL_POLL_MS))
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(seen.length).toBe(hidden)
  })

  it('backs off while one environment’s server fails, and keeps the others’ pace', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] })
    const seen = watchRequests()
    await renderBell()
    // Every environment answered: a tick while a first answer is on its way would be skipped.
    await screen.findByRole(
      'button',
      { name: /^Alerts: \d+ firing in Production, \d+ in Staging$/ },
      { timeout: 8_000 },
    )
    setMockSettings({ errorRateByEnvironment: { staging: 1 } })
    for (let tick = 1; tick <= 20; tick++) {
      act(() => vi.advanceTimersByTime(BELL_POLL_MS))
      await eventually(() => expect(summaryRequests(seen, 'prod')).toBe(1 + tick))
      await eventually(() => expect(bellClient.isFetching()).toBe(0))
    }
    // Each failed poll (3 failed requests) waits 2 to 4 minutes before the next: a handful of
    // polls in 10 minutes instead of 20.
    const stagingPolls = Math.ceil((summaryRequests(seen, 'staging') - 1) / 3)
    expect(stagingPolls).toBeGreaterThanOrEqual(2)
    expect(stagingPolls).toBeLessThanOrEqual(6)
    // What staging said last is still what the bell says of it: never another's counts.
    expect(screen.getByRole('button', { name: /firing in Production/ })).toBeInTheDocument()
  })
})
