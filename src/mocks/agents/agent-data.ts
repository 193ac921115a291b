import type { AgentInfo, AgentStatus } from '@/lib/api/types'
import { mockNow, toIso } from '../clock'
import { createRandom, type Random } from '../random'
import { changedRouteStates } from '../tenant-state/route-states'
import type { EnvironmentProfile, HostStyle } from '../topology/tenants'
import { getTopology } from '../topology/topology'

/**
 * The agent registry of one (tenant, environment). Everything but "now" is fixed by the seed:
 * times are stored as offsets ("heartbeat 12 s ago") and turned into timestamps per request,
 * so a LIVE agent stays LIVE however long the demo runs.
 */

export interface AgentRecord {
  agentId: string
  applicationId: string
  hostname: string
  agentVersion: string
  camelVersion: string
  status: AgentStatus
  registeredAgoMs: number
  lastHeartbeatAgoMs: number
  routeIds: string[]
  exchangesPerSecond: number
  errorRate: number
}

const SECOND = 1000
const MINUTE = 60 * SECOND
const DAY = 24 * 60 * MINUTE

/** Typical throughput of one replica in prod, per application; scaled per environment. */
const baseRate: Record<string, number> = {
  'order-service': 42,
  'payment-gateway': 30,
  'inventory-sync': 12,
  'shipping-adapter': 9,
  'customer-notifier': 25,
  'invoice-batch': 0.6,
  'fraud-check': 35,
  'claims-intake': 8,
  'policy-sync': 4,
  'document-archiver': 3,
  'broker-portal-bridge': 1.5,
}

const cache = new Map<string, AgentRecord[]>()

/** Sorted by applicationId, then agentId (the document's order). Empty for an unknown env. */
export function listAgentRecords(tenantId: string, environment: string): AgentRecord[] {
  const key = `${tenantId}/${environment}`
  let records = cache.get(key)
  if (!records) {
    records = generateAgents(tenantId, environment)
    cache.set(key, records)
  }
  return records
}

export function findAgentRecord(
  tenantId: string,
  environment: string,
  agentId: string,
): AgentRecord | undefined {
  return listAgentRecords(tenantId, environment).find((agent) => agent.agentId === agentId)
}

/**
 * `changed`: the route states route control changed by `now` (changedRouteStates), read once
 * per request by callers that convert many agents.
 */
export function toAgentInfo(
  record: AgentRecord,
  tenantId: string,
  environment: string,
  now: number = mockNow(),
  changed = changedRouteStates(tenantId, environment, now),
): AgentInfo {
  const states = changed.get(record.agentId)
  return {
    agentId: record.agentId,
    tenantId,
    environment,
    applicationId: record.applicationId,
    hostname: record.hostname,
    agentVersion: record.agentVersion,
    camelVersion: record.camelVersion,
    status: record.status,
    registeredAt: toIso(now - record.registeredAgoMs),
    lastHeartbeatAt: toIso(now - record.lastHeartbeatAgoMs),
    routeIds: [...record.routeIds],
    exchangesPerSecond: record.exchangesPerSecond,
    errorRate: record.errorRate,
    // Every route is Started until route control (tenant state) changes it.
    routeStates: Object.fromEntries(
      record.routeIds.map(
        (routeId) => [routeId, states?.[routeId] ?? ('Started' as const)] as const,
      ),
    ),
  }
}

export function listAgents(tenantId: string, environment: string, now = mockNow()): AgentInfo[] {
  const changed = changedRouteStates(tenantId, environment, now)
  return listAgentRecords(tenantId, environment).map((record) =>
    toAgentInfo(record, tenantId, environment, now, changed),
  )
}

function generateAgents(tenantId: string, environment: string): AgentRecord[] {
  const topology = getTopology(tenantId, environment)
  if (!topology) return []
  const { profile } = topology
  const random = createRandom(`${tenantId}/${environment}/agents`)

  const slots = topology.applications.flatMap((app) => {
    // One rollout per application: its replicas share the pod-template hash.
    const podTemplateHash = random.hex(9)
    return Array.from({ length: app.replicas }, (_, index) => ({
      applicationId: app.applicationId,
      routeIds: app.routes.map((route) => route.routeId),
      podTemplateHash,
      index,
    }))
  })

  const statuses = assignStatuses(slots.length, random.fork('status'))
  const hot = pickHotAgents(statuses, random.fork('hot'))

  return slots
    .map((slot, i) => {
      const status = statuses[i] ?? 'LIVE'
      const agentRandom = random.fork(`${slot.applicationId}/${slot.index}`)
      const agentId = `${slot.applicationId}-${slot.podTemplateHash.slice(0, 5)}-${slot.index + 1}`
      const style: HostStyle = profile.hostStyle[slot.applicationId] ?? 'k8s'
      const { registeredAgoMs, lastHeartbeatAgoMs } = agentTimes(status, profile, agentRandom)
      return {
        agentId,
        applicationId: slot.applicationId,
        hostname: hostname(style, slot, profile, agentRandom),
        agentVersion: agentVersion(status, slot.applicationId, profile, agentRandom),
        camelVersion: profile.legacyApplications.includes(slot.applicationId)
          ? profile.legacyCamelVersion
          : profile.camelVersion,
        status,
        registeredAgoMs,
        lastHeartbeatAgoMs,
        routeIds: slot.routeIds,
        exchangesPerSecond: throughput(status, slot.applicationId, profile, agentRandom),
        errorRate: errorRate(status, hot.has(i), agentRandom),
      }
    })
    .sort(
      (a, b) =>
        a.applicationId.localeCompare(b.applicationId) || a.agentId.localeCompare(b.agentId),
    )
}

