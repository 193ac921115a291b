import { useMutation } from '@tanstack/react-query'
import { useId, useState, type FormEvent } from 'react'
import { Navigate, useNavigate, useSearchParams } from 'react-router'
import { postLogin } from '@/lib/api/login-request'
import { HttpError } from '@/lib/api/errors'
import { describeError } from '@/components/query-states'
import { demoPassword, demoUsers } from './demo-users'
import { safeReturnPath } from './safe-return-path'
import { startSession, useClaims, useSignedOutReason, type SignedOutReason } from './session-store'

// Only the sign-in page says why a session ended: kept here, out of every page's first load.
const signedOutMessages: Record<SignedOutReason, string> = {
  malformed:
    'The sign-in token is malformed, so it was not used. Sign in again or ask for a new link.',
  expired: 'The sign-in token has expired. Sign in again or ask for a new link.',
  'no-tenant':
    'The sign-in token names no tenant, so Cameleer3 cannot tell whose data to show. Sign in again.',
  'session-expired': 'Your session expired. Sign in again to continue where you were.',
  'signed-out': 'You signed out.',
}

export function LoginPage() {
  const claims = useClaims()
  const reason = useSignedOutReason()
  const [searchParams] = useSearchParams()
  const navigate = useNavigate()
  const next = safeReturnPath(searchParams.get('next'))
  const [username, setUsername] = useState('')
  const [password, setPassword] = useState('')
  const usernameId = useId()
  const passwordId = useId()

  const login = useMutation({
    mutationFn: (credentials: { username: string; password: string }) =>
      postLogin(credentials.username.trim(), credentials.password),
    onSuccess: (response) => {
      const started = startSession(response.accessToken, 'login')
      if (started.ok) void navigate(next, { replace: true })
    },
  })

  if (claims) return <Navigate to={next} replace />

  const submit = (event: FormEvent) => {
    event.preventDefault()
    login.mutate({ username, password })
  }

  const loginError = login.error
    ? login.error instanceof HttpError && login.error.status === 401
      ? 'Wrong username or password.'
      : describeError(login.error).detail
    : null

  return (
    <main className="login-page">
      <div className="login-card">
        <h1>Sign in to Cameleer3</h1>
        {reason && !login.isPending ? (
          <div className={`notice${reason === 'signed-out' ? ' notice-quiet' : ''}`} role="alert">
            {signedOutMessages[reason]}
          </div>
        ) : null}
        <form onSubmit={submit} className="login-form" aria-label="Sign in">
          <label htmlFor={usernameId}>Username</label>
          <input
            id={usernameId}
            name="username"
            autoComplete="username"
            required
            value={username}
            onChange={(event) => setUsername(event.target.value)}
          />
          <label htmlFor={passwordId}>Password</label>
          <input
            id={passwordId}
            name="password"
            type="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(event) => setPassword(event.target.value)}
          />
          {loginError ? (
            <p className="form-error" role="alert">
              {loginError}
            </p>
          ) : null}
          <button type="submit" className="button button-primary" disabled={login.isPending}>
            {login.isPending ? 'Signing in…' : 'Sign in'}
          </button>
        </form>
        {__MOCKS__ ? (
          <section className="demo-users" aria-labelledby="demo-users-title">
            <h2 id="demo-users-title">Demo users (mock server)</h2>
            <p>
              Password <code>{demoPassword}</code> for all.
            </p>
            <ul>
              {demoUsers.map((user) => (
                <li key={user.username}>
                  <button
                    type="button"
                    className="button button-quiet"
                    onClick={() => {
                      setUsername(user.username)
                      setPassword(demoPassword)
                    }}
                  >
                    {user.username}
                  </button>
                  <span>{user.description}</span>
                </li>
              ))}
            </ul>
          </section>
        ) : null}
      </div>
    </main>
  )
}
