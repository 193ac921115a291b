import { describe, expect, it } from 'vitest'
import type { AuditEntry } from '@/lib/api/types'
import { signDemoToken } from '../auth/auth-tokens'
import { call, expectProblem, get, login } from '../mock-api-test-support'
import { readAudit, resetMockState } from '../tenant-state/tenant-state'

const json = (body: unknown, method = 'POST', headers: Record<string, string> = {}) => ({
  method,
  headers: { 'Content-Type': 'application/json', ...headers },
  body: JSON.stringify(body),
})

const qa = {
  id: 'qa',
  displayName: 'QA',
  production: false,
  description: 'Manual testing',
  retentionDays: 14,
}

const lastAudit = (tenant = 'acme'): AuditEntry | undefined => readAudit(tenant).at(-1)

describe('/admin/environments', () => {
  it('creates, renames and deletes an environment, which /environments follows', async () => {
    const admin = await signDemoToken('admin@acme')
    const createdAnswer = await call('/admin/environments', admin, json(qa))
    expect(createdAnswer.status).toBe(201)
    expect(createdAnswer.body).toMatchObject({ ...qa, agentCount: 0, liveAgentCount: 0 })
    expect(lastAudit()).toMatchObject({
      action: 'environment.create',
      target: 'qa',
      environment: null,
      outcome: 'success',
      actor: { userId: 'admin@acme', name: 'Ada Admin' },
    })

    const renamed = await call(
      '/admin/environments/qa',
      admin,
      json({ displayName: 'Quality' }, 'PATCH'),
    )
    expect(renamed.status).toBe(200)
    expect(renamed.body).toMatchObject({ id: 'qa', displayName: 'Quality', retentionDays: 14 })
    const list = await get('EnvironmentList', '/environments', admin)
    expect(list.items.map((item) => [item.id, item.displayName])).toContainEqual(['qa', 'Quality'])
    expect(lastAudit()?.detail).toBe('displayName "QA" → "Quality"')

    await expectProblem(
      call('/admin/environments/qa?confirm=q', admin, { method: 'DELETE' }),
      400,
      /confirm/,
    )
    const deleted = await call('/admin/environments/qa?confirm=qa', admin, { method: 'DELETE' })
    expect(deleted.status).toBe(204)
    const after = await get('EnvironmentList', '/environments', admin)
    expect(after.items.map((item) => item.id)).not.toContain('qa')
  })

  it('refuses an id taken already (409 environment-exists), audited as failed', async () => {
    const admin = await signDemoToken('admin@acme')
    const problem = await expectProblem(
      call('/admin/environments', admin, json({ ...qa, id: 'prod' })),
      409,
    )
    expect(problem.type).toMatch(/\/environment-exists$/)
    expect(lastAudit()).toMatchObject({ target: 'prod', outcome: 'failed', detail: problem.detail })
  })

  it('refuses to delete an environment while agents are live (409), naming them', async () => {
    const admin = await signDemoToken('admin@acme')
    const problem = await expectProblem(
      call('/admin/environments/staging?confirm=staging', admin, { method: 'DELETE' }),
      409,
      /LIVE in staging/,
    )
    expect(problem.type).toMatch(/\/environment-has-live-agents$/)
    expect(lastAudit()).toMatchObject({
      action: 'environment.delete',
      target: 'staging',
      outcome: 'failed',
    })
  })

  it.each([
    [{ ...qa, id: 'QA' }, /^id /],
    [{ ...qa, displayName: '' }, /^displayName/],
    [{ ...qa, retentionDays: 0 }, /^retentionDays/],
    [{ ...qa, retentionDays: 3651 }, /^retentionDays/],
    [{ ...qa, production: 'yes' }, /^production/],
    [{ ...qa, colour: 'red' }, /colour/],
    [{ ...qa, createdAt: '2026-01-01T00:00:00Z' }, /^createdAt is set by the server/],
  ])('answers 400 naming the member for %j', async (body, detail) => {
    const admin = await signDemoToken('admin@acme')
    await expectProblem(call('/admin/environments', admin, json(body)), 400, detail)
    expect(lastAudit()?.outcome).toBe('failed')
  })

  it('answers 415 for a body that is not JSON, and 404 for an unknown environment', async () => {
    const admin = await signDemoToken('admin@acme')
    await expectProblem(
      call('/admin/environments', admin, {
        method: 'POST',
        headers: { 'Content-Type': 'text/plain' },
        body: 'id=qa',
      }),
      415,
    )
    await expectProblem(
      call('/admin/environments/nope', admin, json({ displayName: 'x' }, 'PATCH')),
      404,
    )
  })

  it('refuses a write by a non-admin with 403 /forbidden-role, audited as denied', async () => {
    const ops = await signDemoToken('ops@acme')
    const problem = await expectProblem(call('/admin/environments', ops, json(qa)), 403)
    expect(problem.type).toMatch(/\/forbidden-role$/)
    expect(problem.detail).toMatch(/admin/)
    expect(lastAudit()).toMatchObject({
      action: 'environment.create',
      outcome: 'denied',
      actor: { userId: 'ops@acme' },
    })
  })
})