/** About 75 % LIVE, 15 % STALE, 10 % DEAD, spread over applications by a seeded shuffle. */
function assignStatuses(count: number, random: Random): AgentStatus[] {
  const dead = Math.round(count * 0.1)
  const stale = Math.round(count * 0.15)
  const order = random.shuffle(Array.from({ length: count }, (_, i) => i))
  const statuses: AgentStatus[] = Array.from({ length: count }, () => 'LIVE')
  order.forEach((slot, rank) => {
    if (rank < dead) statuses[slot] = 'DEAD'
    else if (rank < dead + stale) statuses[slot] = 'STALE'
  })
  return statuses
}

/** A few agents run hot (error rate well above the rest), as a bad node or config would. */
function pickHotAgents(statuses: AgentStatus[], random: Random): Set<number> {
  const hotCount = statuses.length >= 20 ? 2 : statuses.length >= 4 ? 1 : 0
  const live = statuses.flatMap((status, i) => (status === 'LIVE' ? [i] : []))
  return new Set(random.shuffle(live).slice(0, hotCount))
}

function agentTimes(status: AgentStatus, profile: EnvironmentProfile, random: Random) {
  const [minDays, maxDays] = profile.registeredDaysAgo
  const registeredAgoMs = Math.round(random.float(minDays, maxDays) * DAY)
  let lastHeartbeatAgoMs: number
  switch (status) {
    case 'LIVE':
      lastHeartbeatAgoMs = random.int(1, 25) * SECOND + random.int(0, 999)
      break
    case 'STALE':
      lastHeartbeatAgoMs = random.int(35, 280) * SECOND + random.int(0, 999)
      break
    case 'DEAD': {
      // Log-uniform between 6 minutes and 3 days: most died recently, a few long ago.
      const upper = Math.min(3 * DAY, registeredAgoMs / 2)
      const lower = 6 * MINUTE
      lastHeartbeatAgoMs = Math.round(
        Math.exp(random.float(Math.log(lower), Math.log(Math.max(lower * 1.5, upper)))),
      )
      break
    }
  }
  return {
    registeredAgoMs: Math.max(registeredAgoMs, lastHeartbeatAgoMs + 30 * MINUTE),
    lastHeartbeatAgoMs,
  }
}

function hostname(
  style: HostStyle,
  slot: { applicationId: string; podTemplateHash: string; index: number },
  profile: EnvironmentProfile,
  random: Random,
): string {
  switch (style) {
    case 'k8s':
      return `${slot.applicationId}-${slot.podTemplateHash}-${random.alnum(5)}`
    case 'ec2':
      return profile.region === 'us-east-1'
        ? `ip-172-31-${random.int(0, 63)}-${random.int(2, 254)}.ec2.internal`
        : `ip-10-12-${random.int(0, 31)}-${random.int(2, 254)}.${profile.region}.compute.internal`
    case 'bare':
      return `camel-node-${String(slot.index + 1).padStart(2, '0')}.${profile.serviceDomain}`
  }
}

function agentVersion(
  status: AgentStatus,
  applicationId: string,
  profile: EnvironmentProfile,
  random: Random,
): string {
  const canary = profile.canaryAgent?.applications.includes(applicationId)
    ? profile.canaryAgent.version
    : null
  if (!profile.olderAgentVersion) return canary ?? profile.agentVersion
  // Agents that stopped heartbeating are often pods of the previous rollout.
  const older = random.bool(status === 'DEAD' ? 0.6 : 0.12)
  // A canary application was redeployed whole: every pod runs the pre-release.
  if (canary) return canary
  return older ? profile.olderAgentVersion : profile.agentVersion
}

function throughput(
  status: AgentStatus,
  applicationId: string,
  profile: EnvironmentProfile,
  random: Random,
): number {
  if (status === 'DEAD') return 0
  const typical = (baseRate[applicationId] ?? 5) * profile.trafficScale
  const rate = random.logNormal(typical, 0.3) * (status === 'STALE' ? 0.3 : 1)
  return Math.max(0.01, Math.round(rate * 100) / 100)
}

function errorRate(status: AgentStatus, hot: boolean, random: Random): number {
  if (status === 'DEAD') return 0
  const rate = hot ? random.float(0.08, 0.35) : Math.min(0.049, random.logNormal(0.004, 1))
  return Math.round(rate * 10_000) / 10_000
}
