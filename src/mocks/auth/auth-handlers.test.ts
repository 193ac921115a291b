import { decodeJwt } from 'jose'
import { describe, expect, it } from 'vitest'
import { validateResponse } from '@/lib/api/response-validation'
import { call, expectProblem, get, login } from '../mock-api-test-support'
import { loginResponseSchema } from '@/lib/api/generated/response-schemas/login-response'

describe('login', () => {
  it.each([
    ['admin@acme', 'acme', ['admin'], undefined],
    ['ops@acme', 'acme', ['operator'], undefined],
    ['dev@acme', 'acme', ['viewer'], ['dev', 'staging']],
    ['admin@beta', 'beta', ['admin'], undefined],
    ['user@default', 'default', ['viewer'], undefined],
  ])('issues a one-hour HS256 token for %s', async (username, tenant, roles, envs) => {
    const { status, body } = await login(username, 'demo')
    expect(status).toBe(200)
    const token = validateResponse(loginResponseSchema, body, 'login')
    expect(token.tokenType).toBe('Bearer')
    expect(token.expiresIn).toBe(3600)
    const claims = decodeJwt(token.accessToken)
    expect(claims).toMatchObject({ sub: username, tenant, roles, iss: 'cameleer-mock' })
    expect(claims.envs).toEqual(envs)
    expect((claims.exp ?? 0) - (claims.iat ?? 0)).toBe(3600)
    // The token it issues is accepted by the data endpoints.
    await get('Me', '/me', token.accessToken)
  })

  it('refuses a wrong password or an unknown user with the same 401 problem', async () => {
    const wrongPassword = await expectProblem(login('admin@acme', 'nope'), 401)
    const unknownUser = await expectProblem(login('root@acme', 'demo'), 401)
    expect(wrongPassword.detail).toBe(unknownUser.detail)
  })

  it('answers a malformed body with 400', async () => {
    await expectProblem(
      call('/auth/login', undefined, { method: 'POST', body: '{"username":' }),
      400,
    )
    await expectProblem(
      call('/auth/login', undefined, { method: 'POST', body: JSON.stringify({ username: 'x' }) }),
      400,
    )
  })
})
