// @vitest-environment node
import { describe, expect, it } from 'vitest'
import { createRandom, hashString, seedsUnder, UniformStream } from './random'

describe('seedsUnder', () => {
  it('hashes the prefix and the integer as hashString does the whole key', () => {
    const seeds = seedsUnder('acme/prod/bucket/')
    for (const n of [0, 7, 10, 99, 1_000, 29_410_337, 2 ** 31, Number.MAX_SAFE_INTEGER]) {
      expect(seeds(n)).toBe(hashString(`acme/prod/bucket/${n}`))
    }
    // Not a non-negative integer: through its string, as a template literal writes it.
    for (const n of [-3, 12.5, 1e21]) expect(seeds(n)).toBe(hashString(`acme/prod/bucket/${n}`))
  })
})

describe('UniformStream', () => {
  it("gives createRandom's values and first gaussian for the same key, restart after restart", () => {
    const stream = new UniformStream()
    for (const key of ['acme/prod/bucket/29410337', 'beta/dev/bucket/1', '']) {
      const random = createRandom(key)
      stream.restart(hashString(key))
      const values = [stream.next(), stream.next(), stream.next()]
      expect(values).toEqual([random.next(), random.next(), random.next()])
      expect(stream.restart(hashString(key)).gaussian()).toBe(createRandom(key).gaussian())
    }
  })
})
