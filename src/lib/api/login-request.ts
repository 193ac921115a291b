import { apiUrl, send } from './api-client'
import { loginResponseSchema } from './generated/response-schemas/login-response'
import { validateResponse } from './response-validation'

// Its own module so that only the sign-in page's chunk carries it and its schema.

/** Sign in with username and password; the only call made without a token. */
export async function postLogin(username: string, password: string, signal?: AbortSignal) {
  const body = await send(
    '/auth/login',
    { url: apiUrl('/auth/login'), json: { username, password }, signal },
    { isLogin: true },
  )
  return validateResponse(loginResponseSchema, body, '/auth/login')
}
