import { useId } from 'react'
import { useSearchParams } from 'react-router'
import { CompareLink } from './compare-link'
import { environmentLabel, isProduction, productionFirst } from './environment-info'
import { useActiveEnvironment } from './environment-store'
import { useAvailableEnvironments } from './use-available-environments'

/**
 * The environment switcher (accessible name "Environment"). Choosing writes `?env=` to the
 * URL, which the environment gate turns into the active environment: the URL stays the one
 * source a link can reproduce.
 */
export function EnvironmentSwitcher() {
  const active = useActiveEnvironment()
  const [, setSearchParams] = useSearchParams()
  const id = useId()
  const items = productionFirst(useAvailableEnvironments().items)
  const production = isProduction(items.find((environment) => environment.id === active))

  return (
    <div className={`env-switcher${production ? ' is-prod' : ''}`}>
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
            {`${environmentLabel(environment, environment.id)}${environment.production ? ' · production' : ''} · ${environment.liveAgentCount}/${environment.agentCount} agents live`}
          </option>
        ))}
      </select>
      {active && items.length > 1 ? <CompareLink className="env-compare-link" /> : null}
    </div>
  )
}
