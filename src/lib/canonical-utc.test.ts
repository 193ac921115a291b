import { describe, expect, it } from 'vitest'
import { canonicalUtc, instantMs, readCanonicalUtc } from './canonical-utc'

describe('readCanonicalUtc', () => {
  it('reads every field of the canonical form, with 0 to 9 fraction digits', () => {
    expect(readCanonicalUtc('2026-11-28T07:05:09.123Z')).toBe(true)
    expect({ ...canonicalUtc }).toEqual({
      year: 2026,
      month: 11,
      day: 28,
      hour: 7,
      minute: 5,
      second: 9,
      fractionDigits: 3,
      millisecond: 123,
    })
    expect(readCanonicalUtc('2024-02-29T23:59:60Z')).toBe(true)
    expect(canonicalUtc).toMatchObject({ second: 60, fractionDigits: 0, millisecond: 0 })
    expect(readCanonicalUtc('2026-11-28T07:00:00.5Z')).toBe(true)
    expect(canonicalUtc).toMatchObject({ fractionDigits: 1, millisecond: 500 })
    expect(readCanonicalUtc('2026-11-28T07:00:00.987654321Z')).toBe(true)
    expect(canonicalUtc).toMatchObject({ fractionDigits: 9, millisecond: 987 })
  })

  it('refuses anything else, as the regular expression it replaces did', () => {
    const pattern = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.\d{1,9})?Z$/
    for (const value of [
      '2026-11-28T07:00:00.000+01:00',
      '2026-11-28 07:00:00Z',
      '2026-11-28T07:00:00.Z',
      '2026-11-28T07:00:00.1234567890Z',
      '2026-11-28T07:00Z',
      '2026-1-28T07:00:00Z',
      '2026-11-28T07:00:00z',
      '２０２６-11-28T07:00:00Z',
      '2026-11-28T07:0a:00Z',
      '',
      'yesterday',
    ]) {
      expect(readCanonicalUtc(value), value).toBe(pattern.test(value))
      expect(readCanonicalUtc(value), value).toBe(false)
    }
  })
})

describe('instantMs', () => {
  it('reads contract timestamps like Date.parse', () => {
    for (const iso of [
      '2026-11-28T07:00:00.000Z',
      '2026-11-28T07:00:05Z',
      '2024-02-29T23:59:59.999Z',
      '2026-11-28T08:00:00+01:00',
      '2026-11-28T07:00:00.5Z',
      '2026-11-28T07:00:00.123456Z',
      '2026-02-30T07:00:00Z',
      '2026-11-28T24:00:00Z',
      '0099-01-01T00:00:00Z',
      'not a time',
    ]) {
      expect(instantMs(iso), iso).toBe(Date.parse(iso))
    }
  })
})
