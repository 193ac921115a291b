import { useQuery, useQueryClient } from '@tanstack/react-query'
import { ChevronLeft } from 'lucide-react'
import { useLocation, useParams } from 'react-router'
import { ErrorState, LoadingState } from '@/components/query-states'
import { RefreshFailedNotice } from '@/components/refresh-failed-notice'
import { StatusBadge } from '@/components/status-badge'
import { ExactTime, RelativeTime, useNow } from '@/components/time-display'
import { AgentRoutes } from '@/environment/commands/agent-routes'
import { RouteActivity } from '@/environment/commands/route-activity'
import { ScopedLink } from '@/environment/scoped-link'
import { usePageTitle } from '@/environment/use-page-title'
import { useScope } from '@/environment/use-scope'
import { isHttpStatus } from '@/lib/api/errors'
import type { AgentInfo } from '@/lib/api/types'
import { agentFilters } from './agent-filters'
import { formatRate, pluralize } from '@/lib/format'
import { isAddressableId, truncateId } from '@/lib/ids'
import { AgentEvents } from './agent-events'
import { AgentJoinSnippet } from './agent-join-snippet'
import { agentQueries } from './agent-queries'
import { ErrorRate } from './agents-table'
import './agents.css'

/**
 * The list view the user came from (its filters and sort), handed over in the link's state.
 * Re-parsed and re-written so nothing but known filters travels, and the environment is
 * always the current one (ScopedLink adds it).
 */
function listLinkFrom(state: unknown): string {
  const search =
    state && typeof state === 'object' && 'agentsListSearch' in state
      ? state.agentsListSearch
      : null
  if (typeof search !== 'string' || search.length > 2_000) return '/agents'
  const query = agentFilters
    .write(new URLSearchParams(), agentFilters.read(new URLSearchParams(search)).values)
    .toString()
  return query ? `/agents?${query}` : '/agents'
}

/** `/agents/:agentId`: one agent, its lifecycle and how to connect more like it. */
export function AgentDetailPage() {
  const { agentId = '' } = useParams()
  const scope = useScope()
  const location = useLocation()
  const queryClient = useQueryClient()
  const now = useNow(5_000)
  const addressable = isAddressableId(agentId)
  const shownId = truncateId(agentId)
  usePageTitle(`Agent ${truncateId(agentId, 48)}`)

  const agent = useQuery({
    ...agentQueries.detail(scope, agentId),
    enabled: addressable,
    // Coming from the list, show its row at once while the agent itself loads. Same scope by
    // construction (the list key of this tenant and environment), never another environment's.
    placeholderData: () =>
      queryClient
        .getQueryData(agentQueries.list(scope).queryKey)
        ?.items.find((candidate) => candidate.agentId === agentId),
  })

  const backTo = listLinkFrom(location.state)
  const breadcrumb = (
    <nav aria-label="Breadcrumb" className="breadcrumb">
      <ScopedLink to={backTo}>
        <ChevronLeft aria-hidden="true" size={14} />
        Agents in {scope.env}
      </ScopedLink>
    </nav>
  )

  if (!addressable || isHttpStatus(agent.error, 404)) {
    return (
      <div className="agent-detail">
        {breadcrumb}
        <div className="state state-empty agent-not-found" role="alert">
          <h1>
            Agent <span className="agent-id">{shownId}</span> not found in {scope.env}
          </h1>
          <p>
            No agent with this id is registered in environment <b>{scope.env}</b> of tenant{' '}
            <b>{scope.tenant}</b>. It may have been removed, or it runs in another environment:
            switch environment above to look there.
          </p>
          <ScopedLink to="/agents" className="button">
            Show all agents in {scope.env}
          </ScopedLink>
        </div>
      </div>
    )
  }

  return (
    <div className="agent-detail">
      {breadcrumb}
      <header className="page-header">
        <div>
          <p className="eyebrow">Agent</p>
          <h1 className="agent-id" title={agentId.length > shownId.length ? agentId : undefined}>
            {shownId}
          </h1>
        </div>
        {agent.data ? <StatusBadge status={agent.data.status} /> : null}
      </header>

      {agent.isPending ? (
        <LoadingState label={`Loading agent from ${scope.env}…`} />
      ) : agent.isError && !agent.data ? (
        <ErrorState error={agent.error} onRetry={() => void agent.refetch()} />
      ) : agent.data ? (
        <>
          <RefreshFailedNotice what="this agent" query={agent} now={now} />
          <HealthNotice agent={agent.data} now={now} />
          <AgentDetails agent={agent.data} now={now} />
          <AgentRoutes agent={agent.data} />
          <RouteActivity applicationId={agent.data.applicationId} agentId={agent.data.agentId} />
        </>
      ) : null}

      <AgentEvents scope={scope} agentId={agentId} now={now} />

      <AgentJoinSnippet env={scope.env} applicationId={agent.data?.applicationId ?? null} />
    </div>
  )
}

function HealthNotice({ agent, now }: { agent: AgentInfo; now: Date }) {
  if (agent.status === 'LIVE') return null
  return (
    <div className={`notice agent-health agent-health-${agent.status.toLowerCase()}`} role="note">
      <span>
        <strong>{agent.status}:</strong>{' '}
        {agent.status === 'DEAD' ? 'heartbeat lost' : 'heartbeat late'}; the last one arrived{' '}
        <RelativeTime iso={agent.lastHeartbeatAt} now={now} />.
      </span>
    </div>
  )
}

function AgentDetails({ agent, now }: { agent: AgentInfo; now: Date }) {
  return (
    <section aria-labelledby="agent-details-heading" className="agent-details">
      <h2 id="agent-details-heading">Details</h2>
      <dl className="props">
        <dt>Application</dt>
        <dd>
          <ScopedLink to={`/agents?app=${encodeURIComponent(agent.applicationId)}`}>
            {agent.applicationId}
          </ScopedLink>
        </dd>
        <dt>Hostname</dt>
        <dd className="mono">{agent.hostname}</dd>
        <dt>Status</dt>
        <dd>
          <StatusBadge status={agent.status} />
        </dd>
        <dt>Registered at</dt>
        <dd>
          <ExactTime iso={agent.registeredAt} /> (
          <RelativeTime iso={agent.registeredAt} now={now} />)
        </dd>
        <dt>Last heartbeat</dt>
        <dd>
          <ExactTime iso={agent.lastHeartbeatAt} /> (
          <RelativeTime iso={agent.lastHeartbeatAt} now={now} />)
        </dd>
        <dt>Agent version</dt>
        <dd>{agent.agentVersion}</dd>
        <dt>Camel version</dt>
        <dd>{agent.camelVersion}</dd>
        <dt>Exchanges/s</dt>
        <dd>{formatRate(agent.exchangesPerSecond)}</dd>
        <dt>Error rate</dt>
        <dd>
          <ErrorRate rate={agent.errorRate} />
        </dd>
        <dt>Routes</dt>
        <dd>
          {agent.routeIds.length ? pluralize(agent.routeIds.length, 'route') : 'No routes reported'}
        </dd>
      </dl>
    </section>
  )
}
