import { useQuery } from '@tanstack/react-query'
import { lazy, Suspense, useCallback, useId, useMemo } from 'react'
import { ErrorState, LoadingState } from '@/components/query-states'
import type { Schemas } from '@/lib/api/types'
import { formatCount } from '@/lib/format'
import { describeUnit } from '@/lib/metric-units'
import { metricsResources } from '@/lib/resources/metrics'
import type { Scope } from '@/lib/query/query-scope'
import type { TimeRange } from '@/lib/time-range/time-range'
import { metricsQueries } from '@/features/metrics/metrics-queries'
import { MAX_METRICS, type MetricsViewState } from '@/features/metrics/metrics-url-state'
import type { ChartSpec } from './agent-metric-chart'
import { HEAP_MAX, HEAP_USED, isKnownMetric, metricLabel } from './known-metrics'

// The chart family arrives with the first chart, not with the page.
const AgentMetricChart = lazy(() =>
  import('./agent-metric-chart').then((module) => ({ default: module.AgentMetricChart })),
)

interface Props {
  scope: Scope
  range: TimeRange
  state: MetricsViewState
  refetchInterval: number | false
  onChange: (patch: Partial<MetricsViewState>) => void
}

/**
 * The agent metrics: the picker, the agent filters and one chart per chosen metric. Each
 * chart asks for its own metric (agent-metric-chart.tsx), of the chosen application only,
 * once it comes into view.
 */
