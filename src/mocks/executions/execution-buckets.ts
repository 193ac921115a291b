import { createRandom, seedsUnder, UniformStream, type Random } from '../random'
import { BUCKET_MS, trafficFactor, type EnvironmentModel, type RouteModel } from './execution-model'
import { bucketIdCodec } from '../bucket-ids'

/**
 * Executions are generated per one-minute bucket. A bucket's "skeleton" holds only what
 * filtering and statistics need (start offset, route, eventual status, duration, split size,
 * agent pick, flow leader) in typed arrays, 16 bytes per execution; headers, bodies and
 * processor traces are regenerated on demand from the execution's (bucket, index).
 *
 * Indexes are assigned in start order, so "newest first" within a bucket is simply
 * descending index, and an execution id (bucket, index, tag) finds its execution again by
 * generating one bucket, however far back it lies.
 */

export interface Bucket {
  bucket: number
  size: number
  /** ms after the bucket start, ascending. */
  offset: Uint16Array
  route: Uint8Array
  /** 1 when the execution fails (once it has finished). */
  failed: Uint8Array
  /** Eventual duration, whole ms. */
  duration: Uint32Array
  /** Items of the route's split (0 without one). */
  items: Uint16Array
  /** Uniform 0–65535, resolved to an agent at read time (see `agentFor`). */
  agentPick: Uint16Array
  /** Index of the execution that started the flow (itself when it started one). */
  leader: Uint16Array
  /** 1 when later executions of this bucket belong to this execution's flow. */
  hasFollowers: Uint8Array
}

const MAX_DURATION_MS = 15 * 60_000
const TIMEOUT_MS = 30_000
const TAIL_RATE = 0.03
const INCIDENT_FAILURE_RATE = 0.45
/** Slots per bucket the sort key leaves room for (a bucket holds a few hundred at most). */
const SLOT_SPACE = 4096
/** About two days of acme/prod buckets (~1.2 kB each, ~3.5 MB in all). */
const CACHE_LIMIT = 3_000
const cache = new Map<string, Bucket>()
/** Minute buckets per UTC hour. */
const BUCKETS_PER_HOUR = 3_600_000 / BUCKET_MS
/** Executions per (environment, UTC hour), one number each: months of every environment. */
const HOUR_COUNT_LIMIT = 50_000
const hourCounts = new Map<string, number>()

/** Forget every generated bucket (tests: measure cold requests, prove regeneration is stable). */
export function clearBucketCache(): void {
  cache.clear()
  hourCounts.clear()
}

export const bucketOf = (time: number) => Math.floor(time / BUCKET_MS)
export const bucketStart = (bucket: number) => bucket * BUCKET_MS

export function getBucket(model: EnvironmentModel, bucket: number): Bucket {
  const key = `${model.key}/${bucket}`
  const cached = cache.get(key)
  if (cached) {
    // Re-inserted so the Map's insertion order doubles as least-recently-used order.
    cache.delete(key)
    cache.set(key, cached)
    return cached
  }
  const generated = generateBucket(model, bucket)
  if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value as string)
  cache.set(key, generated)
  return generated
}

/**
 * The number of executions in a bucket without generating it: the traffic draw is the first
 * value of the bucket's stream, and schedules are arithmetic (see `countBucketExecutions`).
 */
export function bucketSize(model: EnvironmentModel, bucket: number): number {
  return countBucketExecutions(model, bucket)
}

const seedsByModel = new WeakMap<EnvironmentModel, (bucket: number) => number>()

/** `hashString(`${model.key}/bucket/${bucket}`)`: the seed of the bucket's stream. */
function bucketSeed(model: EnvironmentModel, bucket: number): number {
  let seeds = seedsByModel.get(model)
  if (!seeds) {
    seeds = seedsUnder(`${model.key}/bucket/`)
    seedsByModel.set(model, seeds)
  }
  return seeds(bucket)
}

/** What the traffic draw reads of a stream: `next()` and a first `gaussian()`. */
type TrafficStream = Pick<UniformStream, 'next' | 'gaussian'>

/**
 * The first values of a bucket's stream, restarted for each bucket counted: the same values
 * `createRandom` gives the bucket's generation, without allocating a stream per bucket.
 */
const countingStream = new UniformStream()

/**
 * The size `generateBucket` gives a bucket, cheaply (usage and log volumes over a month ask
 * for 44,640 buckets per environment): the same traffic draw from the bucket's stream without
 * building a `Random` (or any object), and scheduled fires counted arithmetically instead of
 * listed. Equal to the generated bucket's size for every bucket (tested).
 */
