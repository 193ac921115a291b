import { describe, expect, it } from 'vitest'
import { defaultComparison, resolveComparison } from './resolve-comparison'

const acme = ['dev', 'staging', 'prod'] as const
const devAtAcme = ['dev', 'staging'] as const
const production = new Set(['prod'])

describe('resolveComparison (?with=)', () => {
  it('takes a listed environment other than the page’s own', () => {
    expect(
      resolveComparison({ fromUrl: 'staging', active: 'prod', available: acme, production }),
    ).toEqual({
      env: 'staging',
      rejected: null,
    })
  })

  it.each([
    ['upper case', 'PROD'],
    ['a path', '../prod'],
    ['markup', '<img src=x onerror=alert(1)>'],
    ['33 characters', 'a'.repeat(33)],
    ['an empty value', ''],
  ])('refuses %s as malformed, exactly as ?env= would, and offers another', (_, value) => {
    expect(
      resolveComparison({ fromUrl: value, active: 'prod', available: acme, production }),
    ).toEqual({
      env: 'staging',
      rejected: { value, why: 'malformed' },
    })
  })

  it('refuses an environment the tenant does not list', () => {
    expect(
      resolveComparison({ fromUrl: 'qa', active: 'prod', available: acme, production }),
    ).toEqual({
      env: 'staging',
      rejected: { value: 'qa', why: 'unknown' },
    })
  })

  it('refuses an environment the token does not allow (the list is filtered by it)', () => {
    // dev@acme may see dev and staging: prod is not in the list it gets.
    expect(
      resolveComparison({ fromUrl: 'prod', active: 'dev', available: devAtAcme, production }),
    ).toEqual({
      env: 'staging',
      rejected: { value: 'prod', why: 'unknown' },
    })
  })

  it('refuses to compare an environment with itself, and offers none instead', () => {
    expect(
      resolveComparison({ fromUrl: 'prod', active: 'prod', available: acme, production }),
    ).toEqual({
      env: null,
      rejected: { value: 'prod', why: 'same' },
    })
  })

  it('without ?with= picks the likely comparison', () => {
    expect(
      resolveComparison({ fromUrl: null, active: 'prod', available: acme, production }),
    ).toEqual({
      env: 'staging',
      rejected: null,
    })
    expect(
      resolveComparison({ fromUrl: null, active: 'default', available: ['default'], production }),
    ).toEqual({ env: null, rejected: null })
  })
})

describe('defaultComparison', () => {
  const prod = new Set(['prod'])
  it('compares production with staging, anything else with production, else another one', () => {
    expect(defaultComparison('prod', acme, prod)).toBe('staging')
    expect(defaultComparison('dev', acme, prod)).toBe('prod')
    expect(defaultComparison('staging', acme, prod)).toBe('prod')
    expect(defaultComparison('dev', devAtAcme, prod)).toBe('staging')
    expect(defaultComparison('prod', ['dev', 'prod'], prod)).toBe('dev')
    expect(defaultComparison('dev', ['dev'], prod)).toBeNull()
  })

  it('knows production by the flag, not by the id', () => {
    const beta = ['dev', 'eu-live', 'prod-mirror']
    const live = new Set(['eu-live'])
    expect(defaultComparison('dev', beta, live)).toBe('eu-live')
    expect(defaultComparison('prod-mirror', beta, live)).toBe('eu-live')
    expect(defaultComparison('eu-live', beta, live)).toBe('dev')
    expect(defaultComparison('dev', ['dev', 'staging', 'prod'], new Set())).toBe('staging')
  })
})
