import { listAgentRecords, type AgentRecord } from '../agents-data'
import { createRandom, hashString } from '../random'
import { getTopology, type ProcessorNode, type RouteDefinition } from '../topology'

/**
 * The traffic model of one (tenant, environment): which routes run how often, how long they
 * take, how often they fail, which routes feed which (for correlated flows), and when the
 * periodic incident happens. Everything is derived from the topology and seeded by
 * tenant/environment, so the same routes are hot (and flaky) on every run.
 */

export const BUCKET_MS = 60_000

export interface SplitModel {
  /** Median number of items per execution (log-normal). */
  median: number
  sigma: number
  max: number
}

export interface ScheduleModel {
  /** Fires every `periodMs`, starting at `phaseMs` past the epoch. */
  periodMs: number
  phaseMs: number
}

export interface RouteModel {
  index: number
  definition: RouteDefinition
  applicationId: string
  routeId: string
  /** Relative chance of starting a flow (unscheduled routes only). */
  weight: number
  failureRate: number
  /** Median duration without split items, in ms. */
  medianMs: number
  /** Added per split item, in ms. */
  perItemMs: number
  split: SplitModel | null
  schedule: ScheduleModel | null
  /** Routes consuming what this route sends (same endpoint), indexes into `routes`. */
  downstream: number[]
  /** Whether the route has an external call a failing dependency can break. */
  external: boolean
}

export interface Incident {
  /** First affected bucket (inclusive) and the bucket after the last. */
  fromBucket: number
  toBucket: number
  routeIndex: number
  /** The processor whose dependency is down: failures during the incident happen there. */
  processorId: string
}

export interface EnvironmentModel {
  tenantId: string
  environment: string
  /** Seed prefix of every stream of this environment. */
  key: string
  routes: RouteModel[]
  /** Mean unscheduled executions per minute at the daily peak. */
  peakPerMinute: number
  /** Cumulative flow-start weights of the unscheduled routes, for a binary-search pick. */
  headRoutes: Int32Array
  headCumulative: Float64Array
  scheduled: RouteModel[]
  agentsByApplication: ReadonlyMap<string, readonly AgentRecord[]>
  incidentAt(bucket: number): Incident | null
}

/**
 * Traffic share per application (prod-like proportions; an unknown application gets 5).
 * Multiplied by the replica count in the environment, as more replicas mean more traffic.
 */
const applicationTraffic: Record<string, number> = {
  'order-service': 30,
  'payment-gateway': 18,
  'fraud-check': 14,
  'customer-notifier': 12,
  'shipping-adapter': 9,
  'inventory-sync': 8,
  'invoice-batch': 3,
  'claims-intake': 10,
  'policy-sync': 5,
  'document-archiver': 4,
  'broker-portal-bridge': 2,
  'demo-app': 5,
  'file-mover': 2,
}

/** Unscheduled executions per minute at the daily peak in a prod-sized environment. */
const PROD_PEAK_PER_MINUTE = 105
const MIN_PEAK_PER_MINUTE = 4
const BASE_FAILURE_RATE = 0.012
const FLAKY_FAILURE_RATES = [0.09, 0.06] as const
/** Incidents recur every 18 h, so any 24 h window holds at least one whole incident. */
export const INCIDENT_PERIOD_BUCKETS = 18 * 60

const cache = new Map<string, EnvironmentModel | undefined>()

/** `undefined` when the tenant has no such environment. Built once per (tenant, env). */
export function getEnvironmentModel(
  tenantId: string,
  environment: string,
): EnvironmentModel | undefined {
  const key = `${tenantId}/${environment}`
  if (!cache.has(key)) cache.set(key, buildModel(tenantId, environment))
  return cache.get(key)
}

