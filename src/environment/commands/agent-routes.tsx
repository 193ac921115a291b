import { useId } from 'react'
import type { AgentInfo } from '@/lib/api/types'
import { actionLabel, allowedActions, routeStateOf } from '@/lib/commands/route-actions'
import { pluralize } from '@/lib/format'
import { useScope } from '../use-scope'
import { usePermissions } from '../use-permissions'
import { requestRouteControl, useRouteAwaitingAgents } from './route-control-store'
import { AWAITING_AGENTS } from './route-state-cell'
import './commands.css'

/**
 * An agent's routes with the state it last reported for each, and for operators the actions
 * that state allows ("Stop orders-in", "Suspend orders-in"…), each confirmed on the safe path.
 */
export function AgentRoutes({ agent }: { agent: AgentInfo }) {
  const headingId = useId()
  const { can } = usePermissions()
  const operator = can('route-control')
  const live = agent.status === 'LIVE'
  return (
    <section aria-labelledby={headingId} className="route-control-section">
      <h2 id={headingId}>Routes</h2>
      {agent.routeIds.length === 0 ? (
        <p className="muted">No routes reported.</p>
      ) : (
        <>
          <p className="muted">
            {pluralize(agent.routeIds.length, 'route')}, in the state of the agent’s last heartbeat.
          </p>
          {operator && !live ? (
            <p className="muted">
              The agent is {agent.status}: route control needs a LIVE agent to answer.
            </p>
          ) : null}
          <div className="table-wrap">
            <table className="data-table route-state-table" aria-label="Routes">
              <thead>
                <tr>
                  <th scope="col">Route</th>
                  <th scope="col">State</th>
                  {operator && live ? <th scope="col">Actions</th> : null}
                </tr>
              </thead>
              <tbody>
                {agent.routeIds.map((routeId) => {
                  const state = routeStateOf(agent, routeId)
                  return (
                    <tr key={routeId}>
                      <th scope="row" className="mono">
                        {routeId}
                      </th>
                      <td>{state}</td>
                      {operator && live ? (
                        <RouteActions agent={agent} routeId={routeId} state={state} />
                      ) : null}
                    </tr>
                  )
                })}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  )
}

/** The actions a route's state allows on this agent, or why there are none for now. */
function RouteActions({
  agent,
  routeId,
  state,
}: {
  agent: AgentInfo
  routeId: string
  state: ReturnType<typeof routeStateOf>
}) {
  const scope = useScope()
  const awaiting = useRouteAwaitingAgents(scope, agent.applicationId, routeId)
  return (
    <td className="route-actions">
      {awaiting ? (
        <span className="muted">{AWAITING_AGENTS}</span>
      ) : (
        allowedActions(state).map((action) => (
          <button
            key={action}
            type="button"
            className="button"
            aria-label={`${actionLabel(action)} ${routeId}`}
            onClick={() =>
              requestRouteControl({
                scope,
                applicationId: agent.applicationId,
                routeId,
                action,
                agentId: agent.agentId,
                liveAgents: 1,
              })
            }
          >
            {actionLabel(action)}
          </button>
        ))
      )}
    </td>
  )
}
