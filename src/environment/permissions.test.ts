import { describe, expect, it } from 'vitest'
import type { Me } from '@/lib/api/types'
import { can, REQUIREMENTS, requirementText, roleIn, type Action } from './permissions'

const me = (tenantRole: Me['tenantRole'], environmentRoles: Me['environmentRoles']): Me => ({
  userId: 'u',
  name: 'U',
  tenantId: 'acme',
  roles: [tenantRole],
  environments: Object.keys(environmentRoles),
  tenantRole,
  environmentRoles,
})

// The demo users of the contract: a tenant admin, a mixed operator, a mixed viewer.
const admin = me('admin', { dev: 'admin', staging: 'admin', prod: 'admin' })
const ops = me('operator', { dev: 'operator', staging: 'operator', prod: 'viewer' })
const dev = me('viewer', { dev: 'operator', staging: 'viewer' })

const environmentActions: Action[] = [
  'route-control',
  'replay',
  'config.update',
  'alert-rules.change',
  'silences.change',
  'alert.ack',
]
const tenantActions: Action[] = ['environments.manage', 'access.manage', 'audit.read']

describe('can(action) over the contract’s table', () => {
  it('needs viewer to read, operator to act, the admin tenant role to administer', () => {
    expect(REQUIREMENTS.read.role).toBe('viewer')
    for (const action of environmentActions) {
      expect(REQUIREMENTS[action]).toEqual({ role: 'operator', where: 'environment' })
    }
    for (const action of tenantActions) {
      expect(REQUIREMENTS[action]).toEqual({ role: 'admin', where: 'tenant' })
    }
  })

  it.each([
    ['dev', true, true],
    ['staging', true, true],
    ['prod', true, false],
    ['qa', false, false],
  ])('ops@acme in %s: read %s, act %s', (env, read, act) => {
    expect(can(ops, 'read', env)).toBe(read)
    for (const action of environmentActions) expect(can(ops, action, env)).toBe(act)
    for (const action of tenantActions) expect(can(ops, action, env)).toBe(false)
  })

  it('a viewer who operates elsewhere: operator in dev, viewer in staging, nothing in prod', () => {
    expect(can(dev, 'replay', 'dev')).toBe(true)
    expect(can(dev, 'replay', 'staging')).toBe(false)
    expect(can(dev, 'read', 'staging')).toBe(true)
    expect(can(dev, 'read', 'prod')).toBe(false)
    expect(roleIn(dev, 'prod')).toBeNull()
  })

  it('a tenant admin may do everything everywhere, even where /me lists no role yet', () => {
    for (const action of [...environmentActions, ...tenantActions]) {
      expect(can(admin, action, 'prod')).toBe(true)
      expect(can(admin, action, 'brand-new')).toBe(true)
    }
  })

  it('allows nothing while /me is unknown', () => {
    expect(can(undefined, 'read', 'dev')).toBe(false)
    expect(can(undefined, 'audit.read', null)).toBe(false)
  })

  it('says which role is needed, and where', () => {
    expect(requirementText('replay', 'Production')).toBe('Requires the operator role in Production')
    expect(requirementText('access.manage', 'Production')).toBe('Requires the admin tenant role')
  })
})
