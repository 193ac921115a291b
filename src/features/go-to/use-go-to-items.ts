import { useQuery } from '@tanstack/react-query'
import { useMemo } from 'react'
import type { Schemas } from '@/lib/api/types'
import type { Scope } from '@/lib/query/query-scope'
import { agentResources } from '@/lib/resources/agents'
import { savedViewsOf, useSavedViewsStore } from '@/lib/saved-views/saved-views-store'
import type { GoToItem } from './go-to-ranking'

export interface GoToPage {
  path: string
  label: string
}

/**
 * What "Go to" can open: the pages; the applications, routes and agents of the active
 * environment (its agent registry, shared with the Agents page's cache entry); this user's
 * saved views; the other environments the user may see.
 */
export function useGoToItems(
  pages: readonly GoToPage[],
  scope: Scope,
  userId: string,
  environments: Schemas['EnvironmentList']['items'],
): GoToItem[] {
  const agents = useQuery({
    ...agentResources.list(scope),
    staleTime: 60_000,
    enabled: !!scope.env,
  })
  const allViews = useSavedViewsStore((state) => state.views)
  return useMemo(() => {
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
    for (const environment of environments) {
      if (environment.id === scope.env) continue
      out.push({
        key: `environment:${environment.id}`,
        kind: 'environment',
        label: environment.id,
        detail: 'switch environment',
        target: { environment: environment.id },
      })
    }
    return out
  }, [pages, agents.data, allViews, userId, environments, scope.env])
}
