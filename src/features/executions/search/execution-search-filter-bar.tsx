import { Search } from 'lucide-react'
import { useId, useMemo, useState, type FormEvent } from 'react'
import type { ExecutionStatus, RouteStats } from '@/lib/api/types'
import { SelectField } from '@/components/select-field'
import { MAX_ID_LENGTH, MAX_QUERY_LENGTH } from '@/lib/ids'
import { EXECUTION_STATUSES, executionFilters, type ExecutionFilters } from './execution-filters'

export interface RouteOptionsState {
  routes: readonly RouteStats[] | undefined
  isPending: boolean
  error: unknown
  retry: () => void
}

export interface ExecutionSearchFilterBarProps {
  filters: ExecutionFilters
  onChange: (filters: ExecutionFilters) => void
  routeOptions: RouteOptionsState
}

interface Drafts {
  q: string
  agent: string
  minDuration: string
}

/**
 * The search form. Selects apply at once; the text fields (search, agent, minimum duration)
 * apply on Enter or "Search", never per keystroke. The parent remounts it (by key) when the
 * URL's filters change, so the drafts always start from what the URL says.
 */
export function ExecutionSearchFilterBar({
  filters,
  onChange,
  routeOptions,
}: ExecutionSearchFilterBarProps) {
  const ids = {
    q: useId(),
    agent: useId(),
    min: useId(),
    minError: useId(),
  }
  const [drafts, setDrafts] = useState<Drafts>({
    q: filters.q,
    agent: filters.agent ?? '',
    minDuration: filters.minDuration === null ? '' : String(filters.minDuration),
  })
  const [minError, setMinError] = useState<string | null>(null)

  const { applications, routes } = useFilterOptions(routeOptions.routes, filters)

  /** The text fields as filters, or null (with a message) when one is not valid. */
  const readDrafts = (): Pick<ExecutionFilters, 'q' | 'agent' | 'minDuration'> | null => {
    const min = drafts.minDuration.trim()
    if (min !== '' && !/^\d{1,9}$/.test(min)) {
      setMinError('Enter a whole number of milliseconds, e.g. 500.')
      return null
    }
    setMinError(null)
    const agent = drafts.agent.trim()
    return {
      q: drafts.q.trim(),
      agent: agent === '' ? null : agent,
      minDuration: min === '' ? null : Number(min),
    }
  }

  const apply = (changes: Partial<ExecutionFilters>) => {
    const text = readDrafts()
    // A select still applies when a text field is invalid; the invalid text is left out.
    onChange({ ...filters, ...(text ?? {}), ...changes })
  }

  const submit = (event: FormEvent) => {
    event.preventDefault()
    const text = readDrafts()
    if (text) onChange({ ...filters, ...text })
  }

  return (
    <form className="exec-filters" role="search" aria-label="Execution filters" onSubmit={submit}>
      <div className="field exec-filter-q">
        <label htmlFor={ids.q}>Search executions</label>
        <div className="exec-search-row">
          <input
            id={ids.q}
            type="search"
            aria-keyshortcuts="/"
            title="Search executions (/)"
            value={drafts.q}
            maxLength={MAX_QUERY_LENGTH}
            placeholder="Exchange id, correlation id, header or body text"
            onChange={(event) => setDrafts({ ...drafts, q: event.target.value })}
          />
          <button type="submit" className="button button-primary">
            <Search size={14} aria-hidden="true" />
            Search
          </button>
        </div>
      </div>
      <SelectField
        label="Status"
        value={filters.status ?? ''}
        // The options are EXECUTION_STATUSES.
        onChange={(status) => apply({ status: (status || null) as ExecutionStatus | null })}
        none="All statuses"
        options={EXECUTION_STATUSES}
      />
      <SelectField
        label="Application"
        value={filters.app ?? ''}
        onChange={(value) => {
          const app = value || null
          // Keep the route only if the new application has it.
          const keepRoute =
            filters.route !== null &&
            (app === null ||
              (routeOptions.routes ?? []).some(
                (route) => route.applicationId === app && route.routeId === filters.route,
              ))
          apply({ app, route: keepRoute ? filters.route : null })
        }}
        none="All applications"
        options={applications}
      />
      <SelectField
        label="Route"
        value={filters.route ?? ''}
        onChange={(route) => apply({ route: route || null })}
        none="All routes"
        options={routes}
      />
      <div className="field">
        <label htmlFor={ids.agent}>Agent</label>
        <input
          id={ids.agent}
          type="text"
          value={drafts.agent}
          maxLength={MAX_ID_LENGTH}
          placeholder="Agent id"
          autoComplete="off"
          onChange={(event) => setDrafts({ ...drafts, agent: event.target.value })}
        />
      </div>
      <div className="field exec-filter-min">
        <label htmlFor={ids.min}>Min. duration (ms)</label>
        <input
          id={ids.min}
          type="text"
          inputMode="numeric"
          value={drafts.minDuration}
          placeholder="e.g. 500"
          aria-invalid={minError ? true : undefined}
          aria-describedby={minError ? ids.minError : undefined}
          onChange={(event) => setDrafts({ ...drafts, minDuration: event.target.value })}
        />
      </div>
      {executionFilters.isChanged(filters) ? (
        <button
          type="button"
          className="button button-quiet"
          onClick={() => onChange(executionFilters.defaults)}
        >
          Clear filters
        </button>
      ) : null}
      {minError ? (
        <p id={ids.minError} className="form-error exec-filter-error" role="alert">
          {minError}
        </p>
      ) : null}
      <RouteOptionsNote routeOptions={routeOptions} />
    </form>
  )
}

/**
 * The applications and routes the selects offer: those that ran in the range (routes of the
 * chosen application only), plus what the link asks for even if nothing of it ran.
 */
function useFilterOptions(
  ran: readonly RouteStats[] | undefined,
  filters: Pick<ExecutionFilters, 'app' | 'route'>,
) {
  const applications = useMemo(() => {
    const names = new Set((ran ?? []).map((route) => route.applicationId))
    if (filters.app) names.add(filters.app)
    return [...names].sort((a, b) => a.localeCompare(b))
  }, [ran, filters.app])

  const routes = useMemo(() => {
    const byRoute = new Map<string, Set<string>>()
    for (const route of ran ?? []) {
      if (filters.app && route.applicationId !== filters.app) continue
      const apps = byRoute.get(route.routeId) ?? new Set<string>()
      apps.add(route.applicationId)
      byRoute.set(route.routeId, apps)
    }
    if (filters.route && !byRoute.has(filters.route)) byRoute.set(filters.route, new Set())
    return [...byRoute.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([routeId, apps]) => ({
        value: routeId,
        // Without an application chosen, the same route id may exist in several of them.
        label:
          filters.app || apps.size === 0 ? routeId : `${routeId} (${[...apps].sort().join(', ')})`,
      }))
  }, [ran, filters.app, filters.route])

  return { applications, routes }
}

/** Whether the selects' applications and routes are still loading, or could not be. */
function RouteOptionsNote({ routeOptions }: { routeOptions: RouteOptionsState }) {
  if (routeOptions.error) {
    return (
      <p className="exec-filter-note" role="alert">
        Could not load the applications and routes of this range.{' '}
        <button type="button" className="button button-quiet" onClick={routeOptions.retry}>
          Try again
        </button>
      </p>
    )
  }
  if (routeOptions.isPending) {
    return (
      <p className="exec-filter-note" role="status">
        Loading applications and routes…
      </p>
    )
  }
  return null
}
