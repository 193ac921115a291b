import { describe, expect, it } from 'vitest'
import { isValidEnvironmentId } from '@/lib/ids'
import { resolveEnvironment } from './resolve-environment'

const acme = ['dev', 'staging', 'prod'] as const

describe('resolveEnvironment', () => {
  it('takes the URL value when it is well-formed and listed, over the last choice', () => {
    expect(resolveEnvironment({ fromUrl: 'prod', lastChosen: 'dev', available: acme })).toEqual({
      env: 'prod',
      rejected: null,
    })
  })

  it.each([
    ['upper case', 'PROD'],
    ['a path', '../x'],
    ['markup', '<script>alert(1)</script>'],
    ['33 characters', 'a'.repeat(33)],
    ['an empty value', ''],
    ['a leading dash', '-prod'],
    ['an underscore', 'pre_prod'],
  ])('rejects a malformed URL value (%s) and falls back', (_label, value) => {
    expect(resolveEnvironment({ fromUrl: value, lastChosen: 'staging', available: acme })).toEqual({
      env: 'staging',
      rejected: { value, why: 'malformed' },
    })
  })

  it('rejects a well-formed but unlisted value as unknown (32 characters is still well-formed)', () => {
    const value = 'a'.repeat(32)
    expect(resolveEnvironment({ fromUrl: value, lastChosen: null, available: acme })).toEqual({
      env: 'dev',
      rejected: { value, why: 'unknown' },
    })
  })

  it('rejects an environment the token does not allow (absent from the filtered list) as unknown', () => {
    // dev@acme's list holds dev and staging only: a link to prod must not be followed.
    expect(
      resolveEnvironment({ fromUrl: 'prod', lastChosen: null, available: ['dev', 'staging'] }),
    ).toEqual({
      env: 'dev',
      rejected: { value: 'prod', why: 'unknown' },
    })
  })

  describe('without a usable URL value', () => {
    it('uses the last choice when it is still listed', () => {
      expect(
        resolveEnvironment({ fromUrl: null, lastChosen: 'prod', available: ['default', ...acme] }),
      ).toEqual({ env: 'prod', rejected: null })
    })

    it('then `default` when listed, even when it is not first', () => {
      expect(
        resolveEnvironment({
          fromUrl: null,
          lastChosen: 'gone',
          available: ['alpha', 'default', 'zeta'],
        }),
      ).toEqual({ env: 'default', rejected: null })
    })

    it('then the first listed environment', () => {
      expect(
        resolveEnvironment({ fromUrl: null, lastChosen: null, available: ['staging', 'prod'] }),
      ).toEqual({
        env: 'staging',
        rejected: null,
      })
    })

    it('applies the same order after rejecting the URL value', () => {
      expect(
        resolveEnvironment({ fromUrl: 'qa', lastChosen: null, available: ['alpha', 'default'] }),
      ).toEqual({
        env: 'default',
        rejected: { value: 'qa', why: 'unknown' },
      })
    })

    it('resolves to null for an empty list, still reporting a rejected URL value', () => {
      expect(resolveEnvironment({ fromUrl: null, lastChosen: 'dev', available: [] })).toEqual({
        env: null,
        rejected: null,
      })
      expect(resolveEnvironment({ fromUrl: 'dev', lastChosen: 'dev', available: [] })).toEqual({
        env: null,
        rejected: { value: 'dev', why: 'unknown' },
      })
    })
  })
})

describe('isValidEnvironmentId', () => {
  it.each(['default', 'dev', 'prod-eu-1', '0', 'a'.repeat(32)])('accepts %s', (id) => {
    expect(isValidEnvironmentId(id)).toBe(true)
  })
  it.each(['', 'PROD', 'a'.repeat(33), 'dev\n', ' dev', 'dev/x'])('refuses %j', (id) => {
    expect(isValidEnvironmentId(id)).toBe(false)
  })
})
