import { useId } from 'react'
import { StatusBadge } from '@/components/status-badge'
import { ExactTime } from '@/components/time-display'
import type { ProcessorExecution } from '@/lib/api/types'
import { formatDuration } from '@/lib/format'
import { isoFromEpochMs } from '@/lib/time-format'
import { CopyButton } from '@/components/copy-button'
import { formatOffset } from '@/features/executions/timeline/timeline-row-text'
import type { TimelineRow } from '@/features/executions/timeline/processor-timeline-layout'

/**
 * The selected processor in full: what the timeline row and the diagram node can only show
 * cut to their width (the complete endpoint URI with its options, the whole error message).
 */
export function SelectedProcessor({
  processor,
  row,
  executionStart,
}: {
  processor: ProcessorExecution | null
  row: TimelineRow | null
  executionStart: string
}) {
  const headingId = useId()
  const startedAt = processor
    ? isoFromEpochMs(Date.parse(executionStart) + processor.startOffsetMs)
    : null
  return (
    <section className="ed-processor" aria-labelledby={headingId}>
      <h3 id={headingId}>Selected processor</h3>
      {!processor ? (
        <p className="ed-muted">
          Select a processor in the timeline or the diagram to see it in full.
        </p>
      ) : (
        <dl className="props ed-props">
          <dt>Processor</dt>
          <dd>
            <span className="tl-type">{processor.processorType}</span>{' '}
            <code>{processor.processorId}</code>
          </dd>
          <dt>Label</dt>
          <dd className="ed-wrap">{processor.label}</dd>
          {processor.endpointUri ? (
            <>
              <dt>Endpoint</dt>
              <dd className="ed-id-value">
                <code className="ed-wrap">{processor.endpointUri}</code>
                <CopyButton text={processor.endpointUri} label="Copy endpoint URI" />
              </dd>
            </>
          ) : null}
          <dt>Status</dt>
          <dd>
            <StatusBadge status={processor.status} />
          </dd>
          {row?.iteration ? (
            <>
              <dt>Iteration</dt>
              <dd>
                {row.iteration.number} of {row.iteration.of}
              </dd>
            </>
          ) : null}
          <dt>Started</dt>
          <dd>
            {formatOffset(processor.startOffsetMs)} after the execution
            {startedAt ? (
              <>
                {' '}
                (<ExactTime iso={startedAt} withMillis />)
              </>
            ) : null}
          </dd>
          <dt>Duration</dt>
          <dd>{formatDuration(processor.durationMs)}</dd>
          {processor.errorMessage ? (
            <>
              <dt>Error</dt>
              <dd className="ed-wrap ed-error-text">{processor.errorMessage}</dd>
            </>
          ) : null}
        </dl>
      )}
    </section>
  )
}
