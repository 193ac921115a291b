/**
 * Seeded randomness for the mock data. Every generator derives its own stream from a string
 * key such as `acme/prod/agents`, so adding a field to one generator never shifts the values
 * of another, and the same (tenant, environment[, bucket]) always yields the same data.
 */

/** FNV-1a, 32 bit: cheap, well spread for short keys, and stable across runtimes. */
export function hashString(value: string): number {
  return continueHash(0x811c9dc5, value)
}

/** FNV-1a carried on over `value`: `continueHash(hashString(a), b) === hashString(a + b)`. */
function continueHash(hash: number, value: string): number {
  for (let i = 0; i < value.length; i++) {
    hash ^= value.charCodeAt(i)
    hash = Math.imul(hash, 0x01000193)
  }
  return hash >>> 0
}

/** mulberry32: tiny, fast, and good enough for demo data (not for anything secret). */
function mulberry32(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/**
 * `hashString(prefix + n)` for many integers `n` (the buckets of one environment:
 * `acme/prod/bucket/` + bucket), the prefix hashed once and `n`'s digits hashed without
 * building the string: the seeds of their streams (see `UniformStream`).
 */
export function seedsUnder(prefix: string): (n: number) => number {
  const prefixHash = hashString(prefix)
  return (n) =>
    Number.isSafeInteger(n) && n >= 0
      ? continueHashWithDigits(prefixHash, n)
      : continueHash(prefixHash, String(n))
}

const digits = new Uint8Array(16)

/** `continueHash(hash, String(n))` for a non-negative safe integer. */
function continueHashWithDigits(hash: number, n: number): number {
  let count = 0
  let rest = n
  do {
    const digit = rest % 10
    digits[count++] = digit
    rest = (rest - digit) / 10
  } while (rest > 0)
  while (count > 0) {
    hash ^= 48 + (digits[--count] ?? 0)
    hash = Math.imul(hash, 0x01000193)
  }
  return hash >>> 0
}

/**
 * The uniform stream of `createRandom(key)` (same values, same order) as one object that
 * starts over from any seed (`hashString(key)`): for hot loops that read a draw or two from
 * each of tens of thousands of keys, without allocating a stream per key. `gaussian()` is
 * the first `gaussian()` `createRandom` gives from the same values.
 */
export class UniformStream {
  #state = 0

  restart(seed: number): this {
    this.#state = seed >>> 0
    return this
  }

  next(): number {
    this.#state = (this.#state + 0x6d2b79f5) >>> 0
    let t = this.#state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }

  gaussian(): number {
    const u = 1 - this.next()
    const v = this.next()
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v)
  }
}

export interface Random {
  /** Uniform in [0, 1). */
  next(): number
  /** Uniform float in [min, max). */
  float(min: number, max: number): number
  /** Uniform integer in [min, max] (both inclusive). */
  int(min: number, max: number): number
  bool(probability?: number): boolean
  pick<T>(items: readonly T[]): T
  weighted<T>(entries: ReadonlyArray<readonly [T, number]>): T
  gaussian(mean?: number, stdDev?: number): number
  /** Long-tailed positive values (latencies, rates): the median is `median`. */
  logNormal(median: number, sigma: number): number
  /** Lowercase hex or base-36 id fragments, e.g. the `7f9c2` of a pod name. */
  hex(length: number): string
  alnum(length: number): string
  shuffle<T>(items: readonly T[]): T[]
  /** An independent stream, so nested generators do not disturb their parent's sequence. */
  fork(key: string): Random
}

export function createRandom(key: string): Random {
  const next = mulberry32(hashString(key))
  let spareGaussian: number | null = null

  const random: Random = {
    next,
    float: (min, max) => min + next() * (max - min),
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    bool: (probability = 0.5) => next() < probability,
    pick: (items) => {
      if (items.length === 0) throw new Error('pick() from an empty list')
      return items[Math.floor(next() * items.length)] as (typeof items)[number]
    },
    weighted: (entries) => {
      const total = entries.reduce((sum, [, weight]) => sum + weight, 0)
      let roll = next() * total
      for (const [value, weight] of entries) {
        roll -= weight
        if (roll < 0) return value
      }
      const last = entries[entries.length - 1]
      if (!last) throw new Error('weighted() from an empty list')
      return last[0]
    },
    gaussian: (mean = 0, stdDev = 1) => {
      if (spareGaussian !== null) {
        const value = spareGaussian
        spareGaussian = null
        return mean + stdDev * value
      }
      // Box–Muller; 1 - next() keeps log() away from zero.
      const u = 1 - next()
      const v = next()
      const radius = Math.sqrt(-2 * Math.log(u))
      spareGaussian = radius * Math.sin(2 * Math.PI * v)
      return mean + stdDev * radius * Math.cos(2 * Math.PI * v)
    },
    logNormal: (median, sigma) => median * Math.exp(random.gaussian(0, sigma)),
    hex: (length) => chars(next, length, '0123456789abcdef'),
    alnum: (length) => chars(next, length, 'bcdfghjklmnpqrstvwxz2456789'),
    shuffle: (items) => shuffle(next, items),
    fork: (subKey) => createRandom(`${key}/${subKey}`),
  }
  return random
}

function shuffle<T>(next: () => number, items: readonly T[]): T[] {
  const copy = [...items]
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1))
    const swap = copy[i] as T
    copy[i] = copy[j] as T
    copy[j] = swap
  }
  return copy
}

function chars(next: () => number, length: number, alphabet: string): string {
  let out = ''
  for (let i = 0; i < length; i++) out += alphabet[Math.floor(next() * alphabet.length)]
  return out
}
