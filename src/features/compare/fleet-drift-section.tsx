import { useId, useMemo } from 'react'
import { Link } from 'react-router'
import { ErrorState } from '@/components/query-states'
import { withEnvironment } from '@/environment/scoped-link'
import { pluralize } from '@/lib/format'
import type { CompareViewState } from './compare-url-state'
import { computeFleetDrift, describeVersions, type SideFleet } from './fleet-drift'
import { sideStatus, type SideView } from './side-view'

interface Props {
  a: SideView
  b: SideView
  state: CompareViewState
  onChange: (patch: Partial<CompareViewState>) => void
}

/** The agents page of one side, filtered to an application: opened in that side's environment. */
function agentsHref(env: string, applicationId: string): string {
  return withEnvironment(`/agents?${new URLSearchParams({ app: applicationId }).toString()}`, env)
}

/** Per application: what runs in each environment, and what differs, in words. */
export function FleetDriftSection({ a, b, state, onChange }: Props) {
  const headingId = useId()
  const checkboxId = useId()
  const agentsA = a.agents?.data?.items ?? null
  const agentsB = b.agents?.data?.items ?? null
  const drift = useMemo(
    () =>
      computeFleetDrift(
        { env: a.env ?? '', agents: agentsA },
        { env: b.env ?? '', agents: agentsB },
      ),
    [a.env, b.env, agentsA, agentsB],
  )
  const rows = state.onlyDiffering
    ? drift.applications.filter((app) => app.differences.length > 0)
    : drift.applications
  const statusA = sideStatus(a.env, a.agents)
  const statusB = sideStatus(b.env, b.agents)
  const envA = a.env ?? 'A'
  const envB = b.env ?? 'B'

  return (
    <section className="compare-section" aria-labelledby={headingId}>
      <div className="compare-section-header">
        <h2 id={headingId}>Fleet drift</h2>
        <p className="compare-summary" role="status">
          {statusA || statusB
            ? [statusA, statusB].filter(Boolean).join('; ')
            : drift.drifting === 0
              ? `Every application runs the same agent and Camel versions and routes in ${envA} and ${envB}.`
              : `${pluralize(drift.drifting, 'application')} of ${drift.applications.length} differ between ${envA} and ${envB}.`}
        </p>
        <label className="compare-checkbox" htmlFor={checkboxId}>
          <input
            id={checkboxId}
            type="checkbox"
            checked={state.onlyDiffering}
            onChange={(event) => onChange({ onlyDiffering: event.target.checked })}
          />
          Only applications that differ
        </label>
      </div>
      {[a, b].map((side) =>
        side.env && side.agents?.isError && side.agents.data === undefined ? (
          <ErrorState
            key={side.env}
            error={side.agents.error}
            title={`Could not load the agents of ${side.env}`}
            onRetry={() => void side.agents?.refetch()}
          />
        ) : null,
      )}
      <div className="table-wrap" tabIndex={0} role="region" aria-label="Fleet drift table">
        <table className="data-table compare-table">
          <caption className="visually-hidden">
            Fleet drift between {envA} and {envB}: agents, agent and Camel versions of running
            agents (LIVE or STALE) per application, and what differs
          </caption>
          <thead>
            <tr>
              <th scope="col" rowSpan={2}>
                Application
              </th>
              <th scope="colgroup" colSpan={2}>
                Agents (live)
              </th>
              <th scope="colgroup" colSpan={2}>
                Agent versions
              </th>
              <th scope="colgroup" colSpan={2}>
                Camel versions
              </th>
              <th scope="col" rowSpan={2}>
                Differences
              </th>
            </tr>
            <tr>
              {[0, 1, 2].flatMap((group) => [
                <th key={`${group}a`} scope="col" className="compare-env-a">
                  {envA}
                </th>,
                <th key={`${group}b`} scope="col" className="compare-env-b">
                  {envB}
                </th>,
              ])}
            </tr>
          </thead>
          <tbody>
            {rows.map((app) => (
              <tr key={app.applicationId} className={app.differences.length ? 'is-drifting' : ''}>
                <th scope="row">{app.applicationId}</th>
                <AgentsCell side={a} fleet={app.a} applicationId={app.applicationId} />
                <AgentsCell side={b} fleet={app.b} applicationId={app.applicationId} />
                <td>{versionsCell(app.a, statusA, (f) => describeVersions(f.agentVersions))}</td>
                <td>{versionsCell(app.b, statusB, (f) => describeVersions(f.agentVersions))}</td>
                <td>{versionsCell(app.a, statusA, (f) => describeVersions(f.camelVersions))}</td>
                <td>{versionsCell(app.b, statusB, (f) => describeVersions(f.camelVersions))}</td>
                <td>
                  {app.differences.length === 0 ? (
                    <span className="compare-same">
                      {statusA || statusB ? 'not compared yet' : 'Same'}
                    </span>
                  ) : (
                    <ul className="compare-differences">
                      {app.differences.map((text) => (
                        <li key={text}>{text}</li>
                      ))}
                    </ul>
                  )}
                </td>
              </tr>
            ))}
            {rows.length === 0 ? (
              <tr>
                <td colSpan={8}>
                  {drift.applications.length === 0
                    ? statusA || statusB
                      ? 'Loading…'
                      : 'Neither environment has agents.'
                    : 'No application differs.'}
                </td>
              </tr>
            ) : null}
          </tbody>
        </table>
      </div>
    </section>
  )
}

function versionsCell(
  fleet: SideFleet | null,
  status: string | null,
  describe: (fleet: SideFleet) => string,
): string {
  if (status) return '…'
  return fleet ? describe(fleet) : '—'
}

function AgentsCell({
  side,
  fleet,
  applicationId,
}: {
  side: SideView
  fleet: SideFleet | null
  applicationId: string
}) {
  if (!side.env || side.agents?.data === undefined) return <td className="num">…</td>
  if (!fleet) return <td className="num">not deployed</td>
  return (
    <td className="num">
      <Link to={agentsHref(side.env, applicationId)}>
        {pluralize(fleet.agents, 'agent')}
        <span className="visually-hidden">
          {' '}
          of {applicationId} in {side.env}
        </span>
      </Link>{' '}
      ({fleet.live} live)
    </td>
  )
}
