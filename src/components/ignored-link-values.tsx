import { useSearchParams } from 'react-router'
import type { IgnoredLinkValue } from '@/lib/url-state/url-state'

/**
 * "Some values in this link were ignored": a hostile or mistyped link (`?status=BOGUS`,
 * `from=yesterday`) is never acted on silently. The page shows what it did instead, lists what
 * it ignored (as the view's URL state reports it, see `lib/url-state`), and offers to remove
 * those values from the link, replacing the history entry.
 */
export function IgnoredLinkValues({
  rangeProblem,
  problems,
}: {
  /** The time range's, when `from`/`to` could not be read. */
  rangeProblem: string | null
  problems: readonly IgnoredLinkValue[]
}) {
  const [, setSearchParams] = useSearchParams()
  if (!rangeProblem && problems.length === 0) return null
  const remove = () =>
    setSearchParams(
      (params) => {
        for (const problem of problems) params.delete(problem.param)
        if (rangeProblem) {
          params.delete('from')
          params.delete('to')
        }
        return params
      },
      { replace: true },
    )
  return (
    <div className="notice" role="alert">
      <div>
        <strong>Some values in this link were ignored</strong>
        <ul className="ignored-link-values">
          {rangeProblem ? <li>{rangeProblem}</li> : null}
          {problems.map((problem) => (
            <li key={`${problem.param}:${problem.message}`}>{problem.message}</li>
          ))}
        </ul>
      </div>
      <button type="button" className="button" onClick={remove}>
        Remove them from the link
      </button>
    </div>
  )
}