export function countBucketExecutions(model: EnvironmentModel, bucket: number): number {
  const start = bucketStart(bucket)
  let fires = 0
  for (const route of model.scheduled) {
    const { periodMs, phaseMs } = route.schedule ?? { periodMs: 0, phaseMs: 0 }
    if (periodMs <= 0) continue
    const first = Math.ceil((start - phaseMs) / periodMs)
    const end = Math.ceil((start + BUCKET_MS - phaseMs) / periodMs)
    fires += Math.max(0, end - first)
  }
  const stream = countingStream.restart(bucketSeed(model, bucket))
  return poisson(stream, model.peakPerMinute * trafficFactor(bucket)) + fires
}

/**
 * Executions that start in buckets [first, end): `countBucketExecutions` summed, whole UTC
 * hours from a cache (a past hour's count never changes; the usage and logs mocks both
 * meter months of them per request).
 */
export function countExecutionsInBuckets(
  model: EnvironmentModel,
  first: number,
  end: number,
): number {
  let total = 0
  for (let b = first; b < end;) {
    const hourFirst = Math.floor(b / BUCKETS_PER_HOUR) * BUCKETS_PER_HOUR
    const hourEnd = hourFirst + BUCKETS_PER_HOUR
    if (b === hourFirst && hourEnd <= end) {
      total += hourExecutions(model, hourFirst)
      b = hourEnd
      continue
    }
    const to = Math.min(end, hourEnd)
    for (; b < to; b++) total += countBucketExecutions(model, b)
  }
  return total
}

function hourExecutions(model: EnvironmentModel, hourFirst: number): number {
  const key = `${model.key}/${hourFirst}`
  let count = hourCounts.get(key)
  if (count === undefined) {
    count = 0
    for (let b = hourFirst; b < hourFirst + BUCKETS_PER_HOUR; b++) {
      count += countBucketExecutions(model, b)
    }
    if (hourCounts.size >= HOUR_COUNT_LIMIT) {
      hourCounts.delete(hourCounts.keys().next().value as string)
    }
    hourCounts.set(key, count)
  }
  return count
}

const bucketRandom = (model: EnvironmentModel, bucket: number) =>
  createRandom(`${model.key}/bucket/${bucket}`)

function trafficDraw(model: EnvironmentModel, bucket: number, random: Random): number {
  return poisson(random, model.peakPerMinute * trafficFactor(bucket))
}

function poisson(random: TrafficStream, mean: number): number {
  if (mean < 30) {
    // Knuth: exact and cheap for small means.
    const limit = Math.exp(-mean)
    let k = 0
    let product = random.next()
    while (product > limit) {
      k++
      product *= random.next()
    }
    return k
  }
  return Math.max(0, Math.round(mean + Math.sqrt(mean) * random.gaussian()))
}

interface Fire {
  route: RouteModel
  offset: number
}

function scheduledFires(model: EnvironmentModel, bucket: number): Fire[] {
  const fires: Fire[] = []
  const start = bucketStart(bucket)
  for (const route of model.scheduled) {
    const { periodMs, phaseMs } = route.schedule ?? { periodMs: 0, phaseMs: 0 }
    if (periodMs <= 0) continue
    let time = phaseMs + Math.ceil((start - phaseMs) / periodMs) * periodMs
    for (; time < start + BUCKET_MS; time += periodMs) {
      fires.push({ route, offset: time - start })
    }
  }
  return fires
}

