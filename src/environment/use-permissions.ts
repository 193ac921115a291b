import { useQuery } from '@tanstack/react-query'
import { useCallback } from 'react'
import type { Me, Role } from '@/lib/api/types'
import { meResources } from '@/lib/resources/me'
import { useClaims } from '@/session/session-store'
import { environmentName } from './environment-info'
import { useActiveEnvironment } from './environment-store'
import { can, requirementText, roleIn, type Action } from './permissions'
import { useEnvironmentInfo } from './use-environment-info'

/** The signed-in user as the server knows them now (`GET /me`). */
export function useMe() {
  const tenant = useClaims()?.tenant
  return useQuery({
    ...meResources.current(tenant ?? ''),
    enabled: !!tenant,
    // Roles change while the token stays the same: read again now and then, and on focus.
    staleTime: 60_000,
  })
}

export interface Permissions {
  me: Me | undefined
  /** The role in the active environment; null while /me loads or without access. */
  role: Role | null
  can: (action: Action) => boolean
  /** Why an action is not allowed ("Requires the operator role in Production"), or null. */
  whyNot: (action: Action) => string | null
}

/** `can(action)` for the active environment, from `/me`. */
export function usePermissions(): Permissions {
  const me = useMe().data
  const env = useActiveEnvironment()
  const info = useEnvironmentInfo(env)
  const name = env ? environmentName(info, env) : ''
  const allowed = useCallback((action: Action) => can(me, action, env), [me, env])
  const whyNot = useCallback(
    (action: Action) => (can(me, action, env) ? null : requirementText(action, name)),
    [me, env, name],
  )
  return { me, role: roleIn(me, env), can: allowed, whyNot }
}
