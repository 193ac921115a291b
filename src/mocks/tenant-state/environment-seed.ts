import type { AuditEntry } from '@/lib/api/types'

/**
 * How the demo tenants' admins have described their environments (the contract's mock rules):
 * acme's `prod` is "Production", beta's `eu-live` is production too although its id says
 * nothing of it, so the UI is seen to trust the flag and not the name. An environment not
 * listed here is as an agent's registration leaves it: named by its id, not production.
 */
export const environmentSeed: Readonly<
  Record<
    string,
    { displayName: string; production: boolean; description?: string; retentionDays?: number }
  >
> = {
  'acme/dev': { displayName: 'Development', production: false, retentionDays: 7 },
  'acme/staging': {
    displayName: 'Staging',
    production: false,
    description: 'Release candidates, deployed from main every night.',
    retentionDays: 14,
  },
  'acme/prod': {
    displayName: 'Production',
    production: true,
    description: 'Serves every ACME customer.',
    retentionDays: 90,
  },
  'beta/dev': { displayName: 'Development', production: false },
  'beta/prod': { displayName: 'Production', production: true, retentionDays: 90 },
  'beta/eu-live': {
    displayName: 'EU live',
    production: true,
    description: 'Customers in the EU, hosted in Frankfurt.',
    retentionDays: 90,
  },
}

/** Earlier writes in the demo tenants, oldest first (their times relative to the mock's now). */
export const auditSeed: readonly (Omit<AuditEntry, 'auditId' | 'at'> & { hoursAgo: number })[] = [
  {
    tenantId: 'acme',
    hoursAgo: 75,
    environment: null,
    actor: { userId: 'admin@acme', name: 'Ada Admin' },
    action: 'environment.update',
    target: 'staging',
    outcome: 'success',
    detail: 'retentionDays 30 → 14',
  },
  {
    tenantId: 'acme',
    hoursAgo: 50,
    environment: null,
    actor: { userId: 'admin@acme', name: 'Ada Admin' },
    action: 'access.update',
    target: 'dev@acme',
    outcome: 'success',
    detail: 'tenant role viewer; dev: operator, staging: viewer',
  },
  {
    tenantId: 'acme',
    hoursAgo: 26,
    environment: 'prod',
    actor: { userId: 'ops@acme', name: 'Otto Ops' },
    action: 'route.stop',
    target: 'order-service/order-intake',
    outcome: 'denied',
    detail: 'operator role required in prod',
  },
  {
    tenantId: 'acme',
    hoursAgo: 5,
    environment: 'staging',
    actor: { userId: 'ops@acme', name: 'Otto Ops' },
    action: 'route.suspend',
    target: 'order-service/order-intake',
    outcome: 'success',
    detail: null,
  },
  {
    tenantId: 'acme',
    hoursAgo: 2,
    environment: 'staging',
    actor: { userId: 'dev@acme', name: 'Dev Eloper' },
    action: 'config.update',
    target: 'payment-gateway',
    outcome: 'denied',
    detail: 'operator role required in staging',
  },
]
