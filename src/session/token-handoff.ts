/**
 * SaaS hand-off: the platform sends users to `/#access_token=<JWT>`. The token is taken out
 * of the address bar at once with `replaceState`, so it is neither in history nor in a link
 * the user might copy, and it is never logged.
 */
export function takeHandoffToken(
  location: Location = window.location,
  history: History = window.history,
): string | null {
  if (!location.hash.includes('access_token=')) return null
  const params = new URLSearchParams(location.hash.slice(1))
  const token = params.get('access_token')
  params.delete('access_token')
  params.delete('token_type')
  params.delete('expires_in')
  const rest = params.toString()
  history.replaceState(
    history.state,
    '',
    `${location.pathname}${location.search}${rest ? `#${rest}` : ''}`,
  )
  return token?.trim() || null
}
