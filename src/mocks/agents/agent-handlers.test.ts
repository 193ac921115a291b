import { afterEach, describe, expect, it, vi } from 'vitest'
import type { AgentEvent, AgentInfo } from '@/lib/api/types'
import { signDemoToken } from '../auth/auth-tokens'
import { setMockNow } from '../clock'
import { agentsOf, call, expectProblem, get } from '../mock-api-test-support'

afterEach(() => setMockNow(null))

describe('agents', () => {
  const secondsAgo = (now: number, iso: string) => (now - Date.parse(iso)) / 1000

  it('acme/prod looks like production: ≥ 40 agents, ≥ 5 apps, all statuses', async () => {
    const now = Date.parse('2026-11-28T07:00:00.000Z')
    setMockNow(now)
    const agents = await agentsOf(await signDemoToken('admin@acme'), 'environment=prod')
    expect(agents.length).toBeGreaterThanOrEqual(40)
    expect(new Set(agents.map((agent) => agent.applicationId)).size).toBeGreaterThanOrEqual(5)
    expect(new Set(agents.map((agent) => agent.agentId)).size).toBe(agents.length)

    const byStatus = (status: string) => agents.filter((agent) => agent.status === status)
    expect(byStatus('LIVE').length / agents.length).toBeGreaterThan(0.65)
    expect(byStatus('STALE').length).toBeGreaterThan(0)
    expect(byStatus('DEAD').length).toBeGreaterThan(0)
    for (const agent of byStatus('LIVE'))
      expect(secondsAgo(now, agent.lastHeartbeatAt)).toBeLessThan(30)
    for (const agent of byStatus('STALE')) {
      expect(secondsAgo(now, agent.lastHeartbeatAt)).toBeGreaterThanOrEqual(30)
      expect(secondsAgo(now, agent.lastHeartbeatAt)).toBeLessThan(300)
    }
    for (const agent of byStatus('DEAD')) {
      expect(secondsAgo(now, agent.lastHeartbeatAt)).toBeGreaterThan(300)
      expect(agent.exchangesPerSecond).toBe(0)
    }
    for (const agent of agents) {
      expect(Date.parse(agent.registeredAt)).toBeLessThan(Date.parse(agent.lastHeartbeatAt))
      expect(agent.errorRate).toBeGreaterThanOrEqual(0)
      expect(agent.errorRate).toBeLessThanOrEqual(1)
      expect(agent.routeIds.length).toBeGreaterThan(0)
    }
    expect(agents.filter((agent) => agent.errorRate > 0.05).length).toBeGreaterThan(0)
    expect(agents.filter((agent) => agent.errorRate > 0.05).length).toBeLessThan(agents.length / 5)
    // Sorted by applicationId, then agentId (the document's order).
    const keys = agents.map((agent) => `${agent.applicationId}\u0000${agent.agentId}`)
    expect(keys).toEqual([...keys].sort())
  })

  it('differs visibly between environments', async () => {
    const token = await signDemoToken('admin@acme')
    const [dev, staging, prod] = await Promise.all(
      ['dev', 'staging', 'prod'].map((environment) =>
        agentsOf(token, `environment=${environment}`),
      ),
    )
    expect(dev?.length).toBeLessThan(staging?.length ?? 0)
    expect(staging?.length).toBeLessThan(prod?.length ?? 0)
    expect(dev?.every((agent) => agent.agentVersion.endsWith('-SNAPSHOT'))).toBe(true)
    expect(prod?.some((agent) => agent.agentVersion.includes('SNAPSHOT'))).toBe(false)
  })

  it('never serves another tenant: every row carries the token tenant and the asked environment', async () => {
    const acmeIds = new Set(
      (await agentsOf(await signDemoToken('admin@acme'), 'environment=prod')).map((a) => a.agentId),
    )
    const beta = await signDemoToken('admin@beta')
    for (const environment of ['dev', 'prod']) {
      // A tenant parameter is ignored: the tenant comes from the token only.
      const agents = await agentsOf(beta, `environment=${environment}&tenant=acme`)
      expect(agents.length).toBeGreaterThan(0)
      for (const agent of agents) {
        expect(agent).toMatchObject({ tenantId: 'beta', environment })
        expect(acmeIds.has(agent.agentId)).toBe(false)
      }
    }
    const acmeAgent = [...acmeIds][0] ?? ''
    await expectProblem(call(`/agents/${acmeAgent}?environment=prod`, beta), 404)
    await expectProblem(call(`/agents/${acmeAgent}/events?environment=prod`, beta), 404)
  })

  it('returns one agent, or a 404 naming it and the environment', async () => {
    const token = await signDemoToken('admin@acme')
    const [first] = await agentsOf(token, 'environment=staging')
    const agent = await get('AgentInfo', `/agents/${first?.agentId}?environment=staging`, token)
    expect(agent.agentId).toBe(first?.agentId)
    await expectProblem(
      call('/agents/ghost-agent-1?environment=staging', token),
      404,
      /Agent ghost-agent-1 not found in environment staging/,
    )
    // Existing in prod does not make it exist in staging.
    const [prodAgent] = await agentsOf(token, 'environment=prod')
    await expectProblem(call(`/agents/${prodAgent?.agentId}?environment=staging`, token), 404)
  })

  it('filters by status, application and q', async () => {
    const token = await signDemoToken('admin@acme')
    const all = await agentsOf(token, 'environment=prod')
    const dead = await agentsOf(token, 'environment=prod&status=DEAD')
    const ids = (agents: AgentInfo[]) => agents.map((agent) => agent.agentId)
    expect(ids(dead)).toEqual(ids(all.filter((agent) => agent.status === 'DEAD')))
    expect(dead.length).toBeGreaterThan(0)

    const payments = await agentsOf(token, 'environment=prod&applicationId=payment-gateway')
    expect(payments.length).toBe(all.filter((a) => a.applicationId === 'payment-gateway').length)
    expect(payments.every((agent) => agent.applicationId === 'payment-gateway')).toBe(true)

    const ec2 = await agentsOf(token, 'environment=prod&q=COMPUTE.INTERNAL')
    expect(ec2.length).toBeGreaterThan(0)
    expect(ec2.every((agent) => agent.hostname.endsWith('.compute.internal'))).toBe(true)
    const target = all[7] as AgentInfo
    expect(
      (await agentsOf(token, `environment=prod&q=${target.agentId}`)).map((a) => a.agentId),
    ).toEqual([target.agentId])
    expect(await agentsOf(token, 'environment=prod&status=&q=&applicationId=')).toHaveLength(
      all.length,
    )

    await expectProblem(call('/agents?environment=prod&status=ALIVE', token), 400, /status/)
    await expectProblem(call(`/agents?environment=prod&q=${'x'.repeat(201)}`, token), 400)
  })

  it('is deterministic: regenerated data equals the first except for times', async () => {
    const token = await signDemoToken('admin@acme')
    const first = (await agentsOf(token, 'environment=prod')).map(withoutTimes)
    vi.resetModules()
    const fresh = await import('./agent-data')
    const again = fresh.listAgents('acme', 'prod').map(withoutTimes)
    expect(again).toEqual(first)
  })
})

