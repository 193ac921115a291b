import { describeError } from '@/components/query-states'
import { RefreshFailedNotice, type RefreshableQuery } from '@/components/refresh-failed-notice'
import './processor-stats-state.css'

/**
 * The state of a diagram's overlay, the time range's processor statistics: their absence costs
 * the figures, never the diagram. `without` says what the diagram still shows without them
 * ("this execution only").
 */
export function ProcessorStatsState({
  stats,
  without,
}: {
  stats: RefreshableQuery & { isPending: boolean }
  without: string
}) {
  if (stats.isPending) {
    return (
      <p className="rd-stats-loading" role="status">
        Loading processor statistics for the time range…
      </p>
    )
  }
  if (stats.isError && stats.data === undefined) {
    return (
      <div className="notice" role="alert">
        <span>
          Processor statistics for the time range could not be loaded (
          {describeError(stats.error).title}); the diagram shows {without}.
        </span>
        <button type="button" className="button" onClick={() => void stats.refetch()}>
          Try again
        </button>
      </div>
    )
  }
  return <RefreshFailedNotice what="the processor statistics" query={stats} />
}
