import { useQuery, useQueryClient } from '@tanstack/react-query'
import { lazy, Suspense, useCallback, useEffect, useId, useMemo, useState } from 'react'
import { useLocation, useParams } from 'react-router'
import { IgnoredLinkValues } from '@/components/ignored-link-values'
import { ErrorState, LoadingState } from '@/components/query-states'
import { RefreshFailedNotice } from '@/components/refresh-failed-notice'
import { StatusBadge } from '@/components/status-badge'
import { TimeRangeControls } from '@/components/time-range-controls'
import { ScopedLink } from '@/environment/scoped-link'
import { usePageTitle } from '@/environment/use-page-title'
import { useScope } from '@/environment/use-scope'
import { isHttpStatus } from '@/lib/api/errors'
import type { ExecutionDetail } from '@/lib/api/types'
import { pluralize } from '@/lib/format'
import { isAddressableId, truncateId } from '@/lib/ids'
import { scopedKey, type Scope } from '@/lib/query/query-scope'
import type { TimeRange } from '@/lib/time-range/time-range'
import { useAutoRefresh, usePageVisible, useTimeRange } from '@/lib/time-range/use-time-range'
import { useUrlState } from '@/lib/url-state/use-url-state'
import { ExecutionBackLink } from './execution-back-link'
import { MessageBody } from './message-body'
import { ExecutionDiagramPanel } from '@/features/executions/diagram/execution-diagram-panel'
import { MessageHeaders } from './message-headers'
import { SelectedProcessor } from './selected-processor'
import { ProcessorMessage } from './processor-message'
import { executionDetailView, shownIteration } from './execution-detail-url-state'
import { executionDetailQueries, RUNNING_EXECUTION_REFRESH_MS } from './execution-detail-queries'
import { StackTrace } from './stack-trace'
import { ExecutionSummary } from './execution-summary'
import { ReplayControl } from '@/features/executions/replay/replay-control'
import {
  ancestorKeys,
  buildTimelineLayout,
  firstRecordOf,
} from '@/features/executions/timeline/processor-timeline-layout'
import './execution-detail.css'

// The timeline's virtualizer (@tanstack/react-virtual, ~10 kB gzipped) is not on the page's
// first paint: the page starts fetching it as it mounts, beside the execution itself.
const loadTimeline = () => import('@/features/executions/timeline/processor-timeline')
const ProcessorTimeline = lazy(async () => ({ default: (await loadTimeline()).ProcessorTimeline }))
/** Starts fetching the timeline's code; a failure is left to the timeline, which retries. */
const preloadTimeline = () => void loadTimeline().catch(() => undefined)

/** `/executions/:executionId`: one exchange through a route, processor by processor. */
export function ExecutionDetailPage() {
  const { executionId = '' } = useParams()
  const scope = useScope()
  const queryClient = useQueryClient()
  const addressable = isAddressableId(executionId)
  const shownId = truncateId(executionId)
  usePageTitle(`Execution ${truncateId(executionId, 48)}`)
  const { range, problem } = useTimeRange()
  const { intervalMs } = useAutoRefresh()
  const pageVisible = usePageVisible()
  const refetchInterval = pageVisible ? intervalMs : false

  const execution = useQuery({
    ...executionDetailQueries.detail(scope, executionId),
    enabled: addressable,
  })
  useEffect(preloadTimeline, [])

  const refresh = useCallback(() => {
    void execution.refetch()
    void queryClient.invalidateQueries({
      queryKey: scopedKey(scope, 'stats', 'processors'),
    })
  }, [execution, queryClient, scope])

  if (!addressable || isHttpStatus(execution.error, 404)) {
    return (
      <div className="execution-detail">
        <ExecutionBackLink env={scope.env} />
        <div className="state state-empty ed-not-found" role="alert">
          <h1>
            Execution <span className="ed-id">{shownId}</span> not found in {scope.env}
          </h1>
          <p>
            No execution with this id exists in environment <strong>{scope.env}</strong> of tenant{' '}
            <strong>{scope.tenant}</strong>. It may have run in another environment (switch
            environment above to look there), or be older than the data kept.
          </p>
          <ScopedLink to="/executions" className="button">
            Search executions in {scope.env}
          </ScopedLink>
        </div>
      </div>
    )
  }

  return (
    <div className="execution-detail">
      <ExecutionBackLink env={scope.env} />
      <header className="ed-header">
        <div className="ed-title">
          <p className="ed-eyebrow">Execution</p>
          <h1
            className="ed-id"
            title={executionId.length > shownId.length ? executionId : undefined}
          >
            {shownId}
          </h1>
          {execution.data ? <StatusBadge status={execution.data.status} /> : null}
          {execution.data ? (
            <ReplayControl key={execution.data.executionId} execution={execution.data} />
          ) : null}
        </div>
        <div className="ed-range">
          <TimeRangeControls onRefresh={refresh} refreshing={execution.isFetching} />
          <p className="ed-muted ed-range-note">
            The time range applies to the processor statistics on the diagram.
          </p>
        </div>
      </header>
      {problem ? (
        <div className="notice" role="alert">
          <span>{problem}</span>
        </div>
      ) : null}

      {execution.isPending ? (
        <LoadingState label={`Loading execution from ${scope.env}…`} />
      ) : execution.isError && !execution.data ? (
        <ErrorState error={execution.error} onRetry={() => void execution.refetch()} />
      ) : execution.data ? (
        <>
          <RefreshFailedNotice what="this execution" query={execution} />
          <ExecutionDetailView
            key={execution.data.executionId}
            scope={scope}
            execution={execution.data}
            range={range}
            refetchInterval={refetchInterval}
          />
        </>
      ) : null}
    </div>
  )
}

