import { ScopedLink } from '@/environment/scoped-link'

/** Where a route's page is, keeping the range: `/overview/<app>/routes/<route>?from=&to=`. */
export function routeDiagramLink(
  link: (path: string, extra: Record<string, string>) => string,
  applicationId: string,
  routeId: string,
): string {
  return link(
    `/overview/${encodeURIComponent(applicationId)}/routes/${encodeURIComponent(routeId)}`,
    {},
  )
}

export function RouteDiagramLink({ to, routeId }: { to: string; routeId: string }) {
  return (
    <ScopedLink to={to} aria-label={`Diagram of ${routeId}`}>
      Diagram
    </ScopedLink>
  )
}
