/**
 * The contract's rules for ids, in one place: how long an id or a search text may be, which
 * ids can be put in a request path, how an id is shortened for display, and the shape of
 * tenant and environment ids.
 */

/** Ids are at most 256 characters (the contract's ResourceId). */
export const MAX_ID_LENGTH = 256
/** The contract caps a free-text search (`q`) at 200 characters. */
export const MAX_QUERY_LENGTH = 200

/** Tenant ids as the sign-in token carries them. */
export const TENANT_ID_PATTERN = /^[a-z0-9][a-z0-9_-]{0,62}$/
/** Environment ids as the URL, the token and the server carry them (`dev`, `prod-eu`). */
export const ENVIRONMENT_ID_PATTERN = /^[a-z0-9][a-z0-9-]{0,31}$/

export function isValidEnvironmentId(value: string): boolean {
  return ENVIRONMENT_ID_PATTERN.test(value)
}

/**
 * An id that can exist and can be put in a request path. `.` and `..` would be collapsed by URL
 * normalisation into another endpoint; such ids are "not found" without asking the server.
 */
export function isAddressableId(id: string): boolean {
  return id.length > 0 && id.length <= MAX_ID_LENGTH && id !== '.' && id !== '..'
}

// Control characters never belong in an id; they do turn up in mangled or hostile links.
// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f]/

/** An id a filter may carry: not too long, no control characters. */
export function isWellFormedId(value: string): boolean {
  return value.length <= MAX_ID_LENGTH && !CONTROL_CHARACTERS.test(value)
}

/**
 * An id as display text: ids come from agents and URLs, so one can be thousands of characters
 * long. The full value stays available (title, copy); the page shows a readable head.
 */
export function truncateId(id: string, max = 120): string {
  return id.length > max ? `${id.slice(0, max - 1)}…` : id
}
