// @vitest-environment node
import { describe, expect, it } from 'vitest'
import type { ProbeResponse } from '../probe-client'
import { isolationOutcome, nowhereId } from './isolation-targets'

const FOREIGN = 'customer-notifier-c2d5d-1'
const NOWHERE = nowhereId(FOREIGN)
const ids = { foreign: [FOREIGN], nowhere: [NOWHERE] }
const asker = { tenant: 'beta', environment: 'staging' }

function problem(status: number, detail: string, type = `https://x.test/${status}`): ProbeResponse {
  return {
    status,
    contentType: 'application/problem+json',
    json: { type, title: status === 404 ? 'Not Found' : 'Forbidden', status, detail },
    excerpt: '',
    label: 'GET /api/v1/agents/…?environment=staging',
  }
}

const judge = (foreign: ProbeResponse, nowhere: ProbeResponse) =>
  isolationOutcome(foreign, nowhere, ids, asker, 'tenant acme')

describe('nowhereId', () => {
  it('changes every letter and digit within its class, and keeps the rest', () => {
    const classOf = (char: string) =>
      ['0123456789', 'abcdef', 'ghijklmnopqrstuvwxyz', 'ABCDEF', 'GHIJKLMNOPQRSTUVWXYZ'].find(
        (alphabet) => alphabet.includes(char),
      ) ?? char
    for (const id of [FOREIGN, '0htm7i-005-b9gr', 'Order_Service.v2']) {
      const made = nowhereId(id)
      expect(made).toHaveLength(id.length)
      for (const [index, char] of [...id].entries()) {
        const other = made[index] ?? ''
        expect(classOf(other)).toBe(classOf(char))
        expect(other === char).toBe(!/[0-9a-zA-Z]/.test(char))
      }
    }
  })
})

describe('isolationOutcome: the foreign id against an id that exists nowhere', () => {
  it('passes the same 404, even when the detail names the id asked for', () => {
    expect(
      judge(
        problem(404, `Agent ${FOREIGN} not found in environment staging.`),
        problem(404, `Agent ${NOWHERE} not found in environment staging.`),
      ).status,
    ).toBe('passed')
  })

  it('passes the same 403 of an environment the token lacks, whatever the id', () => {
    const forbidden = problem(403, 'Your token does not grant access to environment "staging".')
    const outcome = judge(forbidden, forbidden)
    expect(outcome.status).toBe('passed')
    expect(outcome.detail).toMatch(/^403, exactly as for an id that exists nowhere/)
  })

  it('fails a 403 where an id that exists nowhere is 404', () => {
    const outcome = judge(
      problem(403, 'This id belongs to another tenant.'),
      problem(404, `Agent ${NOWHERE} not found.`),
    )
    expect(outcome.status).toBe('failed')
    expect(outcome.detail).toContain('the status (403 against 404) tells that the id exists')
  })

  it('fails a 404 whose detail says more than the one for an id that exists nowhere', () => {
    const outcome = judge(
      problem(404, `Agent ${FOREIGN} belongs to another tenant.`),
      problem(404, `Agent ${NOWHERE} not found.`),
    )
    expect(outcome.status).toBe('failed')
    expect(outcome.detail).toContain('the detail (ids aside)')
  })

  it('fails a 404 of another problem type', () => {
    const outcome = judge(
      problem(404, 'Not found.', 'https://x.test/elsewhere'),
      problem(404, 'Not found.'),
    )
    expect(outcome.detail).toContain('the problem type')
  })

  it("fails a 200 with the owner's data, skips one of the asker's own scope", () => {
    const ok = (tenantId: string): ProbeResponse => ({
      status: 200,
      contentType: 'application/json',
      json: { tenantId, environment: 'staging', agentId: FOREIGN },
      excerpt: '',
      label: `GET /api/v1/agents/${FOREIGN}?environment=staging`,
    })
    const nowhere = problem(404, 'Not found.')
    expect(judge(ok('acme'), nowhere).status).toBe('failed')
    expect(judge(ok('beta'), nowhere).status).toBe('skipped')
  })
})
