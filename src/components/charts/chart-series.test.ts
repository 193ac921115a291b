import { describe, expect, it } from 'vitest'
import { summarizeValues } from '@/lib/series-summary'
import { topKeys, type ChartSeries } from './chart-series'

const series = (key: string, values: number[], primary = true): ChartSeries => ({
  id: `${key}/${primary ? 'p' : 's'}`,
  key,
  label: key,
  primary,
  times: values.map((_, i) => i * 1000),
  values,
  summary: summarizeValues(values),
})

describe('chart series', () => {
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

  it('ranks a key without points last', () => {
    const all = [series('a', []), series('b', [1]), series('c', [2])]
    expect(topKeys(all, 2)).toEqual({ keys: ['b', 'c'], hidden: 1 })
  })
})
