import { describe, expect, it } from 'vitest'
import type { AuditEntry } from '@/lib/api/types'
import { buildAuditCsv } from './audit-csv'
import { checkDraft } from './environment-form'

const draft = {
  id: 'qa',
  displayName: 'QA',
  production: false,
  retentionDays: '14',
  description: '',
}

describe('checkDraft: the id and values checked as the contract says, before sending', () => {
  it('accepts a valid new environment', () => {
    expect(checkDraft(draft, { isNew: true, existingIds: ['dev'] })).toEqual({})
  })

  it.each([
    ['QA', 'id'],
    ['-qa', 'id'],
    ['a'.repeat(33), 'id'],
    ['dev', 'id'],
  ])('refuses the id %s', (id, field) => {
    expect(checkDraft({ ...draft, id }, { isNew: true, existingIds: ['dev'] })).toHaveProperty(
      field,
    )
  })

  it('refuses an empty name, a retention out of 1–3650 and a long description', () => {
    const problems = checkDraft(
      { ...draft, displayName: ' ', retentionDays: '0', description: 'x'.repeat(501) },
      { isNew: false, existingIds: [] },
    )
    expect(Object.keys(problems).sort()).toEqual(['description', 'displayName', 'retentionDays'])
    expect(
      checkDraft({ ...draft, retentionDays: '3651' }, { isNew: false, existingIds: [] }),
    ).toHaveProperty('retentionDays')
  })
})

describe('buildAuditCsv', () => {
  it('writes one row per entry, tenant-wide as "tenant", with formulas defused', () => {
    const entry: AuditEntry = {
      auditId: 'a1',
      tenantId: 'acme',
      environment: null,
      at: '2026-12-07T07:00:00.000Z',
      actor: { userId: 'admin@acme', name: 'Ada Admin' },
      action: 'access.update',
      target: '=cmd',
      outcome: 'failed',
      detail: 'a, b',
    }
    expect(buildAuditCsv([entry], () => ({ action: 'Changed access' }))).toBe(
      'time_utc,actor_user_id,actor_name,environment,action,action_in_words,target,outcome,detail\r\n' +
        `2026-12-07T07:00:00.000Z,admin@acme,Ada Admin,tenant,access.update,Changed access,'=cmd,failed,"a, b"\r\n`,
    )
  })
})
