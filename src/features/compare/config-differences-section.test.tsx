import { useQuery } from '@tanstack/react-query'
import { screen, within } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { useScope } from '@/environment/use-scope'
import { listAgents } from '@/mocks/agents/agent-data'
import { setMockNow } from '@/mocks/clock'
import { renderPage } from '@/test/render-page'
import { watchRequests } from '@/test/watch-requests'
import { compareQueries } from './compare-queries'
import { ConfigDifferencesSection } from './config-differences-section'
import type { SideView } from './side-view'

const NOW = Date.parse('2026-11-25T14:30:00.000Z')
beforeEach(() => setMockNow(NOW))
afterEach(() => setMockNow(null))

function Harness({ withEnv }: { withEnv: string }) {
  const scope = useScope()
  const other = { tenant: scope.tenant, env: withEnv }
  const agentsA = useQuery(compareQueries.agents(scope))
  const agentsB = useQuery(compareQueries.agents(other))
  const side = (s: typeof scope, agents: typeof agentsA): SideView => ({
    scope: s,
    env: s.env,
    agents,
    stats: null,
  })
  return <ConfigDifferencesSection a={side(scope, agentsA)} b={side(other, agentsB)} />
}

describe('Configuration differences on the comparison page', () => {
  it('lists the applications of both sides whose settings differ, linking to their comparison', async () => {
    await renderPage({
      path: '/compare',
      element: <Harness withEnv="staging" />,
      url: '/compare?env=prod',
    })
    const table = await screen.findByRole('table', { name: 'Configuration differences' })
    const row = within(table).getByRole('row', { name: /^order-service/ })
    expect(row).toHaveTextContent('Tracing, Maximum payload size, Log level, Masked keys')
    const link = within(row).getByRole('link', {
      name: 'Compare the configuration of order-service',
    })
    expect(link).toHaveAttribute(
      'href',
      '/overview/order-service?configWith=staging&env=prod#configuration',
    )
    // fraud-check runs in both; shipping-adapter too: every shared application is compared.
    expect(within(table).getByRole('row', { name: /^fraud-check/ })).toBeInTheDocument()
  })

  it("reads each side's applications once, in that side's environment", async () => {
    const requests = watchRequests()
    await renderPage({
      path: '/compare',
      element: <Harness withEnv="dev" />,
      url: '/compare?env=staging',
    })
    await screen.findByRole('table', { name: 'Configuration differences' })
    const configReads = requests
      .filter((url) => url.pathname.endsWith('/config'))
      .map((url) => `${url.searchParams.get('environment')} ${url.pathname.split('/').at(-2)}`)
    const appsOf = (env: string) =>
      [...new Set(listAgents('acme', env).map((agent) => agent.applicationId))].map(
        (app) => `${env} ${app}`,
      )
    // Changing one side then reads only its own environment: the other's answers are cached.
    expect([...configReads].sort()).toEqual([...appsOf('staging'), ...appsOf('dev')].sort())
    expect(configReads).toContain('staging fraud-check')
  })
})
