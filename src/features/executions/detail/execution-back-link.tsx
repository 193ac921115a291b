import { ChevronLeft } from 'lucide-react'
import type { MouseEvent } from 'react'
import { useLocation, useNavigate } from 'react-router'
import { ScopedLink } from '@/environment/scoped-link'
import { searchFromState } from '@/features/executions/execution-search-state'

/**
 * "Back to search". Coming from the search (its link state says so, and the environment has not
 * changed since), it goes back in history, which restores the results, their scroll position
 * and the cache entry; opened from a link or another page, it is a plain link to the search in
 * the current environment.
 */
export function ExecutionBackLink({ env }: { env: string }) {
  const location = useLocation()
  const navigate = useNavigate()
  const search = searchFromState(location.state)
  const sameEnvironment =
    search !== null && new URLSearchParams(search.split('?')[1] ?? '').get('env') === env
  const cameFromSearch = search !== null && sameEnvironment

  const onClick = (event: MouseEvent<HTMLAnchorElement>) => {
    // Let modified clicks open the link in a new tab or window as usual.
    if (
      !cameFromSearch ||
      event.button !== 0 ||
      event.metaKey ||
      event.ctrlKey ||
      event.shiftKey ||
      event.altKey
    ) {
      return
    }
    event.preventDefault()
    void navigate(-1)
  }

  return (
    <nav aria-label="Breadcrumb" className="ed-breadcrumb">
      <ScopedLink to={cameFromSearch ? search : '/executions'} onClick={onClick}>
        <ChevronLeft aria-hidden="true" size={14} />
        Back to executions in {env}
      </ScopedLink>
    </nav>
  )
}
