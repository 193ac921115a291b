import { describe, expect, it } from 'vitest'
import { instantMs, summarize, topKeys, type ChartSeries } from './chart-series'

const series = (key: string, values: number[], primary = true): ChartSeries => ({
  id: `${key}/${primary ? 'p' : 's'}`,
  key,
  label: key,
  primary,
  points: values.map((v, i) => ({ t: i * 1000, v })),
})

describe('chart series', () => {
  it('summarizes latest, min, max and mean', () => {
    expect(summarize([])).toEqual({ latest: null, min: null, max: null, mean: null })
    expect(summarize(series('a', [3, 1, 5, 3]).points)).toEqual({
      latest: 3,
      min: 1,
      max: 5,
      mean: 3,
    })
  })

  it('keeps the top keys by latest value and counts the hidden ones', () => {
    const all = [
      series('a', [1, 9, 2]),
      series('b', [5, 5, 7]),
      series('c', [0, 0, 9]),
      series('d', [4]),
      series('b', [100], false),
    ]
    expect(topKeys(all, 2)).toEqual({ keys: ['b', 'c'], hidden: 2 })
    expect(topKeys(all, 10)).toEqual({ keys: ['a', 'b', 'c', 'd'], hidden: 0 })
  })
})

describe('instantMs', () => {
  it('reads contract timestamps like Date.parse', () => {
    for (const iso of [
      '2026-11-28T07:00:00.000Z',
      '2026-11-28T07:00:05Z',
      '2024-02-29T23:59:59.999Z',
      '2026-11-28T08:00:00+01:00',
    ]) {
      expect(instantMs(iso)).toBe(Date.parse(iso))
    }
  })
})
