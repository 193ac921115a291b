import { useQueries, useQuery } from '@tanstack/react-query'
import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react'
import { useLocation, useNavigate } from 'react-router'
import { useActiveEnvironment } from '@/environment/environment-store'
import { withEnvironment } from '@/environment/scoped-link'
import { useAvailableEnvironments } from '@/environment/use-available-environments'
import type { ExecutionSummary } from '@/lib/api/types'
import { agentResources } from '@/lib/resources/agents'
import { executionResources, LOOKUP_DAYS } from '@/lib/resources/executions'
import { savedViewsOf, useSavedViewsStore } from '@/lib/saved-views/saved-views-store'
import { useClaims } from '@/session/session-store'
import {
  detectPastedId,
  KIND_LABELS,
  rankItems,
  readRecent,
  rememberRecent,
  type GoToItem,
} from './go-to-ranking'
import './go-to.css'

export interface GoToPage {
  path: string
  label: string
}

/** An entry of the listbox: a place, or an execution found for a pasted id. */
type Option =
  | { key: string; kind: 'item'; item: GoToItem }
  | { key: string; kind: 'execution'; execution: ExecutionSummary; environment: string }
  | { key: string; kind: 'search-elsewhere' }

/**
 * "Go to": one combobox over the pages, the applications, routes and agents of the active
 * environment, saved views and environments, recently opened first and ranked as the user
 * types; a pasted execution, exchange or correlation id is looked up in the active
 * environment, then (when asked) in every other environment the user may see, each in its
 * own scope. Loaded on first use.
 */