export function AgentMetricsSection({ scope, range, state, refetchInterval, onChange }: Props) {
  const pickerId = useId()
  const names = useQuery(metricsResources.names(scope))
  const agents = useQuery(metricsQueries.agents(scope))

  const catalogue = useMemo(() => {
    const byName = new Map<string, Schemas['MetricName']>()
    for (const item of names.data?.items ?? []) byName.set(item.name, item)
    return byName
  }, [names.data])

  const agentById = useMemo(() => {
    const map = new Map<string, Schemas['AgentInfo']>()
    for (const agent of agents.data?.items ?? []) map.set(agent.agentId, agent)
    return map
  }, [agents.data])

  const applications = useMemo(
    () => [...new Set((agents.data?.items ?? []).map((agent) => agent.applicationId))].sort(),
    [agents.data],
  )

  const specs = useMemo(() => chartSpecs(state.metrics, catalogue), [state.metrics, catalogue])

  // Every agent of the environment, so an agent has the same colour on every chart.
  const colourKeys = useMemo(() => [...agentById.keys()].sort(), [agentById])
  const shownAgents = useMemo(() => {
    const needle = state.agent.toLowerCase()
    return [...agentById.values()].filter(
      (agent) =>
        (!needle || agent.agentId.toLowerCase().includes(needle)) &&
        (!state.agentApp || agent.applicationId === state.agentApp),
    ).length
  }, [agentById, state.agent, state.agentApp])

  const describeAgent = useMemo(
    () => (agentId: string) => {
      const status = agentById.get(agentId)?.status
      return status && status !== 'LIVE' ? status : null
    },
    [agentById],
  )
  const onShowAllChange = useCallback((allAgents: boolean) => onChange({ allAgents }), [onChange])

  const toggleMetric = (name: string, checked: boolean) => {
    const others = state.metrics.filter((candidate) => candidate !== name)
    onChange({ metrics: checked ? [...others, name].slice(0, MAX_METRICS) : others })
  }

  const offered = useMemo(() => {
    const all = [...catalogue.keys()]
    // A name in the link that the server does not list (yet) stays visible, so it can be unticked.
    for (const name of state.metrics) if (!catalogue.has(name)) all.push(name)
    return all
  }, [catalogue, state.metrics])

  return (
    <section className="metrics-section" aria-labelledby={`${pickerId}-heading`}>
      <h2 id={`${pickerId}-heading`}>Agents</h2>
      <div className="metrics-agent-controls">
        <fieldset className="metrics-picker">
          <legend>Metrics</legend>
          {names.isPending ? <LoadingState label="Loading the metric names…" /> : null}
          {names.isError ? (
            <ErrorState
              error={names.error}
              title="Could not load the metric names"
              onRetry={() => void names.refetch()}
            />
          ) : null}
          <ul className="metrics-picker-list">
            {offered.map((name) => {
              const item = catalogue.get(name)
              const descriptionId = `${pickerId}-${name}`
              return (
                <li key={name}>
                  <label>
                    <input
                      type="checkbox"
                      checked={state.metrics.includes(name)}
                      disabled={
                        !state.metrics.includes(name) && state.metrics.length >= MAX_METRICS
                      }
                      onChange={(event) => toggleMetric(name, event.target.checked)}
                      aria-describedby={descriptionId}
                    />
                    {metricLabel(name)}
                  </label>
                  <span id={descriptionId} className="metrics-picker-detail">
                    {isKnownMetric(name) ? <code>{name}</code> : null}
                    {item ? ` ${describeUnit(item.unit)}` : ' not reported in this environment'}
                    {item?.description && !isKnownMetric(name) ? ` · ${item.description}` : ''}
                  </span>
                </li>
              )
            })}
          </ul>
        </fieldset>
        <div className="metrics-agent-filters">
          <div className="field">
            <label htmlFor={`${pickerId}-app`}>Application</label>
            <select
              id={`${pickerId}-app`}
              value={state.agentApp ?? ''}
              onChange={(event) => onChange({ agentApp: event.target.value || null })}
            >
              <option value="">All applications</option>
              {applications.map((app) => (
                <option key={app} value={app}>
                  {app}
                </option>
              ))}
              {state.agentApp && !applications.includes(state.agentApp) ? (
                <option value={state.agentApp}>{state.agentApp}</option>
              ) : null}
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${pickerId}-agent`}>Agent id contains</label>
            <input
              id={`${pickerId}-agent`}
              type="search"
              value={state.agent}
              maxLength={200}
              onChange={(event) => onChange({ agent: event.target.value })}
            />
          </div>
          {agents.data ? (
            <p className="metrics-agent-count" aria-live="polite">
              {formatCount(shownAgents)} of {formatCount(agentById.size)} agents
            </p>
          ) : null}
        </div>
      </div>

      {state.metrics.length === 0 ? (
        <p className="metrics-empty">Choose one or more metrics above to chart them.</p>
      ) : (
        <Suspense fallback={<LoadingState label="Loading the charts…" />}>
          <div className="metrics-charts">
            {specs.map((spec) => (
              <AgentMetricChart
                key={spec.id}
                scope={scope}
                range={range}
                spec={spec}
                applicationId={state.agentApp}
                agentFilter={state.agent}
                showAll={state.allAgents}
                onShowAllChange={onShowAllChange}
                colourKeys={colourKeys}
                describeAgent={describeAgent}
                refetchInterval={refetchInterval}
              />
            ))}
          </div>
        </Suspense>
      )}
    </section>
  )
}

/** One chart per chosen name, except heap used and heap max, which share one. */
function chartSpecs(
  chosen: readonly string[],
  catalogue: ReadonlyMap<string, Schemas['MetricName']>,
): ChartSpec[] {
  const unitOf = (name: string) => catalogue.get(name)?.unit ?? null
  const subtitle = (name: string, extra = '') => {
    const unit = unitOf(name)
    return `${name}${extra}${unit ? ` · ${describeUnit(unit)}` : ''}`
  }
  const specs: ChartSpec[] = []
  for (const name of chosen) {
    if (name === HEAP_MAX && chosen.includes(HEAP_USED)) continue
    if (name === HEAP_USED && chosen.includes(HEAP_MAX)) {
      specs.push({
        id: name,
        title: 'Heap used',
        subtitle: subtitle(name, ' against jvm.memory.heap.max (dashed)'),
        unit: unitOf(name),
        names: [HEAP_USED, HEAP_MAX],
      })
      continue
    }
    specs.push({
      id: name,
      title: metricLabel(name),
      subtitle: subtitle(name),
      unit: unitOf(name),
      names: [name],
    })
  }
  return specs
}
