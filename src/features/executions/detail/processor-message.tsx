import { useQuery } from '@tanstack/react-query'
import { useEffect, useId, useMemo, useState, type KeyboardEvent } from 'react'
import { Link } from 'react-router'
import { ErrorState, LoadingState } from '@/components/query-states'
import { LongTextView } from '@/components/long-text-view'
import { CopyButton } from '@/components/copy-button'
import { environmentName } from '@/environment/environment-info'
import { withEnvironment } from '@/environment/scoped-link'
import { useEnvironmentInfo } from '@/environment/use-environment-info'
import { usePermissions } from '@/environment/use-permissions'
import { isHttpStatus } from '@/lib/api/errors'
import type { ExecutionDetail, ProcessorExecution, ProcessorSnapshot } from '@/lib/api/types'
import { formatCount, pluralize } from '@/lib/format'
import type { Scope } from '@/lib/query/query-scope'
import { executionDetailResources } from '@/lib/resources/execution-detail'
import { compareBodies, DIFF_LIMIT_CHARS, type BodyComparison } from './body-diff'
import { countChanges, diffHeaders, type HeaderChange } from './header-diff'
import { MessageBody } from './message-body'

/**
 * "Message at this step": the message as the selected processor received it and passed it
 * on (for a processor in a split or loop, in one iteration, chosen with the stepper), the
 * headers it added, removed or changed, and what it changed in the body.
 */
export function ProcessorMessage({
  scope,
  execution,
  processor,
  iteration,
  onIterationChange,
}: {
  scope: Scope
  execution: ExecutionDetail
  processor: ProcessorExecution | null
  /** 1-based, for a processor with `iterations`; else `null`. */
  iteration: number | null
  onIterationChange: (iteration: number) => void
}) {
  const headingId = useId()
  const environment = useEnvironmentInfo(execution.environment)
  const canConfigure = usePermissions().can('config.update')
  return (
    <section className="ed-section ed-step-message" aria-labelledby={headingId}>
      <h2 id={headingId}>
        Message at this step
        {processor ? (
          <>
            {' '}
            <span className="ed-muted">
              (<code>{processor.processorId}</code>)
            </span>
          </>
        ) : null}
      </h2>
      {!processor ? (
        <p className="ed-muted">
          Select a processor in the timeline or the diagram to see the message it received and
          passed on.
        </p>
      ) : !processor.snapshot ? (
        <p className="notice notice-quiet" role="note">
          No message was captured at this step: payload capture was off for{' '}
          <strong>{execution.applicationId}</strong> in{' '}
          <strong>{environmentName(environment, execution.environment)}</strong>.
          {canConfigure ? (
            <>
              {' '}
              <Link to={configurationLink(execution)}>
                Change the configuration of {execution.applicationId}
              </Link>
            </>
          ) : null}
        </p>
      ) : (
        <>
          {processor.iterations !== null && iteration !== null ? (
            <IterationStepper
              iteration={iteration}
              of={processor.iterations}
              onChange={onIterationChange}
            />
          ) : null}
          <StepSnapshot
            key={`${processor.processorId}/${iteration ?? ''}`}
            scope={scope}
            execution={execution}
            processor={processor}
            iteration={iteration}
          />
        </>
      )}
    </section>
  )
}

/** The application's configuration on its overview page, in the execution's environment. */
function configurationLink(execution: ExecutionDetail): string {
  const path = `/overview/${encodeURIComponent(execution.applicationId)}`
  return `${withEnvironment(path, execution.environment)}#configuration`
}

/** "Iteration 3 of 12" with Previous/Next; Left/Right, Home/End step from the keyboard too. */
export function IterationStepper({
  iteration,
  of,
  onChange,
}: {
  iteration: number
  of: number
  onChange: (iteration: number) => void
}) {
  const go = (next: number) => {
    const bounded = Math.min(Math.max(next, 1), of)
    if (bounded !== iteration) onChange(bounded)
  }
  const onKeyDown = (event: KeyboardEvent) => {
    const target: Record<string, number> = {
      ArrowLeft: iteration - 1,
      ArrowRight: iteration + 1,
      Home: 1,
      End: of,
    }
    const next = target[event.key]
    if (next === undefined || event.altKey || event.ctrlKey || event.metaKey) return
    event.preventDefault()
    go(next)
  }
  return (
    <div
      className="ed-stepper"
      role="group"
      aria-label="Iterations"
      onKeyDown={onKeyDown}
      title="Left and Right arrows step through the iterations; Home and End go to the first and last"
    >
      <button
        type="button"
        className="button"
        disabled={iteration <= 1}
        onClick={() => go(iteration - 1)}
      >
        Previous iteration
      </button>
      <span className="ed-stepper-position" aria-live="polite">
        Iteration {formatCount(iteration)} of {formatCount(of)}
      </span>
      <button
        type="button"
        className="button"
        disabled={iteration >= of}
        onClick={() => go(iteration + 1)}
      >
        Next iteration
      </button>
    </div>
  )
}

