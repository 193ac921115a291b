import { useSearchParams } from 'react-router'

/** A value of the page's link that was ignored, and the parameter it came in (when it has one). */
export interface IgnoredLinkValue {
  param?: string
  message: string
}

/**
 * "Some values in this link were ignored": a hostile or mistyped link (`?status=BOGUS`,
 * `from=yesterday`) is never acted on silently. The page shows what it did instead, lists what
 * it ignored, and (when every ignored value names its parameter) offers to remove them from the
 * link, replacing the history entry.
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
  const removable = problems.every((problem) => problem.param)
  const remove = () =>
    setSearchParams(
      (params) => {
        for (const problem of problems) if (problem.param) params.delete(problem.param)
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
            <li key={problem.param ?? problem.message}>{problem.message}</li>
          ))}
        </ul>
      </div>
      {removable ? (
        <button type="button" className="button" onClick={remove}>
          Remove them from the link
        </button>
      ) : null}
    </div>
  )
}
