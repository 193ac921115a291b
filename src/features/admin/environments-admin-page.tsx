import { useQuery, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { useSearchParams } from 'react-router'
import { ErrorState, LoadingState } from '@/components/query-states'
import { RelativeTime } from '@/components/time-display'
import { environmentLabel, productionFirst } from '@/environment/environment-info'
import { environmentQueries } from '@/environment/environment-queries'
import { useActiveEnvironment } from '@/environment/environment-store'
import { withEnvironment } from '@/environment/scoped-link'
import { usePageTitle } from '@/environment/use-page-title'
import { WriteDialog } from '@/environment/write-dialog'
import { environmentSchema } from '@/lib/api/generated/response-schemas/environment'
import type { Environment } from '@/lib/api/types'
import { sendWrite } from '@/lib/api/write'
import { useClaims } from '@/session/session-store'
import { invalidateAdministration } from './admin-write'
import { checkDraft, EnvironmentFields, type EnvironmentDraft } from './environment-form'

type Dialog =
  | { kind: 'new' }
  | { kind: 'edit'; environment: Environment }
  | { kind: 'delete'; environment: Environment }

/** `/admin/environments`: the tenant's environments, as admins describe them. */
export function EnvironmentsAdminPage() {
  usePageTitle('Environments')
  const tenant = useClaims()?.tenant ?? ''
  const environments = useQuery(environmentQueries.list(tenant))
  const [dialog, setDialog] = useState<Dialog | null>(null)
  const items = environments.data?.items ?? []

  return (
    <section className="admin-page">
      <div className="admin-page-head">
        <h1>Environments</h1>
        <button type="button" className="button" onClick={() => setDialog({ kind: 'new' })}>
          New environment
        </button>
      </div>
      {environments.isPending ? (
        <LoadingState label="Loading the environments…" />
      ) : environments.isError && !environments.data ? (
        <ErrorState error={environments.error} onRetry={() => void environments.refetch()} />
      ) : (
        <div className="table-scroll">
          <table className="data-table admin-table" aria-label="Environments">
            <thead>
              <tr>
                <th scope="col">Id</th>
                <th scope="col">Display name</th>
                <th scope="col">Production</th>
                <th scope="col" className="num">
                  Retention
                </th>
                <th scope="col" className="num">
                  Agents live/total
                </th>
                <th scope="col">Created</th>
                <th scope="col">Last seen</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {productionFirst(items).map((environment) => (
                <tr key={environment.id}>
                  <th scope="row">
                    <code>{environment.id}</code>
                  </th>
                  <td>{environment.displayName}</td>
                  <td>
                    {environment.production ? (
                      <strong className="prod-label">PRODUCTION</strong>
                    ) : (
                      'No'
                    )}
                  </td>
                  <td className="num">{environment.retentionDays} days</td>
                  <td className="num">
                    {environment.liveAgentCount}/{environment.agentCount}
                  </td>
                  <td>
                    {environment.createdAt ? <RelativeTime iso={environment.createdAt} /> : '—'}
                  </td>
                  <td>
                    {environment.lastSeenAt ? <RelativeTime iso={environment.lastSeenAt} /> : '—'}
                  </td>
                  <td className="admin-row-actions">
                    <button
                      type="button"
                      className="button"
                      aria-label={`Edit ${environmentLabel(environment, environment.id)}`}
                      onClick={() => setDialog({ kind: 'edit', environment })}
                    >
                      Edit
                    </button>
                    <button
                      type="button"
                      className="button"
                      aria-label={`Delete ${environmentLabel(environment, environment.id)}`}
                      onClick={() => setDialog({ kind: 'delete', environment })}
                    >
                      Delete
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {dialog?.kind === 'new' ? (
        <NewEnvironmentDialog
          tenant={tenant}
          existingIds={items.map((item) => item.id)}
          onClose={() => setDialog(null)}
        />
      ) : null}
      {dialog?.kind === 'edit' ? (
        <EditEnvironmentDialog
          tenant={tenant}
          environment={dialog.environment}
          onClose={() => setDialog(null)}
        />
      ) : null}
      {dialog?.kind === 'delete' ? (
        <DeleteEnvironmentDialog
          tenant={tenant}
          environment={dialog.environment}
          others={productionFirst(items).filter((item) => item.id !== dialog.environment.id)}
          onClose={() => setDialog(null)}
        />
      ) : null}
    </section>
  )
}

const emptyDraft: EnvironmentDraft = {
  id: '',
  displayName: '',
  production: false,
  retentionDays: '30',
  description: '',
}

function NewEnvironmentDialog({
  tenant,
  existingIds,
  onClose,
}: {
  tenant: string
  existingIds: readonly string[]
  onClose: () => void
}) {
  const queryClient = useQueryClient()
  const [draft, setDraft] = useState(emptyDraft)
  const problems = checkDraft(draft, { isNew: true, existingIds })
  const ready = Object.keys(problems).length === 0
  return (
    <WriteDialog
      title="New environment"
      confirmLabel={draft.id && ready ? `Create environment ${draft.id}` : 'Create environment'}
      typedConfirmation={null}
      ready={ready}
      onClose={onClose}
      send={async ({ signal }) => {
        const { data } = await sendWrite({
          method: 'POST',
          path: '/admin/environments',
          tenant,
          body: {
            id: draft.id,
            displayName: draft.displayName.trim(),
            production: draft.production,
            retentionDays: Number(draft.retentionDays),
            description: draft.description.trim() || null,
          },
          schema: environmentSchema,
          signal,
        })
        await invalidateAdministration(queryClient, tenant)
        return {
          message: `Environment ${environmentLabel(data, data.id)} created.`,
          link: { to: withEnvironment('/agents', data.id), text: `Open ${data.displayName}` },
          scope: { tenant, env: null },
        }
      }}
    >
      <EnvironmentFields draft={draft} onChange={setDraft} problems={problems} isNew />
    </WriteDialog>
  )
}

function draftOf(environment: Environment): EnvironmentDraft {
  return {
    id: environment.id,
    displayName: environment.displayName,
    production: environment.production,
    retentionDays: String(environment.retentionDays),
    description: environment.description ?? '',
  }
}

function EditEnvironmentDialog({
  tenant,
  environment,
  onClose,
}: {
  tenant: string
  environment: Environment
  onClose: () => void
}) {
  const queryClient = useQueryClient()
  const [base] = useState(() => draftOf(environment))
  const [draft, setDraft] = useState(base)
  const problems = checkDraft(draft, { isNew: false, existingIds: [] })
  // Only what the user changed is sent: another admin's change to another field stays.
  const changes: Record<string, unknown> = {}
  if (draft.displayName.trim() !== base.displayName) changes.displayName = draft.displayName.trim()
  if (draft.production !== base.production) changes.production = draft.production
  if (draft.retentionDays !== base.retentionDays)
    changes.retentionDays = Number(draft.retentionDays)
  if (draft.description.trim() !== base.description.trim()) {
    changes.description = draft.description.trim() || null
  }
  const ready = Object.keys(problems).length === 0 && Object.keys(changes).length > 0
  const label = environmentLabel(environment, environment.id)
  return (
    <WriteDialog
      title={`Edit environment ${label}`}
      confirmLabel={`Save environment ${label}`}
      // Changing a production environment is confirmed like any change there.
      typedConfirmation={environment.production ? environment.id : null}
      ready={ready}
      onClose={onClose}
      send={async ({ signal }) => {
        const { data } = await sendWrite({
          method: 'PATCH',
          path: '/admin/environments/{environmentId}',
          params: { path: { environmentId: environment.id } },
          tenant,
          body: changes,
          schema: environmentSchema,
          signal,
        })
        await invalidateAdministration(queryClient, tenant)
        return {
          message: `Environment ${environmentLabel(data, data.id)} saved.`,
          link: {
            to: withEnvironment('/admin/environments', data.id),
            text: 'See the environments',
          },
          scope: { tenant, env: null },
        }
      }}
    >
      <EnvironmentFields draft={draft} onChange={setDraft} problems={problems} isNew={false} />
    </WriteDialog>
  )
}

function DeleteEnvironmentDialog({
  tenant,
  environment,
  others,
  onClose,
}: {
  tenant: string
  environment: Environment
  others: readonly Environment[]
  onClose: () => void
}) {
  const queryClient = useQueryClient()
  const active = useActiveEnvironment()
  const [, setSearchParams] = useSearchParams()
  const label = environmentLabel(environment, environment.id)
  // The user is in it: once it is gone, they move to the first other environment.
  const next = environment.id === active ? (others[0] ?? null) : null
  return (
    <WriteDialog
      title={`Delete environment ${label}`}
      confirmLabel={`Delete environment ${label}`}
      typedConfirmation={environment.id}
      onClose={(reason) => {
        // After the outcome is announced (a switch would close the dialog before it is).
        if (reason === 'sent' && next) {
          setSearchParams((params) => {
            params.set('env', next.id)
            return params
          })
        }
        onClose()
      }}
      description={
        <>
          <p>
            The environment and <strong>all its data</strong> (executions, logs, metrics, its
            settings and who may see it) are deleted with it. This cannot be undone.
          </p>
          {environment.liveAgentCount > 0 ? (
            <p>
              {environment.liveAgentCount} of its agents are LIVE now: the server refuses to delete
              an environment while an agent in it is LIVE.
            </p>
          ) : null}
        </>
      }
      explain={(kind) =>
        kind === 'environment-has-live-agents' ? (
          <p>
            Agents still report to {label}. Stop them (or point them at another environment), wait
            until none is LIVE, then delete it.
          </p>
        ) : null
      }
      send={async ({ signal }) => {
        await sendWrite({
          method: 'DELETE',
          path: '/admin/environments/{environmentId}',
          params: {
            path: { environmentId: environment.id },
            query: { confirm: environment.id },
          },
          tenant,
          schema: null,
          signal,
        })
        // Not awaited: the list without it would move the user away (and close the dialog)
        // before the outcome is announced.
        void invalidateAdministration(queryClient, tenant)
        return {
          message:
            `Environment ${label} and all its data deleted.` +
            (next ? ` You were in it: you are now in ${environmentLabel(next, next.id)}.` : ''),
          link: {
            to: withEnvironment('/admin/audit', next?.id ?? active),
            text: 'See the audit log',
          },
          scope: { tenant, env: null },
        }
      }}
    />
  )
}