describe('/admin/users', () => {
  it('lists the tenant’s users with their access, filtered by q; others get 403', async () => {
    const admin = await signDemoToken('admin@acme')
    const { items } = await get('UserList', '/admin/users', admin)
    expect(items.map((user) => [user.userId, user.tenantRole, user.environmentRoles])).toEqual([
      ['admin@acme', 'admin', { dev: 'admin', staging: 'admin', prod: 'admin' }],
      ['dev@acme', 'viewer', { dev: 'operator', staging: 'viewer' }],
      ['ops@acme', 'operator', { dev: 'operator', staging: 'operator', prod: 'viewer' }],
    ])
    const filtered = await get('UserList', '/admin/users?q=OTTO', admin)
    expect(filtered.items.map((user) => user.userId)).toEqual(['ops@acme'])
    await expectProblem(call('/admin/users', await signDemoToken('dev@acme')), 403)
  })

  it('changes access; /me, the environment list and data requests follow at once', async () => {
    const admin = await signDemoToken('admin@acme')
    const ops = await signDemoToken('ops@acme')
    expect((await get('Me', '/me', ops)).environmentRoles).toEqual({
      dev: 'operator',
      prod: 'viewer',
      staging: 'operator',
    })
    const answer = await call(
      '/admin/users/ops@acme/access',
      admin,
      json(
        { tenantRole: 'operator', environmentRoles: { dev: 'operator', prod: 'operator' } },
        'PUT',
      ),
    )
    expect(answer.status).toBe(200)
    const me = await get('Me', '/me', ops)
    expect(me.environments).toEqual(['dev', 'prod'])
    expect(me.environmentRoles).toEqual({ dev: 'operator', prod: 'operator' })
    await expectProblem(call('/agents?environment=staging', ops), 403)
    expect(lastAudit()).toMatchObject({
      action: 'access.update',
      target: 'ops@acme',
      outcome: 'success',
      detail: 'tenant role operator; dev: operator, prod: operator',
    })
  })

  it('refuses to demote the last admin (409 last-admin), audited', async () => {
    const admin = await signDemoToken('admin@acme')
    const problem = await expectProblem(
      call(
        '/admin/users/admin@acme/access',
        admin,
        json({ tenantRole: 'operator', environmentRoles: { prod: 'operator' } }, 'PUT'),
      ),
      409,
      /last admin/,
    )
    expect(problem.type).toMatch(/\/last-admin$/)
    expect(lastAudit()).toMatchObject({ action: 'access.update', outcome: 'failed' })
  })

  it('names an unknown environment or role in the 400', async () => {
    const admin = await signDemoToken('admin@acme')
    const put = (environmentRoles: object) =>
      call(
        '/admin/users/dev@acme/access',
        admin,
        json({ tenantRole: 'viewer', environmentRoles }, 'PUT'),
      )
    await expectProblem(put({ qa: 'viewer' }), 400, /environmentRoles\.qa/)
    await expectProblem(put({ dev: 'owner' }), 400, /environmentRoles\.dev/)
  })
})

describe('/audit', () => {
  it('is newest first, filtered, paged to the end, for tenant admins only', async () => {
    const admin = await signDemoToken('admin@acme')
    for (const id of ['qa1', 'qa2', 'qa3']) {
      await call('/admin/environments', admin, json({ ...qa, id }))
    }
    await call('/admin/environments', await signDemoToken('ops@acme'), json(qa))
    const first = await get('AuditPage', '/audit?limit=2&actor=admin@acme', admin)
    expect(first.items.map((entry) => entry.target)).toEqual(['qa3', 'qa2'])
    expect(first.nextCursor).not.toBeNull()
    const second = await get(
      'AuditPage',
      `/audit?limit=2&actor=admin@acme&cursor=${encodeURIComponent(first.nextCursor ?? '')}`,
      admin,
    )
    expect(second.items.map((entry) => entry.target)).toEqual(['qa1'])
    expect(second.nextCursor).toBeNull()

    const denied = await get('AuditPage', '/audit?tenantWide=true&actor=ops@acme', admin)
    expect(denied.items.map((entry) => entry.outcome)).toEqual(['denied'])
    expect((await get('AuditPage', '/audit?environment=prod', admin)).items).toEqual([])
    await expectProblem(call('/audit?environment=prod&tenantWide=true', admin), 400)
    await expectProblem(call('/audit?action=route.fly', admin), 400)
    await expectProblem(call('/audit', await signDemoToken('ops@acme')), 403)
  })
})

describe('the state people change', () => {
  it('is kept per tenant and reset to the seed', async () => {
    const admin = await signDemoToken('admin@acme')
    await call('/admin/environments', admin, json(qa))
    const beta = await get('EnvironmentList', '/environments', await signDemoToken('admin@beta'))
    expect(beta.items.map((item) => item.id)).toEqual(['dev', 'eu-live', 'prod'])
    expect(beta.items.find((item) => item.id === 'eu-live')).toMatchObject({
      displayName: 'EU live',
      production: true,
    })
    resetMockState()
    const acme = await get('EnvironmentList', '/environments', admin)
    expect(acme.items.map((item) => item.id)).toEqual(['dev', 'prod', 'staging'])
  })

  it('signs users in with the access they have now', async () => {
    const admin = await signDemoToken('admin@acme')
    await call(
      '/admin/users/ops@acme/access',
      admin,
      json({ tenantRole: 'viewer', environmentRoles: { dev: 'viewer' } }, 'PUT'),
    )
    const { body } = await login('ops@acme', 'demo')
    const token = (body as { accessToken: string }).accessToken
    const claims = JSON.parse(atob(token.split('.')[1] ?? '')) as Record<string, unknown>
    expect(claims).toMatchObject({ roles: ['viewer'], envs: ['dev'] })
  })
})
