import { describe, expect, it } from 'vitest'
import { describeUnit, formatBinaryBytes, formatMetricValue, isKnownUnit } from './metric-units'

describe('formatMetricValue', () => {
  it('writes bytes in binary units', () => {
    expect(formatMetricValue(0, 'bytes')).toBe('0 B')
    expect(formatMetricValue(1023, 'bytes')).toBe('1023 B')
    expect(formatMetricValue(1024, 'bytes')).toBe('1 KiB')
    expect(formatMetricValue(1536, 'bytes')).toBe('1.5 KiB')
    expect(formatMetricValue(230 * 1024 * 1024, 'bytes')).toBe('230 MiB')
    expect(formatMetricValue(1.25 * 1024 ** 3, 'bytes')).toBe('1.25 GiB')
    expect(formatMetricValue(3 * 1024 ** 4, 'bytes')).toBe('3 TiB')
    expect(formatBinaryBytes(-2048)).toBe('-2 KiB')
  })

  it('writes a ratio as a percentage', () => {
    expect(formatMetricValue(0.1234, 'ratio')).toBe('12.34%')
    expect(formatMetricValue(1, 'ratio')).toBe('100%')
    expect(formatMetricValue(0, 'ratio')).toBe('0%')
  })

  it('writes ms and s as durations', () => {
    expect(formatMetricValue(0.42, 'ms')).toBe('0.42 ms')
    expect(formatMetricValue(340, 'ms')).toBe('340 ms')
    expect(formatMetricValue(2350, 'ms')).toBe('2.35 s')
    expect(formatMetricValue(2.35, 's')).toBe('2.35 s')
    expect(formatMetricValue(185, 's')).toBe('3 min 5 s')
    expect(formatMetricValue(-5, 'ms')).toBe('-5 ms')
  })

  it('writes 1/s as a rate and count plain', () => {
    expect(formatMetricValue(12.345, '1/s')).toBe('12.35/s')
    expect(formatMetricValue(0, '1/s')).toBe('0/s')
    expect(formatMetricValue(12_340, 'count')).toBe('12,340')
    expect(formatMetricValue(1.234, 'count')).toBe('1.234')
  })

  it('writes an unknown unit as the plain number followed by its text', () => {
    expect(formatMetricValue(1234.5, 'records')).toBe('1,234.5 records')
    expect(formatMetricValue(3, 'widgets/min')).toBe('3 widgets/min')
    expect(formatMetricValue(7, '')).toBe('7')
    expect(formatMetricValue(7, 'x'.repeat(500))).toHaveLength('7 '.length + 24)
  })

  it('shows a dash for missing and non-finite values', () => {
    for (const unit of ['bytes', 'ratio', 'ms', 's', 'count', '1/s', 'records']) {
      expect(formatMetricValue(null, unit)).toBe('—')
      expect(formatMetricValue(undefined, unit)).toBe('—')
      expect(formatMetricValue(Number.NaN, unit)).toBe('—')
      expect(formatMetricValue(Number.POSITIVE_INFINITY, unit)).toBe('—')
    }
  })
})

describe('units', () => {
  it('knows the contract units and no others', () => {
    expect(['bytes', 'ratio', 'ms', 's', 'count', '1/s'].every(isKnownUnit)).toBe(true)
    expect(isKnownUnit('records')).toBe(false)
    expect(describeUnit('1/s')).toBe('per second')
    expect(describeUnit('records')).toBe('records')
  })
})
