import { http, HttpResponse } from 'msw'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { scopedGet } from '@/lib/api/api-client'
import { ContractError, HttpError, ScopeMismatchError } from '@/lib/api/errors'
import { metricsResponseSchema } from '@/lib/api/generated/response-schemas/metrics-response'
import type { Schemas } from '@/lib/api/types'
import { summarizeValues } from '@/lib/series-summary'
import { signDemoToken } from '@/mocks/auth/auth-tokens'
import { server } from '@/mocks/node'
import { endSession, startSession } from '@/session/session-store'
import { fetchAgentMetricColumns } from './fetch-agent-metric-columns'
import { toMetricColumns } from './metric-columns'

const key = { tenant: 'acme', env: 'prod', from: 'now-6h', to: 'now' }
const NAMES = 'jvm.memory.heap.used,process.cpu.usage'
const stepFor = () => 60

beforeEach(async () => {
  startSession(await signDemoToken('admin@acme'), 'login')
})
afterEach(() => endSession('signed-out'))

const answer = (body: unknown, init?: ResponseInit) =>
  server.use(
    http.get('*/api/v1/metrics', () => HttpResponse.json(body as Record<string, unknown>, init)),
  )

async function failureOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise
  } catch (error) {
    return error
  }
  throw new Error('expected the call to fail')
}

function response(series: Schemas['MetricSeries'][]): Schemas['MetricsResponse'] {
  return { tenantId: 'acme', environment: 'prod', step: 60, series }
}

describe('toMetricColumns', () => {
  const points = (values: number[], startMs = Date.UTC(2026, 10, 28, 6)) =>
    values.map((v, i) => ({ t: new Date(startMs + i * 60_000).toISOString(), v }))

  it('turns every series into epoch-ms and value columns, in order, with exact summaries', () => {
    const { value, transfer } = toMetricColumns(
      response([
        { agentId: 'a-1', name: 'cpu', unit: 'ratio', points: points([0.5, 0.25, 0.75]) },
        { agentId: 'a-2', name: 'cpu', unit: 'ratio', points: [] },
        { agentId: 'a-3', name: 'cpu', unit: 'ratio', points: points([9, -1]) },
      ]),
    )
    expect(value).toMatchObject({ tenantId: 'acme', environment: 'prod', step: 60 })
    const [first, empty, third] = value.series
    expect([...(first?.times ?? [])]).toEqual([0, 1, 2].map((i) => Date.UTC(2026, 10, 28, 6, i)))
    expect([...(first?.values ?? [])]).toEqual([0.5, 0.25, 0.75])
    expect(first?.summary).toEqual({ latest: 0.75, min: 0.25, max: 0.75, mean: 0.5 })
    expect(empty?.times).toHaveLength(0)
    expect(empty?.summary).toEqual({ latest: null, min: null, max: null, mean: null })
    expect([...(third?.values ?? [])]).toEqual([9, -1])
    expect(third).toMatchObject({ agentId: 'a-3', name: 'cpu', unit: 'ratio' })
    // Two buffers for all series: what the worker moves instead of copying.
    expect(transfer).toHaveLength(2)
    expect(first?.times.buffer).toBe(third?.times.buffer)
  })

  it('keeps a silence as a jump in time (the chart breaks the line there)', () => {
    const start = Date.UTC(2026, 10, 28, 6)
    const { value } = toMetricColumns(
      response([
        {
          agentId: 'a-1',
          name: 'cpu',
          unit: 'ratio',
          points: [...points([1, 1], start), ...points([2], start + 30 * 60_000)],
        },
      ]),
    )
    expect([...(value.series[0]?.times ?? [])]).toEqual([start, start + 60_000, start + 1_800_000])
  })
})

describe('fetchAgentMetricColumns (the worker job, run inline where no worker exists)', () => {
  it('answers what scopedGet answers, as columns with summaries over every point', async () => {
    const columns = await fetchAgentMetricColumns(key, new AbortController().signal, NAMES, stepFor)
    const plain = await scopedGet('/metrics', {
      scope: key,
      schema: metricsResponseSchema,
      query: { ...columns.resolved, names: NAMES, step: 60 },
    })
    expect(columns.step).toBe(plain.step)
    expect(columns.series.map((one) => `${one.agentId}/${one.name}`)).toEqual(
      plain.series.map((one) => `${one.agentId}/${one.name}`),
    )
    const [first] = plain.series
    const [firstColumns] = columns.series
    expect(first && firstColumns).toBeTruthy()
    expect([...(firstColumns?.values ?? [])]).toEqual(first?.points.map((point) => point.v))
    expect([...(firstColumns?.times ?? [])]).toEqual(
      first?.points.map((point) => Date.parse(point.t)),
    )
    expect(firstColumns?.summary).toEqual(
      summarizeValues(first?.points.map((point) => point.v) ?? []),
    )
  })

  it('refuses an answer of another environment with the ScopeMismatchError scopedGet gives', async () => {
    answer({ ...response([]), environment: 'staging' })
    const error = await failureOf(
      fetchAgentMetricColumns(key, new AbortController().signal, NAMES, stepFor),
    )
    expect(error).toBeInstanceOf(ScopeMismatchError)
    expect((error as Error).message).toMatch(/environment “staging”.*environment “prod”/)
  })

  it('refuses an answer of another tenant', async () => {
    answer({ ...response([]), tenantId: 'beta' })
    const error = await failureOf(
      fetchAgentMetricColumns(key, new AbortController().signal, NAMES, stepFor),
    )
    expect(error).toBeInstanceOf(ScopeMismatchError)
    expect((error as Error).message).toMatch(/tenant “beta”/)
  })

  it('refuses a malformed answer with a ContractError naming the field', async () => {
    answer(
      response([
        {
          agentId: 'a-1',
          name: 'cpu',
          unit: 'ratio',
          points: [{ t: 'yesterday', v: 1 } as never],
        },
      ]),
    )
    const error = await failureOf(
      fetchAgentMetricColumns(key, new AbortController().signal, NAMES, stepFor),
    )
    expect(error).toBeInstanceOf(ContractError)
    expect((error as ContractError).issues).toContainEqual(
      expect.stringMatching(/^series\.0\.points\.0\.t: /),
    )
  })

  it('refuses a body that is not JSON, as scopedGet does', async () => {
    server.use(
      http.get(
        '*/api/v1/metrics',
        () => new HttpResponse('{"series": [', { headers: { 'Content-Type': 'application/json' } }),
      ),
    )
    const error = await failureOf(
      fetchAgentMetricColumns(key, new AbortController().signal, NAMES, stepFor),
    )
    expect(error).toBeInstanceOf(ContractError)
    expect((error as ContractError).issues).toEqual(['the body is not valid JSON'])
  })

  it('passes HTTP errors through unchanged', async () => {
    answer({ type: 'about:blank', title: 'Unavailable', status: 503 }, { status: 503 })
    const error = await failureOf(
      fetchAgentMetricColumns(key, new AbortController().signal, NAMES, stepFor),
    )
    expect(error).toBeInstanceOf(HttpError)
    expect((error as HttpError).status).toBe(503)
  })

  it('lets an abort through as an abort', async () => {
    const controller = new AbortController()
    const pending = fetchAgentMetricColumns(key, controller.signal, NAMES, stepFor)
    controller.abort()
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' })
  })
})
