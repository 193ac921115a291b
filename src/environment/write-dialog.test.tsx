import { QueryClientProvider } from '@tanstack/react-query'
import { act, render, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { http, HttpResponse } from 'msw'
import { useState } from 'react'
import { MemoryRouter } from 'react-router'
import { beforeAll, describe, expect, it, vi } from 'vitest'
import { HttpError } from '@/lib/api/errors'
import type { Problem } from '@/lib/api/types'
import { meResources } from '@/lib/resources/me'
import { server } from '@/mocks/node'
import { createQueryClient } from '@/lib/query/query-client'
import { signDemoToken } from '@/mocks/auth/auth-tokens'
import { endSession, followOtherTabs, startSession } from '@/session/session-store'
import { useEnvironmentStore } from './environment-store'
import { polyfillDialog } from '@/test/dialog-polyfill'
import { renderPage } from '@/test/render-page'
import { WriteDialog, type WriteDialogProps } from './write-dialog'
import { WriteOutcomeRegion } from './write-outcome'

beforeAll(polyfillDialog)

const problem = (status: number, kind: string, detail: string, current?: object): HttpError =>
  new HttpError(
    status,
    {
      type: `https://cameleer.dev/problems/${kind}`,
      title: 'x',
      status,
      detail,
      ...(current ? { current } : {}),
    } as Problem,
    '/x',
  )

type Send = WriteDialogProps['send']

/** A page with a form in a write dialog, an environment switch and the outcome region. */
function Harness({
  send,
  typed = null,
  onClose = () => {},
  base,
  shown = { open: true },
}: {
  send: Send
  typed?: string | null
  onClose?: WriteDialogProps['onClose']
  base?: Record<string, unknown>
  /** Outlives a remount (the gate renders nothing for a moment during a switch). */
  shown?: { open: boolean }
}) {
  const [open, setOpen] = useState(shown.open)
  const [name, setName] = useState('')
  const [reapplied, setReapplied] = useState<unknown>(null)
  return (
    <>
      <WriteOutcomeRegion />
      {reapplied ? <p>Reapplied onto {JSON.stringify(reapplied)}</p> : null}
      {open ? (
        <WriteDialog
          title="Rename route orders-in in Production"
          confirmLabel="Rename route orders-in in Production"
          typedConfirmation={typed}
          send={send}
          base={base}
          onReapply={setReapplied}
          onClose={(reason) => {
            shown.open = false
            setOpen(false)
            onClose(reason)
          }}
        >
          <label>
            New name
            <input value={name} onChange={(event) => setName(event.target.value)} />
          </label>
        </WriteDialog>
      ) : null}
    </>
  )
}

async function open(props: Parameters<typeof Harness>[0], url = '/agents?env=prod') {
  const view = await renderPage({ path: '/agents', element: <Harness {...props} />, url })
  const dialog = await screen.findByRole('alertdialog', {
    name: 'Rename route orders-in in Production',
  })
  const confirm = within(dialog).getByRole('button', {
    name: 'Rename route orders-in in Production',
  })
  return { ...view, dialog, confirm }
}

const done: Send = () =>
  Promise.resolve({ message: 'Renamed.', scope: { tenant: 'acme', env: 'prod' } })

describe('WriteDialog: the safe path', () => {
  it('in production, waits for the environment id to be typed', async () => {
    const send = vi.fn(done)
    const { dialog, confirm } = await open({ send, typed: 'prod' })
    expect(confirm).toBeDisabled()
    const field = within(dialog).getByLabelText('Type prod to confirm')
    await userEvent.type(field, 'Prod')
    expect(confirm).toBeDisabled()
    await userEvent.clear(field)
    await userEvent.type(field, 'prod')
    expect(confirm).toBeEnabled()
    await userEvent.click(confirm)
    await waitFor(() => expect(send).toHaveBeenCalledTimes(1))
  })

  it('sends once however often it is clicked, disabled while sending, one key per dialog', async () => {
    let finish: () => void = () => {}
    const send = vi.fn<Send>(
      () =>
        new Promise((resolve) => {
          finish = () => resolve({ message: 'x', scope: { tenant: 'acme', env: 'prod' } })
        }),
    )
    const { confirm } = await open({ send })
    await userEvent.dblClick(confirm)
    await userEvent.click(confirm)
    expect(send).toHaveBeenCalledTimes(1)
    expect(confirm).toBeDisabled()
    expect(send.mock.calls[0]?.[0].idempotencyKey).toMatch(/^.{1,64}$/)
    act(() => finish())
    await waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull())
  })

  it('keeps the same Idempotency-Key when a failed send is tried again', async () => {
    const send = vi
      .fn<Send>()
      .mockRejectedValueOnce(problem(503, 'unavailable', 'Try later.'))
      .mockImplementationOnce(done)
    const { confirm, dialog } = await open({ send })
    await userEvent.click(confirm)
    expect(await within(dialog).findByRole('alert')).toHaveTextContent('Try later.')
    await userEvent.click(confirm)
    await waitFor(() => expect(send).toHaveBeenCalledTimes(2))
    expect(send.mock.calls[1]?.[0].idempotencyKey).toBe(send.mock.calls[0]?.[0].idempotencyKey)
  })

  it.each([
    [400, 'bad-request', 'displayName must be 1–64 characters.'],
    [409, 'environment-has-live-agents', '3 agents are LIVE in qa.'],
    [503, 'unavailable', 'Injected fault.'],
  ])('shows a %s inside the dialog and keeps what was typed', async (status, kind, detail) => {
    const { dialog, confirm } = await open({
      send: () => Promise.reject(problem(status, kind, detail)),
    })
    await userEvent.type(within(dialog).getByLabelText('New name'), 'orders-in-v2')
    await userEvent.click(confirm)
    const alert = await within(dialog).findByRole('alert')
    expect(alert).toHaveTextContent(detail)
    expect(within(dialog).getByLabelText('New name')).toHaveValue('orders-in-v2')
    expect(confirm).toBeEnabled()
  })

  it('on a 412 shows who changed what, and reapplies onto the current version', async () => {
    const current = {
      version: 8,
      updatedAt: '2026-12-07T06:00:00Z',
      updatedBy: { userId: 'ops@acme', name: 'Otto Ops' },
      tracing: 'ALL',
      logLevel: 'INFO',
    }
    const { dialog, confirm } = await open({
      send: () => Promise.reject(problem(412, 'version-conflict', 'Version 7 is stale.', current)),
      base: { version: 7, tracing: 'OFF', logLevel: 'INFO' },
    })
    await userEvent.type(within(dialog).getByLabelText('New name'), 'mine')
    await userEvent.click(confirm)
    const alert = await within(dialog).findByRole('alert')
    expect(alert).toHaveTextContent('Otto Ops changed it at 2026-12-07T06:00:00Z (now version 8)')
    expect(
      within(alert).getByRole('list', { name: 'Changed since you opened this' }),
    ).toHaveTextContent('tracing: OFF → ALL')
    await userEvent.click(
      within(alert).getByRole('button', { name: 'Reapply my changes to the current version' }),
    )
    expect(screen.getByText(/Reapplied onto .*"version":8/)).toBeInTheDocument()
    expect(within(dialog).queryByRole('alert')).toBeNull()
    expect(within(dialog).getByLabelText('New name')).toHaveValue('mine')
  })

  it('a 403 /forbidden-role shows the server’s detail and reads the roles again', async () => {
    let meReads = 0
    server.use(
      http.get('*/api/v1/me', () => {
        meReads += 1
        return HttpResponse.json({
          userId: 'admin@acme',
          name: 'Ada Admin',
          tenantId: 'acme',
          roles: ['viewer'],
          environments: ['prod'],
          tenantRole: 'viewer',
          environmentRoles: { prod: 'viewer' },
        })
      }),
    )
    const { dialog, confirm, queryClient } = await open({
      send: () => Promise.reject(problem(403, 'forbidden-role', 'operator role required in prod')),
    })
    await queryClient.fetchQuery(meResources.current('acme'))
    const before = meReads
    await userEvent.click(confirm)
    expect(await within(dialog).findByRole('alert')).toHaveTextContent(
      'operator role required in prod',
    )
    await waitFor(() =>
      expect(
        queryClient.getQueryState([{ tenant: 'acme', resource: 'me', entity: 'current' }])
          ?.isInvalidated,
      ).toBe(true),
    )
    expect(meReads).toBe(before)
  })

  it('announces the outcome in a status region, with a link to what it produced', async () => {
    await open({
      send: () =>
        Promise.resolve({
          message: 'Route renamed.',
          link: { to: '/agents?env=prod', text: 'See the agents' },
          scope: { tenant: 'acme', env: 'prod' },
        }),
    })
    await userEvent.click(
      screen.getByRole('button', { name: 'Rename route orders-in in Production' }),
    )
    const status = await screen.findByText(/Route renamed\./)
    expect(status.closest('[role="status"]')).not.toBeNull()
    expect(screen.getByRole('link', { name: 'See the agents' })).toHaveAttribute(
      'href',
      '/agents?env=prod',
    )
  })

  describe('closes without sending', () => {
    it('on a switch of environment', async () => {
      const send = vi.fn(done)
      const onClose = vi.fn()
      // Outside the gate (which unmounts the page for a moment during a switch): the dialog
      // itself notices the switch.
      startSession(await signDemoToken('admin@acme'), 'login')
      useEnvironmentStore.setState({ activeEnvironment: 'prod' })
      render(
        <QueryClientProvider client={createQueryClient()}>
          <MemoryRouter>
            <Harness send={send} onClose={onClose} />
          </MemoryRouter>
        </QueryClientProvider>,
      )
      const dialog = screen.getByRole('alertdialog')
      await userEvent.type(within(dialog).getByLabelText('New name'), 'x')
      act(() => useEnvironmentStore.getState().activate('staging'))
      expect(screen.queryByRole('alertdialog')).toBeNull()
      expect(onClose).toHaveBeenCalledWith('scope-changed')
      expect(send).not.toHaveBeenCalled()
    })

    it('on a sign-out', async () => {
      const send = vi.fn(done)
      const onClose = vi.fn()
      await open({ send, onClose })
      act(() => endSession('signed-out'))
      expect(onClose).toHaveBeenCalledWith('scope-changed')
      expect(send).not.toHaveBeenCalled()
    })

    it('when the session ends in another tab', async () => {
      const send = vi.fn(done)
      const onClose = vi.fn()
      await open({ send, onClose })
      const stop = followOtherTabs(window)
      act(() => {
        window.localStorage.removeItem('cameleer3:session-token')
        window.dispatchEvent(new StorageEvent('storage', { key: 'cameleer3:session-token' }))
      })
      stop()
      expect(onClose).toHaveBeenCalledWith('scope-changed')
      expect(send).not.toHaveBeenCalled()
    })
  })
})