function ExecutionDetailView({
  scope,
  execution,
  range,
  refetchInterval,
}: {
  scope: Scope
  execution: ExecutionDetail
  range: TimeRange
  refetchInterval: number | false
}) {
  const timelineHeadingId = useId()
  const messageHeadingId = useId()
  const location = useLocation()
  const view = useUrlState(executionDetailView)
  const setView = view.set
  const { processors } = execution
  const layout = useMemo(
    () => buildTimelineLayout(processors, execution.durationMs),
    [processors, execution.durationMs],
  )
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(() => new Set())

  const fromUrl =
    view.values.processor !== null && view.values.processor < processors.length
      ? view.values.processor
      : null
  // Until the user picks one, a failed execution opens on the processor that failed.
  const selectedRecord = fromUrl ?? layout.failureCauses[0] ?? null
  const selectedProcessor = selectedRecord === null ? null : (processors[selectedRecord] ?? null)
  const selectedRow =
    selectedRecord === null ? null : (layout.rows[layout.rowOfRecord[selectedRecord] ?? -1] ?? null)
  const iteration = shownIteration(view.values.iteration, selectedProcessor)

  // Picking a processor or an iteration is not a new view (no history entry), and the state
  // that lets "Back to search" go back in history must survive it.
  const selectRecord = useCallback(
    (recordIndex: number) => {
      setView(
        { processor: recordIndex, iteration: null },
        { replace: true, state: location.state, preventScrollReset: true },
      )
    },
    [setView, location.state],
  )
  const selectIteration = useCallback(
    (next: number) => {
      setView(
        { processor: selectedRecord, iteration: next },
        { replace: true, state: location.state, preventScrollReset: true },
      )
    },
    [setView, location.state, selectedRecord],
  )

  const selectProcessorId = useCallback(
    (processorId: string) => {
      const recordIndex = firstRecordOf(processors, processorId)
      if (recordIndex === null) return
      const hiddenBy = ancestorKeys(layout, layout.rowOfRecord[recordIndex] ?? -1).filter((key) =>
        collapsed.has(key),
      )
      if (hiddenBy.length > 0) {
        setCollapsed((current) => {
          const next = new Set(current)
          for (const key of hiddenBy) next.delete(key)
          return next
        })
      }
      selectRecord(recordIndex)
    },
    [processors, layout, collapsed, selectRecord],
  )

  return (
    <>
      <IgnoredLinkValues rangeProblem={null} problems={view.ignored} />
      <ExecutionSummary execution={execution} />
      {execution.errorStackTrace ? <StackTrace stackTrace={execution.errorStackTrace} /> : null}
      {execution.status === 'RUNNING' ? (
        <p className="notice notice-quiet" role="status">
          This execution is still running; it is refreshed every{' '}
          {RUNNING_EXECUTION_REFRESH_MS / 1000} seconds.
        </p>
      ) : null}

      <section className="ed-section" aria-labelledby={timelineHeadingId}>
        <h2 id={timelineHeadingId}>
          Processor timeline{' '}
          <span className="ed-muted">({pluralize(processors.length, 'processor')})</span>
        </h2>
        {processors.length === 0 ? (
          <p className="ed-muted">No processor records were captured for this execution.</p>
        ) : (
          <div className="ed-timeline-layout">
            <Suspense fallback={<LoadingState label="Loading the processor timeline…" />}>
              <ProcessorTimeline
                layout={layout}
                collapsed={collapsed}
                onCollapsedChange={setCollapsed}
                selectedRecord={selectedRecord}
                onSelectRecord={selectRecord}
              />
            </Suspense>
            <SelectedProcessor
              processor={selectedProcessor}
              row={selectedRow}
              executionStart={execution.startTime}
            />
          </div>
        )}
      </section>

      <ProcessorMessage
        scope={scope}
        execution={execution}
        processor={selectedProcessor}
        iteration={iteration}
        onIterationChange={selectIteration}
      />

      <ExecutionDiagramPanel
        scope={scope}
        execution={execution}
        range={range}
        refetchInterval={refetchInterval}
        selectedProcessorId={selectedProcessor?.processorId ?? null}
        onSelectProcessor={selectProcessorId}
      />

      <section className="ed-section" aria-labelledby={messageHeadingId}>
        <h2 id={messageHeadingId}>Message</h2>
        <MessageHeaders headers={execution.headers} />
        <div className="ed-bodies">
          <MessageBody title="Input body" body={execution.inputBody} />
          <MessageBody title="Output body" body={execution.outputBody} />
        </div>
      </section>
    </>
  )
}
