import { fireEvent, render } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { StackedTimeHistogram, stackBars } from './stacked-time-histogram'

const MINUTE = 60_000
const T0 = Date.UTC(2026, 11, 7, 10, 0)
const bars = [
  { t: T0, ERROR: 2, INFO: 8 },
  { t: T0 + MINUTE, ERROR: 0, INFO: 5 },
  { t: T0 + 2 * MINUTE, ERROR: 1, INFO: 0 },
  { t: T0 + 3 * MINUTE, ERROR: 0, INFO: 0 },
]
const series = [
  { key: 'ERROR', name: 'ERROR', fill: 'var(--bad-fg)' },
  { key: 'INFO', name: 'INFO', fill: 'var(--ok-fg)' },
]

/** jsdom lays nothing out: the chart's box reports `width` through ResizeObserver. */
function stubWidth(width: number) {
  vi.stubGlobal(
    'ResizeObserver',
    class {
      readonly report: ResizeObserverCallback
      constructor(report: ResizeObserverCallback) {
        this.report = report
      }
      observe() {
        this.report(
          [{ contentRect: { width } } as ResizeObserverEntry],
          this as unknown as ResizeObserver,
        )
      }
      disconnect() {}
    },
  )
}

afterEach(() => vi.unstubAllGlobals())

describe('stackBars', () => {
  it('stacks each bar’s series in order, a missing or negative value adding nothing', () => {
    expect(stackBars([{ a: 2, b: 3 }, { a: -1 }], [{ key: 'a' }, { key: 'b' }])).toEqual([
      [
        { y0: 0, y1: 2, value: 2 },
        { y0: 2, y1: 5, value: 3 },
      ],
      [
        { y0: 0, y1: 0, value: -1 },
        { y0: 0, y1: 0, value: 0 },
      ],
    ])
  })
})

describe('StackedTimeHistogram', () => {
  // 440 px wide, 40 px of value axis and 8 of margin: four buckets of 98 px from x = 40.
  const renderChart = (onSelectBucket = vi.fn()) => {
    stubWidth(440)
    const view = render(
      <StackedTimeHistogram
        bars={bars}
        series={series}
        stepSeconds={60}
        timeZone="utc"
        height={120}
        yAxisWidth={40}
        onSelectBucket={onSelectBucket}
        formatLabel={(t) => new Date(t).toISOString()}
      />,
    )
    return { ...view, onSelectBucket }
  }

  it('draws one bar part per non-zero value, taller for more', () => {
    const { container } = renderChart()
    const parts = [...container.querySelectorAll('rect.chart-bar')]
    // ERROR 2, ERROR 1; INFO 8, INFO 5.
    expect(parts).toHaveLength(4)
    const heights = parts.map((part) => Number(part.getAttribute('height')))
    const [error2, error1, info8, info5] = heights as [number, number, number, number]
    expect(error2).toBeCloseTo(2 * error1)
    expect(info8).toBeGreaterThan(info5)
  })

  it('a click on a bucket narrows to it; hovering says its time and every series’ value', () => {
    const { container, onSelectBucket, getByText } = renderChart()
    const svg = container.querySelector('svg') as SVGSVGElement
    // The second bucket: x from 138 to 236.
    fireEvent.pointerMove(svg, { clientX: 180 })
    expect(getByText(new Date(T0 + MINUTE).toISOString())).toBeInTheDocument()
    expect(getByText('INFO: 5')).toBeInTheDocument()
    expect(getByText('ERROR: 0')).toBeInTheDocument()
    fireEvent.click(svg, { clientX: 180 })
    expect(onSelectBucket).toHaveBeenCalledWith(new Date(T0 + MINUTE), new Date(T0 + 2 * MINUTE))
    // Left of the plot (the value axis) is no bucket.
    fireEvent.click(svg, { clientX: 20 })
    expect(onSelectBucket).toHaveBeenCalledTimes(1)
  })
})
