import { lazy, Suspense, useEffect, type ReactNode } from 'react'
import { Navigate, useLocation } from 'react-router'
import { endSession, useClaims, usePendingHandoff, useReplacedBy } from './session-store'

// Rare moments (a hand-off of another account, another tab signing in as someone else): loaded
// when they happen, so the first paint of every page does not pay for them.
const HandoffDialog = lazy(async () => ({
  default: (await import('./handoff-dialog')).HandoffDialog,
}))
const SessionReplacedNotice = lazy(async () => ({
  default: (await import('./session-replaced')).SessionReplacedNotice,
}))

/**
 * Guards every signed-in page: without a session, go to the sign-in page and come back here
 * after. Also ends the session the moment the token expires, not at the next request.
 */
export function RequireSession({ children }: { children: ReactNode }) {
  const claims = useClaims()
  const replacedBy = useReplacedBy()
  const pendingHandoff = usePendingHandoff()
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

  if (replacedBy) {
    return (
      <Suspense fallback={null}>
        <SessionReplacedNotice />
      </Suspense>
    )
  }
  if (!claims) {
    const next = `${location.pathname}${location.search}`
    return <Navigate to={`/login?next=${encodeURIComponent(next)}`} replace />
  }
  return (
    <>
      {children}
      {pendingHandoff ? (
        <Suspense fallback={null}>
          <HandoffDialog />
        </Suspense>
      ) : null}
    </>
  )
}
