import { environmentName } from './environment-info'
import { useActiveEnvironment } from './environment-store'
import { roleName } from './permissions'
import { useEnvironmentInfo } from './use-environment-info'
import { usePermissions } from './use-permissions'

/** The user's role where they are, in words: "Viewer in Production". */
export function ActiveRole() {
  const env = useActiveEnvironment()
  const info = useEnvironmentInfo(env)
  const { me, role } = usePermissions()
  if (!env || !me) return null
  const where = environmentName(info, env)
  return (
    <span className="header-role" data-role={role ?? 'none'}>
      {role ? `${roleName(role)} in ${where}` : `No access in ${where}`}
    </span>
  )
}
