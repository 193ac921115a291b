import { focusManager } from '@tanstack/react-query'
import { act, screen, within } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { signDemoToken } from '@/mocks/auth/auth-tokens'
import { setMockNow } from '@/mocks/clock'
import { resetMockState } from '@/mocks/tenant-state/tenant-state'
import type { Command } from '@/lib/resources/commands'
import { sendCommand } from '@/lib/resources/commands'
import { renderPage } from '@/test/render-page'
import { watchRequests } from '@/test/watch-requests'
import { startSession } from '@/session/session-store'
import { CommandProgress } from './command-progress'
import { COMMAND_POLL_MS } from './use-command-progress'

/* acme/dev: order-service-9fff0-1 is LIVE, order-service-9fff0-2 DEAD. */
const NOW = Date.parse('2026-11-28T07:00:00.000Z')
const LIVE = 'order-service-9fff0-1'
const DEAD = 'order-service-9fff0-2'
const dev = { tenant: 'acme', env: 'dev' }

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

async function stopRoute(agentIds: string[], idempotencyKey = 'k1'): Promise<Command> {
  startSession(await signDemoToken('ops@acme'), 'login')
  return sendCommand({
    scope: dev,
    idempotencyKey,
    input: {
      type: 'route-control',
      applicationId: 'order-service',
      routeId: 'order-intake',
      action: 'stop',
      agentIds,
    },
  })
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

const polls = (seen: URL[], commandId: string, env = 'dev') =>
  seen.filter(
    (url) =>
      url.pathname.endsWith(`/commands/${commandId}`) &&
      url.searchParams.get('environment') === env,
  ).length

function statusOf(agentId: string): string {
  const table = screen.getByRole('table', { name: 'Progress' })
  const row = within(table).getByRole('row', { name: new RegExp(agentId) })
  return within(row).getAllByRole('cell')[1]?.textContent ?? ''
}

async function tick() {
  act(() => vi.advanceTimersByTime(COMMAND_POLL_MS))
  await new Promise((resolve) => setTimeout(resolve, 30))
}

async function render(command: Command, url = '/progress?env=dev') {
  return renderPage({
    path: '/progress',
    url,
    user: 'ops@acme',
    element: <CommandProgress commandId={command.commandId} scope={dev} initial={command} />,
  })
}

describe('sendCommand', () => {
  it('sends the same Idempotency-Key on a retry and gets the first command back', async () => {
    const first = await stopRoute([LIVE], 'same-key')
    const retry = await stopRoute([LIVE], 'same-key')
    expect(retry.commandId).toBe(first.commandId)
  })
})

describe('CommandProgress', () => {
  it('polls about every second while a target is pending, and stops once none is', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] })
    const command = await stopRoute([LIVE, DEAD])
    const seen = watchRequests()
    await render(command)
    await eventually(() => expect(statusOf(LIVE)).toBe('Pending'))
    // The answer to POST is shown at once: no read until the first poll.
    expect(polls(seen, command.commandId)).toBe(0)

    await tick()
    await eventually(() => expect(polls(seen, command.commandId)).toBe(1))
    expect(statusOf(LIVE)).toBe('Pending')

    setMockNow(NOW + 2_000)
    await tick()
    await eventually(() => expect(statusOf(LIVE)).toBe('Acknowledged'))
    expect(statusOf(DEAD)).toBe('Pending')
    expect(screen.getByText('Waiting for 1 of 2 agents')).toBeInTheDocument()

    setMockNow(NOW + 60_000)
    await tick()
    await eventually(() =>
      expect(statusOf(DEAD)).toBe('Expired: the agent did not answer within 60 s'),
    )
    expect(screen.getByText('Acknowledged by 1 of 2 agents; expired on 1')).toBeInTheDocument()
    const settled = polls(seen, command.commandId)
    for (let i = 0; i < 5; i++) await tick()
    expect(polls(seen, command.commandId)).toBe(settled)
  })

  it('sends no request of the old environment after a switch', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] })
    const command = await stopRoute([LIVE, DEAD])
    const seen = watchRequests()
    const { router } = await render(command)
    await eventually(() => expect(statusOf(DEAD)).toBe('Pending'))
    await tick()
    await eventually(() => expect(polls(seen, command.commandId)).toBe(1))

    await act(() => router.navigate('/progress?env=staging'))
    await eventually(() =>
      expect(
        screen.getByText('No longer followed: the environment was switched.'),
      ).toBeInTheDocument(),
    )
    const after = seen.length
    for (let i = 0; i < 5; i++) await tick()
    expect(seen.slice(after).filter((url) => url.pathname.includes('/commands'))).toEqual([])
    expect(polls(seen, command.commandId)).toBe(1)
  })

  it('does not poll while the tab is hidden', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] })
    const command = await stopRoute([LIVE, DEAD])
    const seen = watchRequests()
    await render(command)
    await eventually(() => expect(statusOf(DEAD)).toBe('Pending'))
    act(() => focusManager.setFocused(false))
    for (let i = 0; i < 5; i++) await tick()
    expect(polls(seen, command.commandId)).toBe(0)
    act(() => focusManager.setFocused(true))
    await tick()
    await eventually(() => expect(polls(seen, command.commandId)).toBeGreaterThan(0))
  })
})
