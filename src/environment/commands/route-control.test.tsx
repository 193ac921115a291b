import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { http, HttpResponse } from 'msw'
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { Schemas } from '@/lib/api/types'
import { listAgentRecords } from '@/mocks/agents/agent-data'
import { setMockNow } from '@/mocks/clock'
import { server } from '@/mocks/node'
import { polyfillDialog } from '@/test/dialog-polyfill'
import { renderPage } from '@/test/render-page'
import { recordRequests } from '@/test/watch-requests'
import { AgentRoutes } from './agent-routes'
import { RouteActivity } from './route-activity'
import { ApplicationRouteState } from './route-state-cell'
import { useRouteControlStore } from './route-control-store'
import { useQuery } from '@tanstack/react-query'
import { agentResources } from '@/lib/resources/agents'
import { useScope } from '../use-scope'
import { useParams } from 'react-router'
import { commandOutcome } from './route-activity'

beforeAll(polyfillDialog)
beforeEach(() => useRouteControlStore.setState({ request: null, followed: [] }))
afterEach(() => setMockNow(null))

type Command = Schemas['Command']

const liveAgent = (env: string) => {
  const agent = listAgentRecords('acme', env).find(
    (record) => record.status === 'LIVE' && record.routeIds.length > 0,
  )
  if (!agent) throw new Error(`no LIVE agent with routes in acme/${env}`)
  return agent
}

/** An agent's routes and activity, as its page mounts them. */
function AgentHarness() {
  const scope = useScope()
  const agentId = useParams().agentId ?? ''
  const agent = useQuery(agentResources.detail(scope, agentId))
  return agent.data ? (
    <>
      <AgentRoutes agent={agent.data} />
      <RouteActivity applicationId={agent.data.applicationId} agentId={agentId} />
    </>
  ) : null
}

/** An application's route with its state and menu, and its activity, as its page mounts them. */
function ApplicationHarness({ routeId }: { routeId: string }) {
  const applicationId = useParams().applicationId ?? ''
  return (
    <>
      {/* Apart from RouteActivity's "No traffic in this range", which lists this route too
          when nothing ran through it lately (the mock's clock is the wall clock here). */}
      <div role="group" aria-label="Route under test">
        <ApplicationRouteState applicationId={applicationId} routeId={routeId} />
      </div>
      <RouteActivity applicationId={applicationId} />
    </>
  )
}

const renderAgent = (env: string, agentId: string, user: string) =>
  renderPage({
    path: '/agents/:agentId',
    element: <AgentHarness />,
    url: `/agents/${encodeURIComponent(agentId)}?env=${env}`,
    user,
  })

const renderApplication = (env: string, applicationId: string, routeId: string, user: string) =>
  renderPage({
    path: '/overview/:applicationId',
    element: <ApplicationHarness routeId={routeId} />,
    url: `/overview/${encodeURIComponent(applicationId)}?env=${env}`,
    user,
  })

const target = (
  agentId: string,
  status: Schemas['CommandTargetStatus'],
  message: string | null = null,
) => ({
  agentId,
  status,
  message,
  updatedAt: '2026-12-07T10:00:00.000Z',
  resultExecutionId: null,
})

/** "Stop <route>" of `applicationId`, on the given agents or (null) every live one. */
const stopRequest = (applicationId: string, routeId: string, agentIds: string[] | null) => ({
  type: 'route-control' as const,
  applicationId,
  routeId,
  action: 'stop' as const,
  agentIds,
})

function command(env: string, request: Command['request'], targets: Command['targets']): Command {
  return {
    commandId: 'cmd-1',
    tenantId: 'acme',
    environment: env,
    type: 'route-control',
    request,
    createdAt: '2026-12-07T10:00:00.000Z',
    createdBy: { userId: 'ops@acme', name: 'Otto Ops' },
    targets,
  }
}

