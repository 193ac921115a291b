import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { http } from 'msw'
import { describe, expect, it } from 'vitest'
// Tests may use the mock (only app code must not; see eslint.config.js): its data is what the
// page is checked against, and its server lets a test break or watch one endpoint.
import { listAgentEventRecords } from '@/mocks/agents/agent-events'
import { listAgentRecords } from '@/mocks/agents/agent-data'
import { server } from '@/mocks/node'
import { problem } from '@/mocks/problem'
import { currentSearch, renderPage } from '@/test/render-page'
import { AgentDetailPage } from './agent-detail-page'
import { AGENT_EVENTS_PAGE_SIZE } from '@/lib/resources/agents'
import { AgentsPage } from './agents-page'
import { bodyRows } from '@/test/table-readers'
import { findAgentsTable } from './agents-test-helpers'
import { watchRequests } from '@/test/watch-requests'

const prodRecords = listAgentRecords('acme', 'prod')
const eventCount = (agentId: string) => {
  const record = prodRecords.find((agent) => agent.agentId === agentId)
  return record ? listAgentEventRecords('acme', 'prod', record).length : 0
}
// A DEAD agent with more than two pages of history: the page must show why it is dead and
// really need its cursor.
const deadAgent = prodRecords.find(
  (agent) => agent.status === 'DEAD' && eventCount(agent.agentId) > 2 * AGENT_EVENTS_PAGE_SIZE,
)

function renderDetail(url: string) {
  return renderPage({
    path: '/agents/:agentId',
    element: <AgentDetailPage />,
    url,
    extraRoutes: [{ path: '/agents', element: <AgentsPage /> }],
  })
}

function problem500() {
  return problem(500, 'Registry unavailable')
}

