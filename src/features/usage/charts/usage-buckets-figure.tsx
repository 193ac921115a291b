import { lazy, Suspense, useId, useState } from 'react'
import type { UsagePoint } from '@/lib/api/types'
import { useTimeZonePreference } from '@/lib/preferences-store'
import type { Granularity } from '@/lib/resources/usage'
import { MEASURES, type MeasureDefinition } from '../usage-measures'
import { bucketLabel } from './bucket-labels'

// The chart's code comes only once there are buckets to draw.
const UsageBucketChart = lazy(async () => ({
  default: (await import('./usage-charts')).UsageBucketChart,
}))

/** The chosen measure per bucket as a chart, and every measure per bucket as a table. */
export function UsageBucketsFigure({
  environment,
  points,
  measure,
  granularity,
}: {
  environment: string
  points: readonly UsagePoint[]
  measure: MeasureDefinition
  granularity: Granularity
}) {
  const timeZone = useTimeZonePreference()
  const captionId = useId()
  const [tableOpen, setTableOpen] = useState(false)
  const unit = granularity === 'day' ? 'UTC day' : 'UTC hour'
  return (
    <figure className="usage-figure" aria-labelledby={captionId}>
      <figcaption id={captionId} className="usage-figure-caption">
        {measure.label} per {unit} in {environment} ({points.length}{' '}
        {points.length === 1 ? 'bucket' : 'buckets'}; the table below lists them)
      </figcaption>
      <div className="usage-chart" aria-hidden="true">
        <Suspense fallback={<div className="usage-chart-placeholder" />}>
          <UsageBucketChart
            points={points}
            measure={measure}
            granularity={granularity}
            timeZone={timeZone}
          />
        </Suspense>
      </div>
      <details
        className="usage-buckets"
        onToggle={(event) => setTableOpen(event.currentTarget.open)}
      >
        <summary>Buckets as a table</summary>
        {/* Up to 744 rows (31 days of hours): built only when asked for. */}
        {tableOpen ? (
          <div
            className="table-wrap usage-buckets-table"
            // It scrolls: keyboard users need to be able to focus it to scroll it.
            tabIndex={0}
            role="region"
            aria-label={`Buckets of ${environment}`}
          >
            <table className="data-table">
              <caption className="visually-hidden">
                Usage of {environment} per {unit}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{granularity === 'day' ? 'Day (UTC)' : 'Hour starting'}</th>
                  {MEASURES.map((column) => (
                    <th key={column.key} scope="col" className="num">
                      {column.label}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {points.map((point) => (
                  <tr key={point.t}>
                    <th scope="row">{bucketLabel(point.t, granularity, timeZone)}</th>
                    {MEASURES.map((column) => (
                      <td key={column.key} className="num">
                        {column.exact(point[column.key])}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
      </details>
    </figure>
  )
}