describe('route control on an agent’s page', () => {
  it('shows each route’s state and, for an operator, the actions it allows, named with the route', async () => {
    const agent = liveAgent('dev')
    const routeId = agent.routeIds[0] ?? ''
    await renderAgent('dev', agent.agentId, 'ops@acme')
    const routes = await screen.findByRole('table', { name: 'Routes' })
    const row = within(routes).getByRole('row', { name: new RegExp(`^${routeId} `) })
    expect(row).toHaveTextContent('Started')
    expect(await within(row).findByRole('button', { name: `Stop ${routeId}` })).toBeInTheDocument()
    expect(within(row).getByRole('button', { name: `Suspend ${routeId}` })).toBeInTheDocument()
    // A started route cannot be started or resumed.
    expect(within(row).queryByRole('button', { name: `Start ${routeId}` })).toBeNull()
    expect(within(row).queryByRole('button', { name: `Resume ${routeId}` })).toBeNull()
  })

  it('offers a viewer no action, but shows the recent actions', async () => {
    const agent = liveAgent('prod')
    await renderAgent('prod', agent.agentId, 'ops@acme') // ops@acme is a viewer in prod
    const routes = await screen.findByRole('table', { name: 'Routes' })
    expect(within(routes).getAllByRole('row').length).toBeGreaterThan(1)
    expect(within(routes).queryByRole('button')).toBeNull()
    expect(screen.getByRole('heading', { name: 'Recent actions' })).toBeInTheDocument()
  })

  it('confirms "Stop route <route> on agent <id> in Development" without typing, sends it once and follows it per agent', async () => {
    const user = userEvent.setup()
    const agent = liveAgent('dev')
    const routeId = agent.routeIds[0] ?? ''
    const request = stopRequest(agent.applicationId, routeId, [agent.agentId])
    server.use(
      http.post('*/api/v1/commands', () =>
        HttpResponse.json(command('dev', request, [target(agent.agentId, 'PENDING')]), {
          status: 202,
        }),
      ),
      http.get('*/api/v1/commands/cmd-1', () => {
        return HttpResponse.json(command('dev', request, [target(agent.agentId, 'ACKNOWLEDGED')]))
      }),
    )
    const requests = recordRequests()
    await renderAgent('dev', agent.agentId, 'ops@acme')
    await user.click(await screen.findByRole('button', { name: `Stop ${routeId}` }))

    const label = `Stop route ${routeId} on agent ${agent.agentId} in Development`
    const dialog = screen.getByRole('alertdialog', { name: label })
    expect(within(dialog).queryByLabelText(/to confirm/)).toBeNull()
    await user.click(within(dialog).getByRole('button', { name: label }))

    const followed = await screen.findByRole('region', { name: label })
    const progress = within(followed).getByRole('table', { name: 'Progress' })
    await waitFor(
      () =>
        expect(
          within(progress).getByRole('row', { name: new RegExp(agent.agentId) }),
        ).toHaveTextContent('Acknowledged'),
      // The first poll comes a second after the answer to POST.
      { timeout: 5_000 },
    )
    const posts = requests.filter((r) => r.method === 'POST')
    expect(posts).toHaveLength(1)
    expect(posts[0]?.headers.get('Idempotency-Key')).toBeTruthy()
    expect(await posts[0]?.clone().json()).toEqual(request)
  })

  it('against the mock: the route stops once the agent acknowledges, and the action is listed', async () => {
    const user = userEvent.setup()
    const agent = liveAgent('dev')
    const routeId = agent.routeIds[0] ?? ''
    const sentAt = Date.now()
    setMockNow(sentAt)
    await renderAgent('dev', agent.agentId, 'ops@acme')
    await user.click(await screen.findByRole('button', { name: `Stop ${routeId}` }))
    const label = `Stop route ${routeId} on agent ${agent.agentId} in Development`
    await user.click(
      within(screen.getByRole('alertdialog', { name: label })).getByRole('button', { name: label }),
    )
    const followed = await screen.findByRole('region', { name: label })
    expect(within(followed).getByRole('status')).toHaveTextContent('Waiting for 1 of 1 agent')
    // While the agent has not answered, the route offers no second action.
    const routeRow = () =>
      within(screen.getByRole('table', { name: 'Routes' })).getByRole('row', {
        name: new RegExp(`^${routeId} `),
      })
    expect(routeRow()).toHaveTextContent('Waiting for the agents to answer')
    expect(within(routeRow()).queryByRole('button')).toBeNull()
    // The mock's LIVE agents answer within 2 s of its clock.
    setMockNow(sentAt + 2_500)
    await waitFor(
      () =>
        expect(within(followed).getByRole('status')).toHaveTextContent(
          'Acknowledged by 1 of 1 agent',
        ),
      { timeout: 5_000 },
    )
    const row = within(screen.getByRole('table', { name: 'Routes' })).getByRole('row', {
      name: new RegExp(`^${routeId} `),
    })
    await waitFor(() => expect(row).toHaveTextContent('Stopped'))
    expect(within(row).getByRole('button', { name: `Start ${routeId}` })).toBeInTheDocument()
    const recent = await screen.findByRole('table', { name: 'Recent actions' })
    await waitFor(() => expect(recent).toHaveTextContent(`Stop ${routeId}`))
    expect(recent).toHaveTextContent('Acknowledged')
  })

  it('shows a failed and an expired agent in words', async () => {
    const user = userEvent.setup()
    const agent = liveAgent('dev')
    const routeId = agent.routeIds[0] ?? ''
    const request = stopRequest(agent.applicationId, routeId, null)
    server.use(
      http.post('*/api/v1/commands', () =>
        HttpResponse.json(
          command('dev', request, [
            target('a-1', 'FAILED', 'route is busy'),
            target('a-2', 'EXPIRED'),
          ]),
          { status: 202 },
        ),
      ),
    )
    await renderApplication('dev', agent.applicationId, routeId, 'ops@acme')
    await user.click(
      await within(await screen.findByRole('group', { name: 'Route under test' })).findByRole(
        'button',
        { name: `Actions for ${routeId}` },
      ),
    )
    await user.click(screen.getByRole('menuitem', { name: `Stop ${routeId}` }))
    const dialog = screen.getByRole('alertdialog', { name: /^Stop route / })
    await user.click(within(dialog).getByRole('button', { name: /^Stop route / }))
    const followed = await screen.findByRole('region', { name: /^Stop route / })
    const progress = within(followed).getByRole('table', { name: 'Progress' })
    expect(within(progress).getByRole('row', { name: /a-1/ })).toHaveTextContent(
      'Failed: route is busy',
    )
    expect(within(progress).getByRole('row', { name: /a-2/ })).toHaveTextContent(
      'Expired: the agent did not answer within 60 s',
    )
  })
})

