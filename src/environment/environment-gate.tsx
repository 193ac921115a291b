import { useQuery, useQueryClient } from '@tanstack/react-query'
import {
  lazy,
  Suspense,
  useEffect,
  useLayoutEffect,
  useMemo,
  useState,
  type ReactNode,
} from 'react'
import { useLocation, useSearchParams } from 'react-router'
import { ErrorState, LoadingState } from '@/components/query-states'
import { RefreshFailedNotice } from '@/components/refresh-failed-notice'
import { isHttpStatus } from '@/lib/api/errors'
import { useClaims } from '@/session/session-store'
import { tokenAllowsEnvironment } from '@/session/token-claims'
import { environmentQueries } from './environment-queries'
import { useEnvironmentStore } from './environment-store'
import { readLinkArrival, type LinkArrival } from './link-arrival'
import { resolveEnvironment, type EnvironmentResolution } from './resolve-environment'

type EnvironmentRejection = NonNullable<EnvironmentResolution['rejected']>

// Shown only when a link's environment was refused or access to one was revoked: loaded then,
// so the first paint of every page does not pay for it.
const EnvironmentNotice = lazy(async () => ({
  default: (await import('./environment-notice')).EnvironmentNotice,
}))
// Likewise the notices of a link that opened another environment or a fixed time range.
const LinkEnvironmentNotice = lazy(async () => ({
  default: (await import('./link-notices')).LinkEnvironmentNotice,
}))
const FixedRangeNotice = lazy(async () => ({
  default: (await import('./link-notices')).FixedRangeNotice,
}))

/** A navigation that opens a link (a saved view) carries this state; see `useLinkArrival`. */
interface OpenedLinkState {
  openedLink?: boolean
}

/**
 * Resolves the active environment from the URL (which wins), the last choice and the
 * environment list, writes it to the store and the URL, and renders scoped content only once
 * store and URL agree. A malformed, unknown or forbidden `?env=` is never sent anywhere.
 */
export function EnvironmentGate({ children }: { children: ReactNode }) {
  const claims = useClaims()
  if (!claims) throw new Error('EnvironmentGate needs a session')
  const environments = useQuery(environmentQueries.list(claims.tenant))
  const [searchParams, setSearchParams] = useSearchParams()
  const fromUrl = searchParams.get('env')
  const lastChosen = useEnvironmentStore((state) => state.lastChosenEnvironment)
  const active = useEnvironmentStore((state) => state.activeEnvironment)
  const activate = useEnvironmentStore((state) => state.activate)
  // The rejected value disappears from the URL at once, so the notice is remembered here.
  const [notice, setNotice] = useState<{ rejected: EnvironmentRejection; shown: string } | null>(
    null,
  )
  const revoked = useRevokedEnvironments(claims.tenant, active)

  const available = useMemo(
    () =>
      (environments.data?.items ?? [])
        .map((environment) => environment.id)
        // The server filters by the token already; this is defence in depth.
        .filter((id) => tokenAllowsEnvironment(claims, id)),
    [environments.data, claims],
  )

  const resolution = useMemo(
    () =>
      environments.data ? resolveEnvironment({ fromUrl, lastChosen, available, revoked }) : null,
    [environments.data, fromUrl, lastChosen, available, revoked],
  )

  // Remembered during render (React's "adjust state when a prop changes" pattern), because the
  // rejected value leaves the URL in the layout effect below.
  if (
    resolution?.rejected &&
    resolution.env &&
    (notice?.rejected.value !== resolution.rejected.value || notice.shown !== resolution.env)
  ) {
    setNotice({ rejected: resolution.rejected, shown: resolution.env })
  }

  const arrival = useLinkArrival({ resolution, fromUrl, lastChosen, available, searchParams })

  // Layout effect: store and URL are brought in line before the browser paints, so no frame
  // ever shows one environment's data under another's name.
  useLayoutEffect(() => {
    if (!resolution?.env) return
    if (active !== resolution.env) activate(resolution.env)
    if (fromUrl !== resolution.env) {
      setSearchParams(
        (params) => {
          params.set('env', resolution.env as string)
          return params
        },
        { replace: true },
      )
    }
  }, [resolution, active, activate, fromUrl, setSearchParams])

  if (environments.isPending) return <LoadingState label="Loading environments…" />
  // Only a first load with nothing to show is an error page: a failed background refresh keeps
  // the view (and its scroll) and says so, while the list retries on its own schedule.
  if (environments.isError && environments.data === undefined) {
    return <ErrorState error={environments.error} onRetry={() => void environments.refetch()} />
  }
  if (!resolution?.env) {
    return (
      <div className="state state-empty" role="alert">
        <strong>No environment to show</strong>
        <p>
          Tenant “{claims.tenant}” has no environment you may see yet. Environments appear when an
          agent registers with one.
        </p>
      </div>
    )
  }
  if (active !== resolution.env) return null
  return (
    <>
      <RefreshFailedNotice what="the environment list" query={environments} />
      {notice && notice.shown === active ? (
        <Suspense fallback={null}>
          <EnvironmentNotice
            rejected={notice.rejected}
            shown={notice.shown}
            onDismiss={() => setNotice(null)}
          />
        </Suspense>
      ) : null}
      {arrival.notice?.environment && arrival.notice.environment.opened === active ? (
        <Suspense fallback={null}>
          <LinkEnvironmentNotice
            opened={arrival.notice.environment.opened}
            previous={arrival.notice.environment.previous}
            onDismiss={arrival.dismissEnvironment}
          />
        </Suspense>
      ) : null}
      {arrival.notice?.fixedRange ? (
        <Suspense fallback={null}>
          <FixedRangeNotice range={arrival.notice.fixedRange} onDismiss={arrival.dismissRange} />
        </Suspense>
      ) : null}
      {children}
    </>
  )
}

