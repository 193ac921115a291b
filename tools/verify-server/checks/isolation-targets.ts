import { isRecord, problemIssue, problemSuffix } from '../evidence'
import type { ProbeResponse } from '../probe-client'
import { failed, firstItem, passed, skipped, type Discovered, type Outcome } from './context'

/** A resource addressed by an id, as the discovery found it in one environment. */
export interface IdTarget {
  endpoint: string
  what: string
  path: string | null
  missing: string
  limit?: number
}

export function idTargets(found: Discovered): IdTarget[] {
  const agent = found.agent && encodeURIComponent(found.agent.agentId)
  const ex = found.execution
  return [
    {
      endpoint: '/agents/{agentId}',
      what: `agent ${found.agent?.agentId ?? ''}`.trim(),
      path: agent && `/agents/${agent}`,
      missing: 'no agent listed',
    },
    {
      endpoint: '/agents/{agentId}/events',
      what: `the events of agent ${found.agent?.agentId ?? ''}`.trim(),
      path: agent && `/agents/${agent}/events`,
      missing: 'no agent listed',
      limit: 5,
    },
    {
      endpoint: '/executions/{executionId}',
      what: `execution ${ex?.executionId ?? ''}`.trim(),
      path: ex && `/executions/${encodeURIComponent(ex.executionId)}`,
      missing: 'no execution in the last hour',
    },
    {
      endpoint: '/diagrams/{applicationId}/{routeId}',
      what: `the diagram of route ${ex ? `${ex.applicationId}/${ex.routeId}` : ''}`.trim(),
      path:
        ex && `/diagrams/${encodeURIComponent(ex.applicationId)}/${encodeURIComponent(ex.routeId)}`,
      missing: 'no execution in the last hour to take a route from',
    },
  ]
}

/** 404 passes; a 200 of the asker's own scope is a coincidence (skipped); anything else fails. */
export function isolationOutcome(
  answer: ProbeResponse,
  asker: { tenant: string; environment: string },
  owner: string,
): Outcome {
  if (answer.status === 404) {
    const issue = problemIssue(answer, 404)
    return issue ? failed(issue) : passed()
  }
  if (answer.status === 403) {
    return failed(
      `${answer.label} answered 403${problemSuffix(answer)}: that discloses that the id exists elsewhere; expected 404`,
    )
  }
  if (answer.status === 200) {
    const body = answer.json
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
      `${answer.label} answered 200 with ${owner}'s data (tenantId ${JSON.stringify(scopeTenant)}, environment ${JSON.stringify(scopeEnvironment)}); expected 404`,
    )
  }
  return failed(`${answer.label} answered ${answer.status}${problemSuffix(answer)}, expected 404`)
}
