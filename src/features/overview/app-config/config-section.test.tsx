import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { useScope } from '@/environment/use-scope'
import { WriteOutcomeRegion } from '@/environment/write-outcome'
import type { Schemas } from '@/lib/api/types'
import { signDemoToken } from '@/mocks/auth/auth-tokens'
import { setMockNow } from '@/mocks/clock'
import { call } from '@/mocks/mock-api-test-support'
import { polyfillDialog } from '@/test/dialog-polyfill'
import { renderPage } from '@/test/render-page'
import { ConfigSection, whilePending } from './config-section'

beforeAll(polyfillDialog)
const NOW = Date.parse('2026-11-25T14:30:00.000Z')
beforeEach(() => setMockNow(NOW))
afterEach(() => setMockNow(null))

function Page({ app }: { app: string }) {
  const scope = useScope()
  return (
    <>
      <WriteOutcomeRegion />
      <ConfigSection key={scope.env} scope={scope} applicationId={app} />
    </>
  )
}

const open = (env: string, user: string, app = 'order-service', extra = '') =>
  renderPage({
    path: '/overview/:applicationId',
    element: <Page app={app} />,
    url: `/overview/${app}?env=${env}${extra}`,
    user,
  })

const section = () => screen.findByRole('region', { name: 'Configuration' })

/** The section, once the user's role is known (an operator's form is then editable). */
async function editableSection() {
  const region = await section()
  await within(region).findByRole('button', { name: 'Save configuration' })
  return region
}

/** Someone else saves first (another tab, another operator). */
async function saveElsewhere(env: string, app: string, patch: Partial<Schemas['AppSettings']>) {
  const token = await signDemoToken('admin@acme')
  const read = await call(`/apps/${app}/config?environment=${env}`, token)
  const current = read.body as Schemas['AppConfig']
  const answer = await call(`/apps/${app}/config?environment=${env}`, token, {
    method: 'PUT',
    headers: { 'Content-Type': 'application/json', 'If-Match': `"${current.version}"` },
    body: JSON.stringify({ settings: { ...current.settings, ...patch } }),
  })
  expect(answer.status).toBe(200)
}

