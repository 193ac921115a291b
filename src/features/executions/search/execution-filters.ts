import type { ExecutionStatus } from '@/lib/api/types'
import { MAX_QUERY_LENGTH } from '@/lib/ids'
import { choice, defineUrlState, id, integer, text, toApiParams } from '@/lib/url-state/url-state'

export const EXECUTION_STATUSES = [
  'COMPLETED',
  'FAILED',
  'RUNNING',
] as const satisfies readonly ExecutionStatus[]

/** Nobody searches for executions slower than this (about 11 days); a larger value is a typo. */
const MAX_MIN_DURATION_MS = 999_999_999

/**
 * What the execution search shows besides env and time range, as the URL says it:
 * `?status=FAILED&app=order-service&route=process-order&agent=…&minDuration=500&q=…`.
 * Ids are matched exactly; `minDuration` is in milliseconds; `q` searches exchange id,
 * correlation id, headers and bodies.
 */
export const executionFilters = defineUrlState({
  status: choice('status', EXECUTION_STATUSES, { label: 'status' }),
  app: id('app', 'application filter'),
  route: id('route', 'route filter'),
  agent: id('agent', 'agent filter'),
  minDuration: integer('minDuration', {
    label: 'minimum duration',
    min: 0,
    max: MAX_MIN_DURATION_MS,
    expected: `a number of milliseconds (0 to ${MAX_MIN_DURATION_MS})`,
  }),
  q: text('q', { label: 'search text', max: MAX_QUERY_LENGTH, whenLonger: 'drop' }),
})

export type ExecutionFilters = typeof executionFilters.defaults

/** The API's filter names, only those that are set (a key never holds `undefined`). */
export const toExecutionApiFilters = (filters: ExecutionFilters) =>
  toApiParams(filters, {
    status: 'status',
    app: 'applicationId',
    route: 'routeId',
    agent: 'agentId',
    q: 'q',
    minDuration: 'minDurationMs',
  })
