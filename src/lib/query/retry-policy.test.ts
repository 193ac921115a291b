import { describe, expect, it } from 'vitest'
import { HttpError, NetworkError, ScopeMismatchError, parseRetryAfter } from '@/lib/api/errors'
import { pollDelay, polling, retryDelay, shouldRetry } from './retry-policy'

const busy = (retryAfterMs: number | null) => new HttpError(503, null, '/agents', retryAfterMs)

describe('parseRetryAfter', () => {
  const now = Date.parse('2026-12-01T09:00:00Z')
  it('reads delay-seconds and HTTP dates', () => {
    expect(parseRetryAfter('120', now)).toBe(120_000)
    expect(parseRetryAfter('Tue, 01 Dec 2026 09:00:30 GMT', now)).toBe(30_000)
  })
  it('ignores what is no instruction', () => {
    expect(parseRetryAfter(null, now)).toBeNull()
    expect(parseRetryAfter('soon', now)).toBeNull()
    expect(parseRetryAfter('-5', now)).toBeNull()
    expect(parseRetryAfter('Tue, 01 Dec 2026 08:00:00 GMT', now)).toBe(0)
  })
})

describe('retries', () => {
  it('retries network faults, 5xx and 429, never 4xx, broken payloads or scope mismatches', () => {
    expect(shouldRetry(0, new NetworkError('/x', null))).toBe(true)
    expect(shouldRetry(0, busy(null))).toBe(true)
    expect(shouldRetry(0, new HttpError(429, null, '/x'))).toBe(true)
    expect(shouldRetry(0, new HttpError(404, null, '/x'))).toBe(false)
    expect(shouldRetry(0, new ScopeMismatchError('/x', { tenant: 'a' }, { tenantId: 'b' }))).toBe(
      false,
    )
    expect(shouldRetry(2, busy(null))).toBe(false)
  })

  it('spreads delays with jitter between half and all of the exponential step', () => {
    expect(retryDelay(1, busy(null), () => 0)).toBe(500)
    expect(retryDelay(1, busy(null), () => 1)).toBe(1000)
    const delays = new Set(Array.from({ length: 20 }, () => retryDelay(2, busy(null))))
    expect(delays.size).toBeGreaterThan(1)
    for (const delay of delays) expect(delay).toBeGreaterThanOrEqual(1000)
  })

  it("waits as long as the server's Retry-After says, within a ceiling", () => {
    expect(retryDelay(0, busy(7_000), () => 0)).toBe(7_000)
    expect(retryDelay(0, busy(3_600_000), () => 0)).toBe(120_000)
  })
})

describe('polling', () => {
  it('polls at the base rate while requests succeed', () => {
    expect(pollDelay(10_000, 0, null)).toBe(10_000)
  })

  it('backs off with each failure in a row and never beyond five minutes', () => {
    const upper = (failures: number) => pollDelay(10_000, failures, busy(null), () => 1)
    expect(upper(1)).toBe(20_000)
    expect(upper(2)).toBe(40_000)
    expect(upper(3)).toBe(80_000)
    expect(upper(10)).toBe(300_000)
    expect(pollDelay(10_000, 1, busy(null), () => 0)).toBe(10_000)
  })

  it('honours a longer Retry-After while failing', () => {
    expect(pollDelay(10_000, 1, busy(90_000), () => 1)).toBe(90_000)
  })

  it('comes back to the base as soon as a request succeeds, and passes "off" through', () => {
    const interval = polling(10_000)
    expect(interval({ state: { fetchFailureCount: 3, error: busy(null) } })).toBeGreaterThan(10_000)
    expect(interval({ state: { fetchFailureCount: 0, error: null } })).toBe(10_000)
    expect(polling(false)({ state: { fetchFailureCount: 3, error: null } })).toBe(false)
  })
})
