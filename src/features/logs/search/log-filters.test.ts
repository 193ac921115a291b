import { describe, expect, it } from 'vitest'
import { readLogFilters, toLogApiFilters, writeLogFilters, type LogFilters } from './log-filters'

describe('log filters in the URL', () => {
  it('round-trips every filter and keeps env and time range', () => {
    const filters: LogFilters = {
      level: 'WARN',
      q: 'read timed out',
      app: 'order-service',
      agent: 'order-service-abc12-1',
      executionId: '0abcde-001-zz12',
    }
    const params = writeLogFilters(
      new URLSearchParams('env=prod&from=now-6h&to=now'),
      filters,
      'line-1',
    )
    expect(params.get('env')).toBe('prod')
    expect(params.get('from')).toBe('now-6h')
    const read = readLogFilters(new URLSearchParams(params.toString()))
    expect(read.filters).toEqual(filters)
    expect(read.line).toBe('line-1')
    expect(read.problems).toEqual([])
    expect(toLogApiFilters(read.filters)).toEqual({
      level: 'WARN',
      q: 'read timed out',
      applicationId: 'order-service',
      agentId: 'order-service-abc12-1',
      executionId: '0abcde-001-zz12',
    })
  })

  it('removes cleared filters from the URL', () => {
    const params = writeLogFilters(new URLSearchParams('env=dev&level=ERROR&q=x&executionId=e'), {
      level: null,
      q: '',
      app: null,
      agent: null,
      executionId: null,
    })
    expect(params.toString()).toBe('env=dev')
  })

  it('drops and reports hostile values instead of sending them', () => {
    const read = readLogFilters(
      new URLSearchParams({
        level: 'LOUD',
        q: 'x'.repeat(300),
        agent: 'a\u0000b',
        executionId: 'e'.repeat(300),
      }),
    )
    expect(read.filters.level).toBeNull()
    expect(read.filters.q).toHaveLength(200)
    expect(read.filters.agent).toBeNull()
    expect(read.filters.executionId).toBeNull()
    expect(read.problems.map((p) => p.param).sort()).toEqual(['agent', 'executionId', 'level', 'q'])
    expect(readLogFilters(new URLSearchParams('level=error')).filters.level).toBe('ERROR')
  })
})
