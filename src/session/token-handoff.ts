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

/**
 * A hand-off pasted into an open tab changes only the fragment, so the page is not reloaded:
 * browsers fire `popstate` (the router's cue to read the address) and then `hashchange`. The
 * token is taken at the first of the two, in the capture phase, ahead of the router's own
 * listener: the router never sees it in the address, and nothing the router does before
 * `hashchange` can lose it (the environment gate writing `?env=` with `replaceState` drops the
 * fragment, token and all). Returns the function that stops listening.
 */
export function listenForPastedHandoffs(
  onToken: (token: string) => void,
  target: Window = window,
): () => void {
  const take = () => {
    const token = takeHandoffToken(target.location, target.history)
    if (token) onToken(token)
  }
  target.addEventListener('popstate', take, { capture: true })
  target.addEventListener('hashchange', take, { capture: true })
  return () => {
    target.removeEventListener('popstate', take, { capture: true })
    target.removeEventListener('hashchange', take, { capture: true })
  }
}
