import { useEffect, type ReactNode } from 'react'
import { Navigate, useLocation } from 'react-router'
import { endSession, useClaims } from './session-store'

/**
 * Guards every signed-in page: without a session, go to the sign-in page and come back here
 * after. Also ends the session the moment the token expires, not at the next request.
 */
export function RequireSession({ children }: { children: ReactNode }) {
  const claims = useClaims()
  const location = useLocation()

  useEffect(() => {
    if (!claims) return
    const remaining = claims.expiresAt.getTime() - Date.now()
    // setTimeout overflows past ~24.8 days; such tokens are checked again on the next render.
    const timer = setTimeout(
      () => endSession('session-expired'),
      Math.min(Math.max(remaining, 0), 2 ** 31 - 1),
    )
    return () => clearTimeout(timer)
  }, [claims])

  if (!claims) {
    const next = `${location.pathname}${location.search}`
    return <Navigate to={`/login?next=${encodeURIComponent(next)}`} replace />
  }
  return children
}
