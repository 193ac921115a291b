import type { Page } from '@playwright/test'
import { listAgentEventRecords } from '@/mocks/agents/agent-events'
import { listAgentRecords } from '@/mocks/agents/agent-data'
import { agentIdsOf, agentsTable, visibleAgentIds } from './support/agents'
import { expect, test, updateMockSettings } from './support/fixtures'

const sorted = (ids: readonly string[]) => ids.toSorted()

function filters(page: Page) {
  return page.getByRole('search', { name: 'Filter agents' })
}

function environmentSelect(page: Page) {
  return page.getByRole('banner').getByRole('combobox', { name: 'Environment' })
}

async function openAgents(
  page: Page,
  signInAs: (user: string, o?: { path?: string }) => Promise<void>,
  path = '/agents?env=prod',
) {
  await signInAs('admin@acme', { path })
  await expect(agentsTable(page).getByRole('link').first()).toBeVisible()
}

test.describe('the agents list', () => {
  test('filtering by status narrows the rows and writes the URL', async ({ page, signInAs }) => {
    await openAgents(page, signInAs)
    const all = agentIdsOf('acme', 'prod')
    const dead = agentIdsOf('acme', 'prod', 'DEAD')
    expect(dead.length).toBeGreaterThan(0)
    await expect.poll(() => visibleAgentIds(page).then(sorted)).toEqual(sorted(all))

    await filters(page).getByRole('combobox', { name: 'Status' }).selectOption('DEAD')

    await expect(page).toHaveURL(/[?&]status=DEAD(&|$)/)
    await expect.poll(() => visibleAgentIds(page).then(sorted)).toEqual(sorted(dead))
    await expect(page.getByText(`${dead.length} of ${all.length} agents match`)).toBeVisible()
  })

  test('searching narrows the rows to matching agents and writes the URL', async ({
    page,
    signInAs,
  }) => {
    await openAgents(page, signInAs)
    const matching = listAgentRecords('acme', 'prod')
      .filter((agent) =>
        [agent.agentId, agent.hostname, agent.applicationId].some((f) => f.includes('payment')),
      )
      .map((agent) => agent.agentId)
    expect(matching.length).toBeGreaterThan(0)
    expect(matching.length).toBeLessThan(agentIdsOf('acme', 'prod').length)

    await filters(page).getByRole('searchbox', { name: 'Search agents' }).fill('payment')

    await expect(page).toHaveURL(/[?&]q=payment(&|$)/)
    await expect.poll(() => visibleAgentIds(page).then(sorted)).toEqual(sorted(matching))
  })

  test('a search that matches nothing says so and can be cleared', async ({ page, signInAs }) => {
    await openAgents(page, signInAs)
    await filters(page)
      .getByRole('searchbox', { name: 'Search agents' })
      .fill('no-such-agent-anywhere')

    await expect(page.getByText('No agents match these filters')).toBeVisible()
    await expect(agentsTable(page)).toHaveCount(0)
    await page.getByRole('button', { name: 'Clear filters' }).click()
    await expect
      .poll(() => visibleAgentIds(page).then(sorted))
      .toEqual(sorted(agentIdsOf('acme', 'prod')))
    await expect(page).not.toHaveURL(/[?&]q=/)
  })

  test('sorting by a column header orders the rows and writes the URL', async ({
    page,
    signInAs,
  }) => {
    await openAgents(page, signInAs)
    const statusOf = new Map(
      listAgentRecords('acme', 'prod').map((agent) => [agent.agentId, agent.status]),
    )
    const severity = { LIVE: 0, STALE: 1, DEAD: 2 } as const
    const severities = async () =>
      (await visibleAgentIds(page)).map((id) => severity[statusOf.get(id) ?? 'LIVE'])
    const header = agentsTable(page).getByRole('columnheader', { name: 'Status' })
    const sortButton = agentsTable(page).getByRole('button', { name: 'Status', exact: true })

    await sortButton.click()
    await expect(header).toHaveAttribute('aria-sort', 'ascending')
    await expect(page).toHaveURL(/[?&]sort=status&dir=asc(&|$)/)
    await expect.poll(severities).toEqual((await severities()).toSorted((a, b) => a - b))

    await sortButton.click()
    await expect(header).toHaveAttribute('aria-sort', 'descending')
    await expect(page).toHaveURL(/[?&]sort=status&dir=desc(&|$)/)
    await expect.poll(async () => (await severities())[0]).toBe(severity.DEAD)
    const descending = await severities()
    expect(descending).toEqual(descending.toSorted((a, b) => b - a))
  })
})

