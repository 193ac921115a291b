/**
 * The demo tenants and, per environment, what runs there. Environments differ the way real
 * ones do: fewer replicas and apps below prod, newer (pre-release) versions, other hosts.
 */

export type HostStyle = 'k8s' | 'ec2' | 'bare'

export interface EnvironmentProfile {
  environment: string
  /** Service domain used in http endpoint URIs, e.g. `payments.staging.internal`. */
  serviceDomain: string
  region: string
  /** Most agents run this version; a few still run `olderAgentVersion`. */
  agentVersion: string
  olderAgentVersion: string | null
  /**
   * A canary rollout: these applications run a pre-release agent ahead of the rest, on every
   * pod. What "staging runs a newer agent on some apps" looks like.
   */
  canaryAgent?: { version: string; applications: readonly string[] }
  camelVersion: string
  /** Applications that lag behind on Camel (legacy deployments). */
  legacyCamelVersion: string
  legacyApplications: readonly string[]
  /** applicationId → replica count; the order is the order shown in lists. */
  replicas: Readonly<Record<string, number>>
  hostStyle: Readonly<Record<string, HostStyle>>
  /** Multiplier on exchanges per second (prod carries the real traffic). */
  trafficScale: number
  /** Agents registered between these many days ago (rolling deployments). */
  registeredDaysAgo: readonly [number, number]
  /**
   * routeId → factor on every execution's duration: a route slower here than elsewhere (a
   * regression under test in staging), so comparing environments has something to find.
   */
  slowerRoutes?: Readonly<Record<string, number>>
}

export interface TenantDefinition {
  tenantId: string
  displayName: string
  environments: readonly EnvironmentProfile[]
}

const acme: TenantDefinition = {
  tenantId: 'acme',
  displayName: 'ACME Logistics',
  environments: [
    {
      environment: 'dev',
      serviceDomain: 'dev.internal',
      region: 'eu-west-1',
      agentVersion: '3.5.0-SNAPSHOT',
      olderAgentVersion: null,
      camelVersion: '4.10.0',
      legacyCamelVersion: '4.8.2',
      legacyApplications: ['inventory-sync'],
      replicas: {
        'order-service': 2,
        'payment-gateway': 2,
        'inventory-sync': 1,
        'customer-notifier': 1,
      },
      hostStyle: { 'inventory-sync': 'ec2' },
      trafficScale: 0.02,
      registeredDaysAgo: [0.2, 3],
    },
    {
      environment: 'staging',
      serviceDomain: 'staging.internal',
      region: 'eu-west-1',
      agentVersion: '3.4.1',
      olderAgentVersion: '3.3.7',
      canaryAgent: { version: '3.5.0-rc.2', applications: ['order-service', 'payment-gateway'] },
      camelVersion: '4.8.2',
      legacyCamelVersion: '4.4.3',
      legacyApplications: ['invoice-batch'],
      replicas: {
        'order-service': 2,
        'payment-gateway': 2,
        'inventory-sync': 2,
        'shipping-adapter': 2,
        'customer-notifier': 2,
        'invoice-batch': 1,
        'fraud-check': 1,
      },
      hostStyle: { 'inventory-sync': 'ec2', 'invoice-batch': 'ec2' },
      trafficScale: 0.08,
      registeredDaysAgo: [1, 9],
      // The customer lookup it calls is a cold, undersized staging instance.
      slowerRoutes: { 'order-enrich': 3 },
    },
    {
      environment: 'prod',
      serviceDomain: 'internal',
      region: 'eu-west-1',
      agentVersion: '3.4.1',
      olderAgentVersion: '3.3.7',
      camelVersion: '4.8.2',
      legacyCamelVersion: '4.4.3',
      legacyApplications: ['invoice-batch', 'inventory-sync'],
      replicas: {
        'order-service': 8,
        'payment-gateway': 7,
        'inventory-sync': 5,
        'shipping-adapter': 6,
        'customer-notifier': 6,
        'invoice-batch': 3,
        'fraud-check': 7,
      },
      hostStyle: { 'inventory-sync': 'ec2', 'invoice-batch': 'ec2' },
      trafficScale: 1,
      registeredDaysAgo: [2, 28],
    },
  ],
}

