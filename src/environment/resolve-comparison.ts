import { resolveEnvironment, type EnvironmentRejection } from './resolve-environment'

/**
 * The second environment of a comparison (`?with=`), checked by the very rules `?env=` is
 * (`resolveEnvironment`: the id pattern, the environment list, which the token's `envs`
 * already filtered), plus one of its own: an environment is not compared with itself. A
 * rejected value is reported and never sent; a missing or rejected one falls back to the
 * environment the comparison most likely wants (prod against staging, else another one).
 */
export type ComparisonRejection = Exclude<EnvironmentRejection, 'revoked'> | 'same'

export interface ComparisonResolution {
  /** The environment to compare with; null when there is none to offer (or it is `active`). */
  env: string | null
  rejected: { value: string; why: ComparisonRejection } | null
}

export function resolveComparison(input: {
  fromUrl: string | null
  /** The page's own environment (already resolved by the environment gate). */
  active: string
  /** Environments the server listed for this user, already filtered by the token. */
  available: readonly string[]
  /** Ids of the production environments (the server's `production` flag). */
  production: ReadonlySet<string>
}): ComparisonResolution {
  const { fromUrl, active, available, production } = input
  if (fromUrl !== null) {
    const checked = resolveEnvironment({ fromUrl, lastChosen: null, available })
    if (checked.rejected) {
      const why = checked.rejected.why === 'malformed' ? 'malformed' : 'unknown'
      return {
        env: defaultComparison(active, available, production),
        rejected: { value: fromUrl, why },
      }
    }
    // Refused, not replaced: the user asked for exactly this, and should choose.
    if (fromUrl === active) return { env: null, rejected: { value: fromUrl, why: 'same' } }
    return { env: fromUrl, rejected: null }
  }
  return { env: defaultComparison(active, available, production), rejected: null }
}

/**
 * "Does staging behave like production?" is the question: from a production environment,
 * `staging` if there is one (the usual name of the copy that precedes production), else the
 * first one that is not production; from anywhere else, the first production environment the
 * user may see; else the first other one. Production-ness is the server's flag, never the id.
 */
export function defaultComparison(
  active: string,
  available: readonly string[],
  production: ReadonlySet<string>,
): string | null {
  const others = available.filter((env) => env !== active)
  const wanted = production.has(active)
    ? (others.find((env) => env === 'staging' && !production.has(env)) ??
      others.find((env) => !production.has(env)))
    : others.find((env) => production.has(env))
  return wanted ?? others[0] ?? null
}
