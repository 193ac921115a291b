import { describe, expect, it } from 'vitest'
import {
  defaultTimeRange,
  freezeTimeRange,
  fromDateTimeLocalValue,
  isRelativeRange,
  parseTimeExpression,
  readTimeRange,
  relativeRangeLabel,
  relativeTimeRanges,
  resolveTimeRange,
  stepForRange,
  toDateTimeLocalValue,
  writeTimeRange,
  type TimeRange,
} from './time-range'

const now = new Date('2026-11-28T08:00:00.000Z')
const iso = (expression: string) => parseTimeExpression(expression, now)?.toISOString() ?? null

describe('parseTimeExpression', () => {
  it.each([
    ['now', '2026-11-28T08:00:00.000Z'],
    ['now-30s', '2026-11-28T07:59:30.000Z'],
    ['now-15m', '2026-11-28T07:45:00.000Z'],
    ['now-1h', '2026-11-28T07:00:00.000Z'],
    ['now-6h', '2026-11-28T02:00:00.000Z'],
    ['now-24h', '2026-11-27T08:00:00.000Z'],
    ['now-7d', '2026-11-21T08:00:00.000Z'],
    ['now-2w', '2026-11-14T08:00:00.000Z'],
  ])('reads %s relative to now', (expression, expected) => {
    expect(iso(expression)).toBe(expected)
  })

  it.each([
    ['2026-11-28T07:00:00.000Z', '2026-11-28T07:00:00.000Z'],
    ['2026-11-28T07:00:00Z', '2026-11-28T07:00:00.000Z'],
    ['2026-11-28T07:00Z', '2026-11-28T07:00:00.000Z'],
    ['2026-11-28T08:00:00+01:00', '2026-11-28T07:00:00.000Z'],
    ['2026-11-28T07:00:00.123456789Z', '2026-11-28T07:00:00.123Z'],
  ])('reads the ISO instant %s', (expression, expected) => {
    expect(iso(expression)).toBe(expected)
  })

  it.each([
    '',
    ' now',
    'now ',
    'NOW',
    'now-',
    'now-1',
    'now-h',
    'now-1y',
    'now+1h',
    'now-1.5h',
    'now--1h',
    'now-1h-1h',
    'yesterday',
    '1732777200000',
    '2026-11-28',
    '2026-11-28T07:00:00',
    '2026-11-28 07:00:00Z',
    '2026-02-31T00:00:00Z',
    '2026-13-01T00:00:00Z',
    '2026-11-28T24:00:00Z',
    '2026-11-28T07:60:00Z',
    '2026-11-28T07:00:00+25:00',
    '0000-01-01T00:00:00Z',
    '<script>alert(1)</script>',
    "now'; DROP TABLE executions;--",
  ])('refuses %j', (expression) => {
    expect(parseTimeExpression(expression, now)).toBeNull()
  })

  it('refuses absurd offsets instead of producing an invalid or ancient date', () => {
    expect(parseTimeExpression('now-99999999d', now)).toBeNull()
    expect(parseTimeExpression('now-9999999w', now)).toBeNull()
    expect(parseTimeExpression('now-3650d', now)).not.toBeNull()
  })

  it('refuses a 10 kB string quickly', () => {
    const hostile = `now-${'9'.repeat(10_000)}h`
    const started = performance.now()
    expect(parseTimeExpression(hostile, now)).toBeNull()
    expect(parseTimeExpression('2026-11-28T07:00:00Z'.repeat(500), now)).toBeNull()
    expect(performance.now() - started).toBeLessThan(50)
  })

  it('does not modify the given now', () => {
    const pinned = new Date(now)
    parseTimeExpression('now', pinned)?.setTime(0)
    expect(pinned.toISOString()).toBe(now.toISOString())
  })
})

describe('resolveTimeRange', () => {
  it('turns relative expressions into ISO instants at the given time', () => {
    expect(resolveTimeRange({ from: 'now-15m', to: 'now' }, now)).toEqual({
      from: '2026-11-28T07:45:00.000Z',
      to: '2026-11-28T08:00:00.000Z',
    })
  })

  it('moves with time for a relative range and stays put for an absolute one', () => {
    const later = new Date(now.getTime() + 60_000)
    expect(resolveTimeRange(defaultTimeRange, later).to).toBe('2026-11-28T08:01:00.000Z')
    const fixed = { from: '2026-11-28T06:00:00.000Z', to: '2026-11-28T07:00:00.000Z' }
    expect(resolveTimeRange(fixed, later)).toEqual(fixed)
  })

  it('refuses an invalid range rather than asking for something else', () => {
    expect(() => resolveTimeRange({ from: 'garbage', to: 'now' }, now)).toThrow(RangeError)
  })
})

describe('isRelativeRange and freezeTimeRange', () => {
  it('freezes a relative range into instants and leaves an absolute one alone', () => {
    expect(isRelativeRange(defaultTimeRange)).toBe(true)
    const frozen = freezeTimeRange({ from: 'now-6h', to: 'now' }, now)
    expect(frozen).toEqual({ from: '2026-11-28T02:00:00.000Z', to: '2026-11-28T08:00:00.000Z' })
    expect(isRelativeRange(frozen)).toBe(false)
    expect(freezeTimeRange(frozen, new Date(0))).toBe(frozen)
  })

  it('treats a range with one relative end as relative', () => {
    expect(isRelativeRange({ from: '2026-11-28T02:00:00.000Z', to: 'now' })).toBe(true)
  })
})

