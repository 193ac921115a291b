import { afterEach, describe, expect, it } from 'vitest'
import { signDemoToken } from '../auth/auth-tokens'
import { setMockNow } from '../clock'
import { agentsOf, get } from '../mock-api-test-support'

afterEach(() => setMockNow(null))

describe('/me and /environments', () => {
  it.each([
    ['admin@acme', 'Ada Admin', ['dev', 'prod', 'staging']],
    ['dev@acme', 'Dev Eloper', ['dev', 'staging']],
    ['admin@beta', 'Bea Admin', ['dev', 'eu-live', 'prod']],
    ['user@default', 'Uma User', ['default']],
  ])('%s sees their environments only', async (username, name, environments) => {
    const token = await signDemoToken(username)
    const me = await get('Me', '/me', token)
    expect(me).toMatchObject({ userId: username, name, environments })
    const list = await get('EnvironmentList', '/environments', token)
    expect(list.items.map((environment) => environment.id)).toEqual(environments)
  })

  it('counts agents per environment from the registry', async () => {
    setMockNow(Date.parse('2026-11-28T07:00:00.000Z'))
    const token = await signDemoToken('admin@acme')
    const { items } = await get('EnvironmentList', '/environments', token)
    const prod = items.find((environment) => environment.id === 'prod')
    const agents = await agentsOf(token, 'environment=prod')
    expect(prod).toEqual({
      id: 'prod',
      displayName: 'Production',
      production: true,
      description: 'Serves every ACME customer.',
      retentionDays: 90,
      createdAt: expect.stringMatching(/^2026-10-\d\dT\d\d:00:00.000Z$/),
      agentCount: agents.length,
      liveAgentCount: agents.filter((agent) => agent.status === 'LIVE').length,
      lastSeenAt: agents
        .map((agent) => agent.lastHeartbeatAt)
        .sort()
        .at(-1),
    })
    expect(
      Date.parse('2026-11-28T07:00:00.000Z') - Date.parse(prod?.lastSeenAt ?? ''),
    ).toBeLessThan(30_000)
  })
})
