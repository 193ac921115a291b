import { scopedGet } from '@/lib/api/api-client'
import { isHttpStatus } from '@/lib/api/errors'
import { assertAnswersFor } from '@/lib/api/response-validation'
import type { ExecutionSummary } from '@/lib/api/types'
import { scopedKey, scopedQuery, type Scope } from '@/lib/query/query-scope'
import { executionDetailSchema } from '@/lib/api/generated/response-schemas/execution-detail'
import { executionPageSchema } from '@/lib/api/generated/response-schemas/execution-page'
import { processorSnapshotSchema } from '@/lib/api/generated/response-schemas/processor-snapshot'

/** How far back a pasted exchange or correlation id is looked for. */
export const LOOKUP_DAYS = 7
const LOOKUP_PAGES = 8

/**
 * The `executions` resource beyond the search (executions.ts): one execution, the message at a
 * processor, and the execution a pasted id names. Apart, so the search page does not carry
 * their answers' schemas.
 */
export const executionDetailResources = {
  detail: (scope: Scope, executionId: string) =>
    scopedQuery(scopedKey(scope, 'executions', 'detail', { executionId }), async (key, signal) => {
      const execution = await scopedGet('/executions/{executionId}', {
        scope: key,
        schema: executionDetailSchema,
        path: { executionId: key.executionId },
        signal,
      })
      return assertAnswersFor(
        execution,
        { executionId: key.executionId },
        '/executions/{executionId}',
      )
    }),

  /**
   * The message as it entered and left one processor; `iteration` (0-based) for a processor
   * with `iterations`, else null.
   */
  snapshot: (scope: Scope, executionId: string, processorId: string, iteration: number | null) =>
    scopedQuery(
      scopedKey(scope, 'executions', 'snapshot', { executionId, processorId, iteration }),
      async (key, signal) => {
        const snapshot = await scopedGet(
          '/executions/{executionId}/processors/{processorId}/snapshot',
          {
            scope: key,
            schema: processorSnapshotSchema,
            path: { executionId: key.executionId, processorId: key.processorId },
            query: { iteration: key.iteration ?? undefined },
            signal,
          },
        )
        return assertAnswersFor(
          snapshot,
          { executionId: key.executionId, processorId: key.processorId, iteration: key.iteration },
          '/executions/{executionId}/processors/{processorId}/snapshot',
        )
      },
    ),

  /**
   * The execution a pasted id names in this scope, or null: an execution id, else the newest
   * execution of the last `LOOKUP_DAYS` days whose exchange id or correlation id it is (the
   * search's full text covers both; only exact matches count).
   */
  lookup: (scope: Scope, id: string) =>
    scopedQuery(scopedKey(scope, 'executions', 'lookup', { id }), async (key, signal) => {
      try {
        const execution = await scopedGet('/executions/{executionId}', {
          scope: key,
          schema: executionDetailSchema,
          path: { executionId: key.id },
          signal,
        })
        if (execution.executionId === key.id) return execution as ExecutionSummary
      } catch (error) {
        if (!isHttpStatus(error, 404) && !isHttpStatus(error, 400)) throw error
      }
      const to = new Date()
      const from = new Date(to.getTime() - LOOKUP_DAYS * 86_400_000)
      // A store may answer a rare text in slices (an empty page with a cursor): follow a few.
      let cursor: string | undefined
      for (let page = 0; page < LOOKUP_PAGES; page++) {
        const answer = await scopedGet('/executions', {
          scope: key,
          schema: executionPageSchema,
          signal,
          query: { from: from.toISOString(), to: to.toISOString(), q: key.id, limit: 50, cursor },
        })
        const hit = answer.items.find(
          (item) => item.exchangeId === key.id || item.correlationId === key.id,
        )
        if (hit) return hit
        if (!answer.nextCursor) break
        cursor = answer.nextCursor
      }
      return null
    }),
}
