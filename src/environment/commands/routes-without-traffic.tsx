import { useQuery } from '@tanstack/react-query'
import { useId, useMemo } from 'react'
import { agentResources } from '@/lib/resources/agents'
import { statsResources } from '@/lib/resources/stats'
import { useTimeRange } from '@/lib/time-range/use-time-range'
import { useScope } from '../use-scope'
import { ApplicationRouteState } from './route-state-cell'

/**
 * The routes an application's agents run that the route statistics leave out because nothing
 * ran through them in the range: a stopped route among them must stay in reach to be started
 * again. Shares the page's queries (the same keys), so it asks for nothing more.
 */
export function RoutesWithoutTraffic({ applicationId }: { applicationId: string }) {
  const headingId = useId()
  const scope = useScope()
  const { range } = useTimeRange()
  const stats = useQuery(statsResources.routes(scope, range))
  const agents = useQuery(agentResources.list(scope))
  const idle = useMemo(() => {
    if (!stats.data || !agents.data) return []
    const ran = new Set(
      stats.data.items
        .filter((route) => route.applicationId === applicationId)
        .map((route) => route.routeId),
    )
    const run = agents.data.items
      .filter((agent) => agent.applicationId === applicationId)
      .flatMap((agent) => agent.routeIds)
    return [...new Set(run)].filter((routeId) => !ran.has(routeId)).sort()
  }, [stats.data, agents.data, applicationId])
  if (!idle.length) return null
  return (
    <section aria-labelledby={headingId} className="route-control-section">
      <h2 id={headingId}>No traffic in this range</h2>
      <p className="muted">Routes of {applicationId} that nothing ran through in the time range.</p>
      <div className="table-wrap">
        <table className="data-table route-state-table" aria-label="No traffic in this range">
          <thead>
            <tr>
              <th scope="col">Route</th>
              <th scope="col">State</th>
            </tr>
          </thead>
          <tbody>
            {idle.map((routeId) => (
              <tr key={routeId}>
                <th scope="row" className="mono">
                  {routeId}
                </th>
                <td>
                  <ApplicationRouteState applicationId={applicationId} routeId={routeId} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  )
}
