import { useQueries } from '@tanstack/react-query'
import { useId, useMemo, useState } from 'react'
import { Link } from 'react-router'
import { useInView } from '@/components/charts/use-in-view'
import { environmentName } from '@/environment/environment-info'
import { withEnvironment } from '@/environment/scoped-link'
import { useEnvironmentLookup } from '@/environment/use-environment-info'
import { differingSettings, SETTING_LABELS } from '@/lib/app-config/settings-diff'
import { appConfigResources } from '@/lib/resources/app-config'
import { sideStatus, type SideView } from './side-view'

/** A bound on the reads this section makes: this many per side. */
export const MAX_CONFIG_APPLICATIONS = 40

/** Where the application page's configuration compares with another environment. */
const configHref = (applicationId: string, env: string, withEnv: string) =>
  `${withEnvironment(`/overview/${encodeURIComponent(applicationId)}?configWith=${encodeURIComponent(withEnv)}`, env)}#configuration`

/** A side's applications, sorted, or null while its agents load. */
function applicationsOf(side: SideView): string[] | null {
  const agents = side.agents?.data?.items
  return agents ? [...new Set(agents.map((agent) => agent.applicationId))].sort() : null
}

/**
 * "Configuration differences": the applications deployed on both sides whose settings differ,
 * each linking to its Configuration compared with the other side. The configurations are read
 * only once the section comes into view, at most `MAX_CONFIG_APPLICATIONS` per side.
 */
export function ConfigDifferencesSection({ a, b }: { a: SideView; b: SideView }) {
  const headingId = useId()
  const [element, setElement] = useState<HTMLElement | null>(null)
  const inView = useInView(element)
  const lookup = useEnvironmentLookup()
  // Each side reads the configurations of its own applications (the first
  // MAX_CONFIG_APPLICATIONS), so changing one side reads only that side's environment; the
  // other side's answers stay cached under their own keys.
  const appsA = useMemo(() => applicationsOf(a), [a])
  const appsB = useMemo(() => applicationsOf(b), [b])
  const shared = useMemo(() => {
    if (!appsA || !appsB) return null
    const inB = new Set(appsB)
    return appsA.filter((app) => inB.has(app))
  }, [appsA, appsB])
  const enabled = inView && a.scope !== null && b.scope !== null
  const readsOf = (side: SideView, apps: string[] | null) =>
    (apps ?? []).slice(0, MAX_CONFIG_APPLICATIONS).map((app) => ({
      ...appConfigResources.detail(side.scope ?? { tenant: '', env: '' }, app),
      enabled,
    }))
  const readsA = readsOf(a, appsA)
  const configs = useQueries({ queries: [...readsA, ...readsOf(b, appsB)] })
  const configOf = (side: 'a' | 'b', app: string) => {
    const apps = (side === 'a' ? appsA : appsB) ?? []
    const index = apps.indexOf(app)
    if (index < 0 || index >= MAX_CONFIG_APPLICATIONS) return undefined
    return configs[side === 'a' ? index : readsA.length + index]
  }
  const compared = (shared ?? []).filter((app) => configOf('a', app) && configOf('b', app))
  const nameA = a.env ? environmentName(lookup(a.env), a.env) : ''
  const nameB = b.env ? environmentName(lookup(b.env), b.env) : ''
  const status = sideStatus(a.env, a.agents) ?? sideStatus(b.env, b.agents)
  const pending = compared.some(
    (app) => configOf('a', app)?.isPending || configOf('b', app)?.isPending,
  )
  const failed = compared.filter(
    (app) => configOf('a', app)?.isError || configOf('b', app)?.isError,
  )
  const differing = compared.flatMap((app) => {
    const left = configOf('a', app)?.data
    const right = configOf('b', app)?.data
    if (!left || !right) return []
    const keys = differingSettings(left.settings, right.settings)
    return keys.length ? [{ app, keys }] : []
  })
  return (
    <section className="compare-section" aria-labelledby={headingId} ref={setElement}>
      <h2 id={headingId}>Configuration differences</h2>
      {status || !shared ? (
        <p className="muted">Configuration: {status ?? 'loading…'}</p>
      ) : shared.length === 0 ? (
        <p>
          No application runs in both {nameA} and {nameB}.
        </p>
      ) : !enabled || pending ? (
        <p className="muted">Reading the configuration of {shared.length} applications…</p>
      ) : (
        <>
          {differing.length === 0 ? (
            <p>
              The {compared.length} applications in both have the same settings in {nameA} and{' '}
              {nameB}.
            </p>
          ) : (
            <table className="data-table" aria-label="Configuration differences">
              <thead>
                <tr>
                  <th scope="col">Application</th>
                  <th scope="col">Settings that differ</th>
                  <th scope="col">Compare</th>
                </tr>
              </thead>
              <tbody>
                {differing.map(({ app, keys }) => (
                  <tr key={app}>
                    <th scope="row" className="mono">
                      {app}
                    </th>
                    <td>{keys.map((key) => SETTING_LABELS[key]).join(', ')}</td>
                    <td>
                      <Link to={configHref(app, a.env ?? '', b.env ?? '')}>
                        Compare the configuration of {app}
                      </Link>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {failed.length ? (
            <p role="alert">Could not read the configuration of {failed.join(', ')}.</p>
          ) : null}
          {shared.length > compared.length ? (
            <p className="muted">
              The first {compared.length} of {shared.length} applications are compared.
            </p>
          ) : null}
        </>
      )}
    </section>
  )
}
