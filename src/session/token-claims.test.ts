import { describe, expect, it } from 'vitest'
import { signDemoToken, signToken } from '@/mocks/auth/auth-tokens'
import { readToken, tokenAllowsEnvironment } from './token-claims'

/** A JWT-shaped string with any payload; readToken never checks signatures (the server does). */
function unsignedToken(payload: unknown): string {
  const part = (value: string) =>
    btoa(value).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')
  return `${part(JSON.stringify({ alg: 'HS256', typ: 'JWT' }))}.${part(JSON.stringify(payload))}.c2ln`
}

const inOneHour = () => Math.floor(Date.now() / 1000) + 3600

describe('readToken', () => {
  it('reads a valid demo token: user, tenant, name, roles, all environments and expiry', async () => {
    const before = Date.now()
    const reading = readToken(await signDemoToken('admin@acme'))
    expect(reading).toEqual({
      ok: true,
      claims: {
        userId: 'admin@acme',
        tenant: 'acme',
        name: 'Ada Admin',
        roles: ['admin'],
        envs: null,
        expiresAt: expect.any(Date),
      },
    })
    if (!reading.ok) return
    // One-hour token, read to the second.
    const lifetime = reading.claims.expiresAt.getTime() - before
    expect(lifetime).toBeGreaterThan(3590_000)
    expect(lifetime).toBeLessThanOrEqual(3600_000)
  })

  it.each([
    ['an empty string', ''],
    ['one part', 'abc'],
    ['three parts that are not base64 JSON', 'a.b.c'],
    [
      'a JWT whose payload is not JSON',
      `${btoa('{"alg":"HS256"}')}.${btoa('not json at all')}.sig`,
    ],
    ['10 kB of garbage', 'x.'.repeat(2) + '%$#!'.repeat(2560)],
    ['a JWT without a subject', unsignedToken({ tenant: 'acme', exp: inOneHour() })],
    ['a JWT without exp', unsignedToken({ sub: 'u', tenant: 'acme' })],
    ['a JWT with a non-numeric exp', unsignedToken({ sub: 'u', tenant: 'acme', exp: 'tomorrow' })],
  ])('refuses %s as malformed', (_label, token) => {
    expect(readToken(token)).toEqual({ ok: false, problem: 'malformed' })
  })

  it('says "expired" for a token whose exp has passed', async () => {
    const token = await signToken({ sub: 'admin@acme', tenant: 'acme' }, { expiresInSeconds: -60 })
    expect(readToken(token)).toEqual({ ok: false, problem: 'expired' })
  })

  it('judges expiry against the given clock, the expiry instant itself included', async () => {
    const token = await signToken(
      { sub: 'u', tenant: 'acme' },
      { issuedAt: 1_800_000_000, expiresInSeconds: 60 },
    )
    expect(readToken(token, new Date(1_800_000_059_000)).ok).toBe(true)
    expect(readToken(token, new Date(1_800_000_060_000))).toEqual({ ok: false, problem: 'expired' })
  })

  it.each([
    ['no tenant claim', {}],
    ['an empty tenant', { tenant: '' }],
    ['a null tenant', { tenant: null }],
  ])('says "no-tenant" for a token with %s', async (_label, claims) => {
    const token = unsignedToken({ sub: 'u', exp: inOneHour(), ...claims })
    expect(readToken(token)).toEqual({ ok: false, problem: 'no-tenant' })
  })

  it('says "no-tenant" for a signed token without the claim, even if other claims are fine', async () => {
    const token = await signToken({ sub: 'admin@acme', name: 'Ada', roles: ['admin'] })
    expect(readToken(token)).toEqual({ ok: false, problem: 'no-tenant' })
  })

  it.each(['ACME', '../acme', 'acme corp', '-acme', 'a'.repeat(64), 'acme\n', 42])(
    'refuses the tenant %j as malformed (pattern ^[a-z0-9][a-z0-9_-]{0,62}$)',
    async (tenant) => {
      const token = unsignedToken({ sub: 'u', tenant, exp: inOneHour() })
      expect(readToken(token)).toEqual({ ok: false, problem: 'malformed' })
    },
  )

  it('accepts the longest well-formed tenant id', () => {
    const tenant = 'a'.repeat(63)
    const reading = readToken(unsignedToken({ sub: 'u', tenant, exp: inOneHour() }))
    expect(reading.ok && reading.claims.tenant).toBe(tenant)
  })

  it('reads the envs claim, and tokenAllowsEnvironment honours it', async () => {
    const reading = readToken(await signDemoToken('dev@acme'))
    expect(reading.ok).toBe(true)
    if (!reading.ok) return
    expect(reading.claims.envs).toEqual(['dev', 'staging'])
    expect(tokenAllowsEnvironment(reading.claims, 'dev')).toBe(true)
    expect(tokenAllowsEnvironment(reading.claims, 'staging')).toBe(true)
    expect(tokenAllowsEnvironment(reading.claims, 'prod')).toBe(false)
  })

  it('treats an absent envs claim as every environment', async () => {
    const reading = readToken(await signDemoToken('admin@acme'))
    if (!reading.ok) throw new Error('expected a valid token')
    expect(tokenAllowsEnvironment(reading.claims, 'prod')).toBe(true)
    expect(tokenAllowsEnvironment(reading.claims, 'anything-else')).toBe(true)
  })

  it.each([
    ['a malformed id', ['dev', 'PROD']],
    ['a non-string', ['dev', 7]],
    ['a non-array', 'dev'],
  ])('refuses an envs claim with %s as malformed', (_label, envs) => {
    const token = unsignedToken({ sub: 'u', tenant: 'acme', envs, exp: inOneHour() })
    expect(readToken(token)).toEqual({ ok: false, problem: 'malformed' })
  })

  it('falls back to the subject when the name is absent or blank', async () => {
    const withoutName = readToken(await signToken({ sub: 'ops@acme', tenant: 'acme' }))
    const blankName = readToken(await signToken({ sub: 'ops@acme', tenant: 'acme', name: '   ' }))
    expect(withoutName.ok && withoutName.claims.name).toBe('ops@acme')
    expect(blankName.ok && blankName.claims.name).toBe('ops@acme')
  })

  it('defaults missing roles to none', async () => {
    const reading = readToken(await signToken({ sub: 'ops@acme', tenant: 'acme' }))
    expect(reading.ok && reading.claims.roles).toEqual([])
  })
})
