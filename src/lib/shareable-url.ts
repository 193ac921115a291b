/**
 * Parameters that carry credentials. A SaaS hand-off puts `access_token` in the fragment; some
 * platforms use the OAuth names in the query. None of them may ever leave the app in a link.
 */
const CREDENTIAL_PARAMS = ['access_token', 'id_token', 'refresh_token', 'token_type', 'expires_in']

/**
 * The absolute URL of an in-app location that is safe to share: same origin, the path and the
 * query without credential parameters, and never the fragment. The app keeps nothing a link
 * needs in the fragment, and the fragment is where a hand-off token travels, so dropping it
 * whole (rather than filtering it) cannot miss a spelling of a token.
 */
export function shareableUrl(href: string, origin: string = window.location.origin): string {
  const url = new URL(href, origin)
  const shared = new URL(`${url.pathname}${url.search}`, origin)
  for (const name of CREDENTIAL_PARAMS) shared.searchParams.delete(name)
  return shared.toString()
}
