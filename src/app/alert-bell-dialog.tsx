import { useQueries } from '@tanstack/react-query'
import { useEffect, useId, useRef } from 'react'
import { Link } from 'react-router'
import { RelativeTime } from '@/components/time-display'
import { useActiveEnvironment } from '@/environment/environment-store'
import { withEnvironment } from '@/environment/scoped-link'
import { SEVERITY_WORDS } from '@/lib/alert-conditions'
import type { Schemas } from '@/lib/api/types'
import { alertResources } from '@/lib/resources/alerts'
import type { BellEnvironment } from './alert-bell-model'

/** Loaded when the bell is first pointed at or opened: the entry chunk carries only the counts. */
type Alert = Schemas['Alert']

/** The open alerts of every environment, production first; one request per environment. */
export function OpenAlertsDialog({
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
