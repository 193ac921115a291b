import { Outlet } from 'react-router'
import { LoadingState } from '@/components/query-states'
import { ScopedNavLink } from '@/environment/scoped-link'
import { useMe, usePermissions } from '@/environment/use-permissions'
import { usePageTitle } from '@/environment/use-page-title'

/**
 * `/admin`: tenant administration, for tenant admins only (the server refuses everyone else
 * anyway). Its pages act on the tenant, not on the active environment.
 */
export function AdminLayout() {
  const me = useMe()
  const { can } = usePermissions()
  if (me.isPending) return <LoadingState label="Loading your roles…" />
  if (!can('environments.manage')) return <AdminOnly />
  return (
    <div className="admin">
      <nav aria-label="Administration" className="admin-nav">
        <ScopedNavLink to="/admin/environments">Environments</ScopedNavLink>
        <ScopedNavLink to="/admin/people">People</ScopedNavLink>
        <ScopedNavLink to="/admin/audit">Audit log</ScopedNavLink>
      </nav>
      <Outlet />
    </div>
  )
}

function AdminOnly() {
  usePageTitle('Administration')
  return (
    <section className="admin">
      <h1>Administration</h1>
      <p className="notice" role="alert">
        Only tenant admins can open this page.
      </p>
    </section>
  )
}
