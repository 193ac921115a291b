import { useQuery } from '@tanstack/react-query'
import { useEffect, useId, useMemo } from 'react'
import { ErrorState, LoadingState } from '@/components/query-states'
import { RefreshFailedNotice } from '@/components/refresh-failed-notice'
import type { Schemas } from '@/lib/api/types'
import { formatCount } from '@/lib/format'
import { describeUnit } from '@/lib/metric-units'
import { polling } from '@/lib/query/retry-policy'
import { keepPreviousInScope, type Scope } from '@/lib/query/query-scope'
import type { TimeRange } from '@/lib/time-range/time-range'
import { MetricFigure, preloadChartBody } from '@/features/metrics/charts/metric-figure'
import type { ChartSeries } from '@/features/metrics/charts/chart-series'
import { metricsQueries } from '@/features/metrics/metrics-queries'
import { MAX_METRICS, type MetricsViewState } from '@/features/metrics/metrics-url-state'
import { HEAP_MAX, HEAP_USED, isKnownMetric, metricLabel } from './known-metrics'

/** More lines than this on one chart cannot be told apart: the rest are counted, not drawn. */
export const TOP_AGENTS = 8

interface Props {
  scope: Scope
  range: TimeRange
  state: MetricsViewState
  refetchInterval: number | false
  onChange: (patch: Partial<MetricsViewState>) => void
}

interface ChartSpec {
  id: string
  title: string
  subtitle: string
  unit: string
  names: string[]
}

/** The agent metrics: the picker, the agent filters and one chart per chosen metric. */
export function AgentMetricsSection({ scope, range, state, refetchInterval, onChange }: Props) {
  const pickerId = useId()
  const names = useQuery(metricsQueries.names(scope))
  const agents = useQuery(metricsQueries.agents(scope))
  const metrics = useQuery({
    ...metricsQueries.agentMetrics(scope, range, state.metrics),
    enabled: state.metrics.length > 0,
    // Each answer is new data; comparing 300,000 points with the last answer costs more than
    // re-rendering the charts.
    structuralSharing: false,
    refetchInterval: polling(refetchInterval),
    placeholderData: (previous, previousQuery) =>
      keepPreviousInScope(previous, previousQuery, scope),
  })

  // The chart code loads while the (big) answer is on its way, not after it.
  const chartsComing = state.metrics.length > 0
  useEffect(() => {
    if (chartsComing) preloadChartBody()
  }, [chartsComing])

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

  const data = metrics.data
  const specs = useMemo(
    () => chartSpecs(state.metrics, catalogue, data?.series ?? []),
    [state.metrics, catalogue, data],
  )

  const filtered = useMemo(() => {
    const needle = state.agent.toLowerCase()
    // Read, checked and turned into typed arrays off the main thread (fetch-agent-metric-columns.ts).
    return (data?.series ?? []).filter((one) => {
      if (needle && !one.agentId.toLowerCase().includes(needle)) return false
      if (state.agentApp && agentById.get(one.agentId)?.applicationId !== state.agentApp) {
        return false
      }
      return true
    })
  }, [data, state.agent, state.agentApp, agentById])

  const colourKeys = useMemo(
    () => [...new Set((data?.series ?? []).map((one) => one.agentId))].sort(),
    [data],
  )
  const domain = useMemo(
    () =>
      data
        ? { from: Date.parse(data.resolved.from), to: Date.parse(data.resolved.to) }
        : { from: 0, to: 1 },
    [data],
  )
  const chartSeries = useMemo(() => {
    const byChart = new Map<string, ChartSeries[]>()
    for (const spec of specs) {
      byChart.set(
        spec.id,
        filtered
          .filter((one) => spec.names.includes(one.name))
          .map((one) => ({
            id: `${one.agentId}/${one.name}`,
            key: one.agentId,
            label:
              spec.names.length > 1 ? `${one.agentId} — ${metricLabel(one.name)}` : one.agentId,
            primary: one.name === spec.names[0],
            times: one.times,
            values: one.values,
            summary: one.summary,
          })),
      )
    }
    return byChart
  }, [specs, filtered])

  const describeAgent = useMemo(
    () => (agentId: string) => {
      const status = agentById.get(agentId)?.status
      return status && status !== 'LIVE' ? status : null
    },
    [agentById],
  )

  const toggleMetric = (name: string, checked: boolean) => {
    const next = checked
      ? [...state.metrics, name].slice(0, MAX_METRICS)
      : state.metrics.filter((candidate) => candidate !== name)
    onChange({ metrics: next })
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
          {data ? (
            <p className="metrics-agent-count" aria-live="polite">
              {formatCount(new Set(filtered.map((one) => one.agentId)).size)} of{' '}
              {formatCount(colourKeys.length)} agents · one point every {data.step} s
              {metrics.isPlaceholderData ? ' · updating…' : ''}
            </p>
          ) : null}
        </div>
      </div>

      {state.metrics.length === 0 ? (
        <p className="metrics-empty">Choose one or more metrics above to chart them.</p>
      ) : metrics.isPending ? (
        <LoadingState label="Loading the agent metrics…" />
      ) : metrics.isError && !data ? (
        <ErrorState
          error={metrics.error}
          title="Could not load the agent metrics"
          onRetry={() => void metrics.refetch()}
        />
      ) : data ? (
        <>
          <RefreshFailedNotice what="the agent metrics" query={metrics} />
          <div className="metrics-charts">
            {specs.map((spec) => (
              <MetricFigure
                key={spec.id}
                title={spec.title}
                subtitle={spec.subtitle}
                unit={spec.unit}
                series={chartSeries.get(spec.id) ?? []}
                domain={domain}
                stepMs={data.step * 1000}
                colourKeys={colourKeys}
                noun="agent"
                topLimit={TOP_AGENTS}
                showAll={state.allAgents}
                onShowAllChange={(allAgents) => onChange({ allAgents })}
                describeKey={describeAgent}
                emptyText="No agent reported this metric in the time range (with these filters)."
              />
            ))}
          </div>
        </>
      ) : null}
    </section>
  )
}

/** One chart per chosen name, except heap used and heap max, which share one. */
function chartSpecs(
  chosen: readonly string[],
  catalogue: ReadonlyMap<string, Schemas['MetricName']>,
  series: readonly { name: string; unit: string }[],
): ChartSpec[] {
  const unitOf = (name: string) =>
    catalogue.get(name)?.unit ?? series.find((one) => one.name === name)?.unit ?? ''
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
