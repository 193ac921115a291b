import { useQueries } from '@tanstack/react-query'
import { Bell } from 'lucide-react'
import { useEffect, useId, useMemo, useRef, useState } from 'react'
import { Link } from 'react-router'
import { RelativeTime } from '@/components/time-display'
import { environmentName, isProduction } from '@/environment/environment-info'
import { useActiveEnvironment } from '@/environment/environment-store'
import { withEnvironment } from '@/environment/scoped-link'
import { useAvailableEnvironments } from '@/environment/use-available-environments'
import { SEVERITY_WORDS } from '@/lib/alert-conditions'
import type { Schemas } from '@/lib/api/types'
import { polling } from '@/lib/query/retry-policy'
import { alertResources } from '@/lib/resources/alerts'
import { bellModel, type BellEnvironment } from './alert-bell-model'
import './alert-bell.css'

/** How often the bell asks each environment what is open (the contract's "every 30 s"). */
export const BELL_POLL_MS = 30_000

/** The environments the bell watches: every one the user may see, as the server names them. */
function useBellEnvironments(): BellEnvironment[] {
  const { items } = useAvailableEnvironments()
  return useMemo(
    () =>
      items.map((item) => ({
        id: item.id,
        name: environmentName(item, item.id),
        production: isProduction(item),
      })),
    [items],
  )
}

/**
 * The bell in the header: what is open in **every** environment the user may see, production
 * first, whichever environment the page shows. One summary query per environment, each keyed by
 * its own scope and polled every 30 s (backing off while its server fails, never while the tab
 * is hidden: TanStack Query pauses `refetchInterval` in the background).
 */
export function AlertBell({ tenant }: { tenant: string }) {
  const environments = useBellEnvironments()
  const [open, setOpen] = useState(false)
  const summaries = useQueries({
    queries: environments.map((env) => ({
      ...alertResources.summary({ tenant, env: env.id }),
      staleTime: BELL_POLL_MS - 1_000,
      refetchInterval: polling(BELL_POLL_MS),
    })),
  })
  const model = bellModel(
    environments,
    new Map(environments.map((env, i) => [env.id, summaries[i]?.data])),
  )
  const total = model.productionUnacknowledged + model.otherUnacknowledged
  return (
    <span className="alert-bell">
      <button
        type="button"
        className="button button-quiet alert-bell-button"
        aria-label={model.label}
        title={model.label}
        aria-haspopup="dialog"
        onClick={() => setOpen(true)}
      >
        <Bell size={16} aria-hidden="true" />
      </button>
      {/* Beside the button, not in it: the name says it in words (axe: label-content-name-mismatch). */}
      {total > 0 ? (
        <span className="alert-bell-badges" aria-hidden="true">
          {model.productionUnacknowledged > 0 ? (
            <span className="alert-bell-badge alert-bell-badge-prod">
              {model.productionUnacknowledged}
            </span>
          ) : null}
          {model.otherUnacknowledged > 0 ? (
            <span className="alert-bell-badge">{model.otherUnacknowledged}</span>
          ) : null}
        </span>
      ) : null}
      {open ? (
        <OpenAlertsDialog
          tenant={tenant}
          environments={environments}
          onClose={() => setOpen(false)}
        />
      ) : null}
    </span>
  )
}

type Alert = Schemas['Alert']

/** The open alerts of every environment, production first; one request per environment. */
function OpenAlertsDialog({
  tenant,
  environments,
  onClose,
}: {
  tenant: string
  environments: readonly BellEnvironment[]
  onClose: () => void
}) {
  const dialogRef = useRef<HTMLDialogElement>(null)
  const titleId = useId()
  const active = useActiveEnvironment()
  const ordered = [
    ...environments.filter((env) => env.production),
    ...environments.filter((env) => !env.production),
  ]
  const lists = useQueries({
    queries: ordered.map((env) => alertResources.open({ tenant, env: env.id })),
  })
  useEffect(() => {
    const dialog = dialogRef.current
    if (dialog && !dialog.open) dialog.showModal()
  }, [])
  return (
    <dialog
      ref={dialogRef}
      className="workspace-dialog"
      aria-labelledby={titleId}
      onClose={onClose}
    >
      <h2 id={titleId}>Open alerts</h2>
      {ordered.map((env, i) => {
        const query = lists[i]
        const items = (query?.data?.items ?? []).filter((alert) => alert.environment === env.id)
        return (
          <section key={env.id} className="alert-bell-env" aria-label={env.name}>
            <h3 className={env.production ? 'alert-bell-env-prod' : undefined}>
              {env.name}
              {env.production ? ' (production)' : ''}
            </h3>
            {query?.isPending ? <p className="muted">Loading…</p> : null}
            {query?.isError ? <p role="alert">Could not load the alerts of {env.name}.</p> : null}
            {query?.data && items.length === 0 ? <p className="muted">Nothing open.</p> : null}
            {items.length > 0 ? (
              <ul className="alert-bell-list">
                {items.map((alert) => (
                  <li key={alert.alertId}>
                    <BellAlertLink
                      alert={alert}
                      envName={env.name}
                      otherEnvironment={env.id !== active}
                      onFollow={() => dialogRef.current?.close()}
                    />
                  </li>
                ))}
              </ul>
            ) : null}
          </section>
        )
      })}
      <div className="workspace-dialog-actions">
        <button type="button" className="button" onClick={() => dialogRef.current?.close()}>
          Close
        </button>
      </div>
    </dialog>
  )
}

/**
 * One alert; in another environment the link says that it switches, and opens like a shared
 * link (the environment gate then shows "This link opened …" with the way back).
 */
function BellAlertLink({
  alert,
  envName,
  otherEnvironment,
  onFollow,
}: {
  alert: Alert
  envName: string
  otherEnvironment: boolean
  onFollow: () => void
}) {
  return (
    <>
      <Link
        to={withEnvironment('/alerts', alert.environment)}
        state={otherEnvironment ? { openedLink: true } : undefined}
        onClick={onFollow}
      >
        {alert.ruleName}
        {otherEnvironment ? ` (switches to ${envName})` : ''}
      </Link>{' '}
      <span className={`severity severity-${alert.severity.toLowerCase()}`}>
        {SEVERITY_WORDS[alert.severity]}
      </span>{' '}
      <span className="muted">
        {alert.state === 'ACKNOWLEDGED' ? 'acknowledged, ' : ''}
        {alert.silencedBy ? 'silenced, ' : ''}
        started <RelativeTime iso={alert.startedAt} />
      </span>
    </>
  )
}