describe('Configuration on the application page', () => {
  it('shows a viewer the settings read-only, with the reason and no Save button', async () => {
    await open('prod', 'ops@acme')
    const region = await section()
    expect(await within(region).findByLabelText('Tracing')).toBeDisabled()
    expect(within(region).getByLabelText('Tracing')).toHaveValue('FAILED_ONLY')
    expect(
      await within(region).findByText(/Requires the operator role in Production to change it/),
    ).toBeInTheDocument()
    expect(within(region).queryByRole('button', { name: 'Save configuration' })).toBeNull()
    expect(within(region).getByText(/Changed by Ada Admin/)).toBeInTheDocument()
  })

  it('saves through the safe path, then counts the agents that applied it until all have', async () => {
    await open('dev', 'ops@acme')
    const region = await editableSection()
    expect(await within(region).findByText(/Defaults, never changed/)).toBeInTheDocument()
    await userEvent.selectOptions(within(region).getByLabelText('Log level'), 'TRACE')
    await userEvent.click(within(region).getByRole('button', { name: 'Save configuration' }))
    const dialog = await screen.findByRole('alertdialog', {
      name: 'Save configuration of order-service in Development',
    })
    const changes = within(dialog).getByRole('table', { name: 'Changes to save' })
    expect(within(changes).getByRole('row', { name: /Log level DEBUG TRACE/ })).toBeInTheDocument()
    await userEvent.click(
      within(dialog).getByRole('button', {
        name: 'Save configuration of order-service in Development',
      }),
    )
    expect(
      await screen.findByText(/Configuration of order-service saved in Development \(version 2\)/),
    ).toBeInTheDocument()
    expect(within(region).getByText(/Applied on 0 of \d+ agents?…/)).toBeInTheDocument()
    expect(within(region).getByText(/Changed by Otto Ops/)).toBeInTheDocument()
    // Mock time passes: every live agent acknowledges within 2 s; the section reads again.
    setMockNow(NOW + 2_500)
    expect(
      await within(region).findByText(/Applied on all \d+ live agents?\./, {}, { timeout: 3000 }),
    ).toBeInTheDocument()
  })

  it('checks the limits next to the fields before sending, keeping what was typed', async () => {
    await open('dev', 'ops@acme')
    const region = await editableSection()
    const size = await within(region).findByLabelText('Maximum payload size')
    await userEvent.clear(size)
    await userEvent.type(size, '11')
    await userEvent.selectOptions(
      within(region).getByLabelText('Unit of the maximum payload size'),
      'MB',
    )
    expect(size).toHaveAccessibleDescription(/Enter a size from 0 to 10 MB/)
    await userEvent.click(within(region).getByRole('button', { name: 'Add masked key' }))
    expect(within(region).getByText('Enter a key, or remove this one.')).toBeInTheDocument()
    await userEvent.click(within(region).getByRole('button', { name: 'Save configuration' }))
    expect(within(region).getByRole('alert')).toHaveTextContent(
      'Fix the values marked above before saving.',
    )
    expect(screen.queryByRole('alertdialog')).toBeNull()
    expect(size).toHaveValue('11')
  })

  it('after a 412 shows theirs beside mine and reapplies my changes over theirs', async () => {
    await open('dev', 'ops@acme')
    const region = await editableSection()
    await userEvent.selectOptions(await within(region).findByLabelText('Log level'), 'WARN')
    await saveElsewhere('dev', 'order-service', { tracing: 'OFF' })
    await userEvent.click(within(region).getByRole('button', { name: 'Save configuration' }))
    let dialog = await screen.findByRole('alertdialog')
    await userEvent.click(
      within(dialog).getByRole('button', { name: /^Save configuration of order-service/ }),
    )
    const table = await within(dialog).findByRole('table', { name: 'Your changes and theirs' })
    expect(within(table).getByRole('row', { name: /Tracing Off All exchanges They/ })).toBeTruthy()
    expect(within(table).getByRole('row', { name: /Log level DEBUG WARN You/ })).toBeTruthy()
    await userEvent.click(within(dialog).getByRole('button', { name: 'Reapply my changes' }))
    dialog = await screen.findByRole('alertdialog')
    expect(within(dialog).getByText('Now (version 2)')).toBeInTheDocument()
    await userEvent.click(
      within(dialog).getByRole('button', { name: /^Save configuration of order-service/ }),
    )
    expect(await screen.findByText(/saved in Development \(version 3\)/)).toBeInTheDocument()
    expect(within(region).getByLabelText('Tracing')).toHaveValue('OFF')
    expect(within(region).getByLabelText('Log level')).toHaveValue('WARN')
  })

  it('compares with another environment and copies its settings here', async () => {
    await open('prod', 'admin@acme', 'inventory-sync', '&configWith=staging')
    const region = await section()
    const table = await within(region).findByRole('table', {
      name: 'Configuration in Staging and Production',
    })
    expect(
      within(table).getByRole('row', { name: /Tracing All exchanges Failed/ }),
    ).toHaveTextContent('Different')
    await userEvent.click(
      within(region).getByRole('button', { name: 'Copy Staging settings to Production' }),
    )
    const dialog = await screen.findByRole('alertdialog', {
      name: 'Copy Staging settings to Production',
    })
    const confirm = within(dialog).getByRole('button', {
      name: 'Copy settings of inventory-sync to Production',
    })
    expect(confirm).toBeDisabled()
    await userEvent.type(within(dialog).getByLabelText(/Type prod to confirm/), 'prod')
    await userEvent.click(confirm)
    expect(
      await screen.findByText(/Staging settings of inventory-sync copied to Production/),
    ).toBeInTheDocument()
    await waitFor(() => expect(within(region).getByLabelText('Tracing')).toHaveValue('ALL'))
    expect(within(region).getByText(/has the same settings in Staging and Production/)).toBeTruthy()
  })

  it('explains that a copy to an environment needs the operator role there', async () => {
    await open('staging', 'ops@acme', 'inventory-sync', '&configWith=prod')
    const region = await section()
    const button = await within(region).findByRole('button', {
      name: 'Copy Staging settings to Production',
    })
    expect(button).toBeDisabled()
    expect(button).toHaveAccessibleDescription('Requires the operator role in Production')
    expect(
      within(region).getByRole('button', { name: 'Copy Production settings to Staging' }),
    ).toBeEnabled()
  })
})

describe('reading the applied count again', () => {
  const config = (pending: number) => ({ agents: { applied: 3, pending } }) as Schemas['AppConfig']
  const state = (data: Schemas['AppConfig'] | undefined, fetchFailureCount = 0) => ({
    state: { data, fetchFailureCount, error: null },
  })

  it('polls every second while an agent has not applied it, and stops once all have', () => {
    expect(whilePending(state(config(2)))).toBe(1000)
    expect(whilePending(state(config(0)))).toBe(false)
    expect(whilePending(state(undefined))).toBe(false)
  })

  it('backs off while reads fail', () => {
    expect(whilePending(state(config(2), 3))).toBeGreaterThan(1000)
  })
})
