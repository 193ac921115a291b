// @vitest-environment node
import { describe, expect, it } from 'vitest'
import { countScopedRows, scopeIssue } from './evidence'
import type { ProbeResponse } from './probe-client'

const answer = (json: unknown): ProbeResponse => ({
  status: 200,
  contentType: 'application/json',
  json,
  excerpt: '',
  label: 'GET /api/v1/metrics?environment=dev',
})
const expected = { tenant: 'acme', env: 'dev' }

/**
 * `/metrics` is scoped by its envelope (`tenantId`, `environment`), in the row form
 * (`series[].points[]`) and in the columnar form (`start`, `step`, `series[].values[]`) alike:
 * the scope check and its row count must work for both while the contract moves.
 */
describe.each([
  {
    form: 'rows',
    body: {
      step: 60,
      series: [
        {
          agentId: 'a-1',
          name: 'jvm.memory.heap.used',
          unit: 'bytes',
          points: [{ t: '2026-12-01T09:00:00Z', v: 1 }],
        },
      ],
    },
  },
  {
    form: 'columns',
    body: {
      start: '2026-12-01T09:00:00Z',
      step: 60,
      series: [
        {
          agentId: 'a-1',
          applicationId: 'app',
          name: 'jvm.memory.heap.used',
          unit: 'bytes',
          values: [1, null, 2],
        },
      ],
    },
  },
])('scope of a /metrics answer in $form', ({ body }) => {
  it('passes the envelope of the expected tenant and environment, as one row', () => {
    const json = { tenantId: 'acme', environment: 'dev', ...body }
    expect(scopeIssue('MetricsResponse', answer(json), expected)).toBeNull()
    expect(countScopedRows(json)).toBe(1)
  })

  it('fails another tenant or environment on the envelope', () => {
    expect(
      scopeIssue(
        'MetricsResponse',
        answer({ tenantId: 'beta', environment: 'dev', ...body }),
        expected,
      ),
    ).toBe('GET /api/v1/metrics?environment=dev: the answer has tenantId "beta", expected "acme"')
    expect(
      scopeIssue(
        'MetricsResponse',
        answer({ tenantId: 'acme', environment: 'prod', ...body }),
        expected,
      ),
    ).toBe('GET /api/v1/metrics?environment=dev: the answer has environment "prod", expected "dev"')
  })
})
