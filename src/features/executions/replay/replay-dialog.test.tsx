import { EditorView } from '@codemirror/view'
import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { http, HttpResponse } from 'msw'
import { describe, expect, it } from 'vitest'
import type { ExecutionDetail, Schemas } from '@/lib/api/types'
import { listAgents } from '@/mocks/agents/agent-data'
import { executionHandlers } from '@/mocks/executions/execution-handlers'
import { server } from '@/mocks/node'
import { polyfillDialog } from '@/test/dialog-polyfill'
import { renderPage } from '@/test/render-page'
import { serveInEveryTest } from '@/test/serve-mock'
import { recordRequests } from '@/test/watch-requests'
import { findExecutionWhere } from '@/features/executions/detail/execution-detail-test-helpers'
import { ReplayControl } from './replay-control'

polyfillDialog()
serveInEveryTest(executionHandlers)

const liveAgentsOf = (execution: ExecutionDetail, env: string) =>
  listAgents('acme', env)
    .filter((agent) => agent.applicationId === execution.applicationId && agent.status === 'LIVE')
    .map((agent) => agent.agentId)
    .sort()

/** A dev execution with a JSON input body and headers, run by an agent that is LIVE. */
function jsonExecution(env = 'dev'): ExecutionDetail {
  return findExecutionWhere(
    (detail) =>
      !!detail.inputBody?.startsWith('{') &&
      Object.keys(detail.headers).length > 0 &&
      liveAgentsOf(detail, env).includes(detail.agentId),
    { env },
  )
}

function renderControl(execution: ExecutionDetail, { env = 'dev', user = 'ops@acme' } = {}) {
  return renderPage({
    path: '/executions/:executionId',
    element: <ReplayControl execution={execution} />,
    url: `/executions/${encodeURIComponent(execution.executionId)}?env=${env}`,
    user,
  })
}

/** Answers POST /commands as the contract does, and records what was sent. */
function acceptCommands(): Request[] {
  const sent: Request[] = []
  server.use(
    http.post('*/api/v1/commands', async ({ request }) => {
      sent.push(request.clone())
      const body = (await request.json()) as Schemas['ReplayInput']
      const now = new Date().toISOString()
      const command: Schemas['Command'] = {
        commandId: 'cmd-1',
        tenantId: 'acme',
        environment: new URL(request.url).searchParams.get('environment') ?? '',
        type: 'replay',
        request: body,
        createdAt: now,
        createdBy: { userId: 'ops@acme', name: 'Otto Ops' },
        targets: [
          {
            agentId: body.agentId ?? '',
            status: 'PENDING',
            message: null,
            updatedAt: now,
            resultExecutionId: null,
          },
        ],
      }
      return HttpResponse.json(command, { status: 202 })
    }),
  )
  return sent
}

async function openDialog(execution: ExecutionDetail) {
  const button = await screen.findByRole('button', { name: 'Replay…' })
  // Until the roles are read, the control offers nothing.
  await waitFor(() => expect(button).not.toHaveAttribute('aria-disabled'))
  await userEvent.click(button)
  return screen.findByRole(
    'alertdialog',
    { name: `Replay execution ${execution.executionId}` },
    { timeout: 5_000 },
  )
}

/**
 * The CodeMirror view behind the "Input body" text box. Testing Library does not look into
 * shadow roots (Playwright does, and types into it in e2e/replay.spec.ts).
 */
async function bodyEditor(dialog: HTMLElement): Promise<EditorView> {
  const content = await waitFor(
    () => {
      const host = dialog.querySelector('.input-body-editor')
      const box = host?.shadowRoot?.querySelector<HTMLElement>('[role="textbox"]')
      if (!box) throw new Error('the editor has not loaded')
      return box
    },
    { timeout: 5_000 },
  )
  expect(content).toHaveAttribute('aria-label', 'Input body')
  const view = EditorView.findFromDOM(content)
  if (!view) throw new Error('no editor behind the Input body text box')
  return view
}

function replaceText(view: EditorView, text: string) {
  view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text } })
}

