import { useEffect, type ReactNode } from 'react'
import { Navigate, useLocation } from 'react-router'
import { HandoffDialog } from './handoff-dialog'
import { SessionReplacedNotice } from './session-replaced'
import { endSession, useClaims, useReplacedBy } from './session-store'

/**
 * Guards every signed-in page: without a session, go to the sign-in page and come back here
 * after. Also ends the session the moment the token expires, not at the next request.
 */
export function RequireSession({ children }: { children: ReactNode }) {
  const claims = useClaims()
  const replacedBy = useReplacedBy()
  const location = useLocation()

  useEffect(() => {
    if (!claims) return
    let timer: ReturnType<typeof setTimeout>
    // setTimeout overflows past ~24.8 days: wait in steps of at most that, and end the session
    // only once the token has really expired.
    const schedule = () => {
      const remaining = claims.expiresAt.getTime() - Date.now()
      if (remaining <= 0) endSession('session-expired')
      else timer = setTimeout(schedule, Math.min(remaining, 2 ** 31 - 1))
    }
    schedule()
    return () => clearTimeout(timer)
  }, [claims])

  if (replacedBy) return <SessionReplacedNotice />
  if (!claims) {
    const next = `${location.pathname}${location.search}`
    return <Navigate to={`/login?next=${encodeURIComponent(next)}`} replace />
  }
  return (
    <>
      {children}
      <HandoffDialog />
    </>
  )
}
