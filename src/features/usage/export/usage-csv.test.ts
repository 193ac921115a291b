import { describe, expect, it } from 'vitest'
import type { UsagePoint } from '@/lib/api/types'
import { escapeCsvField } from '@/lib/csv'
import { buildUsageCsv, usageCsvFileName } from './usage-csv'

const point = (t: string, base: number): UsagePoint => ({
  t,
  executions: base,
  processorRecords: base * 12,
  logLines: base * 40,
  metricPoints: 1_234_567,
  bytesIngested: 9_876_543_210,
})

describe('buildUsageCsv', () => {
  it('writes one row per bucket and environment with unformatted numbers', () => {
    const csv = buildUsageCsv([
      {
        tenant: 'acme',
        environment: 'dev',
        points: [point('2026-11-01T00:00:00.000Z', 5), point('2026-11-02T00:00:00Z', 7)],
      },
      { tenant: 'acme', environment: 'prod', points: [point('2026-11-01T00:00:00.000Z', 1000)] },
    ])
    expect(csv.split('\r\n')).toEqual([
      'tenant,environment,bucket_start_utc,executions,processorRecords,logLines,metricPoints,bytesIngested',
      'acme,dev,2026-11-01T00:00:00.000Z,5,60,200,1234567,9876543210',
      'acme,dev,2026-11-02T00:00:00.000Z,7,84,280,1234567,9876543210',
      'acme,prod,2026-11-01T00:00:00.000Z,1000,12000,40000,1234567,9876543210',
      '',
    ])
  })

  it('writes just the header when there are no buckets', () => {
    expect(buildUsageCsv([])).toBe(
      'tenant,environment,bucket_start_utc,executions,processorRecords,logLines,metricPoints,bytesIngested\r\n',
    )
  })
})

describe('escapeCsvField', () => {
  it('leaves plain text alone', () => {
    expect(escapeCsvField('acme')).toBe('acme')
    expect(escapeCsvField('eu-west_1.prod')).toBe('eu-west_1.prod')
  })

  it('quotes commas, quotes and line breaks, doubling quotes (RFC 4180)', () => {
    expect(escapeCsvField('a,b')).toBe('"a,b"')
    expect(escapeCsvField('say "hi"')).toBe('"say ""hi"""')
    expect(escapeCsvField('two\nlines')).toBe('"two\nlines"')
    expect(escapeCsvField('cr\rhere')).toBe('"cr\rhere"')
  })

  it('defuses text a spreadsheet would run as a formula', () => {
    expect(escapeCsvField('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`)
    expect(escapeCsvField('+1')).toBe("'+1")
    expect(escapeCsvField('@sum')).toBe("'@sum")
  })
})

describe('usageCsvFileName', () => {
  it('names the file after tenant, period and granularity', () => {
    expect(usageCsvFileName('acme', '2026-11', 'day')).toBe('usage-acme-2026-11-day.csv')
  })

  it('keeps path separators and odd characters out of the name', () => {
    expect(usageCsvFileName('a/b', '../x y', 'hour')).toBe('usage-a_b-.._x_y-hour.csv')
  })
})
