import { isRecord, problemIssue, problemSuffix } from '../evidence'
import type { ProbeResponse } from '../probe-client'
import { failed, firstItem, passed, skipped, type Discovered, type Outcome } from './context'

/**
 * What the isolation checks ask for, and how they judge the answer. A lookup by id outside the
 * id's tenant or environment must not find it, and must not tell that it exists: its answer
 * is compared with the answer for an id that exists nowhere, asked the same way (same path
 * shape, environment and token), and any difference is a disclosure. So a server that answers
 * 403 for an environment the token lacks, whatever the id, discloses nothing and passes.
 */

/** A resource addressed by ids, as the discovery found it in one environment. */
export interface IdTarget {
  endpoint: string
  what: string
  /** The ids in the path, in order; `null` when the discovery found none. */
  ids: string[] | null
  pathOf: (ids: string[]) => string
  missing: string
  limit?: number
}

export function idTargets(found: Discovered): IdTarget[] {
  const agentId = found.agent?.agentId
  const ex = found.execution
  const at = (template: (...ids: string[]) => string) => (ids: string[]) =>
    template(...ids.map(encodeURIComponent))
  return [
    {
      endpoint: '/agents/{agentId}',
      what: `agent ${agentId ?? ''}`.trim(),
      ids: agentId ? [agentId] : null,
      pathOf: at((id) => `/agents/${id}`),
      missing: 'no agent listed',
    },
    {
      endpoint: '/agents/{agentId}/events',
      what: `the events of agent ${agentId ?? ''}`.trim(),
      ids: agentId ? [agentId] : null,
      pathOf: at((id) => `/agents/${id}/events`),
      missing: 'no agent listed',
      limit: 5,
    },
    {
      endpoint: '/executions/{executionId}',
      what: `execution ${ex?.executionId ?? ''}`.trim(),
      ids: ex ? [ex.executionId] : null,
      pathOf: at((id) => `/executions/${id}`),
      missing: 'no execution in the last hour',
    },
    {
      endpoint: '/diagrams/{applicationId}/{routeId}',
      what: `the diagram of route ${ex ? `${ex.applicationId}/${ex.routeId}` : ''}`.trim(),
      ids: ex ? [ex.applicationId, ex.routeId] : null,
      pathOf: at((app, route) => `/diagrams/${app}/${route}`),
      missing: 'no execution in the last hour to take a route from',
    },
  ]
}

const ROTATIONS: [string, number][] = [
  ['0123456789', 5],
  ['abcdef', 3],
  ['ghijklmnopqrstuvwxyz', 10],
  ['ABCDEF', 3],
  ['GHIJKLMNOPQRSTUVWXYZ', 10],
]

/**
 * An id that exists nowhere but looks like `id`: every letter and digit moved within its class
 * (hex letters stay hex letters, digits stay digits), so a server that checks an id's format
 * judges both alike.
 */
export function nowhereId(id: string): string {
  return [...id]
    .map((char) => {
      for (const [alphabet, shift] of ROTATIONS) {
        const index = alphabet.indexOf(char)
        if (index >= 0) return alphabet[(index + shift) % alphabet.length] ?? char
      }
      return char
    })
    .join('')
}

/**
 * Judges the answer to a foreign id (`foreign`) against the answer to an id that exists
 * nowhere (`nowhere`). A 200 with the owner's data is a leak; a 200 of the asker's own scope is
 * a coincidence (skipped); an answer that differs from the nowhere id's discloses the id; the
 * same 404, or the same 403 (an environment the token lacks), passes.
 */
