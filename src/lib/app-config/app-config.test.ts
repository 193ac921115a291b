import { describe, expect, it } from 'vitest'
import { formatPayloadSize, fromBytes, toBytes } from './byte-units'
import {
  compareSettings,
  differingSettings,
  reapplyChanges,
  type AppSettings,
} from './settings-diff'
import { draftOf, settingsOfDraft } from './settings-form'

const base: AppSettings = {
  tracing: 'FAILED_ONLY',
  samplingRate: 0.1,
  payloadCapture: 'HEADERS_AND_BODIES',
  maxPayloadBytes: 65_536,
  logLevel: 'INFO',
  maskedKeys: ['Authorization', 'password'],
}

describe('byte units', () => {
  it('shows the largest unit that divides exactly, so an untouched size round-trips', () => {
    expect(fromBytes(65_536)).toEqual({ value: 64, unit: 'KB' })
    expect(fromBytes(10_485_760)).toEqual({ value: 10, unit: 'MB' })
    expect(fromBytes(1_572_864)).toEqual({ value: 1536, unit: 'KB' })
    expect(fromBytes(1000)).toEqual({ value: 1000, unit: 'bytes' })
    expect(fromBytes(0)).toEqual({ value: 0, unit: 'bytes' })
    for (const bytes of [0, 1, 1000, 1024, 65_536, 1_572_864, 10_485_760]) {
      const { value, unit } = fromBytes(bytes)
      expect(toBytes(value, unit)).toBe(bytes)
    }
  })

  it('converts typed sizes to whole bytes and reads them back', () => {
    expect(toBytes(1.5, 'MB')).toBe(1_572_864)
    expect(toBytes(0.5, 'KB')).toBe(512)
    expect(formatPayloadSize(1_572_864)).toBe('1.5 MB')
    expect(formatPayloadSize(65_536)).toBe('64 KB')
    expect(formatPayloadSize(500)).toBe('500 bytes')
    expect(formatPayloadSize(Number.NaN)).toBe('invalid')
  })
})

describe('the settings form', () => {
  it('gives back exactly the settings it was opened with', () => {
    expect(settingsOfDraft(draftOf(base))).toEqual({ settings: base, errors: null })
    const odd = { ...base, samplingRate: 0.125, maxPayloadBytes: 1000, maskedKeys: [] }
    expect(settingsOfDraft(draftOf(odd)).settings).toEqual(odd)
  })

  it('converts percent and units', () => {
    const draft = {
      ...draftOf(base),
      samplingPercent: '25',
      maxPayload: '1,5',
      maxPayloadUnit: 'MB' as const,
    }
    expect(settingsOfDraft(draft).settings).toMatchObject({
      samplingRate: 0.25,
      maxPayloadBytes: 1_572_864,
    })
  })

  it("checks the contract's limits, each message for its field", () => {
    const tooBig = { ...draftOf(base), maxPayload: '10.5', maxPayloadUnit: 'MB' as const }
    expect(settingsOfDraft(tooBig).errors).toEqual({
      maxPayloadBytes: 'Enter a size from 0 to 10 MB.',
    })
    expect(
      settingsOfDraft({ ...draftOf(base), maxPayload: '10', maxPayloadUnit: 'MB' }).errors,
    ).toBeNull()
    for (const percent of ['101', '-1', 'abc', '']) {
      expect(settingsOfDraft({ ...draftOf(base), samplingPercent: percent }).errors).toEqual({
        samplingRate: 'Enter a percentage from 0 to 100.',
      })
    }
    const keys = settingsOfDraft({ ...draftOf(base), maskedKeys: ['ok', '', 'x'.repeat(101)] })
    expect(keys.errors?.maskedKey).toEqual([
      undefined,
      'Enter a key, or remove this one.',
      'At most 100 characters (this has 101).',
    ])
    expect(settingsOfDraft({ ...draftOf(base), maskedKeys: ['x'.repeat(100)] }).errors).toBeNull()
    const many = Array.from({ length: 101 }, (_, index) => `key-${index}`)
    expect(settingsOfDraft({ ...draftOf(base), maskedKeys: many }).errors).toEqual({
      maskedKeys: 'At most 100 keys; remove 1.',
    })
    expect(settingsOfDraft({ ...draftOf(base), maskedKeys: many.slice(0, 100) }).errors).toBeNull()
  })
})

describe('the settings diff', () => {
  it('marks each setting that differs, in words', () => {
    const other: AppSettings = { ...base, tracing: 'ALL', maskedKeys: ['Authorization'] }
    const rows = compareSettings(base, other)
    expect(rows.map((row) => row.label)).toEqual([
      'Tracing',
      'Sampling rate',
      'Payload capture',
      'Maximum payload size',
      'Log level',
      'Masked keys',
    ])
    expect(rows.filter((row) => row.differs).map((row) => [row.label, row.a, row.b])).toEqual([
      ['Tracing', 'Failed exchanges only', 'All exchanges'],
      ['Masked keys', 'Authorization, password', 'Authorization'],
    ])
    expect(differingSettings(base, { ...base })).toEqual([])
    expect(differingSettings(base, { ...base, maskedKeys: ['password', 'Authorization'] })).toEqual(
      ['maskedKeys'],
    )
  })
})

describe('reapplying my changes after a 412', () => {
  it('puts the settings I changed over theirs and keeps theirs elsewhere', () => {
    const mine: AppSettings = { ...base, logLevel: 'DEBUG', maskedKeys: ['token'] }
    const theirs: AppSettings = { ...base, tracing: 'ALL', logLevel: 'WARN' }
    const result = reapplyChanges(base, mine, theirs)
    expect(result.settings).toEqual({
      ...base,
      tracing: 'ALL',
      logLevel: 'DEBUG',
      maskedKeys: ['token'],
    })
    expect(result.mine).toEqual(['logLevel', 'maskedKeys'])
    expect(result.conflicts).toEqual(['logLevel'])
  })

  it('is theirs when I changed nothing, and no conflict when we made the same change', () => {
    const theirs: AppSettings = { ...base, tracing: 'SAMPLED', samplingRate: 0.5 }
    expect(reapplyChanges(base, base, theirs).settings).toEqual(theirs)
    expect(reapplyChanges(base, theirs, theirs)).toMatchObject({ settings: theirs, conflicts: [] })
  })
})
