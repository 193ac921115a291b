import { beforeAll, describe, expect, it } from 'vitest'
import { ContractError } from './errors'
import { prepareValidation, validateResponse } from './response-validation'
import { metricsResponseSchema } from '@/lib/api/generated/response-schemas/metrics-response'

/** 40 agents × 8 names × 960 points, the size of a day of metrics at the finest step. */
function metricsBody(points = 960, series = 320) {
  const start = Date.parse('2026-11-24T14:30:00.000Z')
  return {
    tenantId: 'acme',
    environment: 'prod',
    step: 90,
    series: Array.from({ length: series }, (_, s) => ({
      agentId: `agent-${s % 40}`,
      name: `metric.${Math.floor(s / 40)}`,
      unit: 'bytes',
      points: Array.from({ length: points }, (_, i) => ({
        t: new Date(start + i * 90_000).toISOString(),
        v: i * 1.5,
      })),
    })),
  }
}

function issuesOf(body: unknown): string[] {
  try {
    validateResponse(metricsResponseSchema, body, '/metrics')
  } catch (error) {
    if (error instanceof ContractError) return error.issues
    throw error
  }
  return []
}

describe('validation of long arrays of flat rows', () => {
  // As the API client does before it validates an answer holding a long array.
  beforeAll(() => prepareValidation(metricsBody(256, 1)))

  it('accepts a day of forty agents’ metrics', () => {
    expect(issuesOf(metricsBody())).toEqual([])
  })

  it('refuses a bad row anywhere in a long array, naming where', () => {
    const body = metricsBody(500, 3)
    ;(body.series[2]?.points[417] as { v: unknown }).v = 'NaN'
    expect(issuesOf(body)).toEqual(['series.2.points.417.v: must be number'])
    const missing = metricsBody(500, 3)
    delete (missing.series[1]?.points[3] as { t?: string }).t
    expect(issuesOf(missing)).toEqual(['series.1.points.3.t: is required'])
    const badTime = metricsBody(500, 1)
    ;(badTime.series[0]?.points[499] as { t: string }).t = '2026-02-31T00:00:00Z'
    expect(issuesOf(badTime)).toEqual(['series.0.points.499.t: must be a date-time'])
  })

  it('still applies the array’s own limits and checks the rest with the general validator', () => {
    expect(issuesOf(metricsBody(1001, 1))).toContain(
      'series.0.points: must have at most 1000 items',
    )
    const body = { ...metricsBody(300, 1), step: 5 }
    expect(issuesOf(body).join()).toMatch(/step/)
  })
})