export function isolationOutcome(
  foreign: ProbeResponse,
  nowhere: ProbeResponse,
  ids: { foreign: string[]; nowhere: string[] },
  asker: { tenant: string; environment: string },
  owner: string,
): Outcome {
  if (foreign.status === 200) {
    const body = foreign.json
    const tenantId = isRecord(body) ? body.tenantId : undefined
    const environment = isRecord(body) ? body.environment : undefined
    const rowOf = firstItem(body)
    const scopeTenant = tenantId ?? rowOf?.tenantId
    const scopeEnvironment = environment ?? rowOf?.environment
    if (scopeTenant === asker.tenant && scopeEnvironment === asker.environment) {
      return skipped(
        `the same id also exists in tenant ${asker.tenant}, environment ${asker.environment}: not a leak, but nothing to test`,
      )
    }
    return failed(
      `${foreign.label} answered 200 with ${owner}'s data (tenantId ${JSON.stringify(scopeTenant)}, environment ${JSON.stringify(scopeEnvironment)}); expected 404`,
    )
  }
  if (nowhere.status === 200) {
    return skipped(
      `${nowhere.label}, meant as an id that exists nowhere, answered 200: nothing to compare with`,
    )
  }
  if (nowhere.status === 400 && foreign.status !== 400) {
    // The made-up id was refused as malformed: judge the foreign answer on its own.
    return foreign.status === 404
      ? (outcomeOrNull(problemIssue(foreign, 404)) ??
          passed(`not compared: ${nowhere.label} was refused as malformed (400)`))
      : skipped(
          `${foreign.label} answered ${foreign.status}, and ${nowhere.label} (an id that exists nowhere) was refused as malformed (400): nothing to compare with`,
        )
  }
  const difference = differenceBetween(
    fingerprint(foreign, ids.foreign),
    fingerprint(nowhere, ids.nowhere),
  )
  if (difference) {
    return failed(
      `${foreign.label} answered ${foreign.status}${problemSuffix(foreign)}, but ${nowhere.label}, an id that exists nowhere asked the same way, answered ${nowhere.status}${problemSuffix(nowhere)}: ${difference} tells that the id exists elsewhere`,
    )
  }
  if (foreign.status === 404) return outcomeOrNull(problemIssue(foreign, 404)) ?? passed()
  if (foreign.status === 403) {
    return (
      outcomeOrNull(problemIssue(foreign, 403)) ??
      passed(
        '403, exactly as for an id that exists nowhere: the environment is refused, nothing disclosed',
      )
    )
  }
  return failed(
    `${foreign.label} answered ${foreign.status}${problemSuffix(foreign)}, expected 404 (or the 403 of an environment the token lacks)`,
  )
}

function outcomeOrNull(issue: string | null): Outcome | null {
  return issue ? failed(issue) : null
}

/** What could tell two answers apart, with the ids asked for written as `{id}`. */
interface Fingerprint {
  status: number
  mediaType: string
  /** The body's member names, when it is a JSON object. */
  members: string | null
  /** RFC 9457 members that describe the problem (not `instance`, which names an occurrence). */
  type: unknown
  title: unknown
  detail: unknown
  /** A body that is not JSON, as far as the excerpt goes. */
  text: string | null
}

function fingerprint(response: ProbeResponse, ids: string[]): Fingerprint {
  const body = response.json
  const record = isRecord(body) ? body : null
  const scrub = (value: unknown) => (typeof value === 'string' ? withoutIds(value, ids) : value)
  return {
    status: response.status,
    mediaType: response.contentType.split(';')[0]?.trim().toLowerCase() ?? '',
    members: record ? Object.keys(record).sort().join(', ') : null,
    type: scrub(record?.type),
    title: scrub(record?.title),
    detail: scrub(record?.detail),
    text: body === undefined ? withoutIds(response.excerpt, ids) : null,
  }
}

function withoutIds(text: string, ids: string[]): string {
  const forms = ids
    .flatMap((id) => [id, encodeURIComponent(id)])
    .sort((x, y) => y.length - x.length)
  return forms.reduce((result, form) => (form ? result.split(form).join('{id}') : result), text)
}

function differenceBetween(foreign: Fingerprint, nowhere: Fingerprint): string | null {
  const labels: Record<keyof Fingerprint, string> = {
    status: 'the status',
    mediaType: 'the Content-Type',
    members: 'the members of the body',
    type: 'the problem type',
    title: 'the problem title',
    detail: 'the detail (ids aside)',
    text: 'the body (ids aside)',
  }
  for (const key of Object.keys(labels) as (keyof Fingerprint)[]) {
    if (foreign[key] !== nowhere[key]) {
      return `${labels[key]} (${JSON.stringify(foreign[key])} against ${JSON.stringify(nowhere[key])})`
    }
  }
  return null
}
