import type { LogLevel } from '@/lib/api/types'
import { MAX_QUERY_LENGTH } from '@/lib/ids'
import {
  choice,
  defineUrlState,
  flag,
  group,
  id,
  text,
  toApiParams,
} from '@/lib/url-state/url-state'

export const LOG_LEVELS = [
  'TRACE',
  'DEBUG',
  'INFO',
  'WARN',
  'ERROR',
] as const satisfies readonly LogLevel[]

/**
 * What the logs view searches for besides env and time range, as the URL says it:
 * `?level=WARN&q=timeout&app=order-service&agent=…&executionId=…`. The level is a minimum
 * (`warn` reads as `WARN`); a search text past the server's limit is cut to it.
 */
export const logFilters = defineUrlState({
  level: choice('level', LOG_LEVELS, { label: 'level', upperCase: true }),
  q: text('q', { label: 'search text', max: MAX_QUERY_LENGTH, whenLonger: 'cut' }),
  app: id('app', 'application filter'),
  agent: id('agent', 'agent filter'),
  executionId: id('executionId', 'execution filter'),
})

export type LogFilters = typeof logFilters.defaults

/**
 * The whole view: the filters, the line a shared link points at (`line`, highlighted and
 * opened) and the live tail (`live=1`, in the URL so it survives the environment switch, which
 * remounts the view, and Reload).
 */
export const logsView = defineUrlState({
  filters: group(logFilters),
  line: id('line', 'line'),
  live: flag('live', '1', 'live tail'),
})

/** The API's parameter names, only those set (a query key never holds `undefined`). */
export const toLogApiFilters = (filters: LogFilters) =>
  toApiParams(filters, {
    level: 'level',
    q: 'q',
    app: 'applicationId',
    agent: 'agentId',
    executionId: 'executionId',
  })
