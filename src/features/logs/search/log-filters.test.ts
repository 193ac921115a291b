import { describe, expect, it } from 'vitest'
import { logFilters, logsView, toLogApiFilters, type LogFilters } from './log-filters'

describe('log filters in the URL', () => {
  it('round-trips every filter and keeps env and time range', () => {
    const filters: LogFilters = {
      level: 'WARN',
      q: 'read timed out',
      app: 'order-service',
      agent: 'order-service-abc12-1',
      executionId: '0abcde-001-zz12',
    }
    const params = logsView.write(new URLSearchParams('env=prod&from=now-6h&to=now'), {
      filters,
      line: 'line-1',
      live: true,
    })
    expect(params.get('env')).toBe('prod')
    expect(params.get('from')).toBe('now-6h')
    expect(params.get('live')).toBe('1')
    const read = logsView.read(new URLSearchParams(params.toString()))
    expect(read.values).toEqual({ filters, line: 'line-1', live: true })
    expect(read.ignored).toEqual([])
    expect(toLogApiFilters(read.values.filters)).toEqual({
      level: 'WARN',
      q: 'read timed out',
      applicationId: 'order-service',
      agentId: 'order-service-abc12-1',
      executionId: '0abcde-001-zz12',
    })
  })

  it('removes cleared filters from the URL', () => {
    const params = logFilters.write(
      new URLSearchParams('env=dev&level=ERROR&q=x&executionId=e'),
      logFilters.defaults,
    )
    expect(params.toString()).toBe('env=dev')
    expect(toLogApiFilters(logFilters.defaults)).toEqual({})
  })

  it('drops and reports hostile values instead of sending them', () => {
    const read = logsView.read(
      new URLSearchParams({
        level: 'LOUD',
        q: 'x'.repeat(300),
        agent: 'a\u0000b',
        executionId: 'e'.repeat(300),
        line: 'l\u0007',
      }),
    )
    const { filters } = read.values
    expect(filters.level).toBeNull()
    expect(filters.q).toHaveLength(200)
    expect(filters.agent).toBeNull()
    expect(filters.executionId).toBeNull()
    expect(read.values.line).toBeNull()
    expect(read.ignored.map((p) => p.param).sort()).toEqual([
      'agent',
      'executionId',
      'level',
      'line',
      'q',
    ])
    expect(read.ignored.find((p) => p.param === 'level')?.message).toBe(
      'The level “LOUD” is not one of TRACE, DEBUG, INFO, WARN, ERROR.',
    )
    expect(read.ignored.find((p) => p.param === 'q')?.message).toBe(
      "The search text was cut to 200 characters (the server's limit).",
    )
    expect(logFilters.read(new URLSearchParams('level=error')).values.level).toBe('ERROR')
  })
})
