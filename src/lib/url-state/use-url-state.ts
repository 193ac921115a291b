import { useCallback, useMemo } from 'react'
import { useLocation, useSearchParams, type NavigateOptions } from 'react-router'
import type { UrlState } from './url-state'

/**
 * A view's URL state as React state: the values and what was ignored (read once per URL), and
 * `set`, which writes a change into the current URL. A change rewrites every field of the view
 * from what the URL holds (so an ignored value leaves the link with the first change) and
 * keeps every other parameter (`env`, `from`, `to`, `refresh`, another part's state).
 * A new history entry unless `options` say `replace` (typing, toggles that are not a view).
 */
export function useUrlState<V>(state: UrlState<V>) {
  const { search } = useLocation()
  const [, setSearchParams] = useSearchParams()
  const reading = useMemo(() => state.read(new URLSearchParams(search)), [state, search])
  const set = useCallback(
    (change: Partial<V>, options?: NavigateOptions) =>
      setSearchParams(
        (params) => state.write(params, { ...state.read(params).values, ...change }),
        options,
      ),
    [state, setSearchParams],
  )
  return { values: reading.values, ignored: reading.ignored, set }
}
