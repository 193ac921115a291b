import { afterEach, describe, expect, it, vi } from 'vitest'
import { agentListSchema } from '@/lib/api/generated/response-schemas/agent-list'
import { metricsResponseSchema } from '@/lib/api/generated/response-schemas/metrics-response'
import { listAgents } from '@/mocks/agents/agent-data'
import { ContractError } from './errors'
import { validateResponse, validateResponseInSlices } from './response-validation'

afterEach(() => {
  vi.restoreAllMocks()
  vi.unstubAllGlobals()
})

const agentList = () => ({ items: listAgents('acme', 'prod') })

/** What each way of checking says of `body`: the issues of its ContractError, or [] when accepted. */
async function issuesBothWays(body: unknown): Promise<[string[], string[]]> {
  const whole = (() => {
    try {
      validateResponse(agentListSchema, body, '/agents')
      return []
    } catch (error) {
      if (error instanceof ContractError) return error.issues
      throw error
    }
  })()
  const sliced = await validateResponseInSlices(agentListSchema, body, '/agents').then(
    () => [],
    (error: unknown) => {
      if (error instanceof ContractError) return error.issues
      throw error
    },
  )
  return [whole, sliced]
}

describe('validateResponseInSlices', () => {
  it('accepts what validateResponse accepts, and names a bad row, deep in the list, as it does', async () => {
    const good = agentList()
    expect(await issuesBothWays(good)).toEqual([[], []])

    const bad = agentList()
    const row = bad.items[7] as unknown as Record<string, unknown>
    delete row.status
    row.routeIds = 'not a list'
    ;(bad as Record<string, unknown>).extra = true
    const [whole, sliced] = await issuesBothWays(bad)
    expect(sliced.length).toBeGreaterThan(0)
    expect(sliced).toEqual(expect.arrayContaining(['items.7.status: is required']))
    expect([...sliced].sort()).toEqual([...whole].sort())

    // The envelope is still checked: a list that is not one, a missing list.
    const [wholeNotList, slicedNotList] = await issuesBothWays({ items: 'none' })
    expect(slicedNotList).toEqual(wholeNotList)
    expect(slicedNotList.length).toBeGreaterThan(0)
    expect((await issuesBothWays({}))[1]).toEqual(['items: is required'])
  })

  it('hands the main thread back between slices of rows once a slice has taken 8 ms', async () => {
    let now = 0
    // Each row "takes" 3 ms (one reading of the clock per row): a slice ends after its third.
    vi.spyOn(performance, 'now').mockImplementation(() => (now += 3))
    // How the browser is handed the thread (lib/api/next-task.ts), counted.
    const handBack = vi.fn(() => Promise.resolve())
    vi.stubGlobal('scheduler', { yield: handBack })
    const body = {
      tenantId: 'acme',
      environment: 'prod',
      start: '2026-12-07T00:00:00Z',
      step: 60,
      series: Array.from({ length: 30 }, (_, index) => ({
        agentId: `agent-${index}`,
        applicationId: 'order-service',
        name: 'jvm.memory.heap.used',
        unit: 'bytes',
        values: [1, null, 3],
      })),
    }
    await expect(validateResponseInSlices(metricsResponseSchema, body, '/metrics')).resolves.toBe(
      body,
    )
    expect(handBack).toHaveBeenCalledTimes(10)
  })
})