describe('AgentDetailPage', () => {
  if (!deadAgent) throw new Error('the mock has no DEAD agent with a long history in acme/prod')
  const agentUrl = `/agents/${encodeURIComponent(deadAgent.agentId)}?env=prod`

  it('shows the agent, its details and its events, newest first, with "Load older events"', async () => {
    const user = userEvent.setup()
    await renderDetail(agentUrl)

    expect(
      await screen.findByRole('heading', { level: 1, name: deadAgent.agentId }),
    ).toBeInTheDocument()
    const details = await screen.findByRole('region', { name: 'Details' })
    const term = (name: string) =>
      within(details).getByText(name, { selector: 'dt' }).nextElementSibling
    await waitFor(() => expect(term('Hostname')).toHaveTextContent(deadAgent.hostname))
    expect(term('Application')).toHaveTextContent(deadAgent.applicationId)
    expect(term('Status')).toHaveTextContent('DEAD')
    expect(term('Agent version')).toHaveTextContent(deadAgent.agentVersion)
    expect(term('Camel version')).toHaveTextContent(deadAgent.camelVersion)
    const routes = screen.getByRole('table', { name: 'Routes' })
    for (const routeId of deadAgent.routeIds) {
      expect(
        within(routes).getByRole('row', { name: new RegExp(`^${routeId} `) }),
      ).toHaveTextContent(`${routeId}Started`)
    }
    expect(screen.getByRole('note')).toHaveTextContent('DEAD: heartbeat lost')

    const events = await screen.findByRole('table', { name: 'Lifecycle events' })
    expect(bodyRows(events)).toHaveLength(AGENT_EVENTS_PAGE_SIZE)
    // Newest first: a DEAD agent's story ends with the heartbeat being lost.
    expect(bodyRows(events)[0]).toHaveTextContent('HEARTBEAT_LOST')
    const times = () =>
      bodyRows(events).map((row) =>
        Date.parse(row.querySelector('time')?.getAttribute('datetime') ?? ''),
      )
    expect(times()).toEqual([...times()].sort((a, b) => b - a))

    await user.click(screen.getByRole('button', { name: 'Load older events' }))
    await waitFor(() => expect(bodyRows(events)).toHaveLength(2 * AGENT_EVENTS_PAGE_SIZE))
    expect(times()).toEqual([...times()].sort((a, b) => b - a))
    const ids = bodyRows(events).map((row) => row.textContent)
    expect(new Set(ids).size).toBe(ids.length)
  })

  it('offers the join configuration of this environment with a working Copy button', async () => {
    const user = userEvent.setup()
    await renderDetail(agentUrl)

    const section = await screen.findByRole('region', { name: 'How an agent joins prod' })
    const snippet = within(section).getByLabelText('Agent configuration for prod')
    expect(snippet).toHaveTextContent('cameleer.agent.environment=prod')
    expect(snippet).toHaveTextContent(`cameleer.agent.server-url=${window.location.origin}`)
    await waitFor(() =>
      expect(snippet).toHaveTextContent(`cameleer.agent.application-id=${deadAgent.applicationId}`),
    )

    await user.click(within(section).getByRole('button', { name: 'Copy configuration' }))
    expect(await within(section).findByText('Copied')).toBeInTheDocument()
    const copied = await navigator.clipboard.readText()
    expect(copied).toContain('cameleer.agent.environment=prod')
    // The token is referenced, never printed.
    expect(copied).toContain('cameleer.agent.token=${CAMELEER_AGENT_TOKEN}')
    expect(copied).not.toMatch(/eyJ[\w-]+\./)
  })

  it('says an unknown agent is not found in this environment, with a way back', async () => {
    await renderDetail('/agents/no-such-agent?env=prod')

    expect(
      await screen.findByRole('heading', {
        level: 1,
        name: 'Agent no-such-agent not found in prod',
      }),
    ).toBeInTheDocument()
    expect(screen.getByRole('link', { name: 'Show all agents in prod' })).toHaveAttribute(
      'href',
      '/agents?env=prod',
    )
  })

  it("never shows another environment's agent: a prod id opened in dev is not found", async () => {
    await renderDetail(`/agents/${encodeURIComponent(deadAgent.agentId)}?env=dev`)

    expect(
      await screen.findByRole('heading', {
        level: 1,
        name: `Agent ${deadAgent.agentId} not found in dev`,
      }),
    ).toBeInTheDocument()
    expect(screen.queryByText(deadAgent.hostname)).not.toBeInTheDocument()
  })

  it('encodes a hostile id in the request path and shows it as text', async () => {
    const requests = watchRequests()
    const hostile = '<script>alert(1)</script>/../../agents'
    await renderDetail(`/agents/${encodeURIComponent(hostile)}?env=prod`)

    expect(
      await screen.findByRole('heading', { level: 1, name: `Agent ${hostile} not found in prod` }),
    ).toBeInTheDocument()
    expect(document.querySelector('script')).toBeNull()
    const detail = requests.find(
      (url) => url.pathname.startsWith('/api/v1/agents/') && !url.pathname.endsWith('/events'),
    )
    expect(detail?.pathname).toBe(`/api/v1/agents/${encodeURIComponent(hostile)}`)
    expect(detail?.searchParams.get('environment')).toBe('prod')
  })

  it('does not even ask for an id longer than any id can be, and truncates it on screen', async () => {
    const requests = watchRequests()
    const long = 'a'.repeat(5_000)
    await renderDetail(`/agents/${long}?env=prod`)

    const heading = await screen.findByRole('heading', { level: 1, name: /not found in prod$/ })
    expect(heading.textContent?.length).toBeLessThan(200)
    expect(heading).toHaveTextContent(/^Agent a+… not found in prod$/)
    expect(requests.some((url) => url.pathname.startsWith('/api/v1/agents/'))).toBe(false)
  })

  it('shows a server error with a working "Try again"', async () => {
    server.use(http.get('*/api/v1/agents/:agentId', problem500))
    const user = userEvent.setup()
    await renderDetail(agentUrl)

    const alert = await screen.findByRole('alert', {}, { timeout: 8_000 })
    expect(alert).toHaveTextContent('The server failed (500)')
    expect(alert).toHaveTextContent('Registry unavailable')

    server.resetHandlers()
    await user.click(within(alert).getByRole('button', { name: 'Try again' }))
    const details = await screen.findByRole('region', { name: 'Details' })
    expect(details).toHaveTextContent(deadAgent.hostname)
  })

  it("links back to the list with the list's filters and the environment", async () => {
    const user = userEvent.setup()
    const { router } = await renderPage({
      path: '/agents',
      element: <AgentsPage />,
      url: '/agents?env=prod&status=DEAD&sort=errorRate&dir=desc',
      extraRoutes: [{ path: '/agents/:agentId', element: <AgentDetailPage /> }],
    })
    const table = await findAgentsTable()
    const firstLink = within(bodyRows(table)[0] as HTMLElement).getByRole('link')
    const agentId = firstLink.textContent ?? ''
    await user.click(firstLink)

    expect(await screen.findByRole('heading', { level: 1, name: agentId })).toBeInTheDocument()
    const back = screen.getByRole('link', { name: 'Agents in prod' })
    const backUrl = new URL(back.getAttribute('href') ?? '', 'http://x')
    expect(backUrl.pathname).toBe('/agents')
    expect(backUrl.searchParams.get('status')).toBe('DEAD')
    expect(backUrl.searchParams.get('sort')).toBe('errorRate')
    expect(backUrl.searchParams.get('env')).toBe('prod')

    await user.click(back)
    await findAgentsTable()
    expect(screen.getByRole('combobox', { name: 'Status' })).toHaveValue('DEAD')
    expect(currentSearch(router).get('status')).toBe('DEAD')
  })
})
