import { useState, type ReactNode } from 'react'

export interface ChartSummaryRow {
  key: string
  /** The row header: a series, an environment. */
  label: ReactNode
  /** Latest, min, max and mean, formatted in the chart's unit (or a state such as "loading"). */
  latest: string
  min: string
  max: string
  mean: string
}

/**
 * A chart's text alternative: a table of each series' latest, minimum, maximum and mean,
 * behind "Table of <title>", built only when opened (`rows` is called then: formatting four
 * values of eighty series for every chart on every answer would be wasted while it is shut).
 */
export function ChartSummaryTable({
  title,
  rowHeader,
  each,
  rows,
  className,
}: {
  title: string
  /** The first column's heading: "Series", "Environment". */
  rowHeader: string
  /** What one row is, for the caption: "of each series", "in each environment". */
  each: string
  rows: () => readonly ChartSummaryRow[]
  className: string
}) {
  const [open, setOpen] = useState(false)
  return (
    <details className={className} onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary>Table of {title}</summary>
      {open ? (
        // Focusable: it scrolls, and keyboard users must be able to scroll it.
        <div className="table-wrap" tabIndex={0} role="region" aria-label={`Table of ${title}`}>
          <table className="data-table">
            <caption className="visually-hidden">
              {title}: latest, minimum, maximum and mean {each} over the time range
            </caption>
            <thead>
              <tr>
                <th scope="col">{rowHeader}</th>
                <th scope="col" className="num">
                  Latest
                </th>
                <th scope="col" className="num">
                  Min
                </th>
                <th scope="col" className="num">
                  Max
                </th>
                <th scope="col" className="num">
                  Mean
                </th>
              </tr>
            </thead>
            <tbody>
              {rows().map((row) => (
                <tr key={row.key}>
                  <th scope="row">{row.label}</th>
                  <td className="num">{row.latest}</td>
                  <td className="num">{row.min}</td>
                  <td className="num">{row.max}</td>
                  <td className="num">{row.mean}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </details>
  )
}
