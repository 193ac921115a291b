import type { Schemas } from '@/lib/api/types'

/**
 * What the bell says, from each environment's `/alerts/summary`: pure, so the counts across
 * environments are tested without a browser. One environment's counts are only ever read from
 * its own summary (the one whose key and answer name it).
 */

export interface BellEnvironment {
  id: string
  /** What people call it ("Production"). */
  name: string
  production: boolean
}

export interface BellModel {
  /** The button's accessible name: "Alerts: 2 firing in Production, 1 in Staging". */
  label: string
  /** Unacknowledged firing alerts in production environments (the production-coloured badge). */
  productionUnacknowledged: number
  /** Unacknowledged firing alerts elsewhere. */
  otherUnacknowledged: number
}

type Summary = Schemas['AlertSummary']

export function bellModel(
  environments: readonly BellEnvironment[],
  summaries: ReadonlyMap<string, Summary | undefined>,
): BellModel {
  const ordered = [
    ...environments.filter((env) => env.production),
    ...environments.filter((env) => !env.production),
  ]
  const firing: string[] = []
  const unknown: string[] = []
  let productionUnacknowledged = 0
  let otherUnacknowledged = 0
  for (const env of ordered) {
    const summary = summaries.get(env.id)
    // An answer for another environment is not this one's (the client refuses it already).
    if (!summary || summary.environment !== env.id) {
      unknown.push(env.name)
      continue
    }
    if (summary.firing > 0)
      firing.push(`${summary.firing}${firing.length ? '' : ' firing'} in ${env.name}`)
    if (env.production) productionUnacknowledged += summary.unacknowledged
    else otherUnacknowledged += summary.unacknowledged
  }
  const known = firing.length ? firing.join(', ') : unknown.length ? '' : 'none firing'
  const missing = unknown.length ? `no answer yet from ${unknown.join(', ')}` : ''
  return {
    label: `Alerts: ${[known, missing].filter(Boolean).join('; ')}`,
    productionUnacknowledged,
    otherUnacknowledged,
  }
}