describe('readTimeRange', () => {
  const read = (query: string) => readTimeRange(new URLSearchParams(query), now)

  it('defaults to the last hour without a problem when the URL has no range', () => {
    expect(read('env=prod')).toEqual({ range: defaultTimeRange, problem: null })
  })

  it('reads valid relative and absolute ranges', () => {
    expect(read('from=now-7d&to=now')).toEqual({
      range: { from: 'now-7d', to: 'now' },
      problem: null,
    })
    expect(read('from=2026-11-28T06:00:00Z&to=2026-11-28T07:00:00Z').range).toEqual({
      from: '2026-11-28T06:00:00Z',
      to: '2026-11-28T07:00:00Z',
    })
  })

  it('takes a missing end as now', () => {
    expect(read('from=now-6h')).toEqual({ range: { from: 'now-6h', to: 'now' }, problem: null })
  })

  it.each([
    ['from=garbage&to=now', /start of the time range.*not a valid time/],
    ['from=now-1h&to=tomorrow', /end of the time range.*not a valid time/],
    ['to=now', /no start/],
    ['from=now&to=now-1h', /before its end/],
    ['from=now-1h&to=now-1h', /before its end/],
    ['from=2026-11-28T07:00:00Z&to=2026-11-28T06:00:00Z', /before its end/],
    ['from=now-32d&to=now', /at most 31 days.*32 days/],
    ['from=2026-01-01T00:00:00Z&to=2026-11-28T00:00:00Z', /at most 31 days/],
    ['from=now-99999999d&to=now', /not a valid time/],
  ])('falls back to the default for %s and says why', (query, message) => {
    const { range, problem } = read(query)
    expect(range).toEqual(defaultTimeRange)
    expect(problem).toMatch(message)
    expect(problem).toMatch(/last hour instead/)
  })

  it('accepts exactly 31 days', () => {
    expect(read('from=now-31d&to=now').problem).toBeNull()
  })

  it('does not echo a 10 kB value back whole', () => {
    const hostile = 'x'.repeat(10_000)
    const { range, problem } = read(`from=${hostile}&to=now`)
    expect(range).toEqual(defaultTimeRange)
    expect(problem?.length ?? Infinity).toBeLessThan(200)
  })
})

describe('URL round trip', () => {
  it.each<TimeRange>([
    { from: 'now-15m', to: 'now' },
    { from: 'now-7d', to: 'now' },
    { from: '2026-11-28T06:00:00.000Z', to: '2026-11-28T07:00:00.000Z' },
    { from: '2026-11-27T06:00:00.000Z', to: 'now' },
  ])('range → params → range keeps %j', (range) => {
    const params = writeTimeRange(new URLSearchParams('env=prod&status=FAILED'), range)
    const reparsed = new URLSearchParams(params.toString())
    expect(readTimeRange(reparsed, now)).toEqual({ range, problem: null })
    expect(reparsed.get('env')).toBe('prod')
    expect(reparsed.get('status')).toBe('FAILED')
  })

  it('every preset round-trips and is labelled', () => {
    for (const preset of relativeTimeRanges) {
      const range = { from: preset.from, to: 'now' }
      const params = new URLSearchParams(writeTimeRange(new URLSearchParams(), range).toString())
      expect(readTimeRange(params, now).range).toEqual(range)
      expect(relativeRangeLabel(range)).toBe(preset.label)
    }
    expect(relativeTimeRanges.map((preset) => preset.label)).toEqual([
      'Last 15 minutes',
      'Last 1 hour',
      'Last 6 hours',
      'Last 24 hours',
      'Last 7 days',
    ])
  })
})

describe('stepForRange', () => {
  it.each(['now-15m', 'now-1h', 'now-6h', 'now-24h', 'now-7d', 'now-31d'])(
    'gives %s between 60 and 120 buckets',
    (from) => {
      const resolved = resolveTimeRange({ from, to: 'now' }, now)
      const step = stepForRange(resolved)
      const buckets = (Date.parse(resolved.to) - Date.parse(resolved.from)) / 1000 / step
      expect(step).toBeGreaterThanOrEqual(10)
      expect(buckets).toBeLessThanOrEqual(120)
      expect(buckets).toBeGreaterThanOrEqual(60)
    },
  )

  it('never goes below the API minimum of 10 s', () => {
    expect(stepForRange({ from: '2026-11-28T07:59:00Z', to: '2026-11-28T08:00:00Z' })).toBe(10)
  })
})

describe('datetime-local values', () => {
  it('round-trips an instant in UTC', () => {
    expect(toDateTimeLocalValue('2026-11-28T07:05:09.000Z', 'utc')).toBe('2026-11-28T07:05:09')
    expect(fromDateTimeLocalValue('2026-11-28T07:05:09', 'utc')?.toISOString()).toBe(
      '2026-11-28T07:05:09.000Z',
    )
    expect(fromDateTimeLocalValue('2026-11-28T07:05', 'utc')?.toISOString()).toBe(
      '2026-11-28T07:05:00.000Z',
    )
  })

  it('round-trips an instant in the browser zone', () => {
    const instant = '2026-11-28T07:05:09.000Z'
    const value = toDateTimeLocalValue(instant, 'local')
    expect(fromDateTimeLocalValue(value, 'local')?.toISOString()).toBe(instant)
  })

  it('refuses empty and impossible values', () => {
    expect(fromDateTimeLocalValue('', 'utc')).toBeNull()
    expect(fromDateTimeLocalValue('2026-02-30T00:00', 'utc')).toBeNull()
    expect(fromDateTimeLocalValue('not a date', 'local')).toBeNull()
  })
})