export function GoToDialog({
  pages,
  onClose,
}: {
  pages: readonly GoToPage[]
  onClose: () => void
}) {
  const dialogRef = useRef<HTMLDialogElement>(null)
  const titleId = useId()
  const listboxId = useId()
  const statusId = useId()
  const navigate = useNavigate()
  const location = useLocation()
  const claims = useClaims()
  const userId = claims?.userId ?? ''
  const tenant = claims?.tenant ?? ''
  const env = useActiveEnvironment() ?? ''
  const scope = useMemo(() => ({ tenant, env }), [tenant, env])
  const environments = useAvailableEnvironments()
  const agents = useQuery({ ...agentResources.list(scope), staleTime: 60_000, enabled: !!env })
  const allViews = useSavedViewsStore((state) => state.views)
  const [query, setQuery] = useState('')
  const [active, setActive] = useState(0)
  const [elsewhere, setElsewhere] = useState(false)
  const recent = useMemo(() => readRecent(userId), [userId])

  useEffect(() => {
    const dialog = dialogRef.current
    if (dialog && !dialog.open) dialog.showModal()
  }, [])

  const items = useMemo(() => {
    const out: GoToItem[] = pages.map((page) => ({
      key: `page:${page.path}`,
      kind: 'page',
      label: page.label,
      detail: null,
      target: { path: page.path },
    }))
    const list = agents.data?.items ?? []
    const applications = [...new Set(list.map((agent) => agent.applicationId))].sort()
    for (const applicationId of applications) {
      out.push({
        key: `application:${applicationId}`,
        kind: 'application',
        label: applicationId,
        detail: null,
        target: { path: `/agents?app=${encodeURIComponent(applicationId)}` },
      })
    }
    const routes = new Map<string, { applicationId: string; routeId: string }>()
    for (const agent of list) {
      for (const routeId of agent.routeIds) {
        routes.set(`${agent.applicationId}/${routeId}`, {
          applicationId: agent.applicationId,
          routeId,
        })
      }
    }
    for (const [key, route] of [...routes].sort(([a], [b]) => a.localeCompare(b))) {
      out.push({
        key: `route:${key}`,
        kind: 'route',
        label: route.routeId,
        detail: route.applicationId,
        target: {
          path: `/executions?${new URLSearchParams({ app: route.applicationId, route: route.routeId }).toString()}`,
        },
      })
    }
    for (const agent of list) {
      out.push({
        key: `agent:${agent.agentId}`,
        kind: 'agent',
        label: agent.agentId,
        detail: agent.hostname,
        target: { path: `/agents/${encodeURIComponent(agent.agentId)}` },
      })
    }
    for (const view of savedViewsOf(allViews, userId)) {
      out.push({
        key: `saved-view:${view.id}`,
        kind: 'saved-view',
        label: view.name,
        detail: null,
        target: { path: view.url },
      })
    }
    for (const environment of environments.items) {
      if (environment.id === env) continue
      out.push({
        key: `environment:${environment.id}`,
        kind: 'environment',
        label: environment.id,
        detail: 'switch environment',
        target: { environment: environment.id },
      })
    }
    return out
  }, [pages, agents.data, allViews, userId, environments.items, env])

  const pasted = detectPastedId(query)
  const here = useQuery({
    ...executionResources.lookup(scope, pasted?.id ?? ''),
    enabled: pasted !== null && !!env,
    staleTime: 30_000,
  })
  const others = environments.ids.filter((id) => id !== env)
  const there = useQueries({
    queries: others.map((other) => ({
      ...executionResources.lookup({ tenant, env: other }, pasted?.id ?? ''),
      enabled: pasted !== null && elsewhere,
      staleTime: 30_000,
    })),
  })

  const options = useMemo((): Option[] => {
    const out: Option[] = []
    if (pasted && here.data) {
      out.push({
        key: `execution:${env}`,
        kind: 'execution',
        execution: here.data,
        environment: env,
      })
    }
    if (pasted && here.data === null && others.length > 0 && !elsewhere) {
      out.push({ key: 'search-elsewhere', kind: 'search-elsewhere' })
    }
    if (pasted && elsewhere) {
      there.forEach((result, i) => {
        const environment = others[i]
        if (result.data && environment) {
          out.push({
            key: `execution:${environment}`,
            kind: 'execution',
            execution: result.data,
            environment,
          })
        }
      })
    }
    for (const item of rankItems(query, items, recent)) {
      out.push({ key: item.key, kind: 'item', item })
    }
    return out
  }, [pasted, here.data, env, others, elsewhere, there, query, items, recent])

  const activeIndex = Math.min(active, options.length - 1)
  const activeOption = activeIndex >= 0 ? options[activeIndex] : undefined
  const optionId = (index: number) => `${listboxId}-option-${index}`

  const close = () => dialogRef.current?.close()

  const choose = (option: Option) => {
    if (option.kind === 'search-elsewhere') {
      setElsewhere(true)
      return
    }
    if (option.kind === 'execution') {
      const path = `/executions/${encodeURIComponent(option.execution.executionId)}?env=${encodeURIComponent(option.environment)}`
      close()
      // Another environment: opened like a link, so the page says it switched.
      void navigate(path, option.environment === env ? undefined : { state: { openedLink: true } })
      return
    }
    const { item } = option
    rememberRecent(userId, item.key)
    close()
    if ('environment' in item.target) {
      const params = new URLSearchParams(location.search)
      params.set('env', item.target.environment)
      void navigate(`${location.pathname}?${params.toString()}`)
    } else if (item.kind === 'saved-view') {
      void navigate(item.target.path, { state: { openedLink: true } })
    } else {
      void navigate(withEnvironment(item.target.path, env))
    }
  }

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault()
      if (options.length === 0) return
      const step = event.key === 'ArrowDown' ? 1 : -1
      setActive((activeIndex + step + options.length) % options.length)
    } else if (event.key === 'Enter') {
      event.preventDefault()
      if (activeOption) choose(activeOption)
    }
  }

  const searchingElsewhere = elsewhere && there.some((result) => result.isFetching)
  const status = !pasted
    ? `${options.length} ${options.length === 1 ? 'result' : 'results'}`
    : here.isFetching
      ? `Looking for ${pasted.id} in ${env}…`
      : here.isError
        ? `Could not look for ${pasted.id} in ${env}.`
        : here.data
          ? `Execution found in ${env}.`
          : !elsewhere
            ? `No execution with this id in ${env} in the last ${LOOKUP_DAYS} days.${others.length > 0 ? ' Search the other environments you may see?' : ''}`
            : searchingElsewhere
              ? `Not in ${env}. Looking in ${others.join(', ')}…`
              : options.some((option) => option.kind === 'execution')
                ? `Not in ${env}; found in ${options
                    .flatMap((option) => (option.kind === 'execution' ? [option.environment] : []))
                    .join(', ')}.`
                : `No execution with this id in any environment you may see (last ${LOOKUP_DAYS} days).`

  return (
    <dialog
      ref={dialogRef}
      className="workspace-dialog go-to-dialog"
      aria-labelledby={titleId}
      onClose={onClose}
    >
      <h2 id={titleId}>Go to</h2>
      <input
        className="input go-to-input"
        type="text"
        role="combobox"
        aria-label="Go to"
        aria-describedby={statusId}
        aria-expanded={options.length > 0}
        aria-controls={listboxId}
        aria-autocomplete="list"
        aria-activedescendant={activeOption ? optionId(activeIndex) : undefined}
        autoComplete="off"
        spellCheck={false}
        placeholder="A page, application, route, agent, saved view, environment, or an id"
        value={query}
        onChange={(event) => {
          setQuery(event.target.value)
          setActive(0)
          setElsewhere(false)
        }}
        onKeyDown={onKeyDown}
      />
      <p id={statusId} className="workspace-dialog-hint" role="status">
        {status}
      </p>
      <ul id={listboxId} role="listbox" aria-label="Places" className="go-to-list">
        {options.map((option, index) => (
          <li
            key={option.key}
            id={optionId(index)}
            role="option"
            aria-selected={index === activeIndex}
            className={index === activeIndex ? 'go-to-option is-active' : 'go-to-option'}
            onClick={() => choose(option)}
            onMouseMove={() => {
              if (index !== activeIndex) setActive(index)
            }}
          >
            {option.kind === 'item' ? (
              <>
                <span className="go-to-kind">{KIND_LABELS[option.item.kind]}</span>
                <span className="go-to-label">{option.item.label}</span>
                {option.item.detail ? (
                  <span className="go-to-detail">{option.item.detail}</span>
                ) : null}
              </>
            ) : option.kind === 'execution' ? (
              <>
                <span className="go-to-kind">Execution</span>
                <span className="go-to-label">
                  Open {option.execution.routeId} ({option.execution.status})
                </span>
                <span className="go-to-detail">
                  {option.environment === env
                    ? `in ${env}`
                    : `found in ${option.environment}: opening switches to ${option.environment}`}
                </span>
              </>
            ) : (
              <>
                <span className="go-to-kind">Search</span>
                <span className="go-to-label">Search the other environments for this id</span>
                <span className="go-to-detail">{others.join(', ')}</span>
              </>
            )}
          </li>
        ))}
      </ul>
      <div className="workspace-dialog-actions">
        <button type="button" className="button" onClick={close}>
          Close
        </button>
      </div>
    </dialog>
  )
}