describe('route control on an application’s page', () => {
  it('opens "Actions for <route>" from the keyboard and names every live agent and the environment; production wants its id typed', async () => {
    const user = userEvent.setup()
    const agent = liveAgent('prod')
    const routeId = agent.routeIds[0] ?? ''
    const live = listAgentRecords('acme', 'prod').filter(
      (record) =>
        record.applicationId === agent.applicationId &&
        record.status === 'LIVE' &&
        record.routeIds.includes(routeId),
    ).length
    await renderApplication('prod', agent.applicationId, routeId, 'admin@acme')

    const menuButton = await within(
      await screen.findByRole('group', { name: 'Route under test' }),
    ).findByRole('button', { name: `Actions for ${routeId}` })
    expect(menuButton).toHaveAttribute('aria-haspopup', 'menu')
    menuButton.focus()
    await user.keyboard('{ArrowDown}')
    const menu = screen.getByRole('menu', { name: `Actions for ${routeId}` })
    expect(
      within(menu)
        .getAllByRole('menuitem')
        .map((item) => item.textContent),
    ).toEqual(['Stop', 'Suspend'])
    expect(within(menu).getByRole('menuitem', { name: `Stop ${routeId}` })).toHaveFocus()
    await user.keyboard('{Escape}')
    expect(screen.queryByRole('menu')).toBeNull()
    expect(menuButton).toHaveFocus()

    await user.keyboard('{Enter}')
    await user.keyboard('{ArrowDown}')
    expect(screen.getByRole('menuitem', { name: `Suspend ${routeId}` })).toHaveFocus()
    await user.keyboard('{Enter}')

    const label = `Suspend route ${routeId} on ${live} agents in Production`
    const dialog = screen.getByRole('alertdialog', { name: label })
    const confirm = within(dialog).getByRole('button', { name: label })
    expect(confirm).toBeDisabled()
    await user.type(within(dialog).getByLabelText('Type prod to confirm'), 'prod')
    expect(confirm).toBeEnabled()
  })

  it('keeps routes without traffic in the range in reach, with their state and actions', async () => {
    const agent = liveAgent('dev')
    server.use(
      http.get('*/api/v1/stats/routes', () =>
        HttpResponse.json({ tenantId: 'acme', environment: 'dev', items: [] }),
      ),
    )
    await renderApplication('dev', agent.applicationId, agent.routeIds[0] ?? '', 'ops@acme')
    const idle = await screen.findByRole('table', { name: 'No traffic in this range' })
    for (const routeId of agent.routeIds) {
      const row = within(idle).getByRole('row', { name: new RegExp(`^${routeId} `) })
      expect(row).toHaveTextContent('Started')
      expect(
        await within(row).findByRole('button', { name: `Actions for ${routeId}` }),
      ).toBeInTheDocument()
    }
  })

  it('offers a viewer no menu', async () => {
    const agent = liveAgent('staging')
    const routeId = agent.routeIds[0] ?? ''
    await renderApplication('staging', agent.applicationId, routeId, 'dev@acme') // viewer in staging
    expect(await screen.findByText('Started')).toBeInTheDocument()
    expect(screen.queryByRole('button', { name: `Actions for ${routeId}` })).toBeNull()
  })
})

describe('commandOutcome', () => {
  const request = stopRequest('orders', 'orders-in', null)
  it('sums the targets up, or says what the one target did', () => {
    expect(
      commandOutcome(
        command('dev', request, [target('a', 'ACKNOWLEDGED'), target('b', 'ACKNOWLEDGED')]),
        null,
      ),
    ).toBe('Acknowledged by 2 of 2 agents')
    expect(commandOutcome(command('dev', request, [target('a', 'FAILED', 'busy')]), null)).toBe(
      'Failed: busy',
    )
    expect(
      commandOutcome(
        command('dev', request, [target('a', 'ACKNOWLEDGED'), target('b', 'EXPIRED')]),
        null,
      ),
    ).toBe('Acknowledged by 1 of 2 agents; expired on 1')
  })
  it('on an agent’s page, says what that agent did', () => {
    const done = command('dev', request, [
      target('a', 'ACKNOWLEDGED'),
      target('b', 'FAILED', 'busy'),
    ])
    expect(commandOutcome(done, 'b')).toBe('Failed: busy')
  })
})
