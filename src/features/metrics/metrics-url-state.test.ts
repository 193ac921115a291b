import { describe, expect, it } from 'vitest'
import { DEFAULT_METRICS } from './agents/known-metrics'
import { metricsView, type MetricsViewState } from './metrics-url-state'

const read = (query: string) => {
  const { values, ignored } = metricsView.read(new URLSearchParams(query))
  return { state: values, problems: ignored }
}
const writeMetricsViewState = (params: URLSearchParams, state: MetricsViewState) =>
  metricsView.write(params, state)

describe('metrics view state in the URL', () => {
  it('reads defaults from an empty URL and writes nothing for them', () => {
    const { state, problems } = read('')
    expect(problems).toEqual([])
    expect(state.metrics).toEqual(DEFAULT_METRICS)
    expect(state.route).toBeNull()
    expect(state.routeSort).toEqual({ column: 'errorRate', desc: true })
    expect(writeMetricsViewState(new URLSearchParams('env=prod'), state).toString()).toBe(
      'env=prod',
    )
  })

  it('round-trips every choice and keeps the parameters it does not own', () => {
    const state: MetricsViewState = {
      routesApp: 'order-service',
      routeSort: { column: 'p99Ms', desc: false },
      route: { applicationId: 'order-service', routeId: 'order-intake' },
      metrics: ['kafka.consumer.records.lag', 'process.cpu.usage'],
      agentApp: 'payment-gateway',
      agent: 'gateway-7',
      allAgents: true,
    }
    const params = writeMetricsViewState(
      new URLSearchParams('env=prod&from=now-6h&to=now&refresh=30s'),
      state,
    )
    expect(params.get('env')).toBe('prod')
    expect(params.get('from')).toBe('now-6h')
    expect(params.get('refresh')).toBe('30s')
    const back = read(params.toString())
    expect(back.problems).toEqual([])
    expect(back.state).toEqual(state)
  })

  it('drops hostile or broken values with a message instead of failing', () => {
    const { state, problems } = read(
      `sort=drop.table&metrics=ok.name,${encodeURIComponent('<script>')},,ok.name&agent=${'x'.repeat(500)}&route=only-half`,
    )
    expect(state.routeSort).toEqual({ column: 'errorRate', desc: true })
    expect(state.metrics).toEqual(['ok.name'])
    expect(state.agent).toBe('')
    // A route needs both its application and its id.
    expect(state.route).toBeNull()
    expect(problems.map((problem) => problem.param)).toEqual(['sort', 'metrics', 'agent'])
  })

  it('keeps at most 20 metric names (the API takes 20 per request)', () => {
    const names = Array.from({ length: 25 }, (_, i) => `m${i}`)
    const { state, problems } = read(`metrics=${names.join(',')}`)
    expect(state.metrics).toEqual(names.slice(0, 20))
    expect(problems).toHaveLength(1)
  })

  it('an empty metrics list stays empty (the user unticked every metric)', () => {
    const { state } = read('metrics=')
    expect(state.metrics).toEqual([])
    expect(writeMetricsViewState(new URLSearchParams(), state).toString()).toBe('metrics=')
  })
})
