import { ChevronDown, ChevronRight } from 'lucide-react'
import { memo } from 'react'
import type { TimelineRow } from './processor-timeline-layout'
import {
  formatOffset,
  iterationsText,
  rowAccessibleName,
  rowEndpoint,
  rowTitle,
} from './timeline-row-text'

interface TimelineRowViewProps {
  id: string
  row: TimelineRow
  rowIndex: number
  ariaRowIndex: number
  top: number
  height: number
  selected: boolean
  active: boolean
  expanded: boolean | null
  onToggle: (key: string) => void
  onActivate: (rowIndex: number) => void
}

/** One row of the treegrid; memoized, as scrolling re-renders the grid every frame. */
export const TimelineRowView = memo(function TimelineRowView({
  id,
  row,
  rowIndex,
  ariaRowIndex,
  top,
  height,
  selected,
  active,
  expanded,
  onToggle,
  onActivate,
}: TimelineRowViewProps) {
  const endpoint = rowEndpoint(row)
  const tone = row.status === 'FAILED' ? 'bad' : row.status === 'RUNNING' ? 'info' : 'ok'
  const className = [
    'tl-row',
    `tl-${row.kind}`,
    `tl-tone-${tone}`,
    selected ? 'is-selected' : '',
    active ? 'is-active' : '',
    row.isFailureCause ? 'is-failure-cause' : '',
  ]
    .filter(Boolean)
    .join(' ')
  return (
    <div
      id={id}
      role="row"
      aria-level={row.depth + 1}
      aria-posinset={row.posInSet}
      aria-setsize={row.setSize}
      aria-rowindex={ariaRowIndex}
      aria-expanded={expanded ?? undefined}
      aria-selected={row.kind === 'processor' ? selected : undefined}
      aria-label={rowAccessibleName(row)}
      className={className}
      style={{ transform: `translateY(${top}px)`, height }}
      data-processor-id={row.processor?.processorId}
      onClick={() => onActivate(rowIndex)}
    >
      <div
        role="gridcell"
        className="tl-cell tl-label-cell"
        style={{ paddingLeft: `${0.4 + row.depth * 1.1}rem` }}
      >
        <div className="tl-label-line">
          {expanded !== null ? (
            <button
              type="button"
              className="tl-toggle"
              // One tab stop for the whole grid: the keyboard uses Left/Right on the row.
              tabIndex={-1}
              aria-expanded={expanded}
              aria-label={rowTitle(row)}
              onClick={(event) => {
                event.stopPropagation()
                onToggle(row.key)
              }}
            >
              {expanded ? (
                <ChevronDown size={14} aria-hidden="true" />
              ) : (
                <ChevronRight size={14} aria-hidden="true" />
              )}
            </button>
          ) : (
            <span className="tl-toggle-spacer" aria-hidden="true" />
          )}
          {row.processor ? <span className="tl-type">{row.processor.processorType}</span> : null}
          <span
            className="tl-text"
            title={
              row.processor?.endpointUri ? `${row.label}\n${row.processor.endpointUri}` : row.label
            }
          >
            {row.label}
            {endpoint ? <span className="tl-endpoint"> {endpoint}</span> : null}
          </span>
          {row.processor?.iterations != null ? (
            <span className="badge tl-iterations" title={iterationsText(row.processor.iterations)}>
              ×{row.processor.iterations}
            </span>
          ) : null}
          {row.status !== 'COMPLETED' ? (
            <span className={`badge badge-${tone === 'bad' ? 'bad' : 'info'} tl-status`}>
              {row.status}
            </span>
          ) : null}
        </div>
        {row.isFailureCause && row.errorMessage ? (
          <div className="tl-error" title={row.errorMessage}>
            <span aria-hidden="true">✖ </span>
            {row.errorMessage}
          </div>
        ) : null}
      </div>
      <div role="gridcell" className="tl-cell tl-num">
        {formatOffset(row.startMs)}
      </div>
      <div role="gridcell" className="tl-cell tl-bar-cell">
        <span
          className="tl-bar"
          style={{ left: `${row.offsetPct}%`, width: `max(${row.widthPct}%, 2px)` }}
          aria-hidden="true"
        />
      </div>
      <div role="gridcell" className="tl-cell tl-num">
        {formatOffset(row.durationMs)}
      </div>
    </div>
  )
})
