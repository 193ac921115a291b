import { apiGet, ok } from '../api-route'
import { authenticate } from '../auth/auth-tokens'
import { accessOf } from '../tenant-state/access'
import { readTenantState } from '../tenant-state/tenant-state'
import { toEnvironment } from './environment-view'

export const environmentHandlers = [
  apiGet('/environments', async ({ request }) => {
    const principal = await authenticate(request)
    const state = readTenantState(principal.tenant)
    const visible = new Set(accessOf(principal, state).environments)
    const items = state.environments
      .filter((environment) => visible.has(environment.id))
      .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
      .map((environment) => toEnvironment(principal.tenant, environment))
    return ok('EnvironmentList', { items })
  }),
]