function generateBucket(model: EnvironmentModel, bucket: number): Bucket {
  const random = bucketRandom(model, bucket)
  const traffic = trafficDraw(model, bucket, random)
  const routes: number[] = []
  const offsets: number[] = []
  const leaders: number[] = []
  const add = (route: number, offset: number, leader: number) => {
    routes.push(route)
    offsets.push(offset)
    leaders.push(leader)
  }

  // A flow: one route's execution, followed within milliseconds by routes consuming what it
  // sent (same correlation id and business ids), as a Kafka or direct hand-off would.
  const follow = (routeIndex: number, offset: number, leader: number, depth: number) => {
    for (const next of model.routes[routeIndex]?.downstream ?? []) {
      if (routes.length >= traffic) return
      if (random.next() >= (depth === 1 ? 0.45 : 0.3)) continue
      const nextOffset = Math.min(BUCKET_MS - 1, offset + random.int(4, 350))
      add(next, nextOffset, leader)
      if (depth < 3) follow(next, nextOffset, leader, depth + 1)
    }
  }
  while (routes.length < traffic) {
    const head = pickHead(model, random)
    const offset = random.int(0, BUCKET_MS - 1)
    const leader = routes.length
    add(head, offset, leader)
    follow(head, offset, leader, 1)
  }
  for (const fire of scheduledFires(model, bucket)) {
    add(fire.route.index, Math.min(BUCKET_MS - 1, fire.offset + random.int(0, 40)), routes.length)
  }

  const size = routes.length
  const result = allocateBucket(bucket, size)
  // Start order through one native numeric sort: key = offset * 4096 + slot, so ties keep
  // generation order and a flow's leader precedes its followers.
  if (sortKeys.length < size) {
    sortKeys = new Uint32Array(size * 2)
    ranks = new Uint16Array(size * 2)
  }
  const keys = sortKeys.subarray(0, size)
  for (let slot = 0; slot < size; slot++) keys[slot] = (offsets[slot] ?? 0) * SLOT_SPACE + slot
  keys.sort()
  const rank = ranks
  for (let index = 0; index < size; index++) rank[(keys[index] ?? 0) % SLOT_SPACE] = index

  const incident = model.incidentAt(bucket)
  for (let slot = 0; slot < size; slot++) {
    const index = rank[slot] ?? 0
    const routeIndex = routes[slot] ?? 0
    const route = model.routes[routeIndex]
    if (!route) continue
    const inIncident = incident?.routeIndex === routeIndex
    const split = route.split
    const itemCount = split
      ? Math.min(split.max, Math.max(1, Math.round(random.logNormal(split.median, split.sigma))))
      : 0
    const fails = random.next() < (inIncident ? INCIDENT_FAILURE_RATE : route.failureRate)
    let ms =
      random.logNormal(route.medianMs, 0.55) +
      route.perItemMs * itemCount * random.logNormal(1, 0.25)
    // The long tail: redeliveries with exponential back-off (1 s, 2 s, 4 s, 8 s) where a
    // dependency hiccups, GC pauses and lock waits elsewhere.
    if (random.next() < TAIL_RATE) {
      ms = route.external
        ? ms + 1000 * (2 ** random.int(1, 4) - 1) + random.int(0, 300)
        : ms * random.float(4, 20)
    }
    if (route.waitRate > 0 && random.next() < route.waitRate) {
      ms += random.logNormal(route.waitMedianMs, 0.6)
    }
    ms *= route.latencyFactor
    if (fails) ms *= random.float(0.3, 1)
    if (inIncident) {
      ms =
        fails && random.bool(0.6) ? TIMEOUT_MS + random.int(0, 800) : ms * random.logNormal(4, 0.5)
    }
    result.offset[index] = offsets[slot] ?? 0
    result.route[index] = routeIndex
    result.items[index] = itemCount
    result.failed[index] = fails ? 1 : 0
    result.duration[index] = Math.min(MAX_DURATION_MS, Math.max(1, Math.round(ms)))
    result.agentPick[index] = random.int(0, 65_535)
    const leader = rank[leaders[slot] ?? slot] ?? index
    result.leader[index] = leader
    if (leader !== index) result.hasFollowers[leader] = 1
  }
  return result
}

/**
 * Columns of 16 bytes per execution, carved out of shared 256 kB slabs: allocating an
 * ArrayBuffer per bucket cost as much as generating the bucket. A slab is freed once every
 * bucket carved from it has left the cache. Fresh slab memory is zeroed, and never reused.
 */
const SLAB_BYTES = 256 * 1024
let slab = new ArrayBuffer(SLAB_BYTES)
let slabUsed = 0

function allocateBucket(bucket: number, size: number): Bucket {
  const bytes = size * 16
  if (slabUsed + bytes > slab.byteLength) {
    slab = new ArrayBuffer(Math.max(SLAB_BYTES, bytes))
    slabUsed = 0
  }
  const base = slabUsed
  slabUsed += bytes
  return {
    bucket,
    size,
    duration: new Uint32Array(slab, base, size),
    offset: new Uint16Array(slab, base + size * 4, size),
    items: new Uint16Array(slab, base + size * 6, size),
    agentPick: new Uint16Array(slab, base + size * 8, size),
    leader: new Uint16Array(slab, base + size * 10, size),
    route: new Uint8Array(slab, base + size * 12, size),
    failed: new Uint8Array(slab, base + size * 13, size),
    hasFollowers: new Uint8Array(slab, base + size * 14, size),
  }
}

/** Scratch space for sorting a bucket, reused (generation is synchronous). */
let sortKeys = new Uint32Array(1024)
let ranks = new Uint16Array(1024)

function pickHead(model: EnvironmentModel, random: Random): number {
  const cumulative = model.headCumulative
  const total = cumulative[cumulative.length - 1] ?? 0
  const roll = random.next() * total
  let low = 0
  let high = cumulative.length - 1
  while (low < high) {
    const middle = (low + high) >> 1
    if ((cumulative[middle] ?? 0) > roll) high = middle
    else low = middle + 1
  }
  return model.headRoutes[low] ?? 0
}

// ---------------------------------------------------------------------------- ids

/** `<bucket>-<index>-<tag>` ids (see bucket-ids.ts), 3 base-36 digits of index. */
const ids = bucketIdCodec(3)

export function executionId(model: EnvironmentModel, bucket: number, index: number): string {
  return ids.format(model.key, bucket, index)
}

export function parseExecutionId(
  model: EnvironmentModel,
  id: string,
): { bucket: number; index: number } | null {
  return ids.parse(model.key, id)
}
