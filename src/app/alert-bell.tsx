import { useQueries } from '@tanstack/react-query'
import { Bell } from 'lucide-react'
import { lazy, Suspense, useMemo, useState } from 'react'
import { environmentName, isProduction } from '@/environment/environment-info'
import { useAvailableEnvironments } from '@/environment/use-available-environments'
import { polling } from '@/lib/query/retry-policy'
import { alertSummaryResources } from '@/lib/resources/alert-summary'
import { bellModel, type BellEnvironment } from './alert-bell-model'
import './alert-bell.css'

const loadDialog = () => import('./alert-bell-dialog')
// Errors are left to the lazy component, which loads again when the dialog opens.
const preloadDialog = () => void loadDialog().catch(() => undefined)
const OpenAlertsDialog = lazy(async () => ({ default: (await loadDialog()).OpenAlertsDialog }))

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
      ...alertSummaryResources.summary({ tenant, env: env.id }),
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
    <span className="alert-bell" onPointerOver={preloadDialog} onFocus={preloadDialog}>
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
        <Suspense fallback={null}>
          <OpenAlertsDialog
            tenant={tenant}
            environments={environments}
            onClose={() => setOpen(false)}
          />
        </Suspense>
      ) : null}
    </span>
  )
}
