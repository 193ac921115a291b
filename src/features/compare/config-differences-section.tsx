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

/** A bound on the reads this section makes: two per application. */
export const MAX_CONFIG_APPLICATIONS = 40

/** Where the application page's configuration compares with another environment. */
const configHref = (applicationId: string, env: string, withEnv: string) =>
  `${withEnvironment(`/overview/${encodeURIComponent(applicationId)}?configWith=${encodeURIComponent(withEnv)}`, env)}#configuration`

/**
 * "Configuration differences": the applications deployed on both sides whose settings differ,
 * each linking to its Configuration compared with the other side. The configurations are read
 * only once the section comes into view, two per application, at most
 * `MAX_CONFIG_APPLICATIONS` applications.
 */
export function ConfigDifferencesSection({ a, b }: { a: SideView; b: SideView }) {
  const headingId = useId()
  const [element, setElement] = useState<HTMLElement | null>(null)
  const inView = useInView(element)
  const lookup = useEnvironmentLookup()
  const appsA = a.agents?.data?.items
  const appsB = b.agents?.data?.items
  const shared = useMemo(() => {
    if (!appsA || !appsB) return null
    const inB = new Set(appsB.map((agent) => agent.applicationId))
    return [...new Set(appsA.map((agent) => agent.applicationId))]
      .filter((app) => inB.has(app))
      .sort()
  }, [appsA, appsB])
  const compared = shared?.slice(0, MAX_CONFIG_APPLICATIONS) ?? []
  const enabled = inView && a.scope !== null && b.scope !== null
  const configs = useQueries({
    queries: compared.flatMap((app) =>
      [a.scope, b.scope].map((scope) => ({
        ...appConfigResources.detail(scope ?? { tenant: '', env: '' }, app),
        enabled,
      })),
    ),
  })
  const nameA = a.env ? environmentName(lookup(a.env), a.env) : ''
  const nameB = b.env ? environmentName(lookup(b.env), b.env) : ''
  const status = sideStatus(a.env, a.agents) ?? sideStatus(b.env, b.agents)
  const pending = configs.some((query) => query.isPending)
  const failed = compared.filter((_, index) =>
    [configs[index * 2], configs[index * 2 + 1]].some((query) => query?.isError),
  )
  const differing = compared.flatMap((app, index) => {
    const left = configs[index * 2]?.data
    const right = configs[index * 2 + 1]?.data
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
