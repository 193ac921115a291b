import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { agentQueries } from '@/features/agents/agent-queries'
import { compareQueries } from '@/features/compare/compare-queries'
import { executionSearchQueries } from '@/features/executions/search/execution-search-queries'
import { metricsQueries } from '@/features/metrics/metrics-queries'
import { createQueryClient } from '@/lib/query/query-client'
import type { Scope } from '@/lib/query/query-scope'
import { signDemoToken } from '@/mocks/auth/auth-tokens'
import { endSession, startSession } from '@/session/session-store'
import { watchRequests } from '@/test/watch-requests'

const acmeProd: Scope = { tenant: 'acme', env: 'prod' }
const lastHour = { from: 'now-1h', to: 'now' }

beforeEach(async () => {
  startSession(await signDemoToken('admin@acme'), 'login')
})
afterEach(() => endSession('signed-out'))

// Keys name the resource, not the view: views that read the same thing in the same scope
// share one cache entry, so going from one to the next asks the server once.
describe('resources shared by views', () => {
  it('fetches the agent list once for Agents, then Metrics, then Compare', async () => {
    const client = createQueryClient()
    const requests = watchRequests()

    const list = await client.fetchQuery(agentQueries.list(acmeProd))
    const metrics = await client.fetchQuery(metricsQueries.agents(acmeProd))
    const compare = await client.fetchQuery(compareQueries.agents(acmeProd))

    expect(requests.filter((url) => url.pathname.endsWith('/agents'))).toHaveLength(1)
    expect(metrics).toBe(list)
    expect(compare).toBe(list)
  })

  it('fetches the route statistics once for Metrics, Compare and the execution filters', async () => {
    const client = createQueryClient()
    const requests = watchRequests()

    await client.fetchQuery(metricsQueries.routeStats(acmeProd, lastHour))
    await client.fetchQuery(compareQueries.routeStats(acmeProd, lastHour))
    await client.fetchQuery(executionSearchQueries.routeOptions(acmeProd, lastHour))

    expect(requests.filter((url) => url.pathname.endsWith('/stats/routes'))).toHaveLength(1)
  })

  it('still asks again for another environment', async () => {
    const client = createQueryClient()
    const requests = watchRequests()

    await client.fetchQuery(agentQueries.list(acmeProd))
    await client.fetchQuery(compareQueries.agents({ tenant: 'acme', env: 'staging' }))

    expect(
      requests
        .filter((url) => url.pathname.endsWith('/agents'))
        .map((url) => url.searchParams.get('environment')),
    ).toEqual(['prod', 'staging'])
  })
})
