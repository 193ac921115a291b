import { listAgentRecords, type AgentRecord } from '../agents/agent-data'
import { createRandom, hashString } from '../random'
import { getTopology, type ProcessorNode, type RouteDefinition } from '../topology/topology'

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
  /** Factor on every duration (1 but where the environment's profile makes the route slower). */
  latencyFactor: number
  split: SplitModel | null
  schedule: ScheduleModel | null
  /** Routes consuming what this route sends (same endpoint), indexes into `routes`. */
  downstream: number[]
  /** Whether the route has an external call a failing dependency can break. */
  external: boolean
  /** Share of executions that wait on a person or a partner (e.g. 3-D Secure), and how long. */
  waitRate: number
  waitMedianMs: number
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
 * Scaled by the square root of the replica count: more replicas where there is more traffic,
 * though not in proportion (replicas are also there for availability).
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
  // Buckets store a route as one byte.
  if (definitions.length > 255) throw new Error(`${key}: more than 255 routes`)

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
      latencyFactor: topology.profile.slowerRoutes?.[route.routeId] ?? 1,
      split,
      schedule,
      downstream: [],
      external: hasExternalCall(route.tree),
      // A card authorization with 3-D Secure waits until the card holder confirms.
      waitRate: hasEndpoint(route.tree, /^https?:.*\/authorize/) ? 0.2 : 0,
      waitMedianMs: 20_000,
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
    peakPerMinute: Math.max(
      MIN_PEAK_PER_MINUTE,
      PROD_PEAK_PER_MINUTE * topology.profile.trafficScale,
    ),
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
  // Usage and log volumes ask for every minute of months: the day's curve is computed once
  // per minute of the day, and the weekday by arithmetic (1970-01-01 was a Thursday).
  const diurnal =
    (Number.isInteger(bucket) && bucket >= 0
      ? diurnalByMinute()[bucket % MINUTES_PER_DAY]
      : undefined) ?? diurnalAt(time)
  const weekday = (((Math.floor(time / DAY_MS) + 4) % 7) + 7) % 7
  return diurnal * (weekday === 0 || weekday === 6 ? 0.92 : 1)
}

const DAY_MS = 86_400_000
const MINUTES_PER_DAY = DAY_MS / BUCKET_MS

function diurnalAt(time: number): number {
  const hour = (time % DAY_MS) / 3_600_000
  return 0.45 + 0.55 * ((1 + Math.cos((2 * Math.PI * (hour - 14)) / 24)) / 2)
}

let diurnal: Float64Array | null = null

/** `diurnalAt` of each minute of the day (the same arithmetic, so the same values). */
function diurnalByMinute(): Float64Array {
  diurnal ??= Float64Array.from({ length: MINUTES_PER_DAY }, (_, minute) =>
    diurnalAt(minute * BUCKET_MS),
  )
  return diurnal
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
  if (/^timer:/.test(from)) return { median: 60, sigma: 0.45, max: 200 }
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
      return /render|pdf/i.test(node.label) ? 1800 : 4
    case 'marshal':
    case 'unmarshal':
      return /pdf/.test(node.label)
        ? 60
        : /jaxb|soap/.test(node.label)
          ? 8
          : /csv/.test(node.label)
            ? 3
            : 1.5
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

/** Latency of the services the demo routes call, as their owners would quote it. */
const serviceLatencyMs: Record<string, number> = {
  payments: 420,
  'dhl-gateway': 650,
  'ups-gateway': 700,
  tracking: 300,
  'risk-model': 140,
  customers: 60,
  policies: 90,
  rating: 260,
}

function endpointCostMs(uri: string): number {
  const scheme = uri.split(':')[0] ?? ''
  switch (scheme) {
    case 'http':
    case 'https': {
      const service = /^https?:\/\/([^./:]+)/.exec(uri)?.[1] ?? ''
      return serviceLatencyMs[service] ?? 150
    }
    case 'sql':
      // An aggregate over the stock table is a report, not a lookup.
      return /group by/i.test(uri) ? 18_000 : /for update/i.test(uri) ? 25 : 12
    case 'kafka':
      return 8
    case 'jms':
      return 10
    case 'smtp':
      return 450
    case 'sms-gateway':
      return 300
    case 'sftp':
      return 2500
    case 'file':
      return 15
    case 'aws2-s3':
      return 380
    case 'direct':
      return 60
    default:
      return 20
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
          return sum + own + cost(node.children, inSplit) / Math.max(1, node.children.length)
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

function hasEndpoint(tree: readonly ProcessorNode[], pattern: RegExp): boolean {
  return [...walk(tree)].some((node) => pattern.test(node.endpointUri ?? ''))
}

function hasExternalCall(tree: readonly ProcessorNode[]): boolean {
  return [...walk(tree)].some(
    (node) =>
      (node.type === 'to' || node.type === 'enrich') && EXTERNAL.test(node.endpointUri ?? ''),
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

/**
 * Two routes with external dependencies fail far more often than the rest. Chosen by a hash
 * of tenant and route (so environments mostly agree on which), among routes carrying under a
 * fifteenth of the flow starts: a flaky route that busy would be an outage, not flakiness.
 */
function markFlakyRoutes(tenantId: string, routes: RouteModel[]): void {
  const total = routes.reduce((sum, route) => sum + route.weight, 0)
  const candidates = routes
    .filter((route) => route.external && route.weight > 0 && route.weight < total / 15)
    .sort(
      (a, b) =>
        hashString(`${tenantId}/${a.routeId}/flaky`) - hashString(`${tenantId}/${b.routeId}/flaky`),
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
    (node) =>
      (node.type === 'to' || node.type === 'enrich') && EXTERNAL.test(node.endpointUri ?? ''),
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

/** Agent pools per (environment, application, bucket), valid for one "now" (one request). */
const pools = { now: Number.NaN, byKey: new Map<string, readonly AgentRecord[]>() }

/** Which agent of the application ran an execution that started in `bucket`. */
export function agentFor(
  model: EnvironmentModel,
  applicationId: string,
  bucket: number,
  pick: number,
  now: number,
): AgentRecord | undefined {
  if (pools.now !== now || pools.byKey.size > 20_000) {
    pools.now = now
    pools.byKey.clear()
  }
  const key = `${model.key}/${applicationId}/${bucket}`
  let pool = pools.byKey.get(key)
  if (!pool) {
    const agents = model.agentsByApplication.get(applicationId) ?? []
    const bucketStart = bucket * BUCKET_MS
    // Agents that were running then: registered before, and (if dead) not yet gone. Older
    // traffic ran on pods that have since been replaced; it is attributed to today's replicas.
    const running = agents.filter(
      (agent) =>
        now - agent.registeredAgoMs <= bucketStart &&
        (agent.status !== 'DEAD' || bucketStart <= now - agent.lastHeartbeatAgoMs),
    )
    pool = running.length > 0 ? running : agents
    pools.byKey.set(key, pool)
  }
  return pool[Math.floor((pick / 65_536) * pool.length)]
}
