import { describeError } from './query-states'
import { RelativeTime, useNow } from './time-display'

/**
 * A refresh failed while the data loaded before is still on screen: say what could not be
 * refreshed and why, how old the data shown is, and offer to try again. Worded the same way in
 * every view: `<RefreshFailedNotice what="the agent list" error={query.error}
 * updatedAt={query.dataUpdatedAt} onRetry={() => void query.refetch()} />`.
 */
export function RefreshFailedNotice({
  what,
  error,
  updatedAt,
  onRetry,
  now,
}: {
  /** What is shown, as it reads after "Could not refresh": "the agent list", "this execution". */
  what: string
  error: unknown
  /** When the data shown was loaded (a query's `dataUpdatedAt`, epoch ms). */
  updatedAt: number
  onRetry: () => void
  /** The page's clock, when it has one; else the notice keeps its own. */
  now?: Date
}) {
  const ownNow = useNow()
  return (
    <div className="notice" role="alert">
      <span>
        Could not refresh {what} ({describeError(error).title}). Showing what was loaded{' '}
        <RelativeTime iso={new Date(updatedAt).toISOString()} now={now ?? ownNow} />.
      </span>
      <button type="button" className="button" onClick={onRetry}>
        Try again
      </button>
    </div>
  )
}
