import type { LogLevel } from '@/lib/api/types'
import { isWellFormedId, MAX_QUERY_LENGTH } from '@/lib/ids'

/**
 * What the logs view shows besides env and time range, as the URL says it:
 * `?level=WARN&q=timeout&app=order-service&agent=…&executionId=…&line=<id>`. Links are pasted
 * from chat, so every value is checked: an invalid one is dropped (never sent) and reported.
 */
export const LOG_LEVELS = [
  'TRACE',
  'DEBUG',
  'INFO',
  'WARN',
  'ERROR',
] as const satisfies readonly LogLevel[]

export interface LogFilters {
  /** Minimum level; null = everything. */
  level: LogLevel | null
  q: string
  app: string | null
  agent: string | null
  executionId: string | null
}

export const emptyLogFilters: LogFilters = {
  level: null,
  q: '',
  app: null,
  agent: null,
  executionId: null,
}

export const LOG_FILTER_PARAMS = ['level', 'q', 'app', 'agent', 'executionId', 'line'] as const
export type LogFilterParam = (typeof LOG_FILTER_PARAMS)[number]

export interface LogFilterProblem {
  param: LogFilterParam
  message: string
}

const shown = (value: string) => `“${value.length > 40 ? `${value.slice(0, 40)}…` : value}”`

function readId(
  params: URLSearchParams,
  param: 'app' | 'agent' | 'executionId' | 'line',
  what: string,
  problems: LogFilterProblem[],
): string | null {
  const value = params.get(param)
  if (value === null || value === '') return null
  if (!isWellFormedId(value)) {
    problems.push({ param, message: `The ${what} ${shown(value)} is not a valid id.` })
    return null
  }
  return value
}

export function readLogFilters(params: URLSearchParams): {
  filters: LogFilters
  /** The line a shared link points at (highlighted and opened). */
  line: string | null
  problems: LogFilterProblem[]
} {
  const problems: LogFilterProblem[] = []
  const rawLevel = params.get('level')
  let level: LogLevel | null = null
  if (rawLevel !== null && rawLevel !== '') {
    const upper = rawLevel.toUpperCase()
    if ((LOG_LEVELS as readonly string[]).includes(upper)) level = upper as LogLevel
    else
      problems.push({
        param: 'level',
        message: `The level ${shown(rawLevel)} is not one of ${LOG_LEVELS.join(', ')}.`,
      })
  }
  let q = params.get('q') ?? ''
  if (q.length > MAX_QUERY_LENGTH) {
    problems.push({
      param: 'q',
      message: `The search text was cut to ${MAX_QUERY_LENGTH} characters (the server's limit).`,
    })
    q = q.slice(0, MAX_QUERY_LENGTH)
  }
  const filters: LogFilters = {
    level,
    q: q.trim(),
    app: readId(params, 'app', 'application filter', problems),
    agent: readId(params, 'agent', 'agent filter', problems),
    executionId: readId(params, 'executionId', 'execution filter', problems),
  }
  return { filters, line: readId(params, 'line', 'line', problems), problems }
}

/** Writes the filters into `params` (keeping env, time range and everything else). */
export function writeLogFilters(
  params: URLSearchParams,
  filters: LogFilters,
  line: string | null = null,
): URLSearchParams {
  const set = (name: LogFilterParam, value: string | null) => {
    if (value === null || value === '') params.delete(name)
    else params.set(name, value)
  }
  set('level', filters.level)
  set('q', filters.q.trim())
  set('app', filters.app)
  set('agent', filters.agent)
  set('executionId', filters.executionId)
  set('line', line)
  return params
}

export function hasActiveLogFilters(filters: LogFilters): boolean {
  return (
    filters.level !== null ||
    filters.q !== '' ||
    filters.app !== null ||
    filters.agent !== null ||
    filters.executionId !== null
  )
}

/** The API's parameter names, only those set (a query key never holds `undefined`). */
export interface LogApiFilters {
  level?: LogLevel
  q?: string
  applicationId?: string
  agentId?: string
  executionId?: string
}

export function toLogApiFilters(filters: LogFilters): LogApiFilters {
  const api: LogApiFilters = {}
  if (filters.level) api.level = filters.level
  if (filters.q) api.q = filters.q
  if (filters.app) api.applicationId = filters.app
  if (filters.agent) api.agentId = filters.agent
  if (filters.executionId) api.executionId = filters.executionId
  return api
}
