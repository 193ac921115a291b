import type { ExecutionStatus } from '@/lib/api/types'
import { isWellFormedId, MAX_QUERY_LENGTH } from '@/lib/ids'

/**
 * What the execution search shows besides env and time range, as the URL says it:
 * `?status=FAILED&app=order-service&route=process-order&agent=…&minDuration=500&q=…`.
 * URLs are pasted from chat and bookmarked, so every value is checked here; an invalid one is
 * dropped (never sent to the server) and reported, so the page can say what it ignored.
 */
export const EXECUTION_STATUSES = [
  'COMPLETED',
  'FAILED',
  'RUNNING',
] as const satisfies readonly ExecutionStatus[]

export interface ExecutionFilters {
  status: ExecutionStatus | null
  /** Application id, exact match. */
  app: string | null
  /** Route id, exact match. */
  route: string | null
  /** Agent id, exact match. */
  agent: string | null
  /** Minimum duration in milliseconds. */
  minDuration: number | null
  /** Full-text search over exchange id, correlation id, headers and bodies. */
  q: string
}

export const emptyExecutionFilters: ExecutionFilters = {
  status: null,
  app: null,
  route: null,
  agent: null,
  minDuration: null,
  q: '',
}

/** Nobody searches for executions slower than this (about 11 days); a larger value is a typo. */
export const MAX_MIN_DURATION_MS = 999_999_999

export const EXECUTION_FILTER_PARAMS = [
  'status',
  'app',
  'route',
  'agent',
  'minDuration',
  'q',
] as const
export type ExecutionFilterParam = (typeof EXECUTION_FILTER_PARAMS)[number]

export interface FilterProblem {
  param: ExecutionFilterParam
  message: string
}

function shown(value: string): string {
  return `“${value.length > 40 ? `${value.slice(0, 40)}…` : value}”`
}

function readId(
  params: URLSearchParams,
  param: 'app' | 'route' | 'agent',
  what: string,
  problems: FilterProblem[],
): string | null {
  const value = params.get(param)
  if (value === null || value === '') return null
  if (!isWellFormedId(value)) {
    problems.push({ param, message: `The ${what} filter ${shown(value)} is not a valid id.` })
    return null
  }
  return value
}

export function readExecutionFilters(params: URLSearchParams): {
  filters: ExecutionFilters
  problems: FilterProblem[]
} {
  const problems: FilterProblem[] = []

  const rawStatus = params.get('status')
  let status: ExecutionStatus | null = null
  if (rawStatus !== null && rawStatus !== '') {
    if ((EXECUTION_STATUSES as readonly string[]).includes(rawStatus))
      status = rawStatus as ExecutionStatus
    else {
      problems.push({
        param: 'status',
        message: `The status ${shown(rawStatus)} is not one of ${EXECUTION_STATUSES.join(', ')}.`,
      })
    }
  }

  const rawMin = params.get('minDuration')
  let minDuration: number | null = null
  if (rawMin !== null && rawMin !== '') {
    if (/^\d{1,9}$/.test(rawMin)) minDuration = Number(rawMin)
    else {
      problems.push({
        param: 'minDuration',
        message: `The minimum duration ${shown(rawMin)} is not a number of milliseconds (0 to ${MAX_MIN_DURATION_MS}).`,
      })
    }
  }

  const rawQ = params.get('q') ?? ''
  let q = rawQ.trim()
  if (q.length > MAX_QUERY_LENGTH) {
    problems.push({
      param: 'q',
      message: `The search text is longer than ${MAX_QUERY_LENGTH} characters.`,
    })
    q = ''
  }

  return {
    filters: {
      status,
      app: readId(params, 'app', 'application', problems),
      route: readId(params, 'route', 'route', problems),
      agent: readId(params, 'agent', 'agent', problems),
      minDuration,
      q,
    },
    problems,
  }
}

/**
 * The filters written into a copy of `params`: everything else (`env`, `from`, `to`,
 * `refresh`) is kept, and empty filters are removed so the URL only says what differs.
 */
export function writeExecutionFilters(
  params: URLSearchParams,
  filters: ExecutionFilters,
): URLSearchParams {
  const next = new URLSearchParams(params)
  for (const name of EXECUTION_FILTER_PARAMS) next.delete(name)
  if (filters.status) next.set('status', filters.status)
  if (filters.app) next.set('app', filters.app)
  if (filters.route) next.set('route', filters.route)
  if (filters.agent) next.set('agent', filters.agent)
  if (filters.minDuration !== null) next.set('minDuration', String(filters.minDuration))
  if (filters.q) next.set('q', filters.q)
  return next
}

export function hasActiveFilters(filters: ExecutionFilters): boolean {
  return (
    filters.status !== null ||
    filters.app !== null ||
    filters.route !== null ||
    filters.agent !== null ||
    filters.minDuration !== null ||
    filters.q !== ''
  )
}