describe('Replay…', () => {
  it('opens "Replay execution <id>" as captured, on the agent that ran it, naming what, where and on which agent', async () => {
    const execution = jsonExecution()
    const sent = acceptCommands()
    await renderControl(execution)
    const dialog = await openDialog(execution)
    expect(within(dialog).getByRole('radio', { name: 'As captured' })).toBeChecked()
    expect(within(dialog).queryByRole('textbox', { name: 'Input body' })).toBeNull()

    const agent = await within(dialog).findByRole('combobox', { name: 'Agent' })
    expect(agent).toHaveValue(execution.agentId)
    expect(
      within(agent)
        .getAllByRole('option')
        .map((option) => option.getAttribute('value')),
    ).toEqual(liveAgentsOf(execution, 'dev'))

    const confirm = within(dialog).getByRole('button', {
      name: `Replay execution ${execution.executionId} on agent ${execution.agentId} in Development`,
    })
    // Development is not production: no id to type.
    expect(within(dialog).queryByRole('textbox', { name: /to confirm/ })).toBeNull()
    await userEvent.click(confirm)
    await waitFor(() => expect(sent).toHaveLength(1))
    expect(sent[0]?.headers.get('Idempotency-Key')).toBeTruthy()
    expect(await sent[0]?.json()).toEqual({
      type: 'replay',
      executionId: execution.executionId,
      agentId: execution.agentId,
      inputBody: null,
      headers: null,
    })
    // The dialog follows the command, under the same name.
    const follow = await screen.findByRole('dialog', {
      name: `Replay execution ${execution.executionId}`,
    })
    expect(within(follow).getByRole('table', { name: 'Progress' })).toHaveTextContent(
      `${execution.agentId}Pending`,
    )
  })

  it('follows the command to its new execution: "Open the replay", in the same environment', async () => {
    const execution = jsonExecution()
    const requests = recordRequests()
    const { router } = await renderControl(execution)
    const dialog = await openDialog(execution)
    // Ready once the live agents are in (until then the confirmation names no agent).
    const confirm = await within(dialog).findByRole('button', {
      name: `Replay execution ${execution.executionId} on agent ${execution.agentId} in Development`,
    })
    await waitFor(() => expect(confirm).toBeEnabled())
    await userEvent.click(confirm)
    const follow = await screen.findByRole('dialog', {
      name: `Replay execution ${execution.executionId}`,
    })
    // The mock's LIVE agents acknowledge within 2 s.
    const open = await within(follow).findByRole(
      'link',
      { name: 'Open the replay' },
      { timeout: 5_000 },
    )
    expect(within(follow).getByRole('status')).toHaveTextContent('Acknowledged by 1 of 1 agent')
    const posts = requests.filter((request) => request.method === 'POST')
    expect(posts).toHaveLength(1)
    await userEvent.click(open)
    expect(router.state.location.pathname).toMatch(/^\/executions\/[^/]+$/)
    expect(router.state.location.pathname).not.toBe(
      `/executions/${encodeURIComponent(execution.executionId)}`,
    )
    expect(new URLSearchParams(router.state.location.search).get('env')).toBe('dev')
  })

  it('with changes: the captured body in the editor, checked as it is typed; an invalid body blocks sending and says why', async () => {
    const execution = jsonExecution()
    const sent = acceptCommands()
    await renderControl(execution)
    const dialog = await openDialog(execution)
    await userEvent.click(within(dialog).getByRole('radio', { name: 'With changes' }))
    const view = await bodyEditor(dialog)
    expect(view.state.doc.toString()).toBe(execution.inputBody)
    const confirm = within(dialog).getByRole('button', { name: /^Replay execution / })
    await waitFor(() => expect(within(dialog).getByText('Valid JSON.')).toBeInTheDocument())
    // And the live agents are in.
    await waitFor(() => expect(confirm).toBeEnabled())

    replaceText(view, '{"orderId": 42,')
    await waitFor(() => expect(confirm).toBeDisabled())
    expect(await within(dialog).findByText(/^Input body is not valid JSON: /)).toBeInTheDocument()
    expect(confirm).toBeDisabled()

    replaceText(view, '{"orderId": 42}')
    await waitFor(() => expect(confirm).toBeEnabled())
    await userEvent.click(confirm)
    await waitFor(() => expect(sent).toHaveLength(1))
    expect(await sent[0]?.json()).toMatchObject({
      inputBody: '{"orderId": 42}',
      headers: execution.headers,
    })
  })

  it('with changes: a plain-text captured body replaced by JSON is checked as JSON, and back to plain text is sent as typed', async () => {
    const execution = findExecutionWhere(
      (detail) =>
        !!detail.inputBody &&
        !/^\s*[[{<]/.test(detail.inputBody) &&
        !/json|xml/i.test(
          Object.entries(detail.headers).find(([name]) => /^content-type$/i.test(name))?.[1] ?? '',
        ) &&
        liveAgentsOf(detail, 'dev').includes(detail.agentId),
      { env: 'dev' },
    )
    await renderControl(execution)
    const dialog = await openDialog(execution)
    await userEvent.click(within(dialog).getByRole('radio', { name: 'With changes' }))
    const view = await bodyEditor(dialog)
    const confirm = within(dialog).getByRole('button', { name: /^Replay execution / })
    await waitFor(() => expect(confirm).toBeEnabled())

    replaceText(view, '{"orderId": 42,')
    expect(await within(dialog).findByText(/^Input body is not valid JSON: /)).toBeInTheDocument()
    expect(confirm).toBeDisabled()
    replaceText(view, '{"orderId": 42}')
    expect(await within(dialog).findByText('Valid JSON.')).toBeInTheDocument()
    expect(confirm).toBeEnabled()
    replaceText(view, 'orderId=42')
    expect(await within(dialog).findByText(/^Sent as typed/)).toBeInTheDocument()
    expect(confirm).toBeEnabled()
  })

  it('with changes: headers as an editable table; a header named twice blocks sending', async () => {
    const execution = jsonExecution()
    const sent = acceptCommands()
    await renderControl(execution)
    const dialog = await openDialog(execution)
    await userEvent.click(within(dialog).getByRole('radio', { name: 'With changes' }))
    await bodyEditor(dialog)
    const table = within(dialog).getByRole('table', { name: 'Headers' })
    const names = Object.keys(execution.headers)
    expect(within(table).getByRole('textbox', { name: 'Header name 1' })).toHaveValue(names[0])
    expect(within(table).getByRole('textbox', { name: 'Value of header 1' })).toHaveValue(
      execution.headers[names[0] ?? ''],
    )

    await userEvent.click(within(table).getByRole('button', { name: `Remove header ${names[0]}` }))
    await userEvent.click(within(dialog).getByRole('button', { name: 'Add header' }))
    const last = names.length
    await userEvent.type(
      within(table).getByRole('textbox', { name: `Header name ${last}` }),
      names[1] ?? 'x',
    )
    const confirm = within(dialog).getByRole('button', { name: /^Replay execution / })
    expect(within(dialog).getByRole('list', { name: 'Header problems' })).toHaveTextContent(
      `Header ${names[1]} is named twice`,
    )
    expect(confirm).toBeDisabled()

    await userEvent.clear(within(table).getByRole('textbox', { name: `Header name ${last}` }))
    await userEvent.type(
      within(table).getByRole('textbox', { name: `Header name ${last}` }),
      'X-Replay-Reason',
    )
    await userEvent.type(
      within(table).getByRole('textbox', { name: `Value of header ${last}` }),
      'ticket 7',
    )
    await waitFor(() => expect(confirm).toBeEnabled())
    await userEvent.click(confirm)
    await waitFor(() => expect(sent).toHaveLength(1))
    const expected = Object.fromEntries(
      Object.entries(execution.headers).filter(([name]) => name !== names[0]),
    )
    expected['X-Replay-Reason'] = 'ticket 7'
    expect(((await sent[0]?.json()) as Schemas['ReplayInput']).headers).toEqual(expected)
  })

  it('takes the body and headers from the first processor’s snapshot when the execution has none, and keeps edits across "As captured" and back', async () => {
    const execution = jsonExecution()
    expect(execution.processors[0]?.snapshot).toBe(true)
    // As a server may answer: the message only in the snapshot of the first processor.
    const withoutBody = { ...execution, inputBody: null, headers: {} }
    await renderControl(withoutBody)
    const dialog = await openDialog(execution)
    await userEvent.click(within(dialog).getByRole('radio', { name: 'With changes' }))
    const view = await bodyEditor(dialog)
    expect(view.state.doc.toString()).toBe(execution.inputBody)
    const table = within(dialog).getByRole('table', { name: 'Headers' })
    expect(within(table).getAllByRole('textbox', { name: /^Header name/ })).toHaveLength(
      Object.keys(execution.headers).length,
    )

    replaceText(view, '{"edited": true}')
    await waitFor(() => expect(within(dialog).getByText('Valid JSON.')).toBeInTheDocument())
    await userEvent.click(within(dialog).getByRole('radio', { name: 'As captured' }))
    await userEvent.click(within(dialog).getByRole('radio', { name: 'With changes' }))
    expect((await bodyEditor(dialog)).state.doc.toString()).toBe('{"edited": true}')
  })

  it('in production asks for the environment id to be typed', async () => {
    const execution = jsonExecution('prod')
    acceptCommands()
    await renderControl(execution, { env: 'prod', user: 'admin@acme' })
    const dialog = await openDialog(execution)
    const confirm = await within(dialog).findByRole('button', {
      name: `Replay execution ${execution.executionId} on agent ${execution.agentId} in Production`,
    })
    expect(confirm).toBeDisabled()
    await userEvent.type(
      within(dialog).getByRole('textbox', { name: 'Type prod to confirm' }),
      'prod',
    )
    expect(confirm).toBeEnabled()
  })

  it('for a viewer: a focusable, aria-disabled control that says which role is needed where, and opens nothing', async () => {
    const execution = jsonExecution('prod')
    const requests = recordRequests()
    await renderControl(execution, { env: 'prod', user: 'ops@acme' })
    const button = await screen.findByRole('button', { name: 'Replay…' })
    await waitFor(() =>
      expect(button).toHaveAccessibleDescription('Replay needs the operator role in Production'),
    )
    expect(button).toHaveAttribute('aria-disabled', 'true')
    expect(button).not.toBeDisabled()
    await userEvent.click(button)
    expect(screen.queryByRole('alertdialog')).toBeNull()
    expect(requests.filter((request) => request.method === 'POST')).toEqual([])
  })
})