function StepSnapshot({
  scope,
  execution,
  processor,
  iteration,
}: {
  scope: Scope
  execution: ExecutionDetail
  processor: ProcessorExecution
  iteration: number | null
}) {
  const snapshot = useQuery({
    ...executionDetailResources.snapshot(
      scope,
      execution.executionId,
      processor.processorId,
      iteration === null ? null : iteration - 1,
    ),
    // What a finished step received never changes; a running one may not be captured yet.
    staleTime: processor.status === 'RUNNING' ? 0 : Infinity,
  })
  if (snapshot.isPending) return <LoadingState label="Loading the message at this step…" />
  if (isHttpStatus(snapshot.error, 404)) {
    return (
      <p className="notice notice-quiet" role="note">
        The agent sent no message for this step
        {iteration === null ? '' : ` in iteration ${iteration}`}.
      </p>
    )
  }
  if (snapshot.isError) {
    return <ErrorState error={snapshot.error} onRetry={() => void snapshot.refetch()} />
  }
  return <SnapshotView snapshot={snapshot.data} />
}

function SnapshotView({ snapshot }: { snapshot: ProcessorSnapshot }) {
  return (
    <>
      <StepHeaders before={snapshot.inputHeaders} after={snapshot.outputHeaders} />
      <div className="ed-bodies">
        <MessageBody title="Input body at this step" body={snapshot.inputBody} />
        <MessageBody title="Output body at this step" body={snapshot.outputBody} />
      </div>
      <WhatChanged before={snapshot.inputBody} after={snapshot.outputBody} />
    </>
  )
}

const changeWords: Record<HeaderChange, string> = {
  added: 'Added by this step',
  removed: 'Removed by this step',
  changed: 'Changed by this step',
  unchanged: 'Unchanged',
}

function StepHeaders({
  before,
  after,
}: {
  before: Record<string, string>
  after: Record<string, string>
}) {
  const headingId = useId()
  const rows = useMemo(() => diffHeaders(before, after), [before, after])
  const counts = countChanges(rows)
  return (
    <section className="ed-headers-section" aria-labelledby={headingId}>
      <h3 id={headingId}>
        Headers at this step{' '}
        <span className="ed-muted">
          ({pluralize(counts.added, 'header')} added, {counts.removed} removed, {counts.changed}{' '}
          changed)
        </span>
      </h3>
      {rows.length === 0 ? (
        <p className="ed-muted">No headers were captured.</p>
      ) : (
        <div className="table-wrap">
          <table className="data-table ed-headers" aria-labelledby={headingId}>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Received</th>
                <th scope="col">Passed on</th>
                <th scope="col">Change</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.name} className={`ed-header-${row.change}`}>
                  <th scope="row" className="mono">
                    {row.name}
                  </th>
                  <td className="mono">
                    {row.before ?? <span className="ed-muted">(absent)</span>}
                  </td>
                  <td className="mono">
                    {row.after ?? <span className="ed-muted">(absent)</span>}
                  </td>
                  <td>
                    {row.change === 'unchanged' ? (
                      <span className="ed-muted">{changeWords.unchanged}</span>
                    ) : (
                      <strong>{changeWords[row.change]}</strong>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  )
}

/** The comparison of the two bodies, computed after the selection has painted. */
function useBodyComparison(before: string | null, after: string | null): BodyComparison | null {
  const [result, setResult] = useState<{
    before: string | null
    after: string | null
    comparison: BodyComparison
  } | null>(null)
  useEffect(() => {
    const controller = new AbortController()
    compareBodies(before, after, controller.signal).then(
      (comparison) => setResult({ before, after, comparison }),
      () => {}, // aborted: another step was selected
    )
    return () => controller.abort()
  }, [before, after])
  return result && result.before === before && result.after === after ? result.comparison : null
}

function WhatChanged({ before, after }: { before: string | null; after: string | null }) {
  const headingId = useId()
  const comparison = useBodyComparison(before, after)
  return (
    <section className="ed-what-changed" aria-labelledby={headingId}>
      <div className="ed-body-head">
        <h3 id={headingId}>What changed</h3>
        {comparison?.kind === 'diff' ? (
          <>
            <span className="ed-muted">
              {pluralize(comparison.added, 'line')} added, {formatCount(comparison.removed)} removed
              {comparison.format === 'text'
                ? ''
                : ` (${comparison.format.toUpperCase()}, compared formatted)`}
            </span>
            <CopyButton text={comparison.text} label="Copy the difference" />
          </>
        ) : null}
      </div>
      {comparison === null ? (
        <p className="ed-muted" role="status">
          Comparing the bodies…
        </p>
      ) : comparison.kind === 'no-bodies' ? (
        <p className="ed-muted">No body was captured before or after this step.</p>
      ) : comparison.kind === 'identical' ? (
        <p className="ed-muted">
          {comparison.formattingOnly
            ? 'The body is the same; only its formatting changed.'
            : 'This step did not change the body.'}
        </p>
      ) : comparison.kind === 'too-large' ? (
        <p className="notice notice-quiet" role="note">
          Too large to compare: a body has {formatCount(comparison.chars)} characters, over the{' '}
          {formatCount(DIFF_LIMIT_CHARS)} compared here. Copy both bodies to compare them with a
          tool of your own.
        </p>
      ) : comparison.kind === 'gave-up' ? (
        <p className="notice notice-quiet" role="note">
          Too different to compare here: the bodies differ almost everywhere. Read both bodies
          above.
        </p>
      ) : (
        <>
          <p className="ed-muted ed-diff-legend">
            Lines starting with + were added by this step, lines starting with − removed.
          </p>
          <LongTextView className="ed-pre ed-diff" label="What changed" text={comparison.text} />
        </>
      )}
    </section>
  )
}
