import type { Dispatch } from 'react'
import { colourFor } from './chart-series'
import { isShown, type LegendAction, type LegendState } from './legend-state'

export interface LegendEntry {
  key: string
  dashed: boolean
  /** The series' latest value, or its status ("loading…"). */
  value: string
  extra: string | null
  note: string | null
}

/**
 * A chart's legend, beside the plot: a button per series with its line's colour and style and
 * its latest value. A click shows only that series, Ctrl- or ⌘-click adds or removes it;
 * hovering or focusing one highlights its line.
 */
export function ChartLegend({
  label,
  entries,
  keys,
  legend,
  dispatch,
  colourKeys,
  keyName,
}: {
  label: string
  entries: readonly LegendEntry[]
  /** Every key the chart shows, for a modified click. */
  keys: readonly string[]
  legend: LegendState
  dispatch: Dispatch<LegendAction>
  colourKeys: readonly string[]
  keyName: (key: string) => string
}) {
  return (
    <ul className="chart-legend" aria-label={label}>
      {entries.map((entry) => (
        <li key={entry.key}>
          <button
            type="button"
            className="chart-legend-entry"
            aria-pressed={isShown(legend, entry.key)}
            title="Click to show only this series; Ctrl- or ⌘-click to add or remove it"
            onClick={(event) =>
              dispatch({
                type: 'click',
                key: entry.key,
                modified: event.ctrlKey || event.metaKey || event.shiftKey,
                keys,
              })
            }
            onPointerEnter={() => dispatch({ type: 'hover', key: entry.key })}
            onPointerLeave={() => dispatch({ type: 'hover', key: null })}
            onFocus={() => dispatch({ type: 'hover', key: entry.key })}
            onBlur={() => dispatch({ type: 'hover', key: null })}
          >
            <svg className="chart-legend-swatch" viewBox="0 0 16 10" aria-hidden="true">
              <line
                x1="1"
                y1="5"
                x2="15"
                y2="5"
                stroke={colourFor(entry.key, colourKeys)}
                strokeWidth="3"
                strokeDasharray={entry.dashed ? '4 2' : undefined}
              />
            </svg>
            <span className="chart-legend-name">{keyName(entry.key)}</span>
            {entry.note ? <span className="chart-legend-note">({entry.note})</span> : null}
            {entry.extra ? <span className="chart-legend-extra">({entry.extra})</span> : null}
            <span className="chart-legend-value">{entry.value}</span>
          </button>
        </li>
      ))}
    </ul>
  )
}
