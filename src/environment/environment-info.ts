import type { Environment } from '@/lib/api/types'

/**
 * How an environment is named and treated, from what the server says of it (`GET
 * /environments`): its display name, with its id where the id matters ("Production (prod)"),
 * and production-ness from the `production` flag alone, never from the id: a tenant may call
 * production `live`, and `prod-mirror` may be a test copy.
 */
export type EnvironmentFacts = Pick<Environment, 'id' | 'displayName' | 'production'>

/** What people call it ("Production"); the id while the server has not described it. */
export function environmentName(facts: EnvironmentFacts | undefined, id: string): string {
  return facts?.displayName.trim() ? facts.displayName : id
}

/** "Production (prod)"; just the id when the display name is the id. */
export function environmentLabel(facts: EnvironmentFacts | undefined, id: string): string {
  const name = environmentName(facts, id)
  return name === id ? id : `${name} (${id})`
}

export function isProduction(facts: Pick<EnvironmentFacts, 'production'> | undefined): boolean {
  return facts?.production === true
}

/** Production environments first, the others after, each group in the server's order. */
export function productionFirst<T extends Pick<EnvironmentFacts, 'production'>>(
  items: readonly T[],
): T[] {
  return [...items.filter((item) => item.production), ...items.filter((item) => !item.production)]
}

/**
 * The label with production said in words, where colour alone would say it (legends, lists):
 * "Production (prod, production)", "EU live (eu-live, production)", "Staging (staging)".
 */
export function environmentLabelMarkingProduction(
  facts: EnvironmentFacts | undefined,
  id: string,
): string {
  if (!isProduction(facts)) return environmentLabel(facts, id)
  const name = environmentName(facts, id)
  return name === id ? `${id} (production)` : `${name} (${id}, production)`
}