function buildModel(tenantId: string, environment: string): EnvironmentModel | undefined {
  const topology = getTopology(tenantId, environment)
  if (!topology) return undefined
  const key = `${tenantId}/${environment}/executions`
  const definitions = topology.applications.flatMap((app) =>
    app.routes.map((route) => ({ route, replicas: app.replicas })),
  )

  const routes: RouteModel[] = definitions.map(({ route, replicas }, index) => {
    // Keyed by tenant, not environment: the same routes are hot in every environment.
    const share = createRandom(`${tenantId}/${route.applicationId}/${route.routeId}/share`)
    const schedule = scheduleOf(route)
    const from = route.tree[0]?.endpointUri ?? ''
    // Files and batches arrive rarely compared with messages and requests.
    const batchy = /^(file|sftp):/.test(from) ? 0.06 : 1
    const split = splitModelOf(route)
    const { baseMs, perItemMs } = routeCost(route.tree)
    return {
      index,
      definition: route,
      applicationId: route.applicationId,
      routeId: route.routeId,
      weight: schedule
        ? 0
        : (applicationTraffic[route.applicationId] ?? 5) *
          Math.sqrt(replicas) *
          share.logNormal(1, 0.8) *
          batchy,
      failureRate: BASE_FAILURE_RATE * share.float(0.6, 1.4),
      medianMs: Math.max(1, baseMs),
      perItemMs,
      split,
      schedule,
      downstream: [],
      external: hasExternalCall(route.tree),
    }
  })

  linkDownstream(routes)
  markFlakyRoutes(tenantId, routes)

  const heads = routes.filter((route) => route.weight > 0)
  const headCumulative = new Float64Array(heads.length)
  let total = 0
  heads.forEach((route, i) => {
    total += route.weight
    headCumulative[i] = total
  })

  const agentsByApplication = new Map<string, AgentRecord[]>()
  for (const agent of listAgentRecords(tenantId, environment)) {
    const list = agentsByApplication.get(agent.applicationId) ?? []
    list.push(agent)
    agentsByApplication.set(agent.applicationId, list)
  }

  const incidents = new Map<number, Incident | null>()
  const model: EnvironmentModel = {
    tenantId,
    environment,
    key,
    routes,
    peakPerMinute: Math.max(MIN_PEAK_PER_MINUTE, PROD_PEAK_PER_MINUTE * topology.profile.trafficScale),
    headRoutes: Int32Array.from(heads.map((route) => route.index)),
    headCumulative,
    scheduled: routes.filter((route) => route.schedule !== null),
    agentsByApplication,
    incidentAt(bucket) {
      const period = Math.floor(bucket / INCIDENT_PERIOD_BUCKETS)
      if (!incidents.has(period)) incidents.set(period, planIncident(model, period))
      const incident = incidents.get(period) ?? null
      return incident && bucket >= incident.fromBucket && bucket < incident.toBucket
        ? incident
        : null
    },
  }
  return model
}

/**
 * Traffic over the day: a trough at night, a peak in the European afternoon, a little less
 * at weekends. The mean over a weekday is ~0.73 of the peak.
 */
export function trafficFactor(bucket: number): number {
  const time = bucket * BUCKET_MS
  const hour = (time % 86_400_000) / 3_600_000
  const diurnal = 0.45 + 0.55 * ((1 + Math.cos((2 * Math.PI * (hour - 14)) / 24)) / 2)
  const weekday = new Date(time).getUTCDay()
  return diurnal * (weekday === 0 || weekday === 6 ? 0.92 : 1)
}

/** Timer and quartz consumers fire on their schedule instead of on traffic. */
function scheduleOf(route: RouteDefinition): ScheduleModel | null {
  const uri = route.tree[0]?.endpointUri ?? ''
  const phase = hashString(`${route.applicationId}/${route.routeId}/phase`)
  if (uri.startsWith('timer:')) {
    const periodMs = Number(/[?&]period=(\d+)/.exec(uri)?.[1] ?? 1000)
    return { periodMs, phaseMs: phase % periodMs }
  }
  if (uri.startsWith('quartz:')) {
    // `cron=S+M+H+*+*+?`: daily at H:M UTC; anything else runs hourly.
    const cron = /[?&]cron=([^&]+)/.exec(uri)?.[1]?.split('+') ?? []
    const minute = Number(cron[1])
    const hour = Number(cron[2])
    if (Number.isInteger(minute) && Number.isInteger(hour)) {
      return { periodMs: 86_400_000, phaseMs: (hour * 60 + minute) * 60_000 + (phase % 900) }
    }
    return { periodMs: 3_600_000, phaseMs: phase % 3_600_000 }
  }
  return null
}

/** How many items a route's split handles: CSV files and batches are big, order lines few. */
function splitModelOf(route: RouteDefinition): SplitModel | null {
  const hasSplit = [...walk(route.tree)].some((node) => node.type === 'split')
  if (!hasSplit) return null
  const from = route.tree[0]?.endpointUri ?? ''
  if (/^(file|sftp):/.test(from)) return { median: 40, sigma: 1.05, max: 400 }
  if (/^quartz:/.test(from)) return { median: 180, sigma: 0.35, max: 260 }
  if (/^timer:/.test(from)) return { median: 24, sigma: 0.45, max: 120 }
  return { median: 2.5, sigma: 0.6, max: 40 }
}

/** Typical cost of one processor, in ms, by kind and endpoint. */
export function processorCostMs(node: ProcessorNode): number {
  const uri = node.endpointUri ?? ''
  switch (node.type) {
    case 'to':
    case 'enrich':
      return endpointCostMs(uri)
    case 'wireTap':
      return 0.4
    case 'from':
      return 0.6
    case 'bean':
      return /render|pdf/i.test(node.label) ? 180 : 4
    case 'marshal':
    case 'unmarshal':
      return /pdf/.test(node.label) ? 60 : /jaxb|soap/.test(node.label) ? 8 : /csv/.test(node.label) ? 3 : 1.5
    case 'log':
      return 0.2
    case 'transform':
      return 0.5
    case 'throwException':
      return 0.3
    default:
      return 0.1
  }
}

