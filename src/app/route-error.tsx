import { isRouteErrorResponse, useRouteError } from 'react-router'
import { ErrorState } from '@/components/query-states'

/** Shown when a page fails to load or render (e.g. a chunk failed after a deploy). */
export function RouteError() {
  const error = useRouteError()
  if (isRouteErrorResponse(error) && error.status === 404) return <NotFoundPage />
  return (
    <ErrorState
      error={error}
      title="This page failed to load"
      onRetry={() => window.location.reload()}
    />
  )
}

export function NotFoundPage() {
  return (
    <div className="state state-empty" role="alert">
      <strong>Page not found</strong>
      <p>There is no page at this address.</p>
    </div>
  )
}
