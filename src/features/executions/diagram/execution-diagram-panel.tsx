import { polling } from '@/lib/query/retry-policy'
import { useQuery } from '@tanstack/react-query'
import { useId, type ReactNode } from 'react'
import { ErrorState, LoadingState } from '@/components/query-states'
import { LazyRouteDiagram } from '@/components/route-diagram/lazy-route-diagram'
import { ProcessorStatsState } from '@/components/route-diagram/processor-stats-state'
import { isHttpStatus } from '@/lib/api/errors'
import type { ExecutionDetail } from '@/lib/api/types'
import type { Scope } from '@/lib/query/query-scope'
import type { TimeRange } from '@/lib/time-range/time-range'
import { executionDetailQueries } from '@/features/executions/detail/execution-detail-queries'
import { statsResources } from '@/lib/resources/stats'

/**
 * The route diagram section: fetches the diagram and the time range's processor statistics
 * (in parallel with the diagram code), and shows what went wrong with either without taking
 * the rest of the page down.
 */
export function ExecutionDiagramPanel({
  scope,
  execution,
  range,
  refetchInterval,
  selectedProcessorId,
  onSelectProcessor,
}: {
  scope: Scope
  execution: ExecutionDetail
  range: TimeRange
  refetchInterval: number | false
  selectedProcessorId: string | null
  onSelectProcessor: (processorId: string) => void
}) {
  const headingId = useId()
  const { applicationId, routeId } = execution
  const diagram = useQuery(executionDetailQueries.diagram(scope, applicationId, routeId))
  const stats = useQuery({
    ...statsResources.processors(scope, applicationId, routeId, range),
    refetchInterval: polling(refetchInterval),
  })

  let body: ReactNode
  if (diagram.isPending) {
    body = <LoadingState label="Loading the route diagram…" />
  } else if (isHttpStatus(diagram.error, 404)) {
    body = (
      <div className="state state-empty" role="status">
        <strong>No diagram for route {routeId}</strong>
        <p>
          No agent of application <strong>{applicationId}</strong> has reported the diagram of route{' '}
          <strong>{routeId}</strong> in environment <strong>{scope.env}</strong>. The timeline above
          still shows every processor this execution ran.
        </p>
      </div>
    )
  } else if (diagram.isError) {
    body = (
      <ErrorState
        title="The route diagram could not be loaded"
        error={diagram.error}
        onRetry={() => void diagram.refetch()}
      />
    )
  } else {
    body = (
      <>
        <ProcessorStatsState stats={stats} without="this execution only" />
        <LazyRouteDiagram
          diagram={diagram.data}
          processors={execution.processors}
          stats={stats.data?.items ?? null}
          selectedProcessorId={selectedProcessorId}
          onSelectProcessor={onSelectProcessor}
        />
      </>
    )
  }

  return (
    <section className="ed-section ed-diagram" aria-labelledby={headingId}>
      <h2 id={headingId}>Route diagram</h2>
      {body}
    </section>
  )
}
