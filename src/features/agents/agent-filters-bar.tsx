import { Search, X } from 'lucide-react'
import { useId, useState } from 'react'
import type { AgentStatus } from '@/lib/api/types'
import { MAX_QUERY_LENGTH } from '@/lib/ids'
import { AGENT_STATUSES, type AgentFilters } from './agent-filters'

/**
 * Status, application and free-text filters.
 *
 * The search box keeps its own text, so typing is never interrupted by the URL round trip
 * (router updates are transitions and land a moment later). Every keystroke writes the URL,
 * replacing the history entry; `searchSession` names the run of such replacements, and only
 * when it changes (Back, "Clear filters", a link) is the box re-created from the URL. Nothing
 * compares URL and text during render, so a late URL update can never eat a keystroke.
 */
export function AgentFiltersBar({
  filters,
  applications,
  onStatusChange,
  onApplicationChange,
  onQueryChange,
  onClear,
  canClear,
  searchSession,
}: {
  filters: AgentFilters
  applications: readonly string[]
  onStatusChange: (status: AgentStatus | null) => void
  onApplicationChange: (applicationId: string | null) => void
  onQueryChange: (q: string) => void
  onClear: () => void
  canClear: boolean
  searchSession: string
}) {
  const statusId = useId()
  const appId = useId()
  const searchId = useId()
  // A deep link may name an application that has no agent (any more) in this environment:
  // keep it selectable so the select shows what is filtered instead of lying.
  const appOptions =
    filters.app && !applications.includes(filters.app)
      ? [...applications, filters.app]
      : applications

  return (
    <div className="toolbar agents-toolbar" role="search" aria-label="Filter agents">
      <div className="field">
        <label htmlFor={statusId}>Status</label>
        <select
          id={statusId}
          value={filters.status ?? ''}
          onChange={(event) => onStatusChange((event.target.value || null) as AgentStatus | null)}
        >
          <option value="">All statuses</option>
          {AGENT_STATUSES.map((status) => (
            <option key={status} value={status}>
              {status}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={appId}>Application</label>
        <select
          id={appId}
          value={filters.app ?? ''}
          onChange={(event) => onApplicationChange(event.target.value || null)}
        >
          <option value="">All applications</option>
          {appOptions.map((applicationId) => (
            <option key={applicationId} value={applicationId}>
              {applicationId.length > 80 ? `${applicationId.slice(0, 79)}…` : applicationId}
            </option>
          ))}
        </select>
      </div>
      <div className="field agents-search">
        <label htmlFor={searchId}>Search agents</label>
        <SearchBox key={searchSession} id={searchId} initial={filters.q} onChange={onQueryChange} />
      </div>
      {canClear ? (
        <button type="button" className="button" onClick={onClear}>
          <X aria-hidden="true" size={14} />
          Clear filters
        </button>
      ) : null}
    </div>
  )
}

function SearchBox({
  id,
  initial,
  onChange,
}: {
  id: string
  initial: string
  onChange: (q: string) => void
}) {
  const [text, setText] = useState(initial)
  return (
    <div className="agents-search-input">
      <Search aria-hidden="true" size={14} />
      <input
        id={id}
        type="search"
        aria-keyshortcuts="/"
        title="Search agents (/)"
        value={text}
        maxLength={MAX_QUERY_LENGTH}
        placeholder="Agent id, hostname or application"
        autoComplete="off"
        spellCheck={false}
        onChange={(event) => {
          setText(event.target.value)
          onChange(event.target.value)
        }}
      />
    </div>
  )
}
