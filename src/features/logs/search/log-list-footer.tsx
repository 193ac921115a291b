/** The part of the search the footer depends on. */
interface OlderPages {
  isFetchingNextPage: boolean
  isFetchNextPageError: boolean
  hasNextPage: boolean
  fetchNextPage: () => unknown
}

/**
 * The end of the list: loading older lines, a failure to load them (with "Try again"), a
 * button to load them, or the start of the range.
 */
export function LogListFooter({ results }: { results: OlderPages }) {
  const fetchOlder = () => void results.fetchNextPage()
  if (results.isFetchingNextPage) return <p className="logs-footer">Loading older lines…</p>
  if (results.isFetchNextPageError) {
    return (
      <p className="logs-footer" role="alert">
        Could not load older lines.{' '}
        <button type="button" className="button" onClick={fetchOlder}>
          Try again
        </button>
      </p>
    )
  }
  if (results.hasNextPage) {
    return (
      <p className="logs-footer">
        <button type="button" className="button" onClick={fetchOlder}>
          Load older lines
        </button>
      </p>
    )
  }
  return <p className="logs-footer logs-muted">The start of the range: no older lines.</p>
}
