import { describeError } from './query-states'
import { RelativeTime, useNow } from './time-display'

/** What the notice reads of a query (a `useQuery` or `useInfiniteQuery` result). */
export interface RefreshableQuery {
  isError: boolean
  error: unknown
  data: unknown
  /** When the data shown was loaded, epoch ms. */
  dataUpdatedAt: number
  refetch: () => unknown
}

/**
 * A refresh failed while the data loaded before is still on screen: say what could not be
 * refreshed and why, how old the data shown is, and offer to try again. Worded the same way in
 * every view; renders nothing unless the query failed with data to show:
 * `<RefreshFailedNotice what="the agent list" query={agents} />`.
 */
export function RefreshFailedNotice({
  what,
  query,
  now,
}: {
  /** What is shown, as it reads after "Could not refresh": "the agent list", "this execution". */
  what: string
  query: RefreshableQuery
  /** The page's clock, when it has one; else the notice keeps its own. */
  now?: Date
}) {
  if (!query.isError || query.data === undefined) return null
  return <Notice what={what} query={query} now={now} />
}

function Notice({ what, query, now }: { what: string; query: RefreshableQuery; now?: Date }) {
  // A clock of its own only while shown, for pages that keep none.
  const ownNow = useNow()
  return (
    <div className="notice" role="alert">
      <span>
        Could not refresh {what} ({describeError(query.error).title}). Showing what was loaded{' '}
        <RelativeTime iso={new Date(query.dataUpdatedAt).toISOString()} now={now ?? ownNow} />.
      </span>
      <button type="button" className="button" onClick={() => void query.refetch()}>
        Try again
      </button>
    </div>
  )
}
