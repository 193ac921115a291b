import type { AuditEntry } from '@/lib/api/types'
import { apiGet, ok } from '../api-route'
import { authenticate } from '../auth/auth-tokens'
import { decodeCursor, encodeCursor } from '../pagination'
import { badRequest } from '../problem'
import { enumParam, optionalParam, parseLimit, parseTimeRange } from '../scope-guard'
import { requireTenantAdmin } from '../tenant-state/access'
import { readAudit } from '../tenant-state/tenant-state'

const ENVIRONMENT_ID = /^[a-z0-9][a-z0-9-]{0,31}$/
const ACTIONS: readonly AuditEntry['action'][] = [
  'environment.create',
  'environment.update',
  'environment.delete',
  'access.update',
  'route.start',
  'route.stop',
  'route.suspend',
  'route.resume',
  'execution.replay',
  'config.update',
  'alert-rule.create',
  'alert-rule.update',
  'alert-rule.delete',
  'silence.create',
  'silence.delete',
  'alert.ack',
]

/** `GET /audit`: the tenant's audit log, newest first, for tenant admins. */
export const auditHandlers = [
  apiGet('/audit', async ({ request }) => {
    const principal = await authenticate(request)
    requireTenantAdmin(principal)
    const url = new URL(request.url)
    const environment = optionalParam(url, 'environment')
    if (environment !== undefined && !ENVIRONMENT_ID.test(environment)) {
      throw badRequest(`"${environment.slice(0, 40)}" is not a valid environment id.`)
    }
    const tenantWide = enumParam(url, 'tenantWide', ['true', 'false']) === 'true'
    if (tenantWide && environment !== undefined) {
      throw badRequest('tenantWide=true and environment exclude each other.')
    }
    const actor = optionalParam(url, 'actor', 256)
    const action = enumParam(url, 'action', ACTIONS)
    const limit = parseLimit(url)
    const filters = JSON.stringify([
      environment,
      tenantWide,
      actor,
      action,
      url.searchParams.get('from'),
      url.searchParams.get('to'),
    ])
    const position = decodeCursor(url.searchParams.get('cursor'), filters)
    // The range is resolved once, on the first page: later pages keep its end.
    const range =
      position && typeof position.from === 'number' && typeof position.to === 'number'
        ? { from: position.from, to: position.to }
        : parseTimeRange(url)
    const before = typeof position?.before === 'string' ? position.before : null

    const matching = readAudit(principal.tenant)
      .filter((entry) => {
        const at = Date.parse(entry.at)
        if (at < range.from || at >= range.to) return false
        if (tenantWide && entry.environment !== null) return false
        if (environment !== undefined && entry.environment !== environment) return false
        if (actor !== undefined && entry.actor.userId !== actor) return false
        if (action !== undefined && entry.action !== action) return false
        return before === null || entry.auditId < before
      })
      .reverse()
    const items = matching.slice(0, limit)
    const last = items.at(-1)
    const nextCursor =
      matching.length > limit && last
        ? encodeCursor(filters, { before: last.auditId, from: range.from, to: range.to })
        : null
    return ok('AuditPage', { items, nextCursor })
  }),
]
