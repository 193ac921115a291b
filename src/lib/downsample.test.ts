import { describe, expect, it } from 'vitest'
import { downsampleColumns, type DownsampleOptions } from './downsample'

const STEP = 10_000

interface TimePoint {
  t: number
  v: number | null
}

const downsampleMinMax = (points: readonly TimePoint[], options: DownsampleOptions) =>
  downsampleColumns(
    { times: points.map((point) => point.t), values: points.map((point) => point.v) },
    options,
  )

function series(count: number, value: (i: number) => number, start = 0): TimePoint[] {
  return Array.from({ length: count }, (_, i) => ({ t: start + i * STEP, v: value(i) }))
}

describe('downsampleColumns', () => {
  it('never returns more than two points per pixel column', () => {
    const points = series(10_000, (i) => Math.sin(i / 7) * 100 + (i % 13))
    for (const width of [1, 37, 300, 812]) {
      const reduced = downsampleMinMax(points, { width, gapMs: 2 * STEP })
      expect(reduced.length).toBeLessThanOrEqual(2 * width)
      expect(reduced.length).toBeGreaterThan(0)
    }
  })

  it('keeps every peak and trough: the extremes of each column survive', () => {
    const points = series(5_000, () => 10)
    points[1234] = { t: 1234 * STEP, v: 9_999 }
    points[4321] = { t: 4321 * STEP, v: -50 }
    const reduced = downsampleMinMax(points, { width: 100, gapMs: 2 * STEP })
    const values = reduced.map((point) => point.v)
    expect(Math.max(...(values as number[]))).toBe(9_999)
    expect(Math.min(...(values as number[]))).toBe(-50)
    expect(reduced).toContainEqual({ t: 1234 * STEP, v: 9_999 })
  })

  it('keeps the points in time order', () => {
    const points = series(3_000, (i) => (i * 7919) % 101)
    const reduced = downsampleMinMax(points, { width: 50, gapMs: 2 * STEP })
    const times = reduced.map((point) => point.t)
    expect(times).toEqual([...times].sort((a, b) => a - b))
  })

  it('passes a short series through unchanged', () => {
    const points = series(20, (i) => i)
    expect(downsampleMinMax(points, { width: 800, gapMs: 2 * STEP })).toEqual(points)
  })

  it('breaks the line at a gap with a null point, never a zero', () => {
    const before = series(30, () => 5)
    const after = series(30, () => 6, 60 * STEP)
    const reduced = downsampleMinMax([...before, ...after], { width: 800, gapMs: 2 * STEP })
    const nulls = reduced.filter((point) => point.v === null)
    expect(nulls).toHaveLength(1)
    expect(nulls[0]?.t).toBeGreaterThan(29 * STEP)
    expect(nulls[0]?.t).toBeLessThan(60 * STEP)
    expect(reduced.some((point) => point.v === 0)).toBe(false)
  })

  it('uses the given domain, so a series that stopped early keeps its place', () => {
    const points = series(100, (i) => i)
    const reduced = downsampleMinMax(points, {
      width: 10,
      from: 0,
      to: 1_000 * STEP,
      gapMs: 2 * STEP,
    })
    // 100 points over the first tenth of the domain: one column, its min and max.
    expect(reduced).toEqual([
      { t: 0, v: 0 },
      { t: 99 * STEP, v: 99 },
    ])
  })

  it('returns nothing for no points and skips non-finite values', () => {
    expect(downsampleMinMax([], { width: 100, gapMs: STEP })).toEqual([])
    const reduced = downsampleMinMax(
      [
        { t: 0, v: 1 },
        { t: STEP, v: Number.NaN },
        { t: 2 * STEP, v: 3 },
      ],
      { width: 100, gapMs: 5 * STEP },
    )
    expect(reduced.map((point) => point.v)).toEqual([1, 3])
  })

  it('breaks the line where a column of buckets has no value (null)', () => {
    const values = [1, 2, null, null, null, 6, 7]
    const reduced = downsampleMinMax(
      values.map((v, i) => ({ t: i * STEP, v })),
      { width: 800, gapMs: 1.5 * STEP },
    )
    expect(reduced).toEqual([
      { t: 0, v: 1 },
      { t: STEP, v: 2 },
      { t: 3 * STEP, v: null },
      { t: 5 * STEP, v: 6 },
      { t: 6 * STEP, v: 7 },
    ])
  })
})
