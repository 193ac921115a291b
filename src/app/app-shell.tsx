import { useIsFetching } from '@tanstack/react-query'
import { startTransition, useCallback, useEffect, useRef, useState } from 'react'
import { Outlet } from 'react-router'
import { EnvironmentGate } from '@/environment/environment-gate'
import { environmentLabel, isProduction } from '@/environment/environment-info'
import { useActiveEnvironment } from '@/environment/environment-store'
import { ActiveRole } from '@/environment/active-role'
import { EnvironmentSwitcher } from '@/environment/environment-switcher'
import { usePermissions } from '@/environment/use-permissions'
import { useEnvironmentInfo } from '@/environment/use-environment-info'
import { WriteOutcomeRegion } from '@/environment/write-outcome'
import { ScopedLink, ScopedNavLink } from '@/environment/scoped-link'
import { endSession, useClaims } from '@/session/session-store'
import { navigationHint } from './navigation-shortcuts'
import { SavedViewsMenu } from './saved-views-menu'
import { ThemeControl } from './theme-control'
import { TimeZoneToggle } from './time-zone-toggle'
import { WorkspaceShortcuts } from './workspace-shortcuts'

type HeaderToolsModule = typeof import('./header-tools')

/**
 * The header's tools (alert bell, "Go to"): asked for once the page has shown and had its data
 * (see WhenSettled), so the page's own code, requests and first drawing go first. `load` starts
 * that, once; the tools then mount in a transition, in short tasks. Not loaded (offline, a new
 * deploy): the header goes without them.
 */
function useHeaderTools(): { tools: HeaderToolsModule | null; load: () => void } {
  const [tools, setTools] = useState<HeaderToolsModule | null>(null)
  const asked = useRef(false)
  const load = useCallback(() => {
    if (asked.current) return
    asked.current = true
    import('./header-tools').then(
      (module) => startTransition(() => setTools(module)),
      () => undefined,
    )
  }, [])
  return { tools, load }
}

/** The longest the header tools wait for a page whose requests never all settle. */
const HEADER_TOOLS_MAX_WAIT_MS = 3_000
/**
 * How long no request may be in flight before the page counts as settled: a page often asks in
 * waves (the agent list, then the charts that need it), with a gap between them.
 */
const QUIET_MS = 500

/**
 * Calls `onSettled` once the page beside it has had no request in flight for QUIET_MS and the
 * browser is idle (the bell's requests and mount would otherwise land in the frames that draw
 * the page's answers), or HEADER_TOOLS_MAX_WAIT_MS after it was rendered, whichever comes
 * first. Placed beside the page, inside the environment gate.
 */
function WhenSettled({ onSettled }: { onSettled: () => void }) {
  const fetching = useIsFetching()
  useEffect(() => {
    const timer = setTimeout(onSettled, HEADER_TOOLS_MAX_WAIT_MS)
    return () => clearTimeout(timer)
  }, [onSettled])
  useEffect(() => {
    if (fetching > 0) return
    let cancelIdle = () => {}
    const quiet = setTimeout(() => {
      cancelIdle = whenIdle(onSettled)
    }, QUIET_MS)
    return () => {
      clearTimeout(quiet)
      cancelIdle()
    }
  }, [fetching, onSettled])
  return null
}

/** `requestIdleCallback` where the browser has it, else the next task; returns its cancel. */
function whenIdle(callback: () => void): () => void {
  if (typeof requestIdleCallback === 'function') {
    const id = requestIdleCallback(callback, { timeout: 1_000 })
    return () => cancelIdleCallback(id)
  }
  const timer = setTimeout(callback, 0)
  return () => clearTimeout(timer)
}

/** Header (tenant, user, environment, sign-out), navigation and the scoped page below. */
export function AppShell() {
  const claims = useClaims()
  const env = useActiveEnvironment()
  const environment = useEnvironmentInfo(env)
  const production = isProduction(environment)
  const permissions = usePermissions()
  const { tools, load: loadTools } = useHeaderTools()

  return (
    <div className={`app${production ? ' app-prod' : ''}`}>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="app-header-wrap" role="banner">
        <div className="app-header">
          <ScopedLink to="/overview" className="brand">
            <span className="brand-mark" aria-hidden="true">
              C3
            </span>
            Cameleer3
          </ScopedLink>
          <nav aria-label="Main" className="main-nav">
            <ScopedNavLink to="/overview" title={navigationHint('/overview')}>
              Overview
            </ScopedNavLink>
            <ScopedNavLink to="/agents" title={navigationHint('/agents')}>
              Agents
            </ScopedNavLink>
            <ScopedNavLink to="/executions" title={navigationHint('/executions')}>
              Executions
            </ScopedNavLink>
            <ScopedNavLink to="/logs" title={navigationHint('/logs')}>
              Logs
            </ScopedNavLink>
            <ScopedNavLink to="/metrics" title={navigationHint('/metrics')}>
              Metrics
            </ScopedNavLink>
            <ScopedNavLink to="/alerts" title={navigationHint('/alerts')}>
              Alerts
            </ScopedNavLink>
            <ScopedNavLink to="/usage" title={navigationHint('/usage')}>
              Usage
            </ScopedNavLink>
            {permissions.can('environments.manage') ? (
              <ScopedNavLink to="/admin">Admin</ScopedNavLink>
            ) : null}
          </nav>
          <div className="header-scope">
            <EnvironmentSwitcher />
            {production ? <strong className="prod-label">PRODUCTION</strong> : null}
            <ActiveRole />
          </div>
          {claims ? <SavedViewsMenu userId={claims.userId} /> : null}
          <div className="header-user">
            {tools ? <tools.HeaderTools tenant={claims?.tenant ?? null} /> : null}
            <TimeZoneToggle />
            {claims ? <ThemeControl userId={claims.userId} /> : null}
            <WorkspaceShortcuts />
            <span className="tenant">
              Tenant <strong>{claims?.tenant}</strong>
            </span>
            <span className="user-name">{claims?.name}</span>
            <button
              type="button"
              className="button button-quiet"
              onClick={() => endSession('signed-out')}
            >
              Sign out
            </button>
          </div>
        </div>
        {production ? (
          <div className="prod-strip" role="note">
            You are looking at <strong>production</strong>:{' '}
            {env ? environmentLabel(environment, env) : null}.
          </div>
        ) : null}
      </header>
      <main id="main" className="app-main">
        <WriteOutcomeRegion />
        <EnvironmentGate>
          <Outlet />
          <WhenSettled onSettled={loadTools} />
        </EnvironmentGate>
      </main>
    </div>
  )
}
