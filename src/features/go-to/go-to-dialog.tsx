import { useQueries, useQuery } from '@tanstack/react-query'
import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react'
import { useLocation, useNavigate } from 'react-router'
import { useActiveEnvironment } from '@/environment/environment-store'
import { withEnvironment } from '@/environment/scoped-link'
import { environmentLabel } from '@/environment/environment-info'
import { useAvailableEnvironments } from '@/environment/use-available-environments'
import { useEnvironmentLookup } from '@/environment/use-environment-info'
import type { ExecutionSummary } from '@/lib/api/types'
import { executionDetailResources, LOOKUP_DAYS } from '@/lib/resources/execution-detail'
import { useClaims } from '@/session/session-store'
import {
  detectPastedId,
  KIND_LABELS,
  rankItems,
  readRecent,
  rememberRecent,
  type GoToItem,
} from './go-to-ranking'
import { useGoToItems, type GoToPage } from './use-go-to-items'
import './go-to.css'

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
export type { GoToPage }

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
  const lookupEnvironment = useEnvironmentLookup()
  const [query, setQuery] = useState('')
  const [active, setActive] = useState(0)
  const [elsewhere, setElsewhere] = useState(false)
  const recent = useMemo(() => readRecent(userId), [userId])

  useEffect(() => {
    const dialog = dialogRef.current
    if (dialog && !dialog.open) dialog.showModal()
  }, [])

  const items = useGoToItems(pages, scope, userId, environments.items)

  const pasted = detectPastedId(query)
  const others = environments.ids.filter((id) => id !== env)
  const lookup = usePastedIdLookup(pasted?.id ?? null, scope, others, elsewhere)
  const options = useMemo(
    (): Option[] => [
      ...lookup.options,
      ...rankItems(query, items, recent).map((item) => ({
        key: item.key,
        kind: 'item' as const,
        item,
      })),
    ],
    [lookup.options, query, items, recent],
  )

  const activeIndex = Math.min(active, options.length - 1)
  const activeOption = activeIndex >= 0 ? options[activeIndex] : undefined
  const optionId = (index: number) => `${listboxId}-option-${index}`

  const close = () => dialogRef.current?.close()

  const choose = (option: Option) => {
    if (option.kind === 'search-elsewhere') {
      setElsewhere(true)
      return
    }
    if (option.kind === 'item') rememberRecent(userId, option.item.key)
    const destination = destinationOf(option, env, location)
    close()
    void navigate(destination.path, destination.state ? { state: destination.state } : undefined)
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

  // Environments are named as everywhere else ("Staging (staging)"), never by id alone.
  const nameOf = (id: string) => environmentLabel(lookupEnvironment(id), id)
  const status = statusText({
    pasted: pasted?.id ?? null,
    env: nameOf(env),
    count: options.length,
    here: lookup.here,
    elsewhere,
    others: others.map(nameOf),
    searchingElsewhere: lookup.searchingElsewhere,
    foundIn: options.flatMap((option) =>
      option.kind === 'execution' ? [nameOf(option.environment)] : [],
    ),
  })

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
            <OptionContent option={option} env={env} nameOf={nameOf} others={others} />
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

function OptionContent({
  option,
  env,
  nameOf,
  others,
}: {
  option: Option
  env: string
  nameOf: (env: string) => string
  others: string[]
}) {
  if (option.kind === 'item') {
    return (
      <>
        <span className="go-to-kind">{KIND_LABELS[option.item.kind]}</span>
        <span className="go-to-label">{option.item.label}</span>
        {option.item.detail ? <span className="go-to-detail">{option.item.detail}</span> : null}
      </>
    )
  }
  if (option.kind === 'execution') {
    return (
      <>
        <span className="go-to-kind">Execution</span>
        <span className="go-to-label">
          Open {option.execution.routeId} ({option.execution.status})
        </span>
        <span className="go-to-detail">
          {option.environment === env
            ? `in ${nameOf(env)}`
            : `found in ${nameOf(option.environment)}: opening switches to ${nameOf(option.environment)}`}
        </span>
      </>
    )
  }
  return (
    <>
      <span className="go-to-kind">Search</span>
      <span className="go-to-label">Search the other environments for this id</span>
      <span className="go-to-detail">{others.map(nameOf).join(', ')}</span>
    </>
  )
}

/** What the status line under the box says (announced: it is a live region). */
function statusText(input: {
  pasted: string | null
  env: string
  count: number
  here: { isFetching: boolean; isError: boolean; data: unknown }
  elsewhere: boolean
  others: string[]
  searchingElsewhere: boolean
  foundIn: string[]
}): string {
  const { pasted, env, here, others } = input
  if (pasted === null) return `${input.count} ${input.count === 1 ? 'result' : 'results'}`
  if (here.isFetching) return `Looking for ${pasted} in ${env}…`
  if (here.isError) return `Could not look for ${pasted} in ${env}.`
  if (here.data) return `Execution found in ${env}.`
  if (!input.elsewhere) {
    const ask = others.length > 0 ? ' Search the other environments you may see?' : ''
    return `No execution with this id in ${env} in the last ${LOOKUP_DAYS} days.${ask}`
  }
  if (input.searchingElsewhere) return `Not in ${env}. Looking in ${others.join(', ')}…`
  if (input.foundIn.length > 0) return `Not in ${env}; found in ${input.foundIn.join(', ')}.`
  return `No execution with this id in any environment you may see (last ${LOOKUP_DAYS} days).`
}

/**
 * A pasted id looked up in the active environment, and (once asked) in each other one, each
 * request in its own scope: the options it gives, found executions first.
 */
function usePastedIdLookup(
  id: string | null,
  scope: { tenant: string; env: string },
  others: readonly string[],
  elsewhere: boolean,
) {
  const here = useQuery({
    ...executionDetailResources.lookup(scope, id ?? ''),
    enabled: id !== null && !!scope.env,
    staleTime: 30_000,
  })
  const there = useQueries({
    queries: others.map((other) => ({
      ...executionDetailResources.lookup({ tenant: scope.tenant, env: other }, id ?? ''),
      enabled: id !== null && elsewhere,
      staleTime: 30_000,
    })),
  })
  const options = useMemo((): Option[] => {
    if (id === null) return []
    const out: Option[] = []
    if (here.data) {
      out.push({
        key: `execution:${scope.env}`,
        kind: 'execution',
        execution: here.data,
        environment: scope.env,
      })
    } else if (here.data === null && others.length > 0 && !elsewhere) {
      out.push({ key: 'search-elsewhere', kind: 'search-elsewhere' })
    }
    if (elsewhere) {
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
    return out
  }, [id, here.data, scope.env, others, elsewhere, there])
  return {
    here,
    options,
    searchingElsewhere: elsewhere && there.some((result) => result.isFetching),
  }
}

/**
 * Where choosing an option leads. An execution of another environment, and a saved view, open
 * like a link (the page then says it switched environment); an environment keeps the page.
 */
function destinationOf(
  option: Exclude<Option, { kind: 'search-elsewhere' }>,
  env: string,
  location: { pathname: string; search: string },
): { path: string; state?: { openedLink: true } } {
  if (option.kind === 'execution') {
    const path = `/executions/${encodeURIComponent(option.execution.executionId)}?env=${encodeURIComponent(option.environment)}`
    return option.environment === env ? { path } : { path, state: { openedLink: true } }
  }
  const { item } = option
  if ('environment' in item.target) {
    const params = new URLSearchParams(location.search)
    params.set('env', item.target.environment)
    return { path: `${location.pathname}?${params.toString()}` }
  }
  if (item.kind === 'saved-view') return { path: item.target.path, state: { openedLink: true } }
  return { path: withEnvironment(item.target.path, env) }
}
