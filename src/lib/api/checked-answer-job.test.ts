import { describe, expect, it } from 'vitest'
import { apiFailureCodec } from './api-failure-codec'
import { checkedAnswerJob } from './checked-answer-job'
import { ContractError, ScopeMismatchError } from './errors'
import { metricNameListSchema } from './generated/response-schemas/metric-name-list'

const scope = { tenant: 'acme', env: 'prod' }
const job = checkedAnswerJob(metricNameListSchema, (answer) => ({ value: answer.items.length }))
const names = { items: [{ name: 'jvm.threads.live', unit: 'count', description: 'Live threads' }] }

const bytes = (value: unknown) => new TextEncoder().encode(JSON.stringify(value)).buffer

describe('checkedAnswerJob', () => {
  it('reads the body from its bytes, as the API client reads it', async () => {
    const input = { schema: 'MetricNameList' as const, scope, path: '/metrics/names' }
    await expect(job({ ...input, body: bytes(names) })).resolves.toEqual({ value: 1 })
    // A byte order mark is dropped, as Response.text() drops it.
    const withBom = new Uint8Array([0xef, 0xbb, 0xbf, ...new Uint8Array(bytes(names))]).buffer
    await expect(job({ ...input, body: withBom })).resolves.toEqual({ value: 1 })
  })

  it('refuses what scopedGet refuses, with the same errors', async () => {
    const input = { schema: 'MetricNameList' as const, scope, path: '/metrics/names' }
    const empty = await Promise.resolve(job({ ...input, body: new ArrayBuffer(0) })).catch(
      (error: unknown) => error,
    )
    expect(empty).toBeInstanceOf(ContractError)
    expect((empty as ContractError).issues).toEqual(['the body is not valid JSON'])
    const broken = await Promise.resolve(
      job({ ...input, body: bytes({ items: [{ name: 7 }] }) }),
    ).catch((error: unknown) => error)
    expect(broken).toBeInstanceOf(ContractError)
  })

  it('refuses a job for another schema than its own', async () => {
    await expect(
      job({ schema: 'AgentList' as never, scope, path: '/agents', body: bytes(names) }),
    ).rejects.toThrow('This job reads MetricNameList, not AgentList.')
  })
})

describe('apiFailureCodec', () => {
  it('carries each API failure across as the same class with the same message', () => {
    const failures = [
      new ContractError('/metrics', ['series.0.points.3.t: must be a date-time']),
      new ScopeMismatchError('/metrics', scope, { tenantId: 'beta' }),
    ]
    for (const failure of failures) {
      // Through structured clone, as postMessage does.
      const decoded = apiFailureCodec.decode(structuredClone(apiFailureCodec.encode(failure)))
      expect(decoded).toBeInstanceOf(failure.constructor)
      expect(decoded.message).toBe(failure.message)
    }
    const other = apiFailureCodec.decode(apiFailureCodec.encode(new RangeError('a bug')))
    expect(other.message).toBe('a bug')
  })
})
