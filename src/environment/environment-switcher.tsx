import { useQuery } from '@tanstack/react-query'
import { useId } from 'react'
import { useSearchParams } from 'react-router'
import { useClaims } from '@/session/session-store'
import { CompareLink } from './compare-link'
import { tokenAllowsEnvironment } from '@/session/token-claims'
import { environmentQueries } from './environment-queries'
import { isProductionEnvironment, useActiveEnvironment } from './environment-store'

/**
 * The environment switcher (accessible name "Environment"). Choosing writes `?env=` to the
 * URL, which the environment gate turns into the active environment: the URL stays the one
 * source a link can reproduce.
 */
export function EnvironmentSwitcher() {
  const claims = useClaims()
  const active = useActiveEnvironment()
  const [, setSearchParams] = useSearchParams()
  const id = useId()
  const environments = useQuery({
    ...environmentQueries.list(claims?.tenant ?? ''),
    enabled: !!claims,
  })
  const items = (environments.data?.items ?? []).filter((environment) =>
    claims ? tokenAllowsEnvironment(claims, environment.id) : false,
  )

  return (
    <div className={`env-switcher${isProductionEnvironment(active) ? ' is-prod' : ''}`}>
      <label htmlFor={id}>Environment</label>
      <select
        id={id}
        value={active ?? ''}
        disabled={!items.length}
        aria-keyshortcuts="Shift+E"
        title="Environment (Shift+E)"
        onChange={(event) => {
          const env = event.target.value
          setSearchParams((params) => {
            params.set('env', env)
            // A cursor or selection belongs to the old environment's data.
            params.delete('cursor')
            return params
          })
        }}
      >
        {!active ? <option value="">Loading…</option> : null}
        {items.map((environment) => (
          <option key={environment.id} value={environment.id}>
            {environment.id} · {environment.liveAgentCount}/{environment.agentCount} agents live
          </option>
        ))}
      </select>
      {active && items.length > 1 ? <CompareLink className="env-compare-link" /> : null}
    </div>
  )
}
