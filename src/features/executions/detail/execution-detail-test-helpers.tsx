import type { ExecutionDetail, ExecutionStatus } from '@/lib/api/types'
import {
  findExecution,
  findSampleExecutionIds,
  searchExecutions,
} from '@/mocks/executions/execution-data'
import { renderPage } from '@/test/render-page'
import { ExecutionDetailPage } from './execution-detail-page'

/** Test helpers of the execution detail page (not a test file itself). */

/** Real execution ids of the mock (a failed one, one with 500+ processors, …). */
export function sampleIds(tenant: string, env: string) {
  return findSampleExecutionIds(tenant, env)
}

/**
 * The newest execution of the last six hours that has what a test needs (e.g. a failure inside
 * a nested processor), exactly as the mock serves it. Fails the test when there is none.
 */
export function findExecutionWhere(
  predicate: (detail: ExecutionDetail) => boolean,
  {
    tenant = 'acme',
    env = 'prod',
    status,
  }: { tenant?: string; env?: string; status?: ExecutionStatus } = {},
): ExecutionDetail {
  const now = Date.now()
  let after = null
  for (let page = 0; page < 20; page++) {
    const result = searchExecutions(
      tenant,
      env,
      { from: now - 6 * 3_600_000, to: now, status, limit: 200, after },
      now,
    )
    for (const summary of result.items) {
      const detail = findExecution(tenant, env, summary.executionId, now)
      if (detail && predicate(detail)) return detail
    }
    if (!result.next) break
    after = result.next
  }
  throw new Error(`The mock has no such execution in ${tenant}/${env}`)
}

export function renderDetail(
  executionId: string,
  { env = 'prod', user = 'admin@acme', query = '' } = {},
) {
  return renderPage({
    path: '/executions/:executionId',
    element: <ExecutionDetailPage />,
    url: `/executions/${encodeURIComponent(executionId)}?env=${env}${query}`,
    user,
    extraRoutes: [{ path: '/executions', element: <p>Execution search stub</p> }],
  })
}
