import { useQuery } from '@tanstack/react-query'
import { useId, useState } from 'react'
import { useSearchParams } from 'react-router'
import { environmentLabel, environmentName } from '@/environment/environment-info'
import { can } from '@/environment/permissions'
import { useAvailableEnvironments } from '@/environment/use-available-environments'
import { useEnvironmentLookup } from '@/environment/use-environment-info'
import { useMe } from '@/environment/use-permissions'
import { requirementText } from '@/environment/permissions'
import { HttpError } from '@/lib/api/errors'
import { compareSettings } from '@/lib/app-config/settings-diff'
import type { Scope } from '@/lib/query/query-scope'
import { appConfigResources, type AppConfig } from '@/lib/resources/app-config'
import { CopyConfigDialog } from './config-dialogs'

/** The URL parameter naming the environment compared with (links from the Compare page set it). */
export const CONFIG_COMPARE_PARAM = 'configWith'

/**
 * "Compare with…": this application's settings here and in another environment the user may
 * read, side by side, each difference said in words; and the copy of either side's settings to
 * the other, through the safe path.
 */
export function ConfigCompare({
  scope,
  applicationId,
  config,
  edited,
}: {
  scope: Scope
  applicationId: string
  config: AppConfig
  /** The form has unsaved edits (a copy takes the saved settings). */
  edited: boolean
}) {
  const selectId = useId()
  const [searchParams, setSearchParams] = useSearchParams()
  const { items } = useAvailableEnvironments()
  const lookup = useEnvironmentLookup()
  const others = items.filter((item) => item.id !== scope.env)
  const asked = searchParams.get(CONFIG_COMPARE_PARAM)
  const other = others.some((item) => item.id === asked) ? asked : null
  const choose = (env: string) =>
    setSearchParams(
      (params) => {
        if (env) params.set(CONFIG_COMPARE_PARAM, env)
        else params.delete(CONFIG_COMPARE_PARAM)
        return params
      },
      { replace: true },
    )
  if (others.length === 0) return null
  return (
    <div className="app-config-compare">
      <div className="field">
        <label htmlFor={selectId}>Compare with…</label>
        <select id={selectId} value={other ?? ''} onChange={(event) => choose(event.target.value)}>
          <option value="">No other environment</option>
          {others.map((item) => (
            <option key={item.id} value={item.id}>
              {environmentLabel(item, item.id)}
            </option>
          ))}
        </select>
      </div>
      {other ? (
        <Comparison
          key={other}
          scope={scope}
          otherEnv={other}
          applicationId={applicationId}
          config={config}
          edited={edited}
          lookup={lookup}
        />
      ) : null}
    </div>
  )
}

function Comparison({
  scope,
  otherEnv,
  applicationId,
  config,
  edited,
  lookup,
}: {
  scope: Scope
  otherEnv: string
  applicationId: string
  config: AppConfig
  edited: boolean
  lookup: ReturnType<typeof useEnvironmentLookup>
}) {
  const me = useMe().data
  const otherScope = { tenant: scope.tenant, env: otherEnv }
  const query = useQuery(appConfigResources.detail(otherScope, applicationId))
  const [copy, setCopy] = useState<'to-here' | 'to-there' | null>(null)
  const here = { id: scope.env, facts: lookup(scope.env) }
  const there = { id: otherEnv, facts: lookup(otherEnv) }
  const hereName = environmentName(here.facts, here.id)
  const thereName = environmentName(there.facts, there.id)
  if (query.isPending) return <p className="muted">Reading {thereName}…</p>
  if (query.isError) {
    return (
      <p role="alert">
        {query.error instanceof HttpError && query.error.status === 404
          ? `${applicationId} has no agents in ${thereName}: nothing to compare.`
          : `Could not read the configuration in ${thereName}.`}
      </p>
    )
  }
  const theirs = query.data
  // The other environment first: the copy offered first brings its settings here.
  const rows = compareSettings(theirs.settings, config.settings)
  const differing = rows.filter((row) => row.differs).length
  const copyButton = (direction: 'to-here' | 'to-there') => {
    const from = direction === 'to-here' ? there : here
    const to = direction === 'to-here' ? here : there
    const label = `Copy ${environmentName(from.facts, from.id)} settings to ${environmentName(to.facts, to.id)}`
    const allowed = can(me, 'config.update', to.id)
    const reasonId = `${direction}-reason`
    return (
      <span className="guarded-action">
        <button
          type="button"
          className="button"
          disabled={!allowed}
          aria-describedby={allowed ? undefined : reasonId}
          onClick={() => setCopy(direction)}
        >
          {label}
        </button>
        {allowed || !me ? null : (
          <span id={reasonId} className="guarded-action-note">
            {requirementText('config.update', environmentName(to.facts, to.id))}
          </span>
        )}
      </span>
    )
  }
  return (
    <>
      <table
        className="data-table app-config-table"
        aria-label={`Configuration in ${thereName} and ${hereName}`}
      >
        <thead>
          <tr>
            <th scope="col">Setting</th>
            <th scope="col">
              {thereName} (version {theirs.version})
            </th>
            <th scope="col">
              {hereName} (version {config.version})
            </th>
            <th scope="col">Same or different</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key} className={row.differs ? 'is-different' : undefined}>
              <th scope="row">{row.label}</th>
              <td>{row.a}</td>
              <td>{row.b}</td>
              <td>{row.differs ? 'Different' : 'Same'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {differing === 0 ? (
        <p>
          {applicationId} has the same settings in {thereName} and {hereName}.
        </p>
      ) : (
        <>
          <p>
            {differing} {differing === 1 ? 'setting differs' : 'settings differ'}.
            {edited ? ' A copy takes the saved settings, not your unsaved edits.' : ''}
          </p>
          <div className="app-config-actions">
            {copyButton('to-here')}
            {copyButton('to-there')}
          </div>
        </>
      )}
      {copy ? (
        <CopyConfigDialog
          tenant={scope.tenant}
          pageEnv={scope.env}
          applicationId={applicationId}
          from={copy === 'to-here' ? there : here}
          to={copy === 'to-here' ? here : there}
          settings={copy === 'to-here' ? theirs.settings : config.settings}
          targetSettings={copy === 'to-here' ? config.settings : theirs.settings}
          onClose={() => setCopy(null)}
        />
      ) : null}
    </>
  )
}
