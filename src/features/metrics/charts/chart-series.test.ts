import { describe, expect, it } from 'vitest'
import { chartSeriesOf, topKeys, type ChartSeries } from './chart-series'

const series = (key: string, values: number[], primary = true): ChartSeries =>
  chartSeriesOf(
    { id: `${key}/${primary ? 'p' : 's'}`, key, label: key, primary },
    values.map((v, i) => ({ t: i * 1000, v })),
  )

describe('chart series', () => {
  it('builds columns and the summary from points', () => {
    const one = series('a', [3, 1, 5, 3])
    expect(one.times).toEqual([0, 1000, 2000, 3000])
    expect(one.values).toEqual([3, 1, 5, 3])
    expect(one.summary).toEqual({ latest: 3, min: 1, max: 5, mean: 3 })
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

  it('ranks a key without points last', () => {
    const all = [series('a', []), series('b', [1]), series('c', [2])]
    expect(topKeys(all, 2)).toEqual({ keys: ['b', 'c'], hidden: 1 })
  })
})
