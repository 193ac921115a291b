import { useQuery, useQueryClient } from '@tanstack/react-query'
import { useId, useMemo, useState } from 'react'
import { ErrorState, LoadingState } from '@/components/query-states'
import { RelativeTime } from '@/components/time-display'
import { environmentLabel, productionFirst } from '@/environment/environment-info'
import { environmentQueries } from '@/environment/environment-queries'
import { roleName } from '@/environment/permissions'
import { withEnvironment } from '@/environment/scoped-link'
import { useActiveEnvironment } from '@/environment/environment-store'
import { usePageTitle } from '@/environment/use-page-title'
import { WriteDialog } from '@/environment/write-dialog'
import { userSchema } from '@/lib/api/generated/response-schemas/user'
import type { Environment, Role, User } from '@/lib/api/types'
import { sendWrite } from '@/lib/api/write'
import { adminResources } from '@/lib/resources/admin'
import { defineUrlState, text } from '@/lib/url-state/url-state'
import { useUrlState } from '@/lib/url-state/use-url-state'
import { useClaims } from '@/session/session-store'
import { invalidateAdministration } from './admin-write'

const peopleUrlState = defineUrlState({
  name: text('name', { label: 'name filter', max: 100, whenLonger: 'cut' }),
})

const ROLES: readonly Role[] = ['viewer', 'operator', 'admin']

/** `/admin/people`: who may see and do what, per environment. */
export function PeoplePage() {
  usePageTitle('People')
  const tenant = useClaims()?.tenant ?? ''
  const users = useQuery(adminResources.users(tenant))
  const environments = useQuery(environmentQueries.list(tenant))
  const { values, set } = useUrlState(peopleUrlState)
  const [editing, setEditing] = useState<User | null>(null)
  const filterId = useId()
  const columns = useMemo(
    () => productionFirst(environments.data?.items ?? []),
    [environments.data],
  )
  const needle = values.name.toLowerCase()
  const rows = (users.data?.items ?? []).filter(
    (user) => !needle || user.name.toLowerCase().includes(needle),
  )

  return (
    <section className="admin-page">
      <div className="admin-page-head">
        <h1>People</h1>
        <div className="admin-filter">
          <label htmlFor={filterId}>Filter by name</label>
          <input
            id={filterId}
            type="search"
            value={values.name}
            onChange={(event) => set({ name: event.target.value }, { replace: true })}
          />
        </div>
      </div>
      <p className="admin-hint">
        People appear here when they first sign in. A tenant admin is admin in every environment.
      </p>
      {users.isPending || environments.isPending ? (
        <LoadingState label="Loading the people…" />
      ) : users.isError && !users.data ? (
        <ErrorState error={users.error} onRetry={() => void users.refetch()} />
      ) : (
        <div className="table-scroll">
          <table className="data-table admin-table" aria-label="People">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">User id</th>
                <th scope="col">Tenant role</th>
                {columns.map((environment) => (
                  <th scope="col" key={environment.id}>
                    {environmentLabel(environment, environment.id)}
                  </th>
                ))}
                <th scope="col">Last seen</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((user) => (
                <tr key={user.userId}>
                  <th scope="row">{user.name}</th>
                  <td>
                    <code>{user.userId}</code>
                  </td>
                  <td>{roleName(user.tenantRole)}</td>
                  {columns.map((environment) => {
                    const role = user.environmentRoles[environment.id]
                    return <td key={environment.id}>{role ? roleName(role) : 'No access'}</td>
                  })}
                  <td>{user.lastSeenAt ? <RelativeTime iso={user.lastSeenAt} /> : 'Never'}</td>
                  <td>
                    <button
                      type="button"
                      className="button"
                      aria-label={`Edit access of ${user.name}`}
                      onClick={() => setEditing(user)}
                    >
                      Edit access
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {rows.length === 0 ? (
            <p className="admin-hint" role="status">
              Nobody’s name contains “{values.name}”.
            </p>
          ) : null}
        </div>
      )}
      {editing ? (
        <AccessDialog
          tenant={tenant}
          user={editing}
          environments={columns}
          onClose={() => setEditing(null)}
        />
      ) : null}
    </section>
  )
}

type Choice = Role | 'none'

function AccessDialog({
  tenant,
  user,
  environments,
  onClose,
}: {
  tenant: string
  user: User
  environments: readonly Environment[]
  onClose: () => void
}) {
  const queryClient = useQueryClient()
  const active = useActiveEnvironment()
  const tenantRoleId = useId()
  const selectIds = useId()
  const [tenantRole, setTenantRole] = useState<Role>(user.tenantRole)
  const [roles, setRoles] = useState<Record<string, Choice>>(() =>
    Object.fromEntries(
      environments.map((environment) => [
        environment.id,
        user.environmentRoles[environment.id] ?? 'none',
      ]),
    ),
  )
  const admin = tenantRole === 'admin'
  return (
    <WriteDialog
      title={`Access for ${user.name}`}
      confirmLabel={`Save access for ${user.name}`}
      typedConfirmation={null}
      onClose={onClose}
      explain={(kind) =>
        kind === 'last-admin' ? (
          <p>
            Every tenant needs at least one admin, and {user.name} is the last one. Make someone
            else an admin first, then change {user.name}’s access.
          </p>
        ) : null
      }
      send={async ({ signal }) => {
        const environmentRoles = Object.fromEntries(
          Object.entries(roles).flatMap(([id, role]) => (role === 'none' ? [] : [[id, role]])),
        )
        const { data } = await sendWrite({
          method: 'PUT',
          path: '/admin/users/{userId}/access',
          params: { path: { userId: user.userId } },
          tenant,
          body: { tenantRole, environmentRoles },
          schema: userSchema,
          signal,
        })
        await invalidateAdministration(queryClient, tenant)
        return {
          message: `Access for ${data.name} saved.`,
          link: { to: withEnvironment('/admin/audit', active), text: 'See it in the audit log' },
          scope: { tenant, env: null },
        }
      }}
    >
      <div className="admin-fields">
        <div className="admin-field">
          <label htmlFor={tenantRoleId}>Tenant role</label>
          <select
            id={tenantRoleId}
            value={tenantRole}
            onChange={(event) => setTenantRole(event.target.value as Role)}
          >
            {ROLES.map((role) => (
              <option key={role} value={role}>
                {roleName(role)}
              </option>
            ))}
          </select>
          <span className="field-hint">
            Admin: manages environments, people and the audit log, and is admin in every
            environment.
          </span>
        </div>
        <fieldset className="admin-fieldset">
          <legend>Role per environment</legend>
          {environments.map((environment, index) => {
            const id = `${selectIds}-${index}`
            return (
              <div className="admin-field" key={environment.id}>
                <label htmlFor={id}>{environment.displayName}</label>
                <select
                  id={id}
                  value={admin ? 'admin' : (roles[environment.id] ?? 'none')}
                  disabled={admin}
                  onChange={(event) =>
                    setRoles((current) => ({
                      ...current,
                      [environment.id]: event.target.value as Choice,
                    }))
                  }
                >
                  <option value="none">No access</option>
                  {ROLES.map((role) => (
                    <option key={role} value={role}>
                      {roleName(role)}
                    </option>
                  ))}
                </select>
              </div>
            )
          })}
        </fieldset>
      </div>
    </WriteDialog>
  )
}