function endpointCostMs(uri: string): number {
  const scheme = uri.split(':')[0] ?? ''
  switch (scheme) {
    case 'http':
    case 'https':
      return 45
    case 'sql':
      return 6
    case 'kafka':
      return 3
    case 'jms':
      return 4
    case 'smtp':
      return 140
    case 'sms-gateway':
      return 90
    case 'sftp':
      return 900
    case 'file':
      return 12
    case 'aws2-s3':
      return 160
    case 'direct':
      return 25
    default:
      return 10
  }
}

function routeCost(tree: readonly ProcessorNode[]): { baseMs: number; perItemMs: number } {
  let perItemMs = 0
  const cost = (nodes: readonly ProcessorNode[], inSplit: boolean): number =>
    nodes.reduce((sum, node) => {
      const own = processorCostMs(node)
      switch (node.type) {
        case 'choice':
          // The expected cost of one branch, branches equally likely.
          return (
            sum + own + cost(node.children, inSplit) / Math.max(1, node.children.length)
          )
        case 'filter':
          return sum + own + 0.4 * cost(node.children, inSplit)
        case 'split': {
          const body = cost(node.children, true)
          perItemMs += body
          return sum + own
        }
        default:
          return sum + own + cost(node.children, inSplit)
      }
    }, 0)
  const baseMs = cost(tree, false)
  return { baseMs, perItemMs }
}

export function* walk(nodes: readonly ProcessorNode[]): Generator<ProcessorNode> {
  for (const node of nodes) {
    yield node
    yield* walk(node.children)
  }
}

const EXTERNAL = /^(https?|sql|jms|smtp|sftp|aws2-s3|sms-gateway):/

function hasExternalCall(tree: readonly ProcessorNode[]): boolean {
  return [...walk(tree)].some(
    (node) => (node.type === 'to' || node.type === 'enrich') && EXTERNAL.test(node.endpointUri ?? ''),
  )
}

/** `kafka:orders?groupId=x` and `kafka:orders` are the same destination. */
const destination = (uri: string | null) => (uri ?? '').split('?')[0] ?? ''

function linkDownstream(routes: RouteModel[]): void {
  const consumers = new Map<string, number[]>()
  for (const route of routes) {
    const from = destination(route.definition.tree[0]?.endpointUri ?? null)
    consumers.set(from, [...(consumers.get(from) ?? []), route.index])
  }
  for (const route of routes) {
    const targets = new Set<number>()
    for (const node of walk(route.definition.tree)) {
      if (node.type !== 'to' && node.type !== 'wireTap') continue
      for (const consumer of consumers.get(destination(node.endpointUri)) ?? []) {
        if (consumer !== route.index && routes[consumer]?.schedule === null) targets.add(consumer)
      }
    }
    route.downstream = [...targets]
  }
}

/** Two routes with external dependencies fail far more often than the rest. */
function markFlakyRoutes(tenantId: string, routes: RouteModel[]): void {
  const candidates = createRandom(`${tenantId}/flaky-routes`).shuffle(
    routes.filter((route) => route.external && route.weight > 0),
  )
  FLAKY_FAILURE_RATES.forEach((rate, i) => {
    const route = candidates[i]
    if (route) route.failureRate = rate
  })
}

/**
 * One incident per 18 h period: a dependency of a busy route goes down for 12–25 minutes
 * (timeouts, 503s), so the failure histogram shows a burst somewhere in any 24 h window.
 */
function planIncident(model: EnvironmentModel, period: number): Incident | null {
  const random = createRandom(`${model.key}/incident/${period}`)
  const candidates = [...model.routes]
    .filter((route) => route.external && route.weight > 0)
    .sort((a, b) => b.weight - a.weight)
    .slice(0, 3)
  if (candidates.length === 0) return null
  const route = random.pick(candidates)
  const processors = [...walk(route.definition.tree)].filter(
    (node) => (node.type === 'to' || node.type === 'enrich') && EXTERNAL.test(node.endpointUri ?? ''),
  )
  const processor = random.pick(processors)
  const start = period * INCIDENT_PERIOD_BUCKETS + random.int(60, INCIDENT_PERIOD_BUCKETS - 90)
  return {
    fromBucket: start,
    toBucket: start + random.int(12, 25),
    routeIndex: route.index,
    processorId: processor.id,
  }
}

/** Which agent of the application ran an execution that started in `bucket`. */
export function agentFor(
  model: EnvironmentModel,
  applicationId: string,
  bucket: number,
  pick: number,
  now: number,
): AgentRecord | undefined {
  const agents = model.agentsByApplication.get(applicationId) ?? []
  const bucketStart = bucket * BUCKET_MS
  // Agents that were running then: registered before, and (if dead) not yet gone. Older
  // traffic ran on pods that have since been replaced; it is attributed to today's replicas.
  const running = agents.filter(
    (agent) =>
      now - agent.registeredAgoMs <= bucketStart &&
      (agent.status !== 'DEAD' || bucketStart <= now - agent.lastHeartbeatAgoMs),
  )
  const pool = running.length > 0 ? running : agents
  return pool[Math.floor((pick / 65_536) * pool.length)]
}
