import { useId } from 'react'
import type { AgentInfo } from '@/lib/api/types'
import { actionLabel, allowedActions, routeStateOf } from '@/lib/commands/route-actions'
import { pluralize } from '@/lib/format'
import { useScope } from '../use-scope'
import { usePermissions } from '../use-permissions'
import { requestRouteControl } from './route-control-store'
import './commands.css'

/**
 * An agent's routes with the state it last reported for each, and for operators the actions
 * that state allows ("Stop orders-in", "Suspend orders-in"…), each confirmed on the safe path.
 */
export function AgentRoutes({ agent }: { agent: AgentInfo }) {
  const headingId = useId()
  const scope = useScope()
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
                        <td className="route-actions">
                          {allowedActions(state).map((action) => (
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
                          ))}
                        </td>
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
