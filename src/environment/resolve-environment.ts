import { isValidEnvironmentId } from '@/lib/ids'

/**
 * Which environment to show, per the contract: the URL's if it is valid, listed and allowed;
 * else the last choice in this tenant; else `default` if listed; else the first listed.
 * A rejected URL value is reported so the UI can say so, and it is never sent to the server.
 */
export type EnvironmentRejection =
  | 'malformed'
  | 'unknown'
  /** It was the active environment until the server refused it (403) and stopped listing it. */
  | 'revoked'

export interface EnvironmentResolution {
  env: string | null
  rejected: { value: string; why: EnvironmentRejection } | null
}

export function resolveEnvironment(input: {
  fromUrl: string | null
  lastChosen: string | null
  /** Environments the server listed for this user, already filtered by the token. */
  available: readonly string[]
  /** Environments the server refused with a 403 while they were active. */
  revoked?: readonly string[]
}): EnvironmentResolution {
  const { fromUrl, lastChosen, available, revoked = [] } = input
  let rejected: EnvironmentResolution['rejected'] = null
  if (fromUrl !== null) {
    if (!isValidEnvironmentId(fromUrl)) rejected = { value: fromUrl, why: 'malformed' }
    else if (!available.includes(fromUrl)) {
      rejected = { value: fromUrl, why: revoked.includes(fromUrl) ? 'revoked' : 'unknown' }
    } else return { env: fromUrl, rejected: null }
  }
  const fallback =
    (lastChosen && available.includes(lastChosen) ? lastChosen : null) ??
    (available.includes('default') ? 'default' : null) ??
    available[0] ??
    null
  return { env: fallback, rejected }
}
