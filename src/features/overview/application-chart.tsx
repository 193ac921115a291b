import { ChartSummaryTable } from '@/components/chart-summary-table'
import { formatDuration, formatRate } from '@/lib/format'
import { summarizeValues } from '@/lib/series-summary'
import type { Schemas } from '@/lib/api/types'
import { ratesPerMinute } from './overview-rows'
import { sparklinePath } from './sparkline'

const WIDTH = 640
const HEIGHT = 120

/**
 * The application's throughput and p99 latency over the range, drawn as two inline SVG lines
 * (attributes and classes only: the production CSP forbids injected styles), each with its
 * table of figures as the text alternative.
 */
export function ApplicationChart({
  series,
}: {
  series: Schemas['Timeseries'] & { resolved: { from: string; to: string } }
}) {
  const perMinute = ratesPerMinute(
    series.points,
    series.step,
    series.resolved,
    (i) => series.points[i]?.exchanges ?? 0,
  )
  // A bucket without executions has no latency: drawn at zero, left out of the figures.
  const latency = series.points.map((point) => (point.exchanges > 0 ? point.p99Ms : 0))
  const measured = series.points.filter((point) => point.exchanges > 0).map((p) => p.p99Ms)
  const rate = summarizeValues(perMinute)
  const p99 = summarizeValues(measured)
  const show = (value: number | null, format: (n: number) => string) =>
    value === null ? '—' : format(value)
  return (
    <div className="overview-chart-pair">
      <figure className="overview-chart-figure">
        <figcaption>Throughput (exchanges/min)</figcaption>
        <svg
          className="overview-line overview-line-throughput"
          viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
          preserveAspectRatio="none"
          role="img"
          aria-label={`Throughput over the range: from ${show(rate.min, formatRate)} to ${show(rate.max, formatRate)} exchanges per minute`}
        >
          <path d={sparklinePath(perMinute, WIDTH, HEIGHT)} fill="none" strokeWidth={1.5} />
        </svg>
      </figure>
      <figure className="overview-chart-figure">
        <figcaption>Latency p99</figcaption>
        <svg
          className="overview-line overview-line-latency"
          viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
          preserveAspectRatio="none"
          role="img"
          aria-label={`p99 latency over the range: from ${show(p99.min, formatDuration)} to ${show(p99.max, formatDuration)}`}
        >
          <path d={sparklinePath(latency, WIDTH, HEIGHT)} fill="none" strokeWidth={1.5} />
        </svg>
      </figure>
      <ChartSummaryTable
        title="throughput and latency"
        rowHeader="Series"
        each="of each series"
        className="overview-chart-table"
        rows={[
          {
            key: 'throughput',
            label: 'Exchanges/min',
            latest: show(rate.latest, formatRate),
            min: show(rate.min, formatRate),
            max: show(rate.max, formatRate),
            mean: show(rate.mean, formatRate),
          },
          {
            key: 'p99',
            label: 'p99',
            latest: show(p99.latest, formatDuration),
            min: show(p99.min, formatDuration),
            max: show(p99.max, formatDuration),
            mean: show(p99.mean, formatDuration),
          },
        ]}
      />
    </div>
  )
}
