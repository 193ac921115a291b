import { X } from 'lucide-react'
import { useId, useState, type FormEvent } from 'react'
import { ScopedLink } from '@/environment/scoped-link'
import type { LogLevel } from '@/lib/api/types'
import { MAX_ID_LENGTH, MAX_QUERY_LENGTH, truncateId } from '@/lib/ids'
import { LOG_LEVELS, type LogFilters } from './log-filters'

/**
 * The filters. The level applies at once; text fields on Enter or "Apply", never per
 * keystroke. The parent remounts it (by key) when the URL's filters change.
 */
export function LogFilterBar({
  filters,
  onChange,
}: {
  filters: LogFilters
  onChange: (filters: LogFilters) => void
}) {
  const ids = { level: useId(), q: useId(), app: useId(), agent: useId() }
  const [q, setQ] = useState(filters.q)
  const [app, setApp] = useState(filters.app ?? '')
  const [agent, setAgent] = useState(filters.agent ?? '')

  const submit = (event: FormEvent) => {
    event.preventDefault()
    onChange({ ...filters, q: q.trim(), app: app.trim() || null, agent: agent.trim() || null })
  }

  return (
    <form className="logs-filters" role="search" aria-label="Log filters" onSubmit={submit}>
      <div className="logs-field">
        <label htmlFor={ids.level}>Level</label>
        <select
          id={ids.level}
          value={filters.level ?? ''}
          onChange={(event) =>
            onChange({ ...filters, level: (event.target.value || null) as LogLevel | null })
          }
        >
          <option value="">All levels</option>
          {LOG_LEVELS.map((level) => (
            <option key={level} value={level}>
              {level} and above
            </option>
          ))}
        </select>
      </div>
      <div className="logs-field logs-field-grow">
        <label htmlFor={ids.q}>Search logs</label>
        <input
          id={ids.q}
          type="search"
          aria-keyshortcuts="/"
          title="Search logs (/)"
          value={q}
          maxLength={MAX_QUERY_LENGTH}
          placeholder="Text in message, logger or stack trace"
          onChange={(event) => setQ(event.target.value)}
        />
      </div>
      <div className="logs-field">
        <label htmlFor={ids.app}>Application</label>
        <input
          id={ids.app}
          value={app}
          maxLength={MAX_ID_LENGTH}
          onChange={(event) => setApp(event.target.value)}
        />
      </div>
      <div className="logs-field">
        <label htmlFor={ids.agent}>Agent</label>
        <input
          id={ids.agent}
          value={agent}
          maxLength={MAX_ID_LENGTH}
          onChange={(event) => setAgent(event.target.value)}
        />
      </div>
      <button type="submit" className="button">
        Apply
      </button>
      {filters.executionId ? (
        <p className="logs-chip">
          <span>
            Execution{' '}
            <ScopedLink to={`/executions/${encodeURIComponent(filters.executionId)}`}>
              {truncateId(filters.executionId, 40)}
            </ScopedLink>
          </span>
          <button
            type="button"
            className="button button-quiet"
            aria-label={`Remove the execution filter ${filters.executionId}`}
            onClick={() => onChange({ ...filters, executionId: null })}
          >
            <X size={14} aria-hidden="true" />
          </button>
        </p>
      ) : null}
    </form>
  )
}