test.describe('an agent', () => {
  test('opens from the list with its details, events and older events on demand', async ({
    page,
    signInAs,
  }) => {
    // An agent whose history is longer than one page of events.
    const agent = listAgentRecords('acme', 'prod').find(
      (record) => listAgentEventRecords('acme', 'prod', record).length > 60,
    )
    if (!agent) throw new Error('the mock has no agent with more than one page of events')
    const eventCount = listAgentEventRecords('acme', 'prod', agent).length
    await openAgents(page, signInAs)

    await agentsTable(page).getByRole('link', { name: agent.agentId, exact: true }).click()

    await expect(page).toHaveURL(new RegExp(`/agents/${agent.agentId}\\?env=prod$`))
    await expect(page.getByRole('heading', { level: 1, name: agent.agentId })).toBeVisible()
    await expect(page.getByRole('main')).toContainText(agent.hostname)
    const events = page.getByRole('table', { name: 'Lifecycle events' }).getByRole('row')
    // 50 events and the header row.
    await expect(events).toHaveCount(51)

    await page.getByRole('button', { name: 'Load older events' }).click()

    await expect(events).toHaveCount(Math.min(eventCount, 100) + 1)
  })

  test('an agent id unknown in this environment shows "not found in prod"', async ({
    page,
    signInAs,
  }) => {
    // It exists, but in staging: prod must not show it, nor say more than "not found".
    const [stagingAgent] = agentIdsOf('acme', 'staging')
    if (!stagingAgent) throw new Error('the mock has no staging agent')
    await signInAs('admin@acme', { path: `/agents/${stagingAgent}?env=prod` })

    await expect(
      page.getByRole('heading', { name: `Agent ${stagingAgent} not found in prod` }),
    ).toBeVisible()
    await expect(page.getByRole('table', { name: 'Lifecycle events' })).toHaveCount(0)
  })
})

test.describe('server trouble', () => {
  test('a failing server shows an error with "Try again", and trying again after it recovers shows the rows', async ({
    page,
    signInAs,
  }) => {
    await openAgents(page, signInAs)
    await updateMockSettings(page, { errorRate: 1 })

    await environmentSelect(page).selectOption('staging')

    // The client retries a 503 twice (about 3 s) before it gives up.
    const error = page.getByRole('alert').filter({ hasText: 'The server failed (503)' })
    await expect(error).toBeVisible({ timeout: 15_000 })
    await expect(agentsTable(page)).toHaveCount(0)

    await updateMockSettings(page, { errorRate: 0 })
    await error.getByRole('button', { name: 'Try again' }).click()

    await expect
      .poll(() => visibleAgentIds(page).then(sorted))
      .toEqual(sorted(agentIdsOf('acme', 'staging')))
    await expect(error).toHaveCount(0)
  })

  test.describe('failing from the first request on', () => {
    test.use({ mockSettings: { errorRate: 1 } })

    test('the page offers "Try again" and recovers once the server does', async ({
      page,
      signInAs,
    }) => {
      await signInAs('admin@acme', { path: '/agents?env=prod' })
      const error = page.getByRole('alert').filter({ hasText: 'The server failed (503)' })
      await expect(error).toBeVisible({ timeout: 15_000 })

      await updateMockSettings(page, { errorRate: 0 })
      await error.getByRole('button', { name: 'Try again' }).click()

      await expect
        .poll(() => visibleAgentIds(page).then(sorted))
        .toEqual(sorted(agentIdsOf('acme', 'prod')))
    })
  })

  test('a failed refresh keeps the rows shown and says so', async ({ page, signInAs }) => {
    await openAgents(page, signInAs)
    await updateMockSettings(page, { errorRate: 1 })

    await page.getByRole('button', { name: 'Refresh', exact: true }).click()

    await expect(
      page.getByRole('alert').filter({ hasText: 'Could not refresh the agent list' }),
    ).toBeVisible({
      timeout: 15_000,
    })
    await expect
      .poll(() => visibleAgentIds(page).then(sorted))
      .toEqual(sorted(agentIdsOf('acme', 'prod')))
  })

  test('an answer that breaks the contract shows the contract error, not a crash', async ({
    page,
    signInAs,
  }) => {
    await openAgents(page, signInAs)
    await updateMockSettings(page, { malformedRate: 1 })

    await environmentSelect(page).selectOption('staging')

    const error = page.getByRole('alert').filter({ hasText: 'does not follow the API contract' })
    await expect(error).toBeVisible()
    await expect(error).toContainText('The server sent an answer this UI cannot read')
    await expect(agentsTable(page)).toHaveCount(0)
    // The rest of the application still works.
    await expect(page.getByRole('banner')).toContainText('Ada Admin')
    await updateMockSettings(page, { malformedRate: 0 })
    await environmentSelect(page).selectOption('dev')
    await expect
      .poll(() => visibleAgentIds(page).then(sorted))
      .toEqual(sorted(agentIdsOf('acme', 'dev')))
  })
})
