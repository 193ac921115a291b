import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { http, HttpResponse } from 'msw'
import { describe, expect, it } from 'vitest'
import type { AgentStatus } from '@/lib/api/types'
// Tests may use the mock (see eslint.config.js: only app code must not): its data is the truth
// the page is checked against, and its server lets a test break one endpoint.
import { listAgents } from '@/mocks/agents/agent-data'
import { server } from '@/mocks/node'
import { problem } from '@/mocks/problem'
import { currentSearch, renderPage } from '@/test/render-page'
import { AgentsPage } from './agents-page'
import { bodyRows, columnIndex, columnTexts } from '@/test/table-readers'
import { findAgentsTable, parsePercent } from './agents-test-helpers'

const prodAgents = listAgents('acme', 'prod')
const devAgents = listAgents('acme', 'dev')

function renderAgents(url: string) {
  return renderPage({ path: '/agents', element: <AgentsPage />, url })
}

function statusCount(status: AgentStatus, agents = prodAgents) {
  return agents.filter((agent) => agent.status === status).length
}

describe('AgentsPage', () => {
  it("lists acme/prod's agents under a fleet summary whose counts match the rows", async () => {
    await renderAgents('/agents?env=prod')
    const table = await findAgentsTable()
    expect(screen.getByRole('heading', { level: 1, name: 'Agents' })).toBeInTheDocument()
    const rows = bodyRows(table)

    expect(prodAgents.length).toBeGreaterThanOrEqual(40)
    expect(rows).toHaveLength(prodAgents.length)
    expect(screen.getByText(`${prodAgents.length} agents`)).toBeInTheDocument()
    // Every agent of the environment is there, by id, and nothing else.
    expect(columnTexts(table, 'Agent').sort()).toEqual(
      prodAgents.map((agent) => agent.agentId).sort(),
    )

    const statuses = columnTexts(table, 'Status')
    const byStatus = within(screen.getByRole('list', { name: 'Agents by status' }))
    for (const status of ['LIVE', 'STALE', 'DEAD'] as const) {
      const inRows = statuses.filter((text) => text === status).length
      expect(inRows).toBe(statusCount(status))
      // The button is named by what it shows ("LIVE 32 heartbeat on time"), as axe requires.
      expect(
        byStatus.getByRole('button', { name: new RegExp(`^${status}\\s*${inRows}\\s*heartbeat`) }),
      ).toBeInTheDocument()
    }

    const byApplication = within(screen.getByRole('list', { name: 'Agents by application' }))
    const orderService = prodAgents.filter((agent) => agent.applicationId === 'order-service')
    const liveOrderService = orderService.filter((agent) => agent.status === 'LIVE').length
    expect(
      byApplication.getByRole('button', {
        name: new RegExp(`^order-service ${liveOrderService}/${orderService.length} live`),
      }),
    ).toBeInTheDocument()

    // An agent link keeps the environment.
    const first = prodAgents[0]
    if (!first) throw new Error('no agents')
    expect(within(table).getByRole('link', { name: first.agentId })).toHaveAttribute(
      'href',
      `/agents/${encodeURIComponent(first.agentId)}?env=prod`,
    )
  })

  it('marks a hot error rate with text, not only colour', async () => {
    await renderAgents('/agents?env=prod')
    const table = await findAgentsTable()
    const hot = prodAgents.filter((agent) => agent.errorRate > 0.05)
    expect(hot.length).toBeGreaterThan(0)
    const rates = columnTexts(table, 'Error rate')
    expect(rates.filter((text) => text.includes('high'))).toHaveLength(hot.length)
    for (const agent of hot) {
      const row = within(table).getByRole('link', { name: agent.agentId }).closest('tr')
      expect(row).not.toBeNull()
      expect(row?.textContent).toContain('high')
    }
  })

  it('filters by status and writes it to the URL, keeping env', async () => {
    const user = userEvent.setup()
    const { router } = await renderAgents('/agents?env=prod')
    const table = await findAgentsTable()

    await user.selectOptions(screen.getByRole('combobox', { name: 'Status' }), 'DEAD')

    const dead = statusCount('DEAD')
    await waitFor(() => expect(bodyRows(table)).toHaveLength(dead))
    expect(new Set(columnTexts(table, 'Status'))).toEqual(new Set(['DEAD']))
    expect(screen.getByText(`${dead} of ${prodAgents.length} agents match`)).toBeInTheDocument()
    expect(currentSearch(router).get('status')).toBe('DEAD')
    expect(currentSearch(router).get('env')).toBe('prod')
    // A deliberate choice is a history entry (Back undoes it).
    expect(router.state.historyAction).toBe('PUSH')
    // The summary still describes the whole environment.
    expect(screen.getByRole('button', { name: /^LIVE/ })).toHaveAccessibleName(
      new RegExp(`^LIVE\\s*${statusCount('LIVE')}\\s*heartbeat on time`),
    )
  })

  it('filters by free text on id, hostname and application, replacing history while typing', async () => {
    const user = userEvent.setup()
    const { router } = await renderAgents('/agents?env=prod')
    const table = await findAgentsTable()

    await user.type(screen.getByRole('searchbox', { name: 'Search agents' }), 'ip-10')

    const expected = prodAgents.filter((agent) =>
      [agent.agentId, agent.hostname, agent.applicationId].some((field) => field.includes('ip-10')),
    )
    expect(expected.length).toBeGreaterThan(0)
    expect(expected.length).toBeLessThan(prodAgents.length)
    await waitFor(() => expect(bodyRows(table)).toHaveLength(expected.length))
    expect(columnTexts(table, 'Hostname').every((hostname) => hostname.includes('ip-10'))).toBe(
      true,
    )
    await waitFor(() => expect(currentSearch(router).get('q')).toBe('ip-10'))
    expect(router.state.historyAction).toBe('REPLACE')
    expect(screen.getByRole('searchbox', { name: 'Search agents' })).toHaveValue('ip-10')
  })

  it('keeps every keystroke, also an edit in the middle of the text', async () => {
    const user = userEvent.setup({ delay: null })
    const { router } = await renderAgents('/agents?env=prod')
    await findAgentsTable()
    const box = screen.getByRole('searchbox', { name: 'Search agents' })

    await user.type(box, 'order-service-a')
    await user.type(box, 'x', { initialSelectionStart: 0, initialSelectionEnd: 0 })

    expect(box).toHaveValue('xorder-service-a')
    await waitFor(() => expect(currentSearch(router).get('q')).toBe('xorder-service-a'))
    expect(box).toHaveValue('xorder-service-a')
  })

  it('puts the search text back from the URL on Back, not what was typed since', async () => {
    const user = userEvent.setup()
    const { router } = await renderAgents('/agents?env=prod')
    await findAgentsTable()
    const box = screen.getByRole('searchbox', { name: 'Search agents' })

    await user.type(box, 'fraud')
    await waitFor(() => expect(currentSearch(router).get('q')).toBe('fraud'))
    await user.selectOptions(screen.getByRole('combobox', { name: 'Status' }), 'LIVE')
    await waitFor(() => expect(currentSearch(router).get('status')).toBe('LIVE'))
    await user.type(screen.getByRole('searchbox', { name: 'Search agents' }), '-check-zzz')
    await waitFor(() => expect(currentSearch(router).get('q')).toBe('fraud-check-zzz'))

    await router.navigate(-1)

    await waitFor(() => expect(screen.getByRole('combobox', { name: 'Status' })).toHaveValue(''))
    expect(currentSearch(router).get('q')).toBe('fraud')
    expect(screen.getByRole('searchbox', { name: 'Search agents' })).toHaveValue('fraud')
    const fraudCheck = prodAgents.filter((agent) => agent.agentId.includes('fraud'))
    await waitFor(() =>
      expect(
        screen.getByText(`${fraudCheck.length} of ${prodAgents.length} agents match`),
      ).toBeInTheDocument(),
    )
  })

  it('sorts by a column header, with aria-sort and the URL following', async () => {
    const user = userEvent.setup()
    const { router } = await renderAgents('/agents?env=prod')
    const table = await findAgentsTable()
    const header = () =>
      within(table).getAllByRole('columnheader')[columnIndex(table, 'Error rate')]

    expect(header()).not.toHaveAttribute('aria-sort')
    await user.click(within(table).getByRole('button', { name: 'Error rate' }))

    await waitFor(() => expect(currentSearch(router).get('sort')).toBe('errorRate'))
    const firstDirection = currentSearch(router).get('dir')
    expect(firstDirection === 'asc' || firstDirection === 'desc').toBe(true)
    expect(header()).toHaveAttribute(
      'aria-sort',
      firstDirection === 'asc' ? 'ascending' : 'descending',
    )
    const rates = columnTexts(table, 'Error rate').map(parsePercent)
    const ordered = [...rates].sort((a, b) => (firstDirection === 'asc' ? a - b : b - a))
    expect(rates).toEqual(ordered)
    expect(rates[0]).not.toBe(rates[rates.length - 1])

    await user.click(within(table).getByRole('button', { name: 'Error rate' }))
    const secondDirection = firstDirection === 'asc' ? 'desc' : 'asc'
    await waitFor(() => expect(currentSearch(router).get('dir')).toBe(secondDirection))
    expect(header()).toHaveAttribute(
      'aria-sort',
      secondDirection === 'asc' ? 'ascending' : 'descending',
    )
    const reversed = columnTexts(table, 'Error rate').map(parsePercent)
    expect(reversed).toEqual(
      [...reversed].sort((a, b) => (secondDirection === 'asc' ? a - b : b - a)),
    )
    expect(currentSearch(router).get('env')).toBe('prod')
  })

  it('restores filters and sort from a deep link', async () => {
    await renderAgents(
      '/agents?env=prod&status=LIVE&app=order-service&q=order&sort=exchangesPerSecond&dir=desc',
    )
    const table = await findAgentsTable()

    expect(screen.getByRole('combobox', { name: 'Status' })).toHaveValue('LIVE')
    expect(screen.getByRole('combobox', { name: 'Application' })).toHaveValue('order-service')
    expect(screen.getByRole('searchbox', { name: 'Search agents' })).toHaveValue('order')
    const expected = prodAgents
      .filter((agent) => agent.status === 'LIVE' && agent.applicationId === 'order-service')
      .sort((a, b) => b.exchangesPerSecond - a.exchangesPerSecond)
    expect(expected.length).toBeGreaterThan(1)
    expect(columnTexts(table, 'Agent')).toEqual(expected.map((agent) => agent.agentId))
    const header = within(table).getAllByRole('columnheader')[columnIndex(table, 'Exchanges/s')]
    expect(header).toHaveAttribute('aria-sort', 'descending')
    expect(
      screen.getByText(`${expected.length} of ${prodAgents.length} agents match`),
    ).toBeInTheDocument()
  })

  it('ignores invalid URL values instead of failing or sending them', async () => {
    const huge = 'x'.repeat(10_000)
    await renderAgents(
      `/agents?env=prod&status=ZOMBIE&sort=password&dir=sideways&q=${huge}&app=${huge}`,
    )
    const table = await findAgentsTable()

    expect(bodyRows(table)).toHaveLength(prodAgents.length)
    expect(screen.getByRole('combobox', { name: 'Status' })).toHaveValue('')
    expect(screen.getByRole('combobox', { name: 'Application' })).toHaveValue('')
    expect(screen.getByRole('searchbox', { name: 'Search agents' })).toHaveValue('')
    for (const header of within(table).getAllByRole('columnheader')) {
      expect(header).not.toHaveAttribute('aria-sort')
    }
  })

  it('shows "no match" with a Clear filters button that restores every row', async () => {
    const user = userEvent.setup()
    const { router } = await renderAgents('/agents?env=prod&status=DEAD&q=no-such-agent-anywhere')

    expect(await screen.findByText('No agents match these filters')).toBeInTheDocument()
    expect(screen.queryByRole('table', { name: 'Agents' })).not.toBeInTheDocument()
    await user.click(screen.getByRole('button', { name: 'Clear filters' }))

    const table = await findAgentsTable()
    expect(bodyRows(table)).toHaveLength(prodAgents.length)
    expect(screen.getByRole('searchbox', { name: 'Search agents' })).toHaveValue('')
    expect(currentSearch(router).get('q')).toBeNull()
    expect(currentSearch(router).get('status')).toBeNull()
    expect(currentSearch(router).get('env')).toBe('prod')
  })

  it("shows another environment's agents, never prod's, when the URL names it", async () => {
    const { router } = await renderAgents('/agents?env=prod')
    let table = await findAgentsTable()
    expect(bodyRows(table)).toHaveLength(prodAgents.length)

    await router.navigate('/agents?env=dev')

    await waitFor(() => expect(screen.getByText(`${devAgents.length} agents`)).toBeInTheDocument())
    table = await findAgentsTable()
    const shown = columnTexts(table, 'Agent')
    expect(shown.sort()).toEqual(devAgents.map((agent) => agent.agentId).sort())
    for (const agent of prodAgents) expect(shown).not.toContain(agent.agentId)
    expect(screen.getByRole('link', { name: devAgents[0]?.agentId ?? '' })).toHaveAttribute(
      'href',
      expect.stringContaining('env=dev'),
    )
  })

  it('explains how agents join when the environment has none', async () => {
    server.use(http.get('*/api/v1/agents', () => HttpResponse.json({ items: [] })))
    await renderAgents('/agents?env=staging')

    expect(await screen.findByText('No agents in staging')).toBeInTheDocument()
    expect(screen.getByRole('heading', { name: 'How an agent joins staging' })).toBeInTheDocument()
    expect(screen.getByLabelText('Agent configuration for staging')).toHaveTextContent(
      'cameleer.agent.environment=staging',
    )
  })

  it('shows a server error with a working "Try again"', async () => {
    server.use(http.get('*/api/v1/agents', () => problem(500, 'ClickHouse is down')))
    const user = userEvent.setup()
    await renderAgents('/agents?env=prod')

    const alert = await screen.findByRole('alert', {}, { timeout: 8_000 })
    expect(alert).toHaveTextContent('The server failed (500)')
    expect(alert).toHaveTextContent('ClickHouse is down')

    server.resetHandlers()
    await user.click(within(alert).getByRole('button', { name: 'Try again' }))
    const table = await findAgentsTable()
    expect(bodyRows(table)).toHaveLength(prodAgents.length)
  })
})