/**
 * Says once where a link leads. A link is what this page load opened (the first location the
 * gate resolves: a shared link, a bookmark, a new tab) or a navigation marked as opening one
 * (a saved view). Moving around in the app (the switcher, the nav) is not a link. Checked
 * during render, before the layout effect makes the link's environment the last chosen one.
 */
function useLinkArrival({
  resolution,
  fromUrl,
  lastChosen,
  available,
  searchParams,
}: {
  resolution: EnvironmentResolution | null
  fromUrl: string | null
  lastChosen: string | null
  available: readonly string[]
  searchParams: URLSearchParams
}) {
  const location = useLocation()
  const [checkedKey, setCheckedKey] = useState<string | null>(null)
  const [notice, setNotice] = useState<LinkArrival | null>(null)
  if (resolution?.env && checkedKey !== location.key) {
    const opensLink =
      checkedKey === null || (location.state as OpenedLinkState | null)?.openedLink === true
    setCheckedKey(location.key)
    if (opensLink) {
      setNotice(
        readLinkArrival({
          fromUrl,
          resolved: resolution.env,
          rejected: !!resolution.rejected,
          lastChosen,
          available,
          search: searchParams,
        }),
      )
    }
  }
  return {
    notice,
    dismissEnvironment: () => setNotice((current) => current && { ...current, environment: null }),
    dismissRange: () => setNotice((current) => current && { ...current, fixedRange: null }),
  }
}

/**
 * Environments the server refused with a 403 while they were active: access was revoked (an
 * admin narrowed the user's role) after the page loaded. Each such refusal refetches the
 * environment list at once, so the gate moves the user to an environment they may still see
 * and says which one was lost, instead of leaving every view on an error.
 */
function useRevokedEnvironments(tenant: string, active: string | null): string[] {
  const queryClient = useQueryClient()
  const [revoked, setRevoked] = useState<string[]>([])
  useEffect(() => {
    if (!active) return
    return queryClient.getQueryCache().subscribe((event) => {
      if (event.type !== 'updated' || event.action.type !== 'error') return
      if (!isHttpStatus(event.action.error, 403)) return
      const [scope] = event.query.queryKey as [{ tenant?: unknown; env?: unknown }?]
      if (scope?.tenant !== tenant || scope.env !== active) return
      setRevoked((list) => (list.includes(active) ? list : [...list, active]))
      void queryClient.invalidateQueries({ queryKey: environmentQueries.list(tenant).queryKey })
    })
  }, [queryClient, tenant, active])
  return revoked
}