describe('agent events', () => {
  async function walk(token: string, agentId: string, limit: number) {
    const seen: AgentEvent[] = []
    let cursor: string | null = null
    let pages = 0
    do {
      const query: string = `environment=prod&limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`
      const page = await get('AgentEventPage', `/agents/${agentId}/events?${query}`, token)
      expect(page.items.length).toBeLessThanOrEqual(limit)
      seen.push(...page.items)
      cursor = page.nextCursor
      pages++
    } while (cursor && pages < 100)
    return { events: seen, pages }
  }

  it('walks the whole lifecycle with the cursor, newest first, without duplicates', async () => {
    setMockNow(Date.parse('2026-11-28T07:00:00.000Z'))
    const token = await signDemoToken('admin@acme')
    const agents = await agentsOf(token, 'environment=prod')
    // The longest-running LIVE agent: weeks of history, hundreds of events.
    const agent = agents
      .filter((candidate) => candidate.status === 'LIVE')
      .sort((a, b) => a.registeredAt.localeCompare(b.registeredAt))[0] as AgentInfo
    const { events, pages } = await walk(token, agent.agentId, 50)
    expect(events.length).toBeGreaterThan(100)
    expect(pages).toBe(Math.ceil(events.length / 50))
    expect(new Set(events.map((event) => event.eventId)).size).toBe(events.length)
    const { events: inOnePage } = await walk(token, agent.agentId, 500)
    expect(events).toEqual(inOnePage)
    const times = events.map((event) => Date.parse(event.timestamp))
    expect(times).toEqual([...times].sort((a, b) => b - a))
    expect(events.at(-1)?.type).toBe('REGISTERED')
    expect(Date.parse(events.at(-1)?.timestamp ?? '')).toBe(Date.parse(agent.registeredAt))
    for (const event of events) {
      expect(event).toMatchObject({ tenantId: 'acme', environment: 'prod', agentId: agent.agentId })
    }
  })

  it('ends as the status says: STALE → HEARTBEAT_LATE, DEAD → HEARTBEAT_LOST', async () => {
    const token = await signDemoToken('admin@acme')
    const agents = await agentsOf(token, 'environment=prod')
    for (const [status, type] of [
      ['STALE', 'HEARTBEAT_LATE'],
      ['DEAD', 'HEARTBEAT_LOST'],
    ] as const) {
      for (const agent of agents.filter((candidate) => candidate.status === status)) {
        const page = await get(
          'AgentEventPage',
          `/agents/${agent.agentId}/events?environment=prod&limit=1`,
          token,
        )
        expect(page.items[0]?.type).toBe(type)
      }
    }
  })

  it('rejects bad limits and cursors with 400', async () => {
    const token = await signDemoToken('admin@acme')
    const [one, two] = await agentsOf(token, 'environment=prod')
    const path = `/agents/${one?.agentId}/events?environment=prod`
    for (const limit of ['0', '501', 'ten', '1.5']) {
      await expectProblem(call(`${path}&limit=${limit}`, token), 400, /limit/)
    }
    await expectProblem(call(`${path}&cursor=%%%`, token), 400, /cursor/)
    await expectProblem(call(`${path}&cursor=${btoa('{"v":1}')}`, token), 400, /cursor/)
    const page = await get('AgentEventPage', `${path}&limit=5`, token)
    // A cursor issued for one agent is not valid for another.
    await expectProblem(
      call(`/agents/${two?.agentId}/events?environment=prod&cursor=${page.nextCursor}`, token),
      400,
      /cursor/,
    )
  })
})

function withoutTimes(agent: AgentInfo) {
  const { registeredAt: _registered, lastHeartbeatAt: _heartbeat, ...rest } = agent
  return rest
}