const beta: TenantDefinition = {
  tenantId: 'beta',
  displayName: 'Beta Insurance',
  environments: [
    {
      environment: 'dev',
      serviceDomain: 'dev.beta.local',
      region: 'us-east-1',
      agentVersion: '3.5.0-SNAPSHOT',
      olderAgentVersion: null,
      camelVersion: '4.8.2',
      legacyCamelVersion: '4.4.3',
      legacyApplications: [],
      replicas: { 'claims-intake': 2, 'policy-sync': 1, 'document-archiver': 1 },
      hostStyle: { 'claims-intake': 'ec2', 'policy-sync': 'ec2', 'document-archiver': 'ec2' },
      trafficScale: 0.01,
      registeredDaysAgo: [0.1, 2],
    },
    {
      environment: 'prod',
      serviceDomain: 'beta.local',
      region: 'us-east-1',
      agentVersion: '3.3.7',
      olderAgentVersion: '3.2.0',
      camelVersion: '4.4.3',
      legacyCamelVersion: '3.22.2',
      legacyApplications: ['broker-portal-bridge'],
      replicas: {
        'claims-intake': 4,
        'policy-sync': 3,
        'document-archiver': 2,
        'broker-portal-bridge': 1,
      },
      hostStyle: {
        'claims-intake': 'ec2',
        'policy-sync': 'ec2',
        'document-archiver': 'ec2',
        'broker-portal-bridge': 'ec2',
      },
      trafficScale: 0.3,
      registeredDaysAgo: [3, 40],
    },
    {
      // Production for EU customers: its id says nothing of it (the UI must trust the flag).
      environment: 'eu-live',
      serviceDomain: 'eu.beta.local',
      region: 'eu-central-1',
      agentVersion: '3.4.1',
      olderAgentVersion: null,
      camelVersion: '4.8.2',
      legacyCamelVersion: '4.8.2',
      legacyApplications: [],
      replicas: { 'claims-intake': 2, 'policy-sync': 1 },
      hostStyle: { 'claims-intake': 'k8s', 'policy-sync': 'k8s' },
      trafficScale: 0.08,
      registeredDaysAgo: [1, 12],
    },
  ],
}

const defaultTenant: TenantDefinition = {
  tenantId: 'default',
  displayName: 'Default',
  environments: [
    {
      environment: 'default',
      serviceDomain: 'localdomain',
      region: 'on-prem',
      agentVersion: '3.4.1',
      olderAgentVersion: null,
      camelVersion: '4.8.2',
      legacyCamelVersion: '4.8.2',
      legacyApplications: [],
      replicas: { 'demo-app': 2, 'file-mover': 1 },
      hostStyle: { 'demo-app': 'bare', 'file-mover': 'bare' },
      trafficScale: 0.05,
      registeredDaysAgo: [0.5, 6],
    },
  ],
}

const tenants: ReadonlyMap<string, TenantDefinition> = new Map(
  [acme, beta, defaultTenant].map((tenant) => [tenant.tenantId, tenant]),
)

export function getTenant(tenantId: string): TenantDefinition | undefined {
  return tenants.get(tenantId)
}

export function listTenants(): TenantDefinition[] {
  return [...tenants.values()]
}

/** A well-formed tenant without demo data is an empty tenant, as on a fresh server. */
export function tenantEnvironmentIds(tenantId: string): string[] {
  return getTenant(tenantId)?.environments.map((profile) => profile.environment) ?? []
}

export function getEnvironmentProfile(
  tenantId: string,
  environment: string,
): EnvironmentProfile | undefined {
  return getTenant(tenantId)?.environments.find((profile) => profile.environment === environment)
}
